"""Training behaviour a practitioner expects: accuracy per data set, the course's what-ifs
(normalizer on circles, vanishing/exploding gradients, saturation, dead ReLUs, divergence,
zero-init symmetry) and the exact update schedule of the Trainer."""

from __future__ import annotations

import math

import numpy as np
import pytest

from playground.config import RunConfig
from playground.experiment import prepare, run
from playground.nn import activations, optimizers
from playground.nn.train import EXPLODE_FACTOR, SATURATION, Trainer, snapshot_schedule

SEEDS = (0, 1, 2)


# ----------------------------------------------------------------------- accuracy per data set
# (config overrides, minimum test accuracy). Defaults: adam lr 0.01, batch 32, standard scaler,
# glorot_uniform, cross entropy. xor uses noise 0.05: at the default noise 0.2 its Bayes
# accuracy is only ≈ 0.92 (points jitter across the axes), see test_xor_default_noise_near_bayes.
SETUPS = {
    "moons": (dict(hidden=(16, 16), activation="tanh", epochs=100, n_samples=1000), 0.93),
    "circles": (dict(hidden=(16, 16), activation="tanh", epochs=60, n_samples=1000), 0.93),
    "xor": (dict(hidden=(16, 16), activation="tanh", epochs=60, n_samples=1000, noise=0.05), 0.93),
    "gaussians": (dict(hidden=(4,), activation="tanh", epochs=30), 0.97),
    "blobs": (dict(hidden=(8,), activation="tanh", epochs=30), 0.97),
    "iris": (dict(hidden=(8,), activation="tanh", epochs=100), 0.9),
    "breast_cancer": (dict(hidden=(8,), activation="tanh", epochs=100), 0.85),
    "spiral": (
        dict(
            hidden=(32, 32, 32),
            activation="relu",
            initializer="he_uniform",
            epochs=200,
            n_samples=1000,
        ),
        0.9,
    ),
}
# Note: a (32, 32) tanh net (adam 0.01, 200 epochs) reaches ≈ 0.95 on most seeds but stalls
# near 0.6 on some (seeds 7 and 8): a plateau, not a bug; the deeper relu net above does not.


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", [n for n in SETUPS if n != "spiral"])
def test_reaches_expected_accuracy(name, seed):
    overrides, minimum = SETUPS[name]
    res = run(RunConfig(dataset=name, seed=seed, **overrides))
    assert res.status == "ok"
    assert res.final.test_accuracy >= minimum, (name, seed, res.final.test_accuracy)
    assert res.final.train_loss < res.history.train_loss.iloc[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_spiral_needs_a_bigger_net_and_reaches_it(seed):
    overrides, minimum = SETUPS["spiral"]
    big = run(RunConfig(dataset="spiral", seed=seed, **overrides))
    assert big.status == "ok"
    assert big.final.test_accuracy >= minimum, big.final.test_accuracy
    # A small net with the default budget does clearly worse: the spiral needs capacity.
    small = run(RunConfig(dataset="spiral", seed=seed, hidden=(2,), epochs=50, n_samples=1000))
    assert small.final.test_accuracy <= 0.8
    assert big.final.test_accuracy >= small.final.test_accuracy + 0.15


def test_xor_default_noise_near_bayes():
    """At the default noise (sd 0.1 on [-1, 1]²) the best possible accuracy is ≈ 0.923."""
    accs = [
        run(
            RunConfig(dataset="xor", seed=s, hidden=(16, 16), epochs=60, n_samples=1000)
        ).final.test_accuracy
        for s in SEEDS
    ]
    assert min(accs) >= 0.86 and np.mean(accs) >= 0.89, accs


def test_relu_also_learns_moons():
    res = run(RunConfig(activation="relu", initializer="he_uniform", hidden=(16, 16), epochs=60))
    assert res.final.test_accuracy >= 0.93


# --------------------------------------------------------------- ① normalizer on circles
def _angles(X: np.ndarray) -> np.ndarray:
    return np.arctan2(X[:, 1], X[:, 0])


@pytest.mark.parametrize("seed", SEEDS)
def test_l2_normalizer_makes_circles_unlearnable(seed):
    base = dict(dataset="circles", seed=seed, hidden=(16, 16), epochs=60)
    l2 = run(RunConfig(scaler="normalizer_l2", **base))
    std = run(RunConfig(scaler="standard", **base))
    assert std.final.test_accuracy >= 0.93
    assert l2.final.test_accuracy <= 0.65, l2.final.test_accuracy
    assert l2.final.train_accuracy <= 0.7

    # Why: every scaled training point lies on the unit circle — the radius, the only thing
    # that tells the classes apart, is gone ...
    Xs = l2.scaler.transform(l2.X_train)
    np.testing.assert_allclose(np.linalg.norm(Xs, axis=1), 1.0, rtol=1e-12)
    r = np.linalg.norm(l2.X_train, axis=1)
    assert r[l2.y_train == 0].mean() > 1.5 * r[l2.y_train == 1].mean()  # ... though it was there
    # ... and the angle (all that is left) does not separate them: in every one of 8 sectors
    # both classes are present in similar shares.
    sector = np.floor((_angles(Xs) + np.pi) / (2 * np.pi / 8)).astype(int) % 8
    for s in range(8):
        labels = l2.y_train[sector == s]
        assert len(labels) >= 10
        assert 0.25 <= labels.mean() <= 0.75, (s, labels.mean())


# ------------------------------------------------------------------- ③④ gradients at epoch 0
def _grad_norms(res, row: int = 0) -> np.ndarray:
    L = res.model.n_layers
    return np.array([res.history[f"grad_norm_{l}"].iloc[row] for l in range(1, L + 1)])


@pytest.mark.parametrize("seed", SEEDS)
def test_vanishing_gradients_deep_sigmoid_small_weights(seed):
    deep = dict(hidden=(8,) * 5, epochs=1, seed=seed)
    small = run(RunConfig(activation="sigmoid", initializer="random_normal", **deep))
    g = _grad_norms(small)
    assert g[0] / g[-1] < 1e-3, g
    # It shrinks layer by layer toward the input (layer 1, fed by 2 raw features, aside).
    assert np.all(np.diff(np.log(g[1:])) > 1.0), g
    # Contrast: tanh + glorot keeps the gradients of all layers within an order of magnitude.
    healthy = _grad_norms(run(RunConfig(activation="tanh", **deep)))
    assert healthy[0] / healthy[-1] > 0.1, healthy


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("act", ["linear", "relu"])
def test_exploding_gradients_with_large_init_scale(act, seed):
    # (tanh with init_scale 20 mostly saturates instead: its gradients grow only a few-fold and
    # not consistently toward the input across seeds, so it is tested for saturation below.)
    deep = dict(activation=act, hidden=(8,) * 5, epochs=1, seed=seed)
    g1 = _grad_norms(run(RunConfig(init_scale=1.0, **deep)))
    g20 = _grad_norms(run(RunConfig(init_scale=20.0, **deep)))
    assert np.all(g20 > 1e3 * g1), (g1, g20)
    assert g20.min() > 1e3


@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
def test_saturation_shows_in_history_and_matches_definition(act):
    config = RunConfig(activation=act, hidden=(8, 8, 8), init_scale=20.0, epochs=1)
    res = run(config)
    for l in (1, 2, 3):
        assert res.history[f"act_saturated_{l}"].iloc[0] > 0.5
    # Recompute layer 1..3 saturation at epoch 0 from the untrained net.
    p = prepare(config)
    net = p.trainer.net
    zs, acts = net.forward_cache(p.trainer.X_tr)
    f = activations.get(act)
    for l in (1, 2, 3):
        d = f.df(zs[l - 1], acts[l])
        expected = np.mean(d < SATURATION * f.peak)
        assert res.history[f"act_saturated_{l}"].iloc[0] == pytest.approx(expected, abs=1e-15)
    # Normal weights on standardized inputs: (almost) nothing saturates.
    ok = run(RunConfig(activation=act, hidden=(8, 8, 8), epochs=1))
    assert ok.history[[f"act_saturated_{l}" for l in (1, 2, 3)]].iloc[0].max() < 0.1


def test_non_saturating_activations_report_zero_saturation():
    res = run(RunConfig(activation="relu", hidden=(8, 8), init_scale=20.0, epochs=1))
    assert (res.history[["act_saturated_1", "act_saturated_2"]] == 0).all().all()


@pytest.mark.parametrize("seed", SEEDS)
def test_huge_learning_rate_kills_relu_units(seed):
    config = RunConfig(
        activation="relu", optimizer="sgd", learning_rate=10.0, hidden=(8, 8), epochs=20, seed=seed
    )
    res = run(config)
    h = res.history
    dead_end = max(h["act_dead_1"].iloc[-1], h["act_dead_2"].iloc[-1])
    dead_start = max(h["act_dead_1"].iloc[0], h["act_dead_2"].iloc[0])
    assert dead_end >= 0.5 and dead_end > dead_start, (dead_start, dead_end)
    # The history's share equals: units whose pre-activation is ≤ 0 on every training point.
    if res.status == "ok":
        zs, _ = res.model.forward_cache(res.scaler.transform(res.X_train))
        for l in (1, 2):
            assert h[f"act_dead_{l}"].iloc[-1] == np.mean(np.all(zs[l - 1] <= 0, axis=0))
    # A sane learning rate leaves far fewer dead units.
    sane = run(RunConfig(activation="relu", hidden=(8, 8), epochs=20, seed=seed))
    assert sane.history[["act_dead_1", "act_dead_2"]].iloc[-1].max() < dead_end


# ----------------------------------------------------------------------------- divergence
@pytest.mark.parametrize("seed", SEEDS)  # seeds 0, 2 "explode", seed 1 turns NaN
def test_huge_learning_rate_diverges_with_finite_history(seed):
    config = RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=10, seed=seed)
    res = run(config)
    assert res.status == "diverged"
    assert res.diverged_epoch == 1
    assert res.reason in ("nan", "inf", "exploded")
    assert np.isfinite(res.history.to_numpy(dtype=float)).all()
    # "exploded" keeps the (finite) row that crossed the limit; NaN/inf rows are dropped.
    expected_rows = res.diverged_epoch + (1 if res.reason == "exploded" else 0)
    assert len(res.history) == expected_rows
    assert list(res.history.epoch) == list(range(expected_rows))
    if res.reason == "exploded":
        assert res.history.train_loss.iloc[-1] > EXPLODE_FACTOR * max(
            res.history.train_loss.iloc[0], 1.0
        )
    msg = res.message
    assert "epoch 1" in msg and "learning rate" in msg and "10" in msg
    assert "diverged" in msg.lower()
    # The snapshots stop where the history stops.
    assert max(res.snapshot_epochs) <= res.history.epoch.iloc[-1]
    assert len(res.snapshots) == len(res.snapshot_epochs)


