"""Stacked training (playground.nn.batched via experiment.run_many) equals run() alone.

For each kind of group a sweep can make (seeds; initializers and init scales; learning rates;
optimizer numbers; a diverging run among converging ones; softmax, MSE and hinge; maxout; no
hidden layer), every result of run_many must match run(config): history to 1e-12 (every column,
the error signal δ_l of each layer included), snapshots, final weights, gradients and optimizer
state, status and message. (On one machine they are in fact bit for bit equal.)
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from playground.config import RunConfig
from playground.experiment import prepare, run, run_many
from playground.nn import batched
from playground.nn.batched import BatchedTrainer, signature
from playground.nn.optimizers import Adam, Optimizer
from playground.nn.optimizers import get as get_optimizer

BASE = RunConfig(n_samples=120, epochs=8, hidden=(6, 5), batch_size=16)
TOL = {"rtol": 1e-12, "atol": 1e-12}
# with learning rate 10 this setup explodes at epoch 3; with 0.01 or 0.1 it trains
DIVERGING = replace(BASE, optimizer="momentum", activation="relu", hidden=(8,))


def _vary(field: str, values: list, base: RunConfig = BASE) -> list[RunConfig]:
    return [replace(base, **{field: v}) for v in values]


def _message(text: str) -> str:
    return re.sub(r"in \d+\.\d+ s", "in … s", text)  # the time it took differs, naturally


def assert_same(a, b) -> None:
    """Result `a` (from run_many) equals result `b` (from run)."""
    assert a.config == b.config
    L = b.model.n_layers  # every column, the error signal δ_l of each layer included
    assert {f"delta_norm_{l}" for l in range(1, L + 1)} <= set(a.history.columns)
    pd.testing.assert_frame_equal(a.history, b.history, check_exact=False, **TOL)
    assert (a.status, a.reason, a.diverged_epoch) == (b.status, b.reason, b.diverged_epoch)
    assert _message(a.message) == _message(b.message)
    assert a.snapshot_epochs == b.snapshot_epochs
    np.testing.assert_allclose(a.snapshots, b.snapshots, **TOL)
    np.testing.assert_allclose(a.model.flat, b.model.flat, **TOL)
    for p, q in zip(a.model.params, b.model.params, strict=True):
        np.testing.assert_allclose(p, q, **TOL)
    X_in = b.scaler.transform(b.X_test)  # the network's inputs (features, then scaler)
    np.testing.assert_allclose(a.model.forward(X_in), b.model.forward(X_in), **TOL)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.scaler.transform(b.X_test), b.scaler.transform(b.X_test))


GROUPS = {
    "seeds": _vary("seed", [0, 1, 2, 3]),
    "initializer_and_scale": [
        replace(BASE, initializer=i, init_scale=s)
        for i, s in [("glorot_uniform", 1.0), ("he_normal", 0.5), ("lecun_uniform", 3.0)]
    ],
    "learning_rate": _vary("learning_rate", [0.001, 0.01, 0.1]),
    "adam_betas": [replace(BASE, beta1=b1, beta2=b2) for b1, b2 in [(0.9, 0.999), (0.8, 0.99)]],
    "rmsprop_alpha_eps": [
        replace(BASE, optimizer="rmsprop", alpha=a, eps=e) for a, e in [(0.99, None), (0.9, 1e-6)]
    ],
    "sgd_momentum": _vary("momentum", [0.5, 0.9], replace(BASE, optimizer="momentum")),
    "nesterov": _vary("momentum", [0.5, 0.95], replace(BASE, optimizer="nesterov")),
    "sgd_lr": _vary("learning_rate", [0.05, 0.5], replace(BASE, optimizer="sgd")),
    "adagrad": _vary("eps", [None, 1e-3], replace(BASE, optimizer="adagrad", seed=4)),
    "adamw_weight_decay": _vary("weight_decay", [None, 0.1, 0.0], replace(BASE, optimizer="adamw")),
    "diverging_lr": _vary("learning_rate", [0.01, 10.0, 0.1], DIVERGING),
    "softmax_3_classes": _vary("seed", [0, 1, 2], replace(BASE, dataset="blobs")),
    "mse": _vary("seed", [0, 1], replace(BASE, loss="mse", activation="sigmoid")),
    "mse_softmax": _vary("seed", [0, 1], replace(BASE, loss="mse", dataset="spiral3")),
    "hinge": _vary("seed", [0, 1], replace(BASE, loss="hinge", activation="leaky_relu")),
    "hinge_3_classes": _vary("seed", [0, 1], replace(BASE, loss="hinge", dataset="blobs")),
    "maxout": _vary("seed", [0, 1], replace(BASE, activation="maxout", dataset="spiral3")),
    "depth_0": _vary("seed", [0, 1, 2], replace(BASE, hidden=())),
    "width_1_elu_l2": _vary(
        "seed", [0, 1], replace(BASE, hidden=(1, 3), activation="elu", l2=0.01)
    ),
    "l1": _vary("seed", [0, 1, 2], replace(BASE, l1=0.01)),
    "l1_l2_features": _vary(
        "learning_rate",
        [0.01, 0.03],
        replace(BASE, l1=0.003, l2=0.001, features=("x1", "x2", "x1sq", "sin_x2")),
    ),
    "regression_plane": _vary(
        "seed", [0, 1, 2], replace(BASE, dataset="regression_plane", loss="mse")
    ),
    "regression_huber_lr": _vary(
        "learning_rate", [0.01, 0.1], replace(BASE, dataset="regression_gaussians", loss="huber")
    ),
    "full_batch_iris": _vary("seed", [0, 1], replace(BASE, dataset="iris", batch_size=0)),
    "minmax_test_half": _vary("seed", [0, 1], replace(BASE, scaler="minmax", test_fraction=0.5)),
}


@pytest.mark.parametrize("name", list(GROUPS))
def test_run_many_equals_run(name):
    configs = GROUPS[name]
    many = run_many(configs)
    assert len(many) == len(configs)
    for a, c in zip(many, configs, strict=True):
        assert_same(a, run(c))


def test_a_diverging_run_stops_alone():
    many = run_many(GROUPS["diverging_lr"])
    assert [r.status for r in many] == ["ok", "diverged", "ok"]
    assert len(many[1].history) < len(many[0].history) == BASE.epochs + 1


def test_order_with_mixed_groups_and_singletons():
    configs = [
        replace(BASE, seed=1),
        replace(BASE, hidden=(4,)),
        replace(BASE, seed=2, learning_rate=0.05),
        replace(BASE, activation="relu"),
        replace(BASE, hidden=(4,), seed=3),
        BASE,
        replace(BASE, optimizer="sgd"),
    ]
    many = run_many(configs)
    assert [r.config for r in many] == configs
    for a, c in zip(many, configs, strict=True):
        assert_same(a, run(c))
    assert run_many([]) == []


def test_trainer_state_after_batched_training_matches_a_lone_trainer():
    configs = _vary("seed", [5, 6, 7], replace(BASE, optimizer="rmsprop", epochs=3))
    together = [prepare(c) for c in configs]
    BatchedTrainer([p.trainer for p in together]).run()
    for p, c in zip(together, configs, strict=True):
        alone = prepare(c).trainer
        alone.run()
        t = p.trainer
        assert t.epoch == alone.epoch == 3 and t.done
        np.testing.assert_array_equal(t.net.flat, alone.net.flat)
        np.testing.assert_array_equal(t.net.grad_flat, alone.net.grad_flat)
        assert t.opt.t == alone.opt.t
        np.testing.assert_array_equal(t.opt.state[0]["sq"], alone.opt.state[0]["sq"])
        assert t.rng.random() == alone.rng.random()  # the shuffles drew the same numbers


def test_nan_weights_diverge_like_a_lone_run():
    configs = _vary("seed", [0, 1, 2], replace(BASE, epochs=4))

    def poisoned():
        trainers = [prepare(c).trainer for c in configs]
        trainers[1].net.flat[:3] = np.nan  # the first training step makes everything NaN
        return trainers

    together, alone = poisoned(), poisoned()
    BatchedTrainer(together).run()
    for a, b in zip(together, alone, strict=True):
        b.run()
        assert (a.result.status, a.result.reason) == (b.result.status, b.result.reason)
        assert a.history == b.history
    assert together[1].result.reason == "nan" and together[0].result.status == "ok"


def test_a_stopped_stack_hands_each_trainer_its_rows_so_far():
    """Rows of a stack wait and reach the trainers at the end (BatchedTrainer.hand_over); a stack
    stopped after epoch 3 of 8 still leaves each trainer the rows of epochs 0..3, those of a lone
    run, and its epoch."""
    configs = _vary("seed", [0, 1, 2])
    together = [prepare(c).trainer for c in configs]
    asked = []

    def stop() -> bool:  # asked before each epoch and each of its 6 mini-batches
        asked.append(1)
        return len(asked) > 3 * 7

    with pytest.raises(batched.Stopped):
        BatchedTrainer(together).run(should_stop=stop)
    for t, c in zip(together, configs, strict=True):
        alone = prepare(c).trainer
        for _ in range(3):
            alone.step_epoch()
        assert t.epoch == 3 and t.history == alone.history
        assert t.history["epoch"] == [0.0, 1.0, 2.0, 3.0]


def test_signature_separates_what_cannot_share_a_batch():
    a, b, c, d = (
        prepare(x).trainer
        for x in [
            BASE,
            replace(BASE, seed=9, learning_rate=0.3),
            replace(BASE, hidden=(3,)),
            replace(BASE, optimizer="sgd"),
        ]
    )
    assert signature(a) == signature(b)
    assert signature(a) != signature(c) and signature(a) != signature(d)
    with pytest.raises(ValueError, match="signature"):
        BatchedTrainer([a, c])


def test_batched_optimizer_rejects_structural_differences():
    with pytest.raises(ValueError):
        Adam.stack([get_optimizer("adam"), get_optimizer("adam", amsgrad=True)])
    with pytest.raises(ValueError):
        Optimizer.stack([get_optimizer("sgd"), get_optimizer("adam")])


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_batched_optimizer_steps_like_lone_optimizers(name):
    rng = np.random.default_rng(0)
    extra = {
        "sgd": [
            {"weight_decay": 0.05, "momentum": 0.3, "dampening": 0.1},
            {"weight_decay": 0.1, "momentum": 0.6, "dampening": 0.2},
        ],
        "momentum": [{"weight_decay": 0.05}, {"weight_decay": 0.1, "momentum": 0.5}],
        "nesterov": [{}, {"momentum": 0.5}],
        "adagrad": [{"weight_decay": 0.05, "eps": 1e-6}, {"weight_decay": 0.1}],
        "rmsprop": [
            {"centered": True, "momentum": 0.5},
            {"centered": True, "alpha": 0.9, "momentum": 0.9},
        ],
        "adam": [{"amsgrad": True}, {"amsgrad": True, "betas": (0.5, 0.9)}],
    }[name]
    lone = [get_optimizer(name, lr=lr, **h) for lr, h in zip([0.1, 0.02], extra, strict=True)]
    assert_stack_steps_like_lone(lone, rng)


def assert_stack_steps_like_lone(lone, rng, steps: int = 4):
    """Optimizer.stack of copies of `lone` updates stacked rows exactly as each lone one its
    own parameters; returns the stack."""
    stacked = type(lone[0]).stack([get_optimizer(o.name, lr=o.lr, **o.hyper) for o in lone])
    P = rng.normal(size=(len(lone), 7))
    params = [row.copy() for row in P]
    for _ in range(steps):
        G = rng.normal(size=P.shape)
        for o, p, g in zip(lone, params, G, strict=True):
            o.step([p], [g.copy()])
        stacked.step([P], [G])
    np.testing.assert_array_equal(P, np.stack(params))
    return stacked


def test_nn_imports_numpy_only():
    with open(batched.__file__, encoding="utf-8") as f:
        src = f.read()
    imports = {m.split()[1].split(".")[0] for m in re.findall(r"^(?:from|import) \S+", src, re.M)}
    assert imports <= {"__future__", "math", "collections", "numpy", "playground"}


# Every registry entry, not a hand list: each optimizer (two runs with different learning rates
# and seeds), each loss (binary and 3 classes) and each activation trains in a stack exactly as
# it trains alone.
def _registry_groups() -> dict[str, list[RunConfig]]:
    from playground.nn import activations, losses, optimizers

    small = replace(BASE, epochs=4)
    groups = {}
    for name in optimizers.NAMES:
        groups[f"optimizer-{name}"] = [
            replace(small, optimizer=name, seed=s, learning_rate=lr)
            for s, lr in [(0, 0.01), (1, 0.05)]
        ]
    for entry in losses.entries():  # each loss on the data sets of its tasks
        sets = ("moons", "blobs") if "classification" in entry.tasks else ()
        sets += ("regression_plane",) if "regression" in entry.tasks else ()
        for data in sets:
            groups[f"loss-{entry.name}-{data}"] = _vary(
                "seed", [0, 1], replace(small, dataset=data, loss=entry.name)
            )
    for name in activations.NAMES:
        groups[f"activation-{name}"] = _vary("seed", [0, 1], replace(small, activation=name))
    return groups


REGISTRY_GROUPS = _registry_groups()


@pytest.mark.parametrize("name", list(REGISTRY_GROUPS))
def test_run_many_equals_run_for_every_registry_entry(name):
    configs = REGISTRY_GROUPS[name]
    for a, c in zip(run_many(configs), configs, strict=True):
        assert_same(a, run(c))
