"""Sweeps: the spec's configs, running with progress and cancel, summaries and tuning curves,
estimates, and the same results in this process, in local worker processes and on Dask."""

from __future__ import annotations

import logging
import math
import pickle
import time
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from playground import executor, sweep
from playground.config import RunConfig
from playground.experiment import run, run_many
from playground.sweep import SweepSpec, estimate_seconds, run_sweep, summarize, tuning_curve

BASE = RunConfig(n_samples=100, epochs=5, hidden=(6, 6), batch_size=20)


def _same(a, b) -> None:
    pd.testing.assert_frame_equal(a.history, b.history, check_exact=False, rtol=1e-12, atol=1e-12)
    assert (a.config, a.status) == (b.config, b.status)
    np.testing.assert_allclose(a.snapshots, b.snapshots, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(a.model.flat, b.model.flat, rtol=1e-12, atol=1e-12)
    for p in a.model.params:  # a real network again: its weights are views into its flat vector
        assert np.shares_memory(p, a.model.flat)
    np.testing.assert_allclose(a.model.forward(b.X_test), b.model.forward(b.X_test), rtol=1e-12)


# ------------------------------------------------------------------------------ spec
def test_configs_order_seeds_and_knobs():
    spec = SweepSpec(BASE, "learning_rate", [0.1, 0.01], "width", [3, 5], seeds=2)
    configs = spec.configs()
    assert len(configs) == 8
    assert [(c.learning_rate, c.hidden, c.seed) for c in configs[:4]] == [
        (0.1, (3, 3), 0),
        (0.1, (3, 3), 1),
        (0.1, (5, 5), 0),
        (0.1, (5, 5), 1),
    ]
    assert configs[4].learning_rate == 0.01
    assert spec.knobs == ["learning_rate", "width"]


def test_depth_and_width_map_onto_hidden():
    both = SweepSpec(BASE, "width", [4], "depth", [0, 3]).configs()
    assert [c.hidden for c in both] == [(), (4, 4, 4)]
    deeper = SweepSpec(replace(BASE, hidden=()), "depth", [2]).configs()
    assert deeper[0].hidden == (8, 8)
    assert SweepSpec(BASE, "hidden", ["4,2", (3,)]).configs()[0].hidden == (4, 2)
    with pytest.raises(ValueError, match="no hidden layer"):
        SweepSpec(replace(BASE, hidden=()), "width", [4]).configs()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"knob1": "colour", "values1": [1]}, "Unknown knob"),
        ({"knob1": "seed", "values1": [1]}, "Unknown knob"),
        ({"knob1": "epochs", "values1": []}, "at least one"),
        ({"knob1": "epochs", "values1": [1], "knob2": "epochs", "values2": [2]}, "differ"),
        ({"knob1": "epochs", "values1": [1], "knob2": "l2"}, "together"),
        ({"knob1": "epochs", "values1": [1], "seeds": 0}, "seeds"),
    ],
)
def test_invalid_specs(kwargs, match):
    with pytest.raises(ValueError, match=match):
        SweepSpec(BASE, **kwargs)


def test_invalid_values_say_which():
    with pytest.raises(ValueError, match="learning_rate"):
        SweepSpec(BASE, "learning_rate", [0.1, 99.0]).configs()


# ------------------------------------------------------------------------------ running
def test_run_sweep_reports_progress_and_equals_run():
    spec = SweepSpec(BASE, "learning_rate", [0.003, 0.03, 0.3], "activation", ["tanh", "relu"])
    progress = []
    results = run_sweep(spec, on_result=progress.append, n_jobs=1)
    assert progress[-1].done == progress[-1].total == 6
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert progress[-1].eta == 0.0 and progress[0].eta >= 0
    for r, c in zip(results, spec.configs(), strict=True):
        _same(r, run(c))


def test_should_stop_cancels_between_chunks():
    spec = SweepSpec(BASE, "hidden", ["3", "4", "5", "6"])  # four chunks: widths differ
    calls = []
    results = run_sweep(spec, should_stop=lambda: len(calls) >= 2, on_result=calls.append)
    assert sum(r is not None for r in results) == 2
    assert results[2] is None and results[3] is None