def test_nan_divergence_drops_the_non_finite_row():
    config = RunConfig(
        activation="linear",
        optimizer="sgd",
        learning_rate=10,
        init_scale=20,
        hidden=(8,) * 5,
        epochs=20,
    )
    res = run(config)
    assert res.status == "diverged" and res.reason in ("nan", "inf")
    assert len(res.history) == res.diverged_epoch
    assert np.isfinite(res.history.to_numpy(dtype=float)).all()
    assert "init scale" in res.message and f"epoch {res.diverged_epoch}" in res.message


def test_moderate_learning_rate_does_not_diverge():
    res = run(RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=0.1, epochs=50))
    assert res.status == "ok" and res.reason == "" and res.diverged_epoch is None
    assert len(res.history) == 51


def test_non_finite_initial_loss_is_reported_not_raised():
    X = np.array([[1.0, 2.0], [2.0, 1.0], [-1.0, -2.0], [-2.0, -1.0]] * 10) * 1e300
    y = np.array([0, 0, 1, 1] * 10)
    res = run(RunConfig(scaler="none", activation="linear", epochs=3), dataset=(X, y, ["a", "b"]))
    assert res.status == "diverged" and res.diverged_epoch == 0


# ------------------------------------------------------------------------- update schedule
@pytest.mark.parametrize("opt_name", ["sgd", "adam", "rmsprop"])
def test_full_batch_is_one_optimizer_step_per_epoch(opt_name):
    config = RunConfig(optimizer=opt_name, batch_size=0, epochs=3, l2=0.01, seed=3)
    res = run(config)

    p = prepare(config)
    net = p.trainer.net
    X, y = p.scaler.transform(p.splits[0]), p.splits[1]
    opt = optimizers.get(config.optimizer, lr=config.learning_rate, **config.optimizer_hyper())
    for _ in range(3):
        _, grads = net.loss_and_grads(X, y, config.loss, config.l2)
        opt.step(net.params, grads)
    for mine, theirs in zip(net.params, res.model.params, strict=True):
        np.testing.assert_allclose(theirs, mine, rtol=1e-12, atol=1e-14)
    assert opt.t == 3


