"""RunConfig: the one description of a run, its validation, and dict/JSON/URL round trips.

Field names are also the widget keys and the URL query-parameter names.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import MISSING, asdict, dataclass, fields, replace
from typing import Any

from playground import data, preprocessing
from playground import features as feats
from playground.hyper import WithHyper, optimizer_facts, spanning
from playground.nn import activations, initializers, losses, optimizers
from playground.nn.facts import Hyper
from playground.tasks import check_task, default_loss, task, with_task  # noqa: F401 (cfg.task)

_FIELD_DEFAULTS: dict[str, Any] = {}  # RunConfig field -> default (filled below the class)


def hyper_fields() -> dict[str, Hyper]:
    """Every RunConfig field some optimizer offers as a hyper-parameter (see playground.hyper)."""
    return dict(spanning(_FIELD_DEFAULTS))


# Numeric ranges: field -> (low, high); the learning rate and init scale are log-scale knobs.
# The optimizers' hyper-parameters (momentum, beta1, …) come from their registry facts.
_FIXED_RANGES: dict[str, tuple[float, float]] = {
    "n_samples": (20, 20_000),
    "noise": (0.0, 2.0),
    "test_fraction": (0.05, 0.9),
    "learning_rate": (1e-5, 10.0),
    "batch_size": (0, 20_000),
    "epochs": (1, 5_000),
    "l2": (0.0, 1.0),
    "l1": (0.0, 1.0),
    "seed": (0, 2**31 - 1),
    "init_scale": (1e-3, 100.0),
}
RANGES: Mapping[str, tuple[float, float]] = WithHyper(
    _FIXED_RANGES, lambda h: (h.low, h.high), lambda: _FIELD_DEFAULTS
)
INTEGER_FIELDS = ("n_samples", "batch_size", "epochs", "seed")
WIDTH_RANGE = (1, 128)


def _is_whole(value: Any) -> bool:
    """An int (not a bool), or an integral float such as 200.0 (from JSON or a URL)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value == int(value)


DEPTH_RANGE = (0, 10)


def choices() -> dict[str, tuple[str, ...]]:
    """Valid names of every categorical field (looked up now: CSV data sets may come and go)."""
    return {
        "dataset": data.NAMES,
        "scaler": preprocessing.NAMES,
        "loss": losses.NAMES,
        "activation": activations.NAMES,
        "initializer": initializers.NAMES,
        "optimizer": optimizers.NAMES,
    }


