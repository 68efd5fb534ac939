"""Every registry entry carries its facts, and what the app derives from them is right.

Parametrized over EVERY entry of the four registries (activations, initializers, losses,
optimizers), so an entry added tomorrow is checked the day it is added: its formula is LaTeX
KaTeX can take (balanced braces, \\begin…\\end pairs), its description exists in English and
Korean, its framework equivalents are code or None; the initializers' spread formulas say what
their scale functions compute; the optimizers' hyper-parameters are the config's fields. A
temporary activation and initializer registered here reach the config, the sidebar's URL spec
and the back-propagation walk-through without any other module being edited.
(The pages rendering every entry: tests/app/test_registry_pages.py.)"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from registry_support import MISH, WIDE, balanced

from playground import advice, backprop
from playground import config as cfg
from playground.app import i18n, links, sidebar
from playground.config import RunConfig
from playground.nn import activations, initializers, losses, optimizers
from playground.nn.facts import Facts
from playground.nn.network import MLP

FAMILIES = {
    "activation": activations,
    "initializer": initializers,
    "loss": losses,
    "optimizer": optimizers,
}
ENTRIES = [(family, name) for family, module in FAMILIES.items() for name in module.NAMES]


def facts_of(family: str, name: str) -> Facts:
    return next(e for e in FAMILIES[family].entries() if e.name == name).facts


@pytest.mark.parametrize(
    ("tex", "ok"),
    [
        (r"\frac{1}{1 + e^{-z}}", True),
        (r"\frac{1}{1 + e^{-z}", False),  # an unclosed brace: KaTeX shows an error
        (r"\max(0, z)}", False),
        (r"\begin{cases} 1 & z > 0 \end{cases}", True),
        (r"\begin{cases} 1 & z > 0", False),
        (r"\{x\}", True),  # escaped braces are text
    ],
)
def test_balanced_tells_good_latex_from_bad(tex, ok):
    assert balanced(tex) is ok


@pytest.mark.parametrize(("family", "name"), ENTRIES)
def test_every_entry_has_its_facts(family, name):
    facts = facts_of(family, name)
    assert isinstance(facts, Facts)
    assert facts.formula.strip() and balanced(facts.formula), facts.formula
    for lang, catalogue in (("en", i18n.EN), ("ko", i18n.KO)):
        assert catalogue.get(facts.text_key, "").strip(), f"{facts.text_key} missing in {lang}"
    for code in (facts.torch, facts.keras, facts.sklearn):
        assert code is None or (isinstance(code, str) and code.strip())
    if family == "activation":
        assert facts.derivative and balanced(facts.derivative), facts.derivative


def test_text_keys_are_distinct():
    keys = [facts_of(f, n).text_key for f, n in ENTRIES]
    assert len(keys) == len(set(keys))


# ---- activations ------------------------------------------------------------------------------
SKLEARN = {"linear": "identity", "sigmoid": "logistic", "tanh": "tanh", "relu": "relu"}


@pytest.mark.parametrize("name", activations.NAMES)
def test_sklearn_names_only_where_mlpclassifier_has_them(name):
    """MLPClassifier knows identity, logistic, tanh and relu; every other activation says None."""
    assert activations.get(name).facts.sklearn == SKLEARN.get(name)


@pytest.mark.parametrize("name", activations.NAMES)
def test_torch_equivalents_name_torch_modules(name):
    torch = activations.get(name).facts.torch
    custom = activations.get(name).facts.code.get("torch_layer", "")
    assert torch.startswith("nn.") or f"class {torch.split('(')[0]}(nn.Module)" in custom


def test_constants_reach_the_formulas_and_equivalents():
    leaky = activations.get("leaky_relu").facts
    slope = f"{activations.LEAKY_SLOPE:g}"
    assert f"\\max({slope}z" in leaky.formula and f"nn.LeakyReLU({slope})" == leaky.torch
    assert f"negative_slope={slope}" in leaky.keras
    assert f"{activations.SELU_LAMBDA:.4f}" in activations.get("selu").facts.formula


@pytest.mark.parametrize("name", activations.NAMES)
def test_worked_rows_fill_in_numbers(name):
    """The back-propagation page fills {z} and {h} into an activation's f and f′ rows."""
    f_row, df_row = (row.format(z="-0.5", h="0.25") for row in activations.get(name).worked)
    assert balanced(f_row) and balanced(df_row)
    assert "-0.5" in f_row or f_row == activations.GENERIC_WORKED[0].format(z="-0.5")


@pytest.mark.parametrize("name", activations.NAMES)
def test_suited_initializer_exists(name):
    assert activations.get(name).init in initializers.NAMES


# ---- initializers -----------------------------------------------------------------------------
def _evaluate(spread: str, fan_in: int, fan_out: int) -> float:
    """The number a spread formula such as r = \\sqrt{6/(n_{in} + n_{out})} stands for."""
    expr = spread.split("=", 1)[1]
    expr = expr.replace("n_{in}", str(fan_in)).replace("n_{out}", str(fan_out))
    expr = re.sub(r"\\sqrt\{([^{}]*)\}", r"math.sqrt(\1)", expr)
    return float(eval(expr, {"math": math}))  # noqa: S307 (our own formulas)