def _count_steps(config: RunConfig) -> tuple[int, int]:
    p = prepare(config)
    t = p.trainer
    t.step_epoch()
    return t.opt.t, len(t.X_tr)


@pytest.mark.parametrize("batch_size", [0, 1, 32, 33, 400, 10_000])
def test_steps_per_epoch(batch_size):
    steps, n = _count_steps(RunConfig(batch_size=batch_size, epochs=2))
    expected = 1 if batch_size == 0 or batch_size >= n else math.ceil(n / batch_size)
    assert steps == expected


def test_minibatches_shuffle_every_epoch():
    """Two epochs of mini-batch SGD differ from replaying epoch 1's order twice."""
    config = RunConfig(optimizer="sgd", learning_rate=0.1, batch_size=50, epochs=2)
    p = prepare(config)
    t = p.trainer
    rng = np.random.Generator(np.random.PCG64())
    rng.bit_generator.state = t.rng.bit_generator.state
    perm1, perm2 = rng.permutation(len(t.X_tr)), rng.permutation(len(t.X_tr))
    assert not np.array_equal(perm1, perm2)
    t.step_epoch()
    t.step_epoch()
    # Hand replay with the same two permutations gives exactly the trained weights.
    q = prepare(config)
    net, opt = q.trainer.net, q.trainer.opt
    for perm in (perm1, perm2):
        for s in range(0, len(perm), 50):
            idx = perm[s : s + 50]
            _, grads = net.loss_and_grads(q.trainer.X_tr[idx], q.trainer.y_tr[idx])
            opt.step(net.params, grads)
    for a, b in zip(net.params, t.net.params, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)