@dataclass(frozen=True)
class RunConfig:
    """Every knob of one training run. Invalid values raise ValueError naming the valid ones.

    `eps` and `weight_decay` of None mean the optimizer's torch default (eps 1e-10 for
    adagrad, 1e-8 otherwise; weight_decay 0.01 for adamw, 0 otherwise).
    """

    dataset: str = "moons"
    n_samples: int = 500
    noise: float = 0.2
    test_fraction: float = 0.2
    scaler: str = "standard"
    loss: str | None = None  # None: the data set's default, `default_loss(dataset)`
    activation: str = "tanh"
    initializer: str = "glorot_uniform"
    optimizer: str = "adam"
    learning_rate: float = 0.01
    hidden: tuple[int, ...] = (8, 8)
    batch_size: int = 32
    epochs: int = 100
    l2: float = 0.0
    seed: int = 0
    init_scale: float = 1.0
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    alpha: float = 0.99
    eps: float | None = None
    weight_decay: float | None = None
    l1: float = 0.0
    features: tuple[str, ...] = feats.DEFAULT  # the network's inputs (playground.features)

    def __post_init__(self) -> None:
        if self.loss is None:
            object.__setattr__(self, "loss", default_loss(self.dataset))
        object.__setattr__(self, "features", feats.canonical(self.features))
        if any(not _is_whole(h) for h in self.hidden):
            raise ValueError(f"hidden: widths must be whole numbers, got {self.hidden}.")
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        for name in INTEGER_FIELDS:
            if not _is_whole(getattr(self, name)):
                lo, hi = RANGES[name]
                got = getattr(self, name)
                raise ValueError(f"{name}: must be a whole number in {lo} … {hi}, got {got!r}.")
            object.__setattr__(self, name, int(getattr(self, name)))
        for name, valid in choices().items():
            value = getattr(self, name)
            if value not in valid:
                raise ValueError(f"{name}: unknown value {value!r}. Valid: {', '.join(valid)}.")
        for name, (lo, hi) in RANGES.items():
            value = getattr(self, name)
            if value is None and nullable(name):
                continue
            if not (isinstance(value, int | float) and math.isfinite(value) and lo <= value <= hi):
                raise ValueError(f"{name}: {value!r} is outside the valid range {lo} … {hi}.")
        if not DEPTH_RANGE[0] <= len(self.hidden) <= DEPTH_RANGE[1]:
            raise ValueError(
                f"hidden: {DEPTH_RANGE[0]} to {DEPTH_RANGE[1]} layers, got {self.hidden}."
            )
        if any(not WIDTH_RANGE[0] <= h <= WIDTH_RANGE[1] for h in self.hidden):
            raise ValueError(
                f"hidden: widths must be {WIDTH_RANGE[0]} … {WIDTH_RANGE[1]}, got {self.hidden}."
            )
        check_task(self.dataset, self.loss)
        self._check_optimizer()

    def _check_optimizer(self) -> None:
        """The optimizer accepts these hyper-parameters together (e.g. Nesterov needs a
        momentum above 0); ValueError "<field>: <the optimizer's reason>" otherwise, naming the
        first field whose default the optimizer would accept."""
        try:
            optimizers.get(self.optimizer, self.learning_rate, **self.optimizer_hyper())
        except ValueError as e:
            culprit = "optimizer"
            for h in optimizer_facts(self.optimizer).hyper:
                try:
                    replace(self, **{h.field: _FIELD_DEFAULTS[h.field]})
                except ValueError:
                    continue
                culprit = h.field
                break
            raise ValueError(f"{culprit}: {e}") from None

    @property
    def width(self) -> int:
        """Nodes per hidden layer (the first layer's, when they differ; 0 with no hidden layer)."""
        return self.hidden[0] if self.hidden else 0

    @property
    def depth(self) -> int:
        """Number of hidden layers."""
        return len(self.hidden)

    def optimizer_hyper(self) -> dict[str, Any]:
        """The torch-named hyper-parameters this config passes to `optimizers.get`: the fields
        the optimizer's facts list (None: its own default, left out); fields sharing one torch
        keyword become a tuple in their order (beta1, beta2 → betas)."""
        hyper: dict[str, list] = {}
        for h in optimizer_facts(self.optimizer).hyper:
            value = getattr(self, h.field)
            if value is not None:
                hyper.setdefault(h.torch, []).append(value)
        return {k: v[0] if len(v) == 1 else tuple(v) for k, v in hyper.items()}

    # ---- round trips ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hidden"], d["features"] = list(self.hidden), list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunConfig:
        """Strict: unknown keys or invalid values raise ValueError."""
        unknown = sorted(set(d) - set(FIELD_NAMES))
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(unknown)}.")
        return cls(**{k: _coerce(k, v) for k, v in d.items()})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> RunConfig:
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise ValueError(
                f"Not valid JSON (line {e.lineno}, column {e.colno}): {e.msg}."
            ) from None
        if not isinstance(d, dict):
            raise ValueError('The JSON must be an object of settings, e.g. {"dataset": "moons"}.')
        return cls.from_dict(d)

    def to_query(self) -> dict[str, str]:
        """URL query parameters: only the settings that differ from the defaults."""
        default = RunConfig()
        return {
            k: _to_text(v)
            for k, v in self.to_dict().items()
            if getattr(default, k) != getattr(self, k)
        }


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(RunConfig))
_FIELD_DEFAULTS.update({f.name: f.default for f in fields(RunConfig) if f.default is not MISSING})
_FIELD_DEFAULTS["loss"] = default_loss(_FIELD_DEFAULTS["dataset"])  # None: per data set


def nullable(name: str) -> bool:
    """The field may be None (eps, weight_decay: the optimizer's own default)."""
    return name in _FIELD_DEFAULTS and _FIELD_DEFAULTS[name] is None


def _to_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def _coerce(name: str, value: Any) -> Any:
    """Turn a text value (URL, JSON) into the field's type; ValueError if it cannot be."""
    default = getattr(RunConfig(), name)
    try:
        if name == "features":  # "x1,x1sq" (a URL) or ["x1", "x1sq"] (JSON)
            items = value.split(",") if isinstance(value, str) else list(value)
            return feats.canonical(v.strip() if isinstance(v, str) else v for v in items)
        if name == "hidden":
            items = value.split(",") if isinstance(value, str) else list(value)
            if any(isinstance(v, bool) for v in items):
                raise ValueError  # JSON true is not a width
            items = [float(v) for v in items if not isinstance(v, str) or v.strip()]
            if not all(_is_whole(v) for v in items):
                raise ValueError  # 8.5 layers wide is not 8: refuse, never round silently
            return tuple(int(v) for v in items)
        if value is None or (isinstance(value, str) and value.lower() in ("", "none", "default")):
            if nullable(name):
                return None
            raise ValueError
        if isinstance(value, bool) and not isinstance(default, bool):
            raise ValueError  # JSON true/false is not a number
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int) and not isinstance(default, bool):
            f = float(value)
            if f != int(f):
                raise ValueError
            return int(f)
        if isinstance(default, float) or nullable(name):
            return float(value)
        return str(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name}: {value!r} is not a valid value.") from None


