"""RunConfig: validation, dict/JSON/URL round trips, optimizer hyper-parameters and diff."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from playground import config as cfg
from playground.config import DEPTH_RANGE, RANGES, WIDTH_RANGE, RunConfig, choices, diff
from playground.experiment import run
from playground.nn import optimizers

FLOAT_OPTIONAL = ("eps", "weight_decay")  # None means "the optimizer's torch default"

# A config that differs from the defaults in almost every field (and in the awkward ones).
CUSTOM = RunConfig(
    dataset="circles",
    n_samples=321,
    noise=0.35,
    test_fraction=0.3,
    scaler="minmax",
    loss="mse",
    activation="relu",
    initializer="he_normal",
    optimizer="rmsprop",
    learning_rate=0.0031,
    hidden=(16, 4, 2),
    batch_size=0,
    epochs=17,
    l2=0.001,
    seed=12345,
    init_scale=0.25,
    momentum=0.5,
    beta1=0.8,
    beta2=0.99,
    alpha=0.9,
    eps=1e-7,
    weight_decay=0.05,
    l1=0.002,
    features=("x1", "x2", "x1x2", "sin_x2"),
)


def _is_int_field(name: str) -> bool:
    return isinstance(getattr(RunConfig(), name), int)


# ---------------------------------------------------------------------------------- validation
def test_defaults_are_valid_and_match_the_design():
    c = RunConfig()
    assert c.dataset == "moons" and c.scaler == "standard" and c.loss == "cross_entropy"
    assert c.init_scale == 1.0 and c.eps is None and c.weight_decay is None
    assert isinstance(c.hidden, tuple)
    assert c.depth == len(c.hidden) and c.width == c.hidden[0]
    for name, valid in choices().items():
        assert getattr(c, name) in valid
    for name, (lo, hi) in RANGES.items():
        value = getattr(c, name)
        assert value is None or lo <= value <= hi, name


def test_required_names_are_valid_choices():
    ch = choices()
    for name in ("moons", "circles", "xor", "gaussians", "spiral", "blobs", "spiral3", "iris"):
        assert name in ch["dataset"]
    assert {"none", "standard", "minmax", "normalizer_l2", "normalizer_l1"} <= set(ch["scaler"])
    assert {"cross_entropy", "mse"} <= set(ch["loss"])
    assert {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"} <= set(
        ch["optimizer"]
    )


@pytest.mark.parametrize("field", list(choices()))
def test_unknown_categorical_value_lists_valid_names(field):
    with pytest.raises(ValueError) as err:
        RunConfig(**{field: "no_such_thing"})
    msg = str(err.value)
    assert field in msg and "no_such_thing" in msg
    for valid in choices()[field]:
        assert valid in msg


def _out_of_range(name: str) -> list:
    lo, hi = RANGES[name]
    if _is_int_field(name):
        return [lo - 1, hi + 1]
    return [float(np.nextafter(lo, -np.inf)), float(np.nextafter(hi, np.inf)), lo - 1.0]


@pytest.mark.parametrize("field", list(RANGES))
def test_range_fields_reject_out_of_range_and_non_finite(field):
    lo, hi = RANGES[field]
    for bad in [*_out_of_range(field), math.nan, math.inf, -math.inf]:
        with pytest.raises(ValueError) as err:
            RunConfig(**{field: bad})
        msg = str(err.value)
        assert field in msg, msg
        assert str(lo) in msg and str(hi) in msg, msg


@pytest.mark.parametrize("field", list(RANGES))
def test_range_bounds_themselves_are_valid(field):
    lo, hi = RANGES[field]
    assert getattr(RunConfig(**{field: lo}), field) == lo
    assert getattr(RunConfig(**{field: hi}), field) == hi


def test_optional_floats_accept_none():
    c = RunConfig(eps=None, weight_decay=None)
    assert c.eps is None and c.weight_decay is None
    for name in FLOAT_OPTIONAL:
        with pytest.raises(ValueError, match=name):
            RunConfig(**{name: "1e-8"})  # a string is not a number


def test_hidden_width_limits():
    lo, hi = WIDTH_RANGE
    assert RunConfig(hidden=(lo, hi)).hidden == (lo, hi)
    for bad in [(lo - 1,), (hi + 1,), (8, hi + 1), (-3, 8)]:
        with pytest.raises(ValueError, match="hidden"):
            RunConfig(hidden=bad)


def test_hidden_depth_limits():
    lo, hi = DEPTH_RANGE
    assert lo == 0
    assert RunConfig(hidden=(4,) * hi).depth == hi
    with pytest.raises(ValueError, match="hidden"):
        RunConfig(hidden=(4,) * (hi + 1))


def test_hidden_list_becomes_tuple():
    c = RunConfig(hidden=[16, 8])
    assert c.hidden == (16, 8) and isinstance(c.hidden, tuple)
    hash(c)  # frozen and hashable (the app caches runs by config)


def test_config_is_frozen():
    c = RunConfig()
    with pytest.raises(AttributeError):
        c.epochs = 3  # type: ignore[misc]


def test_depth_zero_is_logistic_regression_and_trains():
    c = RunConfig(dataset="gaussians", hidden=(), epochs=40, seed=1)
    assert c.depth == 0 and c.width == 0
    res = run(c)
    assert res.status == "ok"
    assert res.model.sizes == [2, 1] and len(res.model.params) == 2
    h = res.history
    assert "grad_norm_1" in h and "grad_norm_2" not in h
    assert not [col for col in h.columns if col.startswith("act_")]
    assert res.final.test_accuracy >= 0.95  # two Gaussians are linearly separable
    # ... but a linear boundary cannot separate concentric circles.
    circles = run(RunConfig(dataset="circles", hidden=(), epochs=40, seed=1))
    assert circles.final.test_accuracy <= 0.7


@pytest.mark.parametrize("field", ["epochs", "batch_size", "n_samples", "seed"])
def test_integer_fields_reject_non_integers(field):
    with pytest.raises(ValueError, match=field):
        RunConfig(**{field: RANGES[field][0] + 1.5})


def test_every_valid_config_can_build_its_optimizer():
    try:
        c = RunConfig(optimizer="nesterov", momentum=0.0)
    except ValueError:
        return  # rejecting it up front is fine too
    optimizers.get(c.optimizer, lr=c.learning_rate, **c.optimizer_hyper())


# -------------------------------------------------------------------------- dict / JSON
@pytest.mark.parametrize(
    "c",
    [
        RunConfig(),
        CUSTOM,
        RunConfig(hidden=(), eps=None, weight_decay=0.0),
        RunConfig(optimizer="adamw", hidden=(128,) * 10, eps=0.0, weight_decay=None),
    ],
    ids=["default", "custom", "depth0", "deep"],
)
def test_dict_and_json_round_trips(c):
    d = c.to_dict()
    assert set(d) == set(cfg.FIELD_NAMES)
    assert isinstance(d["hidden"], list)
    back = RunConfig.from_dict(d)
    assert back == c and isinstance(back.hidden, tuple)
    text = c.to_json()
    parsed = json.loads(text)
    assert parsed == d
    assert list(parsed) == sorted(parsed)  # stable, diff-friendly output
    back = RunConfig.from_json(text)
    assert back == c and isinstance(back.hidden, tuple)
    assert type(back.eps) is type(c.eps) and type(back.weight_decay) is type(c.weight_decay)


def test_json_null_means_default_optimizer_value():
    c = RunConfig.from_json('{"eps": null, "weight_decay": null, "hidden": [3]}')
    assert c.eps is None and c.weight_decay is None and c.hidden == (3,)
    assert json.loads(RunConfig().to_json())["eps"] is None


def test_from_dict_partial_uses_defaults():
    c = RunConfig.from_dict({"epochs": 7, "noise": 0})
    assert c == RunConfig(epochs=7, noise=0.0)
    assert isinstance(c.noise, float) and isinstance(c.epochs, int)


@pytest.mark.parametrize(
    "text, words",
    [
        ("{not json", ["Not valid JSON", "line 1", "column"]),
        ('{"epochs": 5,}', ["Not valid JSON"]),
        ("", ["Not valid JSON"]),
        ("[1, 2]", ["object"]),
        ('"moons"', ["object"]),
        ("null", ["object"]),
        ('{"dataset": "moons", "colour": "red"}', ["Unknown setting", "colour"]),
        ('{"epochs": "abc"}', ["epochs", "abc"]),
        ('{"epochs": 2.5}', ["epochs"]),
        ('{"hidden": 8}', ["hidden"]),
        ('{"features": []}', ["features"]),
        ('{"features": ["x1", "x3"]}', ["features", "x3"]),
        ('{"features": [1]}', ["features"]),
        ('{"features": "x1,,x1sq"}', ["features"]),
        ('{"l1": -0.1}', ["l1"]),
        ('{"l1": "lots"}', ["l1", "lots"]),
        ('{"activation": "relu2"}', ["activation", "relu2", "tanh"]),
        ('{"learning_rate": 100}', ["learning_rate"]),
        ('{"noise": NaN}', ["noise"]),
    ],
)
def test_from_json_errors_are_clear_value_errors(text, words):
    with pytest.raises(ValueError) as err:
        RunConfig.from_json(text)
    for w in words:
        assert w in str(err.value), str(err.value)


def test_from_dict_rejects_unknown_keys():
    with pytest.raises(ValueError, match="Unknown setting.*lang"):
        RunConfig.from_dict({"lang": "ko"})


# ------------------------------------------------------------------------------- URL query
def test_to_query_lists_only_changed_fields_as_text():
    assert RunConfig().to_query() == {}
    q = CUSTOM.to_query()
    assert set(q) == set(diff(RunConfig(), CUSTOM))
    assert all(isinstance(v, str) for v in q.values())
    assert q["hidden"] == "16,4,2"
    assert q["dataset"] == "circles"


@pytest.mark.parametrize(
    "c",
    [
        CUSTOM,
        RunConfig(hidden=(), learning_rate=1e-5, init_scale=100.0),
        RunConfig(hidden=(1,), eps=0.0, weight_decay=0.0, seed=2**31 - 1),
        RunConfig(noise=0.1 + 0.2, learning_rate=1 / 3),  # floats that need all 17 digits
    ],
    ids=["custom", "depth0", "edges", "floats"],
)
def test_query_round_trip(c):
    back, warnings = cfg.from_query(c.to_query())
    assert warnings == []
    assert back == c


def test_from_query_falls_back_field_by_field():
    params = {
        "epochs": "abc",
        "learning_rate": "-5",
        "activation": "relu2",
        "hidden": "8,x",
        "noise": "1e999",
        "optimizer": "sgd",  # good values still apply
        "dataset": "circles",
        "seed": "7",
        "lang": "ko",  # not a setting: the app's business, ignored silently
    }
    c, warnings = cfg.from_query(params)
    d = RunConfig()
    assert (c.epochs, c.learning_rate, c.activation, c.hidden, c.noise) == (
        d.epochs,
        d.learning_rate,
        d.activation,
        d.hidden,
        d.noise,
    )
    assert (c.optimizer, c.dataset, c.seed) == ("sgd", "circles", 7)
    assert len(warnings) == 5
    bad = ["epochs", "learning_rate", "activation", "hidden", "noise"]
    for field, w in zip(bad, warnings, strict=True):
        assert w.startswith(field), w
        assert "default" in w.lower(), w
    assert not any("lang" in w for w in warnings)


def test_from_query_unknown_params_only():
    assert cfg.from_query({"lang": "ko", "utm_source": "x"}) == (RunConfig(), [])


def test_from_query_accepts_streamlit_style_text():
    c, warnings = cfg.from_query(
        {"hidden": "32,16", "epochs": "50", "eps": "none", "weight_decay": "0.1", "noise": "0"}
    )
    assert warnings == []
    assert c == RunConfig(hidden=(32, 16), epochs=50, eps=None, weight_decay=0.1, noise=0.0)


def test_from_query_bad_depth_and_width_warn():
    c, warnings = cfg.from_query({"hidden": ",".join(["4"] * 11)})
    assert c.hidden == RunConfig().hidden and len(warnings) == 1 and "hidden" in warnings[0]
    c, warnings = cfg.from_query({"hidden": "0,4"})
    assert c.hidden == RunConfig().hidden and len(warnings) == 1


# ------------------------------------------------------------------------ optimizer hyper
EXPECTED_HYPER = {
    "sgd": set(),
    "momentum": {"momentum"},
    "nesterov": {"momentum"},
    "adagrad": set(),
    "rmsprop": {"alpha"},
    "adam": {"betas"},
    "adamw": {"betas"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_HYPER))
def test_optimizer_hyper_uses_torch_names(name):
    c = RunConfig(optimizer=name, momentum=0.5, beta1=0.8, beta2=0.99, alpha=0.9)
    hyper = c.optimizer_hyper()
    assert set(hyper) == EXPECTED_HYPER[name]
    if "betas" in hyper:
        assert hyper["betas"] == (0.8, 0.99)
    if "alpha" in hyper:
        assert hyper["alpha"] == 0.9
    if "momentum" in hyper:
        assert hyper["momentum"] == 0.5
    opt = optimizers.get(c.optimizer, lr=c.learning_rate, **hyper)
    assert opt.lr == c.learning_rate
    for key, value in hyper.items():
        assert opt.hyper[key] == value
    # eps / weight_decay None: the torch defaults stay in force.
    for key in ("eps", "weight_decay"):
        if key in optimizers.DEFAULTS[name]:
            assert opt.hyper[key] == optimizers.DEFAULTS[name][key]


@pytest.mark.parametrize("name", sorted(EXPECTED_HYPER))
def test_optimizer_hyper_passes_eps_and_weight_decay_only_when_set(name):
    c = RunConfig(optimizer=name, eps=1e-6, weight_decay=0.02)
    hyper = c.optimizer_hyper()
    has_eps = "eps" in optimizers.DEFAULTS[name]
    assert ("eps" in hyper) == has_eps
    assert hyper["weight_decay"] == 0.02
    opt = optimizers.get(c.optimizer, lr=c.learning_rate, **hyper)
    assert opt.hyper["weight_decay"] == 0.02
    if has_eps:
        assert opt.hyper["eps"] == 1e-6
    # One step on a toy parameter works and moves it.
    p, g = [np.ones(3)], [np.full(3, 0.5)]
    opt.step(p, g)
    assert np.all(p[0] < 1.0)


def test_adamw_default_weight_decay_is_torchs():
    opt = optimizers.get("adamw", lr=0.01, **RunConfig(optimizer="adamw").optimizer_hyper())
    assert opt.hyper["weight_decay"] == 0.01
    opt = optimizers.get("adagrad", lr=0.01, **RunConfig(optimizer="adagrad").optimizer_hyper())
    assert opt.hyper["eps"] == 1e-10


# ------------------------------------------------------------------------------------ diff
def test_diff_lists_exactly_the_changed_fields():
    a = RunConfig()
    assert diff(a, a) == {}
    assert diff(a, RunConfig()) == {}
    b = RunConfig(learning_rate=0.1, hidden=(8, 8, 8), eps=1e-6)
    assert diff(a, b) == {
        "learning_rate": (0.01, 0.1),
        "hidden": ((8, 8), (8, 8, 8)),
        "eps": (None, 1e-6),
    }
    assert diff(b, a) == {k: (v[1], v[0]) for k, v in diff(a, b).items()}
    assert set(diff(a, CUSTOM)) == set(cfg.FIELD_NAMES)  # CUSTOM changes every field


def test_diff_treats_list_and_tuple_hidden_alike():
    assert diff(RunConfig(hidden=[8, 8]), RunConfig(hidden=(8, 8))) == {}


def test_json_booleans_are_not_numbers():
    with pytest.raises(ValueError, match="learning_rate"):
        RunConfig.from_dict({"learning_rate": True})


# ---------------------------------------------------------------- feature inputs and L1
def test_features_are_canonical_so_equal_sets_are_equal_configs():
    a = RunConfig(features=("sin_x2", "x1", "x1sq", "x1"))
    b = RunConfig(features=["x1", "x1sq", "sin_x2"])
    assert a == b and hash(a) == hash(b) and a.features == ("x1", "x1sq", "sin_x2")
    assert RunConfig().features == ("x1", "x2")
    assert a.to_dict()["features"] == ["x1", "x1sq", "sin_x2"]
    assert a.to_query()["features"] == "x1,x1sq,sin_x2"
    assert "features" not in RunConfig(features=("x2", "x1")).to_query()  # the default


@pytest.mark.parametrize(
    "bad", [(), ["x3"], "x1", ("x1", None), ("X1",), ("x1 ",), ("x1sq", "sin x1")]
)
def test_bad_features_raise_naming_the_field(bad):
    with pytest.raises(ValueError, match="features"):
        RunConfig(features=bad)


def test_from_query_features_and_l1():
    c, warnings = cfg.from_query({"features": "x1sq, x2sq", "l1": "0.003"})
    assert warnings == [] and c == RunConfig(features=("x1sq", "x2sq"), l1=0.003)
    for bad in ("", "x1,nope", ",", "x₁²"):
        c, warnings = cfg.from_query({"features": bad, "l1": "-1"})
        assert c == RunConfig() and len(warnings) == 2, (bad, warnings)
        assert warnings[0].startswith("features") and warnings[1].startswith("l1")


def test_l1_range_and_controls():
    assert RunConfig(l1=1.0).l1 == 1.0
    for bad in (-0.001, 1.5, math.nan, math.inf):
        with pytest.raises(ValueError, match="l1"):
            RunConfig(l1=bad)
    assert cfg.STEPS["l1"] == cfg.STEPS["l2"]  # compared at equal strengths
    assert cfg.control_problems(RunConfig(l1=0.01)) == []
    assert [p[0] for p in cfg.control_problems(RunConfig(l1=0.02))] == ["l1"]


def test_controls_show_a_width_per_layer():
    assert cfg.control_problems(RunConfig(hidden=(8, 4, 2))) == []
    assert cfg.control_problems(RunConfig(hidden=(32, 1, 32, 1, 32, 1))) == []
    for bad in [(8, 33), (64,), (4,) * 7]:
        assert [p[0] for p in cfg.control_problems(RunConfig(hidden=bad))] == ["hidden"], bad


@pytest.mark.parametrize(
    "value, ok",
    [(["x1"], True), (("x2sq", "x1sq"), True), ([], False), ("x1", False), (5, False),
     (["x1", "x9"], False), (None, False)],
)  # fmt: skip
def test_features_control_truth_table(value, ok):
    assert cfg.control_value_ok("features", value) is ok
