"""Downloads: setup JSON round trip and upload errors, history CSV, weights .npz."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from playground import export
from playground.config import FIELD_NAMES, RunConfig
from playground.experiment import prepare, run

FAST = {"epochs": 5, "n_samples": 120}


@pytest.fixture(scope="module")
def result():
    return run(RunConfig(**FAST))


# ---- setup JSON -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "config",
    [
        RunConfig(),
        RunConfig(
            dataset="blobs",
            hidden=(),
            activation="maxout",
            optimizer="rmsprop",
            eps=1e-6,
            weight_decay=0.001,
            l2=0.01,
            batch_size=0,
            seed=12345,
        ),
        RunConfig(hidden=(3, 3, 3), optimizer="nesterov", momentum=0.5, learning_rate=0.3),
        RunConfig(l1=0.003, l2=0.001, features=("x1", "x1sq", "x2sq", "x1x2", "sin_x2")),
    ],
)
def test_config_json_round_trip(config):
    text = export.config_json(config)
    assert set(json.loads(text)) == set(FIELD_NAMES)
    assert export.config_from_upload(text) == config
    assert export.config_from_upload(text.encode()) == config
    assert export.config_from_upload(b"\xef\xbb\xbf" + text.encode()) == config  # UTF-8 BOM


def test_partial_upload_takes_defaults_for_the_rest():
    got = export.config_from_upload(b'{"activation": "relu", "hidden": [4]}')
    assert got == RunConfig(activation="relu", hidden=(4,))


@pytest.mark.parametrize(
    "raw, words",
    [
        (b'{"dataset": "moons",', ["Not valid JSON", "line 1, column 21"]),
        (b"", ["empty"]),
        (b"[1, 2]", ["a list", "object of settings"]),
        (b'"moons"', ["text", "object of settings"]),
        (b'{"dataset": "moons", "speed": 3}', ["unknown setting", "'speed'", "learning_rate"]),
        (b'{"learning_rate": 50}', ['"learning_rate"', "50", "one of 1e-05, 3e-05,", ", 10."]),
        (b'{"learning_rate": 0.05}', ["learning_rate = 0.05", "one of 1e-05, 3e-05,", ", 10."]),
        (b'{"learning_rate": "fast"}', ['"learning_rate"', "fast", "one of 1e-05"]),
        (b'{"learning_rate": true}', ['"learning_rate"', "true", "one of 1e-05"]),
        (b'{"activation": "swishy"}', ['"activation"', "swishy", "one of", "leaky_relu"]),
        (b'{"hidden": [200]}', ['"hidden"', "200", "from 1 to 32"]),
        (b'{"hidden": [64, 64, 64]}', ["hidden = 64,64,64", "from 1 to 32"]),
        (b'{"hidden": [8.5]}', ['"hidden"', "8.5", "whole number"]),
        (b'{"hidden": [8, 40, 2]}', ["hidden = 8,40,2", "from 1 to 32"]),
        (b'{"epochs": 5000}', ["epochs = 5000", "one of 10, 20, 50"]),
        (b'{"features": []}', ['"features"', "[]", "one or more of x1, x2, x1sq"]),
        (b'{"features": ["x1", "x9"]}', ['"features"', "x9", "one or more of x1, x2"]),
        (b'{"features": [true]}', ['"features"', "true", "one or more of"]),
        (b'{"features": {"x1": 1}}', ['"features"', "one or more of"]),
        (b'{"l1": 0.02}', ["l1 = 0.02", "one of 0, 0.0001,", "0.1"]),
        (b'{"l1": -1}', ['"l1"', "one of 0, 0.0001"]),
        (b'{"n_samples": 20000}', ["n_samples = 20000", "from 50 to 2000"]),
        (b'{"noise": 2.0}', ["noise = 2", "from 0 to 1"]),
        (b'{"test_fraction": 0.9}', ["test_fraction = 0.9", "from 0.1 to 0.5"]),
        (b'{"test_fraction": 0.05}', ["test_fraction = 0.05", "from 0.1 to 0.5"]),
        (b"[" * 6000 + b"]" * 6000, ["nested too deeply"]),
        (b'{"a": ' * 6000 + b"1" + b"}" * 6000, ["nested too deeply"]),
        (b'{"seed": 1.5}', ['"seed"', "1.5", "whole number"]),
        (b'{"epochs": {"n": 3}}', ['"epochs"', "one of 10, 20"]),
        (b'{"eps": -1}', ['"eps"', "null for the optimizer's default"]),
        (b'{"optimizer": "nesterov", "momentum": 0}', ["momentum", "Nesterov"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["not a text file"]),
        (b"\xff\xfe{\x00}\x00", ["not a text file"]),
        (b'{"dataset": "' + b"m" * 120_000 + b'"}', ["too large", "100 KB"]),
        ('{"noise": "' + "x" * 120_000 + '"}', ["too large", "100 KB"]),
    ],
)
def test_bad_upload_says_what_is_wrong(raw, words):
    with pytest.raises(ValueError) as info:
        export.config_from_upload(raw)
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)


def test_upload_of_wrong_type_is_a_programming_error():
    with pytest.raises(TypeError):
        export.config_from_upload(None)  # type: ignore[arg-type]


# ---- history CSV ----------------------------------------------------------------------------
def test_history_csv_parses_back_equal(result):
    text = export.history_csv(result)
    back = pd.read_csv(io.StringIO(text))
    assert list(back.columns) == list(result.history.columns)
    assert len(back) == FAST["epochs"] + 1
    pd.testing.assert_frame_equal(back, result.history, check_exact=True)


# ---- weights .npz ---------------------------------------------------------------------------
def test_npz_keys_and_shapes(result):
    arrays = export.load_npz(export.weights_npz(result))
    L = result.model.n_layers
    weights = {f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b", "init_W", "init_b")}
    data = {"X_train", "y_train", "X_test", "y_test", "sizes", "config_json", "class_names"}
    scaler = {"scaler_mean_", "scaler_var_", "scaler_scale_"}  # the default standard scaler
    assert set(arrays) == weights | data | scaler
    for l in range(1, L + 1):
        W, b = result.model.params[2 * l - 2], result.model.params[2 * l - 1]
        assert arrays[f"W{l}"].shape == arrays[f"init_W{l}"].shape == W.shape
        assert arrays[f"b{l}"].shape == arrays[f"init_b{l}"].shape == b.shape
    assert arrays["sizes"].tolist() == result.model.sizes
    assert arrays["y_train"].dtype == np.int64 and arrays["X_train"].dtype == np.float64
    assert export.npz_config(arrays) == result.config
    assert arrays["class_names"].tolist() == list(result.class_names)


def _assert_matches_trainer(arrays, config, result, dataset=None):
    trainer = prepare(config, dataset).trainer
    for l, p in enumerate(trainer.net.params[0::2], 1):  # initial weights: prepare()'s
        np.testing.assert_array_equal(arrays[f"init_W{l}"], p)
        np.testing.assert_array_equal(arrays[f"init_b{l}"], trainer.net.params[2 * l - 1])
    for l in range(1, result.model.n_layers + 1):  # final weights: the trained model's
        np.testing.assert_array_equal(arrays[f"W{l}"], result.model.params[2 * l - 2])
        np.testing.assert_array_equal(arrays[f"b{l}"], result.model.params[2 * l - 1])
    for key, want in [
        ("X_train", trainer.X_tr),
        ("y_train", trainer.y_tr),
        ("X_test", trainer.X_te),
        ("y_test", trainer.y_te),
    ]:
        np.testing.assert_array_equal(arrays[key], want)  # bit for bit what the trainer saw


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(**FAST),
        RunConfig(dataset="blobs", activation="maxout", hidden=(3, 5), scaler="minmax", **FAST),
        RunConfig(dataset="spiral3", hidden=(), init_scale=3.0, scaler="normalizer_l2", **FAST),
        RunConfig(initializer="he_normal", scaler="none", seed=7, batch_size=0, **FAST),
    ],
)
def test_npz_weights_and_data_equal_the_runs(config):
    result = run(config)
    arrays = export.load_npz(export.weights_npz(result))
    _assert_matches_trainer(arrays, config, result)
    assert not np.array_equal(arrays["W1"], arrays["init_W1"])  # it did train


def test_npz_of_an_uploaded_dataset_uses_the_runs_data():
    """run(config, dataset=...) trains on other data than config.dataset: use the result's."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(90, 2)) * [10.0, 0.1] + [5.0, -2.0]
    y = np.repeat([0, 1, 2], 30)
    dataset = (X, y, ["a", "b", "c"])
    config = RunConfig(dataset="moons", activation="elu", **FAST)
    result = run(config, dataset=dataset)
    arrays = export.load_npz(export.weights_npz(result))
    assert arrays["sizes"].tolist() == [2, 8, 8, 3]  # moons would give 1 output
    assert arrays["class_names"].tolist() == ["a", "b", "c"]
    _assert_matches_trainer(arrays, config, result, dataset)


