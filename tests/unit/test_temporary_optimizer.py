"""A new optimizer is one registry entry: NAdam, written here as a subclass of Adam and
registered only for these tests, trains with its own rule alone and in a stack of runs.

Its `_update` follows torch.optim.NAdam (momentum_decay ψ = 4e-3, no decoupled weight decay):
μ_t = β₁(1 − ½·0.96^{tψ}), m and v as Adam, v̂ = v/(1 − β₂ᵗ),
p ← p − γ(1 − μ_t)/(1 − Πμ_{≤t}) · g/(√v̂ + ε) − γμ_{t+1}/(1 − Πμ_{≤t+1}) · m/(√v̂ + ε).
The products of μ are Python floats per run (`scalar_state`), as torch keeps them per parameter.
Nothing else in the code base knows this class: if the stacked trainer picked rules by
isinstance, it would train NAdam with Adam's rule and run_many would differ from run.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from playground.config import RunConfig
from playground.experiment import run, run_many
from playground.nn import optimizers
from playground.nn._runs import on, per_run
from playground.nn.batched import BatchedTrainer
from tests.unit.test_batched import BASE, assert_same, assert_stack_steps_like_lone

torch = pytest.importorskip("torch")


class NAdam(optimizers.Adam):
    """torch.optim.NAdam's rule (decoupled_weight_decay=False)."""

    name = "nadam"
    facts = replace(
        optimizers.Adam.facts, text_key="opt.nadam", torch="NAdam", sklearn=None, label="NAdam"
    )
    defaults = {"betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "momentum_decay": 4e-3}
    scalar_state = ("mu_product",)

    def _update(self, s, p, g):
        h, t = self.hyper, self.t
        b1, b2 = h["betas"]
        psi = h["momentum_decay"]
        if on(h["weight_decay"]):
            g = g + h["weight_decay"] * p
        if "m" not in s:
            s["m"], s["v"] = np.zeros_like(p), np.zeros_like(p)
        mu = per_run(lambda b1, psi: b1 * (1.0 - 0.5 * 0.96 ** (t * psi)), b1, psi)
        mu_next = per_run(lambda b1, psi: b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi)), b1, psi)
        s["mu_product"] = per_run(lambda a, b: a * b, s.get("mu_product", 1.0), mu)
        m, v = s["m"], s["v"]
        m += (1.0 - b1) * (g - m)
        v *= b2
        v += (1.0 - b2) * g * g
        denom = np.sqrt(v / per_run(lambda b2: 1.0 - b2**t, b2)) + h["eps"]
        c_g = per_run(
            lambda lr, mu, mp: -lr * (1.0 - mu) / (1.0 - mp), self.lr, mu, s["mu_product"]
        )
        c_m = per_run(
            lambda lr, mn, mp: -lr * mn / (1.0 - mp * mn), self.lr, mu_next, s["mu_product"]
        )
        p += c_g * (g / denom)
        p += c_m * (m / denom)


@pytest.fixture
def nadam():
    optimizers.register(NAdam)
    yield NAdam
    optimizers.unregister("nadam")
    assert "nadam" not in optimizers.NAMES


def _torch_steps(lr, hyper, p0, grads):
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)  # torch keeps Πμ in the default float type
    try:
        w = torch.tensor(p0, requires_grad=True)
        opt = torch.optim.NAdam([w], lr=lr, foreach=False, **hyper)
        out = []
        for g in grads:
            w.grad = torch.tensor(g)
            opt.step()
            out.append(w.detach().numpy().copy())
        return out
    finally:
        torch.set_default_dtype(previous)


@pytest.mark.parametrize(
    "lr, hyper",
    [
        (0.01, {}),
        (0.05, {"betas": (0.8, 0.99), "eps": 1e-6}),
        (0.02, {"weight_decay": 0.1, "momentum_decay": 0.01}),
    ],
)
def test_nadam_steps_like_torch(nadam, lr, hyper):
    rng = np.random.default_rng(3)
    p0 = rng.normal(size=7)
    grads = [rng.normal(size=7) for _ in range(12)]
    opt = optimizers.get("nadam", lr=lr, **hyper)
    assert type(opt) is NAdam
    p = p0.copy()
    expected = _torch_steps(lr, hyper, p0, grads)
    for g, want in zip(grads, expected, strict=True):
        opt.step([p], [g.copy()])
        np.testing.assert_allclose(p, want, rtol=1e-12, atol=1e-14)
    adam = optimizers.get(
        "adam", lr=lr, **{k: v for k, v in hyper.items() if k != "momentum_decay"}
    )
    q = p0.copy()
    for g in grads:
        adam.step([q], [g.copy()])
    assert np.abs(p - q).max() > 1e-4  # a different rule: Adam's would not pass the check above


def test_stacked_nadam_keeps_its_own_rule_and_state(nadam):
    rng = np.random.default_rng(0)
    lone = [
        optimizers.get("nadam", lr=lr, betas=b)
        for lr, b in [(0.1, (0.9, 0.999)), (0.02, (0.8, 0.99))]
    ]
    stacked = assert_stack_steps_like_lone(lone, rng, steps=5)
    assert type(stacked) is NAdam
    back = optimizers.get("nadam")
    stacked.write_row(1, back)
    assert back.state[0]["mu_product"] == lone[1].state[0]["mu_product"]
    assert isinstance(back.state[0]["mu_product"], float)


def test_run_many_equals_run_with_the_temporary_optimizer(nadam):
    configs = [
        replace(BASE, optimizer="nadam", seed=s, learning_rate=lr, beta1=b1)
        for s, lr, b1 in [(0, 0.01, 0.9), (1, 0.05, 0.9), (2, 0.01, 0.8)]
    ]
    alone = [run(c) for c in configs]
    for a, b in zip(run_many(configs), alone, strict=True):
        assert_same(a, b)
    adam = run(replace(configs[0], optimizer="adam"))
    assert adam.final["train_loss"] != alone[0].final["train_loss"]


def test_a_stack_of_nadam_trainers_trains_each_with_nadam(nadam):
    from playground.experiment import prepare

    configs = [replace(BASE, optimizer="nadam", seed=s) for s in (0, 1)]
    together = [prepare(c).trainer for c in configs]
    BatchedTrainer(together).run()
    for t, c in zip(together, configs, strict=True):
        alone = prepare(c).trainer
        alone.run()
        assert t.history == alone.history
        assert (
            type(t.opt) is NAdam
            and t.opt.state[0]["mu_product"] == alone.opt.state[0]["mu_product"]
        )


def test_unregistered_name_is_gone(nadam):
    optimizers.unregister("nadam")
    with pytest.raises(ValueError, match="Unknown optimizer 'nadam'"):
        optimizers.get("nadam")
    with pytest.raises(ValueError):
        RunConfig(optimizer="nadam")
    optimizers.register(NAdam)  # the fixture takes it out again
