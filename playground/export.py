"""Downloads of a run: the setup as JSON (and reading one back), the history as CSV, and the
weights, data and scaler as one `.npz` file that the scripts of `playground.codegen` load.

`.npz` keys (every array float64 unless noted; load with `load_npz` or `np.load`):

| key                               | what                                                      |
|-----------------------------------|-----------------------------------------------------------|
| `W1`, `b1`, …, `WL`, `bL`         | trained (final) weights, W_l: (fan_in, fan_out·pieces)    |
| `init_W1`, `init_b1`, …           | the initial weights the run started from (same shapes)    |
| `X_train`, `X_test`               | the splits as the trainer saw them, i.e. already scaled   |
| `P_train`, `P_test`               | with feature inputs only: the points (n, 2), own units    |
| `y_train`, `y_test`               | int64 class labels 0..K−1 (float64 targets: regression)   |
| `sizes`                           | int64 layer widths [inputs, hidden…, outputs]             |
| `config_json`                     | 0-d text array: the setup, `RunConfig.from_json(str(a))`  |
| `class_names`                     | text array, one name per class                            |
| `scaler_<attr>` (where it exists) | the fitted scaler's parameters under scikit-learn's names |

Scaler parameters: `standard` → `scaler_mean_`, `scaler_var_`, `scaler_scale_`; `minmax` →
`scaler_data_min_`, `scaler_data_max_`, `scaler_data_range_`, `scaler_scale_`, `scaler_min_`.
`none` and the normalizers have no fitted parameters (a normalizer works per sample).
Maxout hidden layers have pieces = 2 columns per unit; unit j uses columns 2j and 2j+1.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np

from playground import experiment, features
from playground.config import (
    FIELD_NAMES,
    RunConfig,
    control_allowed,
    for_controls,
)
from playground.experiment import RunResult
from playground.nn import losses
from playground.nn.network import MLP

_PREFIX = "These settings cannot be used: "
MAX_UPLOAD_BYTES = 100_000  # a settings file is < 1 KB; anything this big is not one
SCALER_ATTRS = ("mean_", "var_", "scale_", "data_min_", "data_max_", "data_range_", "min_")


# ---- the setup as JSON ----------------------------------------------------------------------
def config_json(config: RunConfig) -> str:
    """The setup as JSON text (every setting, sorted keys); `config_from_upload` reads it back."""
    return config.to_json()


def config_from_upload(raw: bytes | bytearray | str) -> RunConfig:
    """A RunConfig from an uploaded settings file (its bytes or text).

    Raises ValueError with a plain-words message when the file is too large, not text, not JSON,
    not a JSON object, or has an unknown setting or a value that is not allowed (the message
    names the setting and says what is allowed).
    """
    text = _upload_text(raw)
    if not text.strip():
        raise ValueError('The file is empty. A settings file is JSON such as {"dataset": "moons"}.')
    try:
        config = RunConfig.from_json(text)
    except RecursionError:
        raise ValueError(f"{_PREFIX}the JSON is nested too deeply to be a settings file.") from None
    except ValueError as e:
        raise ValueError(_explain(text, e)) from None
    # RunConfig reads JSON true/false as 1/0 and takes a list as text; a settings file must not
    for key, value in json.loads(text).items():
        if _value_problem(key, value):
            raise ValueError(_bad_value(key, value))
    try:  # the sidebar must be able to show every value as it is: nothing is changed silently
        return for_controls(config)
    except ValueError as e:
        raise ValueError(f"{_PREFIX}{e}") from None


def _upload_text(raw: bytes | bytearray | str) -> str:
    if isinstance(raw, str):
        size = len(raw.encode("utf-8", errors="surrogatepass"))
        text = raw
    elif isinstance(raw, bytes | bytearray):
        size = len(raw)
        text = None
    else:
        raise TypeError(f"Expected the file's bytes or text, got {type(raw).__name__}.")
    if size > MAX_UPLOAD_BYTES:
        raise ValueError(
            f"The file is too large ({size / 1000:.0f} KB): a settings file is at most "
            f"{MAX_UPLOAD_BYTES // 1000} KB. Please upload the JSON downloaded from this app."
        )
    binary = ValueError(
        "This is not a text file. A settings file is JSON text such as "
        '{"dataset": "moons", "learning_rate": 0.01}.'
    )
    if text is None:
        try:
            text = bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise binary from None
    if "\x00" in text:
        raise binary
    return text


def _explain(text: str, error: ValueError) -> str:
    """Plain words on why `RunConfig.from_json(text)` failed: which setting, what is allowed."""
    try:
        d = json.loads(text)
    except json.JSONDecodeError:
        return f"This file is not readable as settings. {error}"
    if not isinstance(d, dict):
        kind = {list: "a list", str: "a single text", int: "a single number"}.get(
            type(d), "a single value"
        )
        return f"{_PREFIX}the file holds {kind}. {error}"
    unknown = sorted(set(d) - set(FIELD_NAMES))
    if unknown:
        names = ", ".join(repr(k) for k in unknown)
        return (
            f"{_PREFIX}unknown setting{'s' if len(unknown) > 1 else ''} {names}. "
            f"Valid settings: {', '.join(FIELD_NAMES)}."
        )
    for key, value in d.items():
        if _value_problem(key, value):
            return _bad_value(key, value)
    return f"{_PREFIX}{error}"  # a combination of settings, e.g. Nesterov with momentum 0


def _bad_value(key: str, value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return f'{_PREFIX}setting "{key}" = {shown} is not allowed. It must be {allowed(key)}.'


def _value_problem(key: str, value: Any) -> bool:
    """Whether `value` alone (all other settings at their defaults) is invalid for `key`."""
    if isinstance(value, bool | dict):
        return True  # JSON true/false would otherwise count as 1/0
    if key not in ("hidden", "features") and isinstance(value, list):
        return True
    if key == "loss":  # alone: a loss's name (whether it fits the data set: RunConfig's check)
        return value not in losses.NAMES
    try:
        RunConfig.from_dict({key: value})
    except ValueError:
        return True
    return False


def allowed(key: str) -> str:
    """What a setting accepts, in plain words: the sidebar's limits (`config.control_allowed`)."""
    if key == "hidden":
        return (
            f"a list of {control_allowed('depth')} layer widths, each "
            f"{control_allowed('width')}, e.g. [8, 4]"
        )
    return control_allowed(key)