@pytest.mark.parametrize("name", initializers.NAMES)
@pytest.mark.parametrize(("fan_in", "fan_out"), [(64, 32), (3, 200)])
def test_the_spread_formula_says_what_the_code_draws(name, fan_in, fan_out):
    entry = initializers.get(name)
    if entry.distribution == "zeros":
        assert entry.spread == "" and not entry((fan_in, fan_out), np.random.default_rng(0)).any()
        return
    symbol = {"normal": r"\sigma", "uniform": "r"}[entry.distribution]
    assert entry.spread.startswith(f"{symbol} =") and entry.spread in entry.facts.formula
    assert np.isclose(_evaluate(entry.spread, fan_in, fan_out), entry.scale(fan_in, fan_out))
    w = entry((fan_in, fan_out), np.random.default_rng(0))
    s = entry.scale(fan_in, fan_out)
    if entry.distribution == "uniform":
        assert -s <= w.min() and w.max() <= s
    else:
        assert 0.8 * s < w.std() < 1.2 * s


def test_evaluate_catches_a_wrong_formula():
    assert not np.isclose(_evaluate(r"r = \sqrt{6/n_{in}}", 64, 32), math.sqrt(6 / 96))


def test_keras_equivalents_are_untruncated_where_ours_are():
    """Keras' GlorotNormal/HeNormal/LecunNormal draw truncated normals; ours are plain."""
    for entry in initializers.entries():
        if entry.distribution == "normal" and "VarianceScaling" in entry.facts.keras:
            assert "untruncated_normal" in entry.facts.keras
        assert "Normal()" not in entry.facts.keras or entry.name == "random_normal"


# ---- optimizers: hyper-parameters, adaptivity ------------------------------------------------
@pytest.mark.parametrize("name", optimizers.NAMES)
def test_hyper_parameters_are_config_fields_with_their_defaults(name):
    facts = optimizers.get(name).facts
    for h in facts.hyper:
        assert h.field in cfg.FIELD_NAMES and h.low <= h.default <= h.high
        lo, hi, _ = cfg.SPANS[h.field]
        assert lo <= h.low and h.high <= hi  # the sidebar's span covers every optimizer's
    assert sidebar.hyper_keys(name) == [h.field for h in facts.hyper]
    c = RunConfig(optimizer=name)
    opt = optimizers.get(name, lr=c.learning_rate, **c.optimizer_hyper())
    for h in facts.hyper:  # the config's value reaches the optimizer under its torch name
        value = opt.hyper[h.torch]
        if getattr(c, h.field) is not None:
            assert getattr(c, h.field) in (value if isinstance(value, tuple) else (value,))


def test_optimizer_hyper_of_known_optimizers():
    assert RunConfig(optimizer="adam", beta1=0.8).optimizer_hyper() == {"betas": (0.8, 0.999)}
    assert RunConfig(optimizer="rmsprop").optimizer_hyper() == {"alpha": 0.99}
    assert RunConfig(optimizer="momentum", momentum=0.5, eps=1e-3).optimizer_hyper() == {
        "momentum": 0.5
    }
    assert RunConfig(optimizer="sgd", weight_decay=0.1).optimizer_hyper() == {"weight_decay": 0.1}


def test_optimizer_refusal_names_the_field():
    with pytest.raises(ValueError, match=r"^momentum: .*Nesterov"):
        RunConfig(optimizer="nesterov", momentum=0.0)
    RunConfig(optimizer="momentum", momentum=0.0)  # plain momentum 0 is fine


ADAPTIVE = {"adagrad", "rmsprop", "adam", "adamw"}


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_adaptive_is_measured_from_the_optimizer(name):
    assert advice.adaptive(name) is (name in ADAPTIVE)


# ---- a temporary activation and initializer, registered here only ----------------------------
@pytest.fixture
def temporary():
    activations.register(MISH)
    initializers.register(WIDE)
    yield
    activations.unregister("mish")
    initializers.unregister("wide_uniform")


def test_temporary_entries_reach_config_sidebar_and_walkthrough(temporary):
    assert "mish" in cfg.choices()["activation"] and "wide_uniform" in cfg.choices()["initializer"]
    c = RunConfig(activation="mish", initializer="wide_uniform")
    assert cfg.for_controls(c) is c
    assert RunConfig.from_dict(c.to_dict()) == c
    spec = sidebar.url_spec()
    assert "mish" in spec["activation"][1] and "wide_uniform" in spec["initializer"][1]
    assert links.url_value("activation", "mish") == "mish"
    assert "mish" in backprop.activation_names()
    net = MLP([2, 3, 1], "mish", "sigmoid", "wide_uniform", seed=0)
    X, y = np.array([[0.5, -1.0], [1.0, 2.0]]), np.array([0, 1])
    walk = backprop.walkthrough(net, X, y)
    for g, ref in zip(walk.grads, net.loss_and_grads(X, y)[1], strict=True):
        np.testing.assert_allclose(g, ref, rtol=1e-10, atol=1e-14)


def test_temporary_entries_are_gone_afterwards():
    assert "mish" not in activations.NAMES and "wide_uniform" not in initializers.NAMES
    with pytest.raises(ValueError, match="unknown value 'mish'"):
        RunConfig(activation="mish")
    with pytest.raises(ValueError, match="Valid activations"):
        activations.get("mish")


def test_a_name_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="registered already"):
        activations.register(activations.get("relu"))


SATURATING = {
    "mse",
    "huber",
}  # their gradient carries σ′(z): "use cross entropy" is advice only there


@pytest.mark.parametrize("name", losses.NAMES)
def test_saturating_loss_is_measured_from_the_loss(name):
    assert advice.saturating_loss(name) is (name in SATURATING)