def test_npz_scaler_parameters():
    minmax = run(RunConfig(scaler="minmax", **FAST))
    arrays = export.load_npz(export.weights_npz(minmax))
    for attr in ("data_min_", "data_max_", "data_range_", "scale_", "min_"):
        np.testing.assert_array_equal(arrays[f"scaler_{attr}"], getattr(minmax.scaler, attr))
    assert "scaler_mean_" not in arrays
    X = arrays["X_train"]
    np.testing.assert_allclose(X, minmax.X_train * arrays["scaler_scale_"] + arrays["scaler_min_"])
    for name in ("none", "normalizer_max"):
        arrays = export.load_npz(export.weights_npz(run(RunConfig(scaler=name, **FAST))))
        assert not any(k.startswith("scaler_") for k in arrays)


def test_npz_of_a_diverged_run():
    config = RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=10, epochs=50)
    result = run(config)
    assert result.status == "diverged"
    arrays = export.load_npz(export.weights_npz(result))
    init = prepare(config).trainer.net.params
    np.testing.assert_array_equal(arrays["init_W1"], init[0])


def test_load_npz_needs_no_pickle(result):
    raw = export.weights_npz(result)
    with np.load(io.BytesIO(raw), allow_pickle=False) as z:
        assert str(z["config_json"]) == export.config_json(result.config)