def test_plan_splits_big_groups_for_workers_and_progress():
    configs = SweepSpec(BASE, "learning_rate", [0.01], seeds=40).configs()
    assert [len(c) for c in executor.plan(configs)] == [20, 20]  # at most 32 per batch, evenly
    assert sorted(len(c) for c in executor.plan(configs, parts=4)) == [10, 10, 10, 10]
    assert len(executor.plan(configs[:12], parts=4)) == 1  # not below 8 runs per chunk


def test_summarize_and_tuning_curve():
    spec = SweepSpec(BASE, "learning_rate", [0.01, 0.1], seeds=3)
    results = run_sweep(spec)
    df = summarize(results, spec)
    assert list(df.columns) == [
        "learning_rate",
        "seed",
        "train_loss",
        "test_loss",
        "train_accuracy",
        "test_accuracy",
        "status",
        "epochs_run",
        "elapsed",
    ]
    assert len(df) == 6 and df["seed"].tolist() == [0, 1, 2] * 2
    assert (df["epochs_run"] == BASE.epochs).all() and (df["status"] == "ok").all()
    assert df["test_loss"].iloc[4] == results[4].history["test_loss"].iloc[-1]
    curve = tuning_curve(df, "test_loss")
    assert curve["learning_rate"].tolist() == [0.01, 0.1]
    first = df[df["learning_rate"] == 0.01]["test_loss"]
    assert curve["mean"].iloc[0] == pytest.approx(first.mean())
    assert curve["std"].iloc[0] == pytest.approx(first.std())
    assert (curve["min"].iloc[0], curve["max"].iloc[0]) == (first.min(), first.max())
    assert curve["count"].tolist() == [3, 3] and curve["diverged"].tolist() == [0, 0]
    with pytest.raises(ValueError, match="metric"):
        tuning_curve(df, "speed")
    partial = summarize([results[0], None], spec)
    assert len(partial) == 1


def test_tuning_curve_counts_diverged_runs():
    base = replace(BASE, optimizer="momentum", activation="relu", hidden=(8,), n_samples=120)
    spec = SweepSpec(replace(base, batch_size=16, epochs=6), "learning_rate", [0.1, 10.0])
    curve = tuning_curve(summarize(run_sweep(spec), spec), "train_accuracy")
    assert curve["diverged"].tolist() == [0, 1]


def test_estimate_seconds_is_a_plausible_number():
    spec = SweepSpec(BASE, "learning_rate", [0.01, 0.1], seeds=2)
    estimate = estimate_seconds(spec)
    assert math.isfinite(estimate) and 0 < estimate < 60


# ------------------------------------------------------------------------------ parallel
HETEROGENEOUS = [
    BASE,
    replace(BASE, hidden=(4,)),
    replace(BASE, seed=1),
    replace(BASE, activation="relu", learning_rate=0.1),
    replace(BASE, optimizer="sgd"),
]


def test_local_worker_processes_give_the_same_results():
    many = run_many(HETEROGENEOUS, n_jobs=2)
    for a, c in zip(many, HETEROGENEOUS, strict=True):
        _same(a, run(c))


def test_dask_cluster_gives_the_same_results(monkeypatch):
    distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")
    # two worker threads: with one, joblib would run the chunks here (it treats 1 job as serial)
    cluster = distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,  # worker threads in this process: no worker start-up to time out on a
        protocol="tcp",  # busy 2-core CI machine; the tasks still go through the scheduler
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        many = run_many(HETEROGENEOUS, scheduler=cluster.scheduler_address)
        transitions = cluster.scheduler.transition_counter
        assert transitions >= 3 * 4  # the chunks really went through the cluster
        monkeypatch.setenv(executor.DASK_ENV, cluster.scheduler_address)  # as an instructor would
        spec = SweepSpec(BASE, "width", [3, 4], seeds=2)
        swept = run_sweep(spec)
        assert cluster.scheduler.transition_counter > transitions
    finally:
        cluster.close()
    for a, c in zip(many, HETEROGENEOUS, strict=True):
        _same(a, run(c))
    for a, c in zip(swept, spec.configs(), strict=True):
        _same(a, run(c))