# ---- the history as CSV ---------------------------------------------------------------------
def history_csv(result: RunResult) -> str:
    """One row per epoch (0 = before training), every history column; floats written in full."""
    return result.history.to_csv(index=False, lineterminator="\n")


# ---- weights, data and scaler as .npz -------------------------------------------------------
def initial_net(result: RunResult) -> MLP:
    """The network `result` started from, rebuilt from its seed (`experiment.initial_net`)."""
    return experiment.initial_net(result)


def scaled_splits(result: RunResult) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(X_train, y_train, X_test, y_test) as the trainer saw them (features scaled)."""
    scale = result.scaler.transform
    X_tr = np.asarray(scale(result.X_train), dtype=np.float64)
    X_te = np.asarray(scale(result.X_test), dtype=np.float64)
    return X_tr, np.asarray(result.y_train), X_te, np.asarray(result.y_test)


def npz_arrays(result: RunResult) -> dict[str, np.ndarray]:
    """The arrays `weights_npz` writes, by key (see the module docstring)."""
    out: dict[str, np.ndarray] = {}
    final = result.model.params
    init = initial_net(result).params
    for l in range(len(final) // 2):
        out[f"W{l + 1}"], out[f"b{l + 1}"] = final[2 * l].copy(), final[2 * l + 1].copy()
    for l in range(len(init) // 2):
        out[f"init_W{l + 1}"], out[f"init_b{l + 1}"] = init[2 * l].copy(), init[2 * l + 1].copy()
    X_tr, y_tr, X_te, y_te = scaled_splits(result)
    y_type = np.float64 if np.issubdtype(y_tr.dtype, np.floating) else np.int64  # regression
    out.update(X_train=X_tr, y_train=y_tr.astype(y_type), X_test=X_te)
    out["y_test"] = y_te.astype(y_type)
    if result.config.features != features.DEFAULT:  # for the scripts' feature code
        out["P_train"] = np.asarray(result.X_train, dtype=np.float64)
        out["P_test"] = np.asarray(result.X_test, dtype=np.float64)
    out["sizes"] = np.asarray(result.model.sizes, dtype=np.int64)
    out["config_json"] = np.array(config_json(result.config))
    out["class_names"] = np.array([str(c) for c in result.class_names])
    for attr in SCALER_ATTRS:
        value = getattr(result.scaler, attr, None)
        if value is not None:
            out[f"scaler_{attr}"] = np.asarray(value, dtype=np.float64)
    return out


def weights_npz(result: RunResult) -> bytes:
    """The `.npz` file's bytes: final and initial weights, scaled splits, setup, scaler."""
    buf = io.BytesIO()
    np.savez_compressed(buf, **npz_arrays(result))
    return buf.getvalue()


def load_npz(raw: bytes) -> dict[str, np.ndarray]:
    """The arrays of a `weights_npz` file, by key (no pickles are loaded)."""
    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def npz_config(arrays: dict[str, np.ndarray]) -> RunConfig:
    """The RunConfig stored in a loaded `.npz` (its `config_json` key)."""
    return RunConfig.from_json(str(arrays["config_json"]))
