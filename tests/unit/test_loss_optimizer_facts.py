"""The loss and optimizer entries carry their facts, and each loss is one rule for a lone run
and a stack of runs.

Truth tables here are written out by hand (what the sidebar showed before the facts existed:
momentum only for momentum/nesterov, betas for adam/adamw, alpha for rmsprop, eps where the
optimizer has one, weight decay everywhere), so a wrong entry fails."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from playground.config import RunConfig
from playground.nn import losses, optimizers
from playground.nn.facts import Facts

HYPER_FIELDS = {
    "sgd": ["weight_decay"],
    "momentum": ["momentum", "weight_decay"],
    "nesterov": ["momentum", "weight_decay"],
    "adagrad": ["eps", "weight_decay"],
    "rmsprop": ["alpha", "eps", "weight_decay"],
    "adam": ["beta1", "beta2", "eps", "weight_decay"],
    "adamw": ["beta1", "beta2", "eps", "weight_decay"],
}
RANGES = {  # (low, high, step) the sidebar offers
    "momentum": (0.0, 0.999, 0.01),
    "beta1": (0.0, 0.9999, 0.01),
    "beta2": (0.0, 0.99999, 0.001),
    "alpha": (0.0, 0.9999, 0.01),
    "eps": (0.0, 1.0, None),
    "weight_decay": (0.0, 1.0, 0.01),
}
TORCH = {
    "sgd": "SGD",
    "momentum": "SGD",
    "nesterov": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}
SKLEARN = {"sgd": "sgd", "momentum": "sgd", "nesterov": "sgd", "adam": "adam"}


@pytest.mark.parametrize("name", list(HYPER_FIELDS))
def test_optimizer_facts(name):
    cls = type(optimizers.get(name))
    f = cls.facts
    assert isinstance(f, Facts) and f.text_key == f"opt.{name}" and f.formula
    assert [h.field for h in f.hyper] == HYPER_FIELDS[name]
    assert f.torch == TORCH[name] and f.sklearn == SKLEARN.get(name)
    assert f.keras == TORCH[name]  # keras.optimizers spells these classes as torch.optim does
    fields = {x.name for x in dataclasses.fields(RunConfig)}
    for h in f.hyper:
        assert h.field in fields and h.torch in cls.defaults
        assert (h.low, h.high, h.step) == RANGES[h.field]
        default = cls.defaults[h.torch]
        if h.torch == "betas":
            default = default[0 if h.field == "beta1" else 1]
        assert h.default == default  # the optimizer's own (torch's) default
        assert h.low <= h.default <= h.high
    assert dict(f.code) == ({"torch_fixed": "nesterov=True"} if name == "nesterov" else {})


def test_every_registered_optimizer_and_loss_has_facts():
    assert set(HYPER_FIELDS) <= set(optimizers.NAMES)
    for cls in optimizers.entries():
        assert isinstance(cls.facts, Facts) and cls.facts.text_key.startswith("opt.")
    for entry in losses.entries():
        f = entry.facts
        assert isinstance(f, Facts) and f.text_key == f"loss.{entry.name}" and f.formula
        codes = [("torch", "keras")] if "classification" in entry.tasks else []
        if "regression" in entry.tasks:  # a linear output against real targets
            codes.append(("torch_regression", "keras_regression"))
        for torch_key, keras_key in codes:
            assert "def data_loss(z, y):" in f.code[torch_key]
            assert "def data_loss(Y, z):" in f.code[keras_key]
    assert [e.name for e in losses.entries()] == list(losses.NAMES)
    assert losses.get("cross_entropy").facts.sklearn == "log_loss"
    assert losses.get("mse").facts.sklearn is None and losses.get("hinge").facts.sklearn is None


def test_registry_register_and_unregister():
    entry = dataclasses.replace(losses.get("mse"), name="mse_copy")
    losses.register(entry)
    try:
        assert "mse_copy" in losses.NAMES and losses.get("mse_copy") is entry
        with pytest.raises(ValueError, match="registered already"):
            losses.register(entry)
    finally:
        losses.unregister("mse_copy")
    assert "mse_copy" not in losses.NAMES
    with pytest.raises(ValueError, match="Unknown loss 'mse_copy'. Valid losses: "):
        losses.get("mse_copy")


# the pairings the network makes: sigmoid with one output, softmax with K; linear (mse, hinge)
PAIRS = [
    (name, output, k)
    for name in losses.NAMES
    for output, k in [("sigmoid", 1), ("softmax", 3), ("linear", 1), ("linear", 3)]
    if not (name == "cross_entropy" and output == "linear")
]


@pytest.mark.parametrize("name, output, k", PAIRS)
def test_a_loss_on_a_stack_is_the_loss_of_each_run(name, output, k):
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4, 7, k)) * 3
    labels = rng.integers(0, max(k, 2), size=(4, 7))
    Y = labels[..., None].astype(float) if k == 1 else np.eye(k)[labels]
    loss = losses.get(name)
    values, dz = loss(z, Y, output)
    assert values.shape == (4,)
    for r in range(4):
        v, d = loss(z[r], Y[r], output)
        assert isinstance(v, float)
        assert v == values[r]  # bit for bit
        np.testing.assert_array_equal(d, dz[r])
    none, dz_only = loss.grad(z, Y, output, value=False)
    assert none is None
    np.testing.assert_array_equal(dz_only, dz)