# ------------------------------------------------------------------------------ failures
def test_an_unreachable_scheduler_says_so_within_seconds(monkeypatch):
    pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")
    monkeypatch.setattr(executor, "DASK_TIMEOUT", 2.0)
    start = time.perf_counter()
    with pytest.raises(executor.ClusterUnavailable, match=r"tcp://127\.0\.0\.1:1 did not answer"):
        list(sweep.execute([BASE, replace(BASE, seed=1)], scheduler="tcp://127.0.0.1:1"))
    assert time.perf_counter() - start < 2.0 + 3  # not the Client's own 30 s
    monkeypatch.setenv(executor.DASK_ENV, "tcp://127.0.0.1:1")  # the same through the environment
    with pytest.raises(OSError):  # ClusterUnavailable is an OSError: old callers still catch it
        run_many([BASE, replace(BASE, seed=1)], n_jobs=2)


# ------------------------------------------------------------------------------ keeping
LR_SWEEP = SweepSpec(RunConfig(), "learning_rate", (1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0), seeds=2)


@pytest.fixture(scope="module")
def lr_results():
    return run_sweep(LR_SWEEP, n_jobs=1)


def test_compact_keeps_what_the_table_and_charts_need(lr_results):
    from playground.charts import sweep as sweep_charts

    shown = sweep.boundary_runs(LR_SWEEP)
    assert shown == {0, 2, 4, 6, 8, 10}  # the base seed of each setting
    kept = [sweep.compact(r, boundary=i in shown) for i, r in enumerate(lr_results)]
    pd.testing.assert_frame_equal(summarize(kept, LR_SWEEP), summarize(lr_results, LR_SWEEP))
    for full, small, i in zip(lr_results, kept, range(len(kept)), strict=True):
        assert small.model is None and small.scaler is None and len(small.X_test) == 0
        assert list(small.history.columns) == ["epoch", *sweep.METRICS]
        assert len(small.history) <= sweep.CURVE_POINTS + 1
        pd.testing.assert_series_equal(
            small.history.iloc[-1], full.history[small.history.columns].iloc[-1]
        )
        assert small.history["epoch"].iloc[0] == 0
        if i in shown:
            np.testing.assert_array_equal(small.snapshots[0], full.snapshots[-1])
            assert small.snapshot_epochs == full.snapshot_epochs[-1:]
            np.testing.assert_array_equal(small.X_train, full.X_train[: sweep.POINTS])
        else:
            assert len(small.snapshots) == 0 and len(small.X_train) == 0
    assert full.model is not None  # the originals are untouched (the shared run cache holds them)
    sweep_charts.loss_curves(kept, lambda r: str(r.config.learning_rate), "loss", "epoch").to_dict()
    firsts = [r for r in kept if r.config.seed == LR_SWEEP.base.seed]
    assert len(sweep_charts.boundaries(firsts, str).to_dict()["concat"]) == len(shown)


def test_long_histories_are_thinned_but_end_on_the_last_epoch():
    result = run(replace(BASE, epochs=1000, n_samples=60, batch_size=0))
    small = sweep.compact(result)
    assert len(small.history) <= sweep.CURVE_POINTS + 1
    assert (
        small.history["epoch"].iloc[-1] == 1000 and small.history["epoch"].is_monotonic_increasing
    )


def test_a_held_390_run_sweep_stays_under_20_mb(lr_results):
    """The issue's 390-run sweep (13 learning rates × 10 activations × 3 seeds) held 115–180 MB
    per session. Measured here: 39 runs of it pickle to 15.4 MB in full, 0.51 MB compact
    (×10: 154 MB → 5.1 MB). Scaled from this 12-run sweep of the same setup."""
    shown = sweep.boundary_runs(LR_SWEEP)
    kept = [sweep.compact(r, boundary=i in shown) for i, r in enumerate(lr_results)]
    per_run = len(pickle.dumps(kept)) / len(kept)
    with_boundary = len(pickle.dumps(kept[0]))
    bound = sweep.BOUNDARIES * with_boundary + (390 - sweep.BOUNDARIES) * per_run
    assert bound <= 20e6
    # in full (boundary snapshots kept as weights since they are computed when read: ~25 MB,
    # with the predictions themselves it was over 50 MB)
    assert len(pickle.dumps(lr_results)) / len(lr_results) * 390 > 20e6