# ---------------------------------------------------------------------------- zero init
@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
def test_zero_init_keeps_hidden_units_identical(act):
    res = run(RunConfig(initializer="zeros", activation=act, hidden=(6, 5), epochs=30))
    params = res.model.params
    for l in range(res.model.n_layers - 1):  # hidden layers
        W, b = params[2 * l], params[2 * l + 1]
        np.testing.assert_allclose(W, W[:, :1] * np.ones_like(W), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(b, np.full_like(b, b[0]), rtol=1e-12, atol=1e-15)
    W_out = params[-2]
    np.testing.assert_allclose(W_out, np.full_like(W_out, W_out[0, 0]), rtol=1e-12, atol=1e-15)
    # Symmetry, not paralysis: with sigmoid (σ(0) = ½ ≠ 0) the weights did move.
    if act == "sigmoid":
        assert np.abs(params[0]).max() > 1e-3
    # And the net is no better than one unit: it cannot learn the moons well.
    assert res.final.test_accuracy < 0.93


# ------------------------------------------------------------------------------ Trainer API
def test_trainer_can_step_and_stops_at_epochs():
    p = prepare(RunConfig(epochs=3))
    t = p.trainer
    assert t.epoch == 0 and len(t.history["epoch"]) == 1 and not t.done
    t.step_epoch()
    assert t.epoch == 1 and len(t.history["epoch"]) == 2
    t.run()
    assert t.done and t.epoch == 3 and len(t.history["epoch"]) == 4
    t.step_epoch()  # no-op once done
    assert t.epoch == 3 and len(t.history["epoch"]) == 4


def test_stepping_shows_the_current_weights_in_trainer_net_after_each_epoch():
    """The Playground's +1/+10 buttons read trainer.net between epochs: after every epoch the
    network holds that epoch's weights (its loss is the history's last row), and a trainer
    stepped by hand ends where run() ends."""
    config = RunConfig(epochs=4, n_samples=200)
    stepped, whole = prepare(config).trainer, prepare(config).trainer
    seen = []
    for _ in range(config.epochs):
        stepped.step_epoch()
        net = stepped.net
        loss = net.loss_and_grads(stepped.X_tr, stepped.y_tr, stepped.loss)[0]
        assert loss == pytest.approx(stepped.history["train_loss"][-1], rel=1e-12)
        seen.append(net.flat.copy())
    assert all(np.abs(a - b).max() > 1e-6 for a, b in zip(seen, seen[1:], strict=False))
    whole.run()
    np.testing.assert_array_equal(stepped.net.flat, whole.net.flat)
    assert stepped.history == whole.history


def test_a_pickled_trainer_goes_on_training_its_own_network():
    import pickle

    config = RunConfig(epochs=4, n_samples=200)
    a = prepare(config).trainer
    a.step_epoch()
    b = pickle.loads(pickle.dumps(a))
    a.run()
    b.run()
    assert a.history == b.history
    np.testing.assert_array_equal(a.net.flat, b.net.flat)
    assert b.net.loss_and_grads(b.X_tr, b.y_tr)[0] == pytest.approx(b.history["train_loss"][-1])


def test_snapshot_schedule():
    assert snapshot_schedule(0) == [0]
    assert snapshot_schedule(1) == [0, 1]
    s = snapshot_schedule(200)
    assert s[0] == 0 and s[1] == 1 and s[-1] == 200 and len(s) <= 31
    assert s == sorted(set(s))
    for epochs in (2, 5, 30, 31, 5000):
        s = snapshot_schedule(epochs)
        assert s[:2] == [0, 1] and s[-1] == epochs and s == sorted(set(s)) and len(s) <= 31


def test_trainer_without_grid_keeps_no_snapshots():
    p = prepare(RunConfig(epochs=2))
    tr = p.trainer
    t = Trainer(
        tr.net, (tr.X_tr, tr.y_tr, tr.X_te, tr.y_te), tr.opt, tr.rng, epochs=2, batch_size=0
    )
    out = t.run()
    assert out.status == "ok" and out.snapshot_epochs == [] and out.snapshots.size == 0
    assert len(out.history["train_loss"]) == 3


# ------------------------------------------------------- the error signal δ_l in the history
def _delta_norms_by_finite_differences(net, X, Y, loss: str, eps: float = 1e-6) -> list[float]:
    """√n · ‖∂L/∂z_l‖_F for l = 1 … L, each ∂L/∂z_l by central differences: an independent
    forward pass from z_l on (the activation's f and the loss's value, no back-propagation)."""
    from playground.nn import losses

    L, n = net.n_layers, len(X)

    def loss_from(l: int, z: np.ndarray) -> float:
        for k in range(l + 1, L):  # the hidden activation, then the next layer
            z = net.act.f(z) @ net.params[2 * k] + net.params[2 * k + 1]
        return losses.get(loss)(z, Y, net.output)[0]

    zs, out = net.forward_cache(X)[0], []
    for l in range(L):
        z, grad = zs[l].copy(), np.zeros_like(zs[l])
        for idx in np.ndindex(*z.shape):
            z[idx] += eps
            up = loss_from(l, z.copy())
            z[idx] -= 2 * eps
            down = loss_from(l, z.copy())
            z[idx] += eps
            grad[idx] = (up - down) / (2 * eps)
        out.append(math.sqrt(n) * float(np.linalg.norm(grad)))
    return out


@pytest.mark.parametrize(
    "act, loss, k",
    [("tanh", "cross_entropy", 2), ("sigmoid", "mse", 2), ("relu", "cross_entropy", 3),
     ("maxout", "cross_entropy", 2), ("elu", "hinge", 2), ("leaky_relu", "mse", 3)],
)  # fmt: skip
def test_delta_norm_matches_finite_differences(act, loss, k):
    from playground.nn.network import MLP, one_hot

    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(10, 2)), rng.integers(0, k, 10)
    y[:k] = np.arange(k)  # every class present
    net = MLP([2, 5, 4, 1 if k == 2 else k], act, "sigmoid" if k == 2 else "softmax", seed=1)
    opt = optimizers.get("sgd", lr=0.1)
    t = Trainer(net, (X, y, X, y), opt, np.random.default_rng(0), loss=loss, epochs=1)
    mine = [t.history[f"delta_norm_{l}"][0] for l in range(1, net.n_layers + 1)]
    theirs = _delta_norms_by_finite_differences(net, X, one_hot(y, net.sizes[-1]), loss)
    np.testing.assert_allclose(mine, theirs, rtol=1e-5, atol=1e-10)


