"""experiment.run and friends: the history's columns and values, reproducibility, snapshots,
the scaler, data set overrides, callbacks, grids, divergence messages and run_many."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.preprocessing import StandardScaler

from playground import data
from playground.config import RunConfig
from playground.experiment import (
    GRID_SIZE,
    Grid,
    divergence_message,
    finish,
    initial_net,
    make_grid,
    prepare,
    run,
    run_many,
)

SMALL = RunConfig(hidden=(8, 6), epochs=12, n_samples=200)


def _history_columns(depth: int) -> list[str]:
    L = depth + 1
    cols = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]
    cols += [f"grad_norm_{l}" for l in range(1, L + 1)]
    cols += [f"weight_norm_{l}" for l in range(1, L + 1)]
    cols += [f"delta_norm_{l}" for l in range(1, L + 1)]
    for l in range(1, depth + 1):
        cols += [f"act_mean_{l}", f"act_std_{l}", f"act_saturated_{l}", f"act_dead_{l}"]
    return cols


# ------------------------------------------------------------------------------------ history
@pytest.mark.parametrize("hidden", [(), (5,), (8, 6), (4, 4, 4)])
def test_history_columns_and_rows(hidden):
    config = RunConfig(hidden=hidden, epochs=7, n_samples=100)
    res = run(config)
    h = res.history
    assert isinstance(h, pd.DataFrame)
    assert set(h.columns) == set(_history_columns(len(hidden)))
    assert h.columns[0] == "epoch"
    assert h["epoch"].dtype.kind == "i"
    assert h["epoch"].tolist() == list(range(8))
    assert np.isfinite(h.to_numpy(dtype=float)).all()
    for col in ("train_accuracy", "test_accuracy"):
        assert h[col].between(0, 1).all()
    for l in range(1, len(hidden) + 1):
        assert h[f"act_saturated_{l}"].between(0, 1).all()
        assert h[f"act_dead_{l}"].between(0, 1).all()
    assert res.final.equals(h.iloc[-1])
    assert res.status == "ok" and res.reason == "" and res.diverged_epoch is None
    assert "7 epochs" in res.message


def _grad_norms_by_hand(net, X, y, loss="cross_entropy"):
    value, grads = net.loss_and_grads(X, y, loss=loss, l2=0.0)
    return value, [float(np.linalg.norm(g)) for g in grads[0::2]]


@pytest.mark.parametrize(
    "config",
    [
        SMALL,
        RunConfig(dataset="blobs", activation="relu", loss="mse", epochs=5, n_samples=150),
        RunConfig(activation="maxout", hidden=(5,), epochs=4, scaler="minmax", l2=0.01),
    ],
    ids=["moons", "blobs-mse", "maxout-l2"],
)
def test_row0_is_the_untrained_net_on_the_scaled_training_split(config):
    res = run(config)
    p = prepare(config)
    X_tr, y_tr = p.splits[0], p.splits[1]
    Xs = p.scaler.transform(X_tr)
    loss, norms = _grad_norms_by_hand(p.trainer.net, Xs, y_tr, config.loss)
    row0 = res.history.iloc[0]
    assert row0.train_loss == pytest.approx(loss, rel=1e-12)
    for l, norm in enumerate(norms, start=1):
        assert row0[f"grad_norm_{l}"] == pytest.approx(norm, rel=1e-12)
        W = p.trainer.net.params[2 * (l - 1)]
        assert row0[f"weight_norm_{l}"] == pytest.approx(np.linalg.norm(W), rel=1e-12)
    # Accuracies of the untrained net, computed independently.
    out = p.trainer.net.forward(Xs)
    pred = (out[:, 0] > 0.5).astype(int) if out.shape[1] == 1 else out.argmax(axis=1)
    assert row0.train_accuracy == pytest.approx(np.mean(pred == y_tr), abs=1e-15)


def test_last_row_is_the_trained_net():
    res = run(SMALL)
    assert res.status == "ok"
    Xs = res.scaler.transform(res.X_train)
    loss, norms = _grad_norms_by_hand(res.model, Xs, res.y_train)
    last = res.final
    assert last.epoch == SMALL.epochs
    assert last.train_loss == pytest.approx(loss, rel=1e-12)
    for l, norm in enumerate(norms, start=1):
        assert last[f"grad_norm_{l}"] == pytest.approx(norm, rel=1e-12)
    Xt = res.scaler.transform(res.X_test)
    p = res.model.forward(Xt)[:, 0]
    test_loss = -np.mean(res.y_test * np.log(p) + (1 - res.y_test) * np.log(1 - p))
    assert last.test_loss == pytest.approx(test_loss, rel=1e-9)
    assert last.test_accuracy == pytest.approx(np.mean((p > 0.5) == res.y_test), abs=1e-15)


def test_history_loss_leaves_out_the_l2_penalty():
    a = run(RunConfig(l2=0.0, epochs=1)).history.iloc[0]
    b = run(RunConfig(l2=0.5, epochs=1)).history.iloc[0]
    assert a.train_loss == b.train_loss  # same untrained net, data loss only
    assert a.grad_norm_1 == b.grad_norm_1


# ------------------------------------------------------------------------- reproducibility
def test_same_config_same_history_and_snapshots():
    a, b = run(SMALL), run(SMALL)
    pd.testing.assert_frame_equal(a.history, b.history, check_exact=True)
    np.testing.assert_array_equal(a.snapshots, b.snapshots)
    assert a.snapshot_epochs == b.snapshot_epochs
    for pa, pb in zip(a.model.params, b.model.params, strict=True):
        np.testing.assert_array_equal(pa, pb)


def test_different_seed_different_run():
    a, b = run(SMALL), run(RunConfig(**{**SMALL.to_dict(), "seed": 1}))
    assert not a.history[["train_loss", "grad_norm_1"]].equals(
        b.history[["train_loss", "grad_norm_1"]]
    )
    assert not np.array_equal(a.snapshots, b.snapshots)
    assert not np.array_equal(a.X_train, b.X_train)


def test_run_does_not_touch_global_random_state():
    # The legacy global generator is exactly what run() must leave alone.
    np.random.seed(123)  # noqa: NPY002
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    run(SMALL)
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # noqa: NPY002


# ------------------------------------------------------------------------------- snapshots
@pytest.mark.parametrize(
    "config, n_out",
    [(SMALL, 1), (RunConfig(dataset="blobs", epochs=9, n_samples=150), 3)],
    ids=["binary", "3-class"],
)
def test_snapshots(config, n_out):
    res = run(config)
    s = res.snapshots
    assert s.dtype == np.float32
    assert s.shape == (len(res.snapshot_epochs), GRID_SIZE * GRID_SIZE, n_out)
    assert res.snapshot_epochs[0] == 0 and res.snapshot_epochs[-1] == config.epochs
    assert res.snapshot_epochs == sorted(set(res.snapshot_epochs))
    a = np.asarray(s)
    assert a.dtype == np.float32 and a.shape == s.shape
    assert a.min() >= 0 and a.max() <= 1
    if n_out > 1:
        np.testing.assert_allclose(a.sum(axis=2), 1.0, atol=1e-6)
    # The first and last snapshots are the initial and the trained model on the (scaled) grid.
    points = res.scaler.transform(res.grid.points)
    np.testing.assert_allclose(s[-1], res.model.forward(points), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(s[0], initial_net(res).forward(points), rtol=1e-6, atol=1e-7)
    assert not np.allclose(s[0], s[-1], atol=1e-3)  # training changed the boundary
    # Items, negative indices, slices and a pickled copy read the same numbers.
    np.testing.assert_array_equal(s[len(s) - 1], s[-1])
    np.testing.assert_array_equal(s[1:3], a[1:3])
    assert s[5:2].shape == (0, *a.shape[1:])
    np.testing.assert_array_equal(np.asarray(pickle.loads(pickle.dumps(s))), a)
    with pytest.raises(IndexError):
        s[len(s)]


def test_scaler_is_fitted_on_the_training_split_only():
    config = RunConfig(dataset="breast_cancer", epochs=1)  # features on very different scales
    res = run(config)
    assert isinstance(res.scaler, StandardScaler)
    np.testing.assert_allclose(res.scaler.mean_, res.X_train.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(res.scaler.scale_, res.X_train.std(axis=0), rtol=1e-12)
    X_all, _ = data.make_dataset("breast_cancer")
    assert not np.allclose(res.scaler.mean_, X_all.mean(axis=0), rtol=1e-6)
    assert len(res.X_train) + len(res.X_test) == len(X_all)


def test_split_is_stratified_and_sized():
    res = run(RunConfig(n_samples=400, test_fraction=0.25, epochs=1))
    assert len(res.X_test) == 100 and len(res.X_train) == 300
    assert np.bincount(res.y_test).tolist() == [50, 50]
    # Train and test are disjoint.
    train = {tuple(r) for r in res.X_train}
    assert not any(tuple(r) in train for r in res.X_test)


# ------------------------------------------------------------------------- dataset override
def test_dataset_override():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(90, 2)) * [1.0, 3.0] + [10.0, -4.0]
    y = (X[:, 0] - 10.0 > 0).astype(np.int64) + (X[:, 1] + 4.0 > 2.0).astype(np.int64)
    names = ["low", "mid", "high"]
    res = run(RunConfig(dataset="moons", epochs=40, hidden=(8,)), dataset=(X, y, names))
    assert res.class_names == names
    assert res.model.sizes[-1] == 3 and res.model.output == "softmax"
    assert res.snapshots.shape[2] == 3
    both = np.vstack([res.X_train, res.X_test])
    assert sorted(map(tuple, both)) == sorted(map(tuple, X))  # the override's points, all
    assert res.grid.x.min() < X[:, 0].min() and res.grid.x.max() > X[:, 0].max()
    assert res.final.train_accuracy >= 0.9  # axis-aligned thresholds: easy


def test_class_names_default_to_the_data_set():
    assert run(RunConfig(dataset="iris", epochs=1)).class_names == [
        "setosa",
        "versicolor",
        "virginica",
    ]
    assert run(RunConfig(epochs=1, n_samples=50)).class_names == ["0", "1"]


# -------------------------------------------------------------------------------- callback
def test_callback_is_called_once_per_epoch():
    seen = []
    res = run(RunConfig(epochs=5, n_samples=60), callback=lambda t: seen.append(t.epoch))
    assert seen == [1, 2, 3, 4, 5]
    assert len(res.history) == 6


def test_callback_stops_with_divergence():
    seen = []
    res = run(
        RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=10, epochs=50),
        callback=lambda t: seen.append(t.epoch),
    )
    assert res.status == "diverged"
    assert seen == list(range(1, res.diverged_epoch + 1))


# ------------------------------------------------------------------- prepare / finish / grid
def test_prepare_then_finish_equals_run():
    config = RunConfig(epochs=4, n_samples=80)
    p = prepare(config)
    for _ in range(4):
        p.trainer.step_epoch()
    stepped = finish(p)
    pd.testing.assert_frame_equal(stepped.history, run(config).history, check_exact=True)
    assert stepped.status == "ok"


def test_finish_part_way_gives_partial_history():
    p = prepare(RunConfig(epochs=10, n_samples=80))
    p.trainer.step_epoch()
    part = finish(p)
    assert part.history.epoch.tolist() == [0, 1]
    assert part.snapshot_epochs == [0, 1]


def test_make_grid():
    X = np.array([[0.0, 10.0], [2.0, 30.0], [1.0, 20.0]])
    g = make_grid(X, size=5, pad=0.1)
    assert isinstance(g, Grid)
    np.testing.assert_allclose(g.x, np.linspace(-0.2, 2.2, 5))
    np.testing.assert_allclose(g.y, np.linspace(8.0, 32.0, 5))
    pts = g.points
    assert pts.shape == (25, 2)
    np.testing.assert_array_equal(pts[0], [g.x[0], g.y[0]])
    np.testing.assert_array_equal(pts[1], [g.x[1], g.y[0]])  # row-major in y: x runs fastest
    np.testing.assert_array_equal(pts[5], [g.x[0], g.y[1]])
    # A constant feature still gets a usable (non-degenerate) axis.
    flat = make_grid(np.array([[1.0, 5.0], [2.0, 5.0]]), size=3)
    assert flat.y[0] < 5.0 < flat.y[-1]
    assert make_grid(X).points.shape == (GRID_SIZE * GRID_SIZE, 2)


def test_divergence_message():
    c = RunConfig(learning_rate=3.0, optimizer="sgd")
    m = divergence_message(c, "nan", 4)
    assert "epoch 4" in m and "NaN" in m and "learning rate (3)" in m and "sgd" in m
    assert "init" not in m  # init scale 1 is not blamed
    m = divergence_message(RunConfig(init_scale=50.0), "inf", 0)
    assert "epoch 0" in m and "infinite" in m and "init scale ×50" in m
    m = divergence_message(c, "exploded", 2)
    assert "100×" in m


def test_run_many_equals_run():
    configs = [SMALL, RunConfig(**{**SMALL.to_dict(), "learning_rate": 0.05})]
    many = run_many(configs)
    assert [r.config for r in many] == configs
    for r, c in zip(many, configs, strict=True):
        pd.testing.assert_frame_equal(r.history, run(c).history, check_exact=True)
    assert run_many([]) == []