def from_query(params: dict[str, Any]) -> tuple[RunConfig, list[str]]:
    """Lenient: every invalid or unknown parameter falls back to its default.

    Returns the config and one plain-words warning per value that was not used.
    """
    config, problems = RunConfig(), []
    params = {k: v for k, v in params.items() if k in FIELD_NAMES}  # others: the app's
    task_keys = {k: params.pop(k) for k in ("dataset", "loss") if k in params}
    if task_keys:  # together: a loss fits its data set (no loss: the data set's default)
        config = with_task(config, task_keys, problems, _coerce)
    for key, value in params.items():
        try:
            config = replace(config, **{key: _coerce(key, value)})
        except ValueError as e:
            problems.append(f"{e} Using the default, {_to_text(getattr(RunConfig(), key))!r}.")
    return config, problems


# ---- the app's controls: what the sidebar can show -------------------------------------------
# One definition of each widget's values. The sidebar draws its widgets from these, and every way
# a setup enters the app (link, setup JSON, preset, exercise) is checked against them, so anything
# accepted can be shown and nothing is snapped or clipped silently. RunConfig itself accepts the
# wider RANGES above (for scripts and sweeps).
STEPS: dict[str, tuple[float, ...]] = {  # select sliders: exactly these values
    "learning_rate": (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0),
    "init_scale": (0.001, 0.01, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 100.0),
    "batch_size": (0, 1, 2, 4, 8, 16, 32, 64, 128, 256),
    "epochs": (10, 20, 50, 100, 200, 300, 500, 1000),
    "l2": (0.0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1),
}
STEPS["l1"] = STEPS["l2"]  # the same strengths, so L1 and L2 compare at equal settings
# sliders and number inputs: field -> (low, high, step or None); whole numbers where step is 1.
# The optimizers' hyper-parameters come from their registry facts (Hyper.low, high, step).
_FIXED_SPANS: dict[str, tuple[float, float, float | None]] = {
    "width": (1, 32, 1),
    "depth": (0, 6, 1),
    "n_samples": (50, 2000, 50),
    "noise": (0.0, 1.0, 0.05),
    "test_fraction": (0.1, 0.5, 0.05),
    "seed": (0, 2**31 - 1, 1),
}
SPANS: Mapping[str, tuple[float, float, float | None]] = WithHyper(
    _FIXED_SPANS, lambda h: (h.low, h.high, h.step), lambda: _FIELD_DEFAULTS
)


def _num(v: float) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def control_allowed(name: str) -> str:
    """What the control `name` accepts, in plain words (for messages)."""
    if name in choices():
        return "one of " + ", ".join(choices()[name])
    if name == "features":
        return "a list of one or more of " + ", ".join(feats.NAMES)
    if name in STEPS:
        return "one of " + ", ".join(_num(v) for v in STEPS[name])
    lo, hi, step = SPANS[name]
    whole = "a whole number" if _whole_control(name) else "a number"
    text = f"{whole} from {_num(lo)} to {_num(hi)}"
    return text + (" (or null for the optimizer's default)" if nullable(name) else "")


def control_value_ok(name: str, value: Any) -> bool:
    """Whether the control `name` can show `value` (STEPS: one of them; SPANS: in range)."""
    if name in choices():
        return value in choices()[name]
    if name == "features":
        try:
            return bool(feats.canonical(value))
        except (TypeError, ValueError):
            return False
    if value is None:
        return nullable(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return False
    if name in STEPS:
        return any(value == v for v in STEPS[name])
    lo, hi, step = SPANS[name]
    return lo <= value <= hi and (not _whole_control(name) or value == int(value))


def _whole_control(name: str) -> bool:
    return name in INTEGER_FIELDS or name in ("width", "depth")


def control_problems(config: RunConfig) -> list[tuple[str, Any, str]]:
    """(field, value, allowed) for every setting of `config` the sidebar cannot show as it is.

    `hidden` is shown as a depth and a width per layer.
    """
    out = []
    values = {k: getattr(config, k) for k in FIELD_NAMES if k not in ("hidden", "features")}
    for name, value in values.items():
        known = name in STEPS or name in SPANS or name in choices()
        if known and not control_value_ok(name, value):
            out.append((name, value, control_allowed(name)))
    hidden = config.hidden
    if not control_value_ok("depth", len(hidden)):
        out.append(("hidden", list(hidden), f"{control_allowed('depth')} layers"))
    elif not all(control_value_ok("width", h) for h in hidden):
        out.append(("hidden", list(hidden), f"widths of {control_allowed('width')}"))
    return out


def for_controls(config: RunConfig) -> RunConfig:
    """`config` if the sidebar can show every setting of it; else ValueError naming each setting,
    its value and what is allowed (the one check for links, setup files, presets, exercises)."""
    problems = control_problems(config)
    if problems:
        raise ValueError(
            " ".join(f"{k} = {_to_text(v)} is not allowed: it must be {a}." for k, v, a in problems)
        )
    return config


def diff(a: RunConfig, b: RunConfig) -> dict[str, tuple[Any, Any]]:
    """Settings whose values differ: name -> (value in a, value in b)."""
    return {
        k: (getattr(a, k), getattr(b, k)) for k in FIELD_NAMES if getattr(a, k) != getattr(b, k)
    }