def test_delta_norm_is_the_rms_of_each_samples_signal():
    """Output layer, sigmoid + cross entropy: δ_L per sample is p − y, so delta_norm_L is the
    RMS of p − y; duplicating every training sample changes nothing (no dependence on n)."""
    from playground.nn.network import MLP

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(40, 2)), rng.integers(0, 2, 40)

    def first_row(X, y):
        net = MLP([2, 6, 6, 1], "tanh", "sigmoid", seed=2)
        t = Trainer(net, (X, y, X, y), optimizers.get("sgd"), np.random.default_rng(0))
        return {k: v[0] for k, v in t.history.items()}, net

    row, net = first_row(X, y)
    p = net.forward(X)[:, 0]
    assert row["delta_norm_3"] == pytest.approx(np.sqrt(np.mean((p - y) ** 2)), rel=1e-12)
    twice = first_row(np.vstack([X, X]), np.concatenate([y, y]))[0]
    for l in (1, 2, 3):
        assert twice[f"delta_norm_{l}"] == pytest.approx(row[f"delta_norm_{l}"], rel=1e-12)


def test_delta_ratio_separates_vanishing_from_healthy_where_weight_gradients_do_not():
    """tanh, 6 layers, weights ×0.1: the weight gradients are all tiny, so their ratio looks
    healthy; the error signal shrinks ~10× per layer on its way back."""
    small = run(RunConfig(hidden=(8,) * 6, init_scale=0.1, epochs=1)).history.iloc[0]
    healthy = run(RunConfig(hidden=(8,) * 6, epochs=1)).history.iloc[0]
    for h in (small, healthy):
        assert 0.1 < h["grad_norm_1"] / h["grad_norm_7"] < 10
    assert small["delta_norm_1"] / small["delta_norm_7"] < 1e-5
    assert 0.1 < healthy["delta_norm_1"] / healthy["delta_norm_7"] < 10
    deltas = [small[f"delta_norm_{l}"] for l in range(1, 8)]
    assert all(a < 0.3 * b for a, b in zip(deltas, deltas[1:], strict=False))  # layer by layer
