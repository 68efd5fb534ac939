"""Sweeps: one or two knobs over lists of values, each setting with several seeds.

`SweepSpec` describes the sweep and lists its configs; `run_sweep` trains them (as
`experiment.run_many` does: runs that differ only in seed, initializer, init scale, learning rate
or optimizer numbers train as one stacked computation) and reports each finished chunk, so a page
can show progress, an ETA and stop between chunks; `summarize` makes one row per run and
`tuning_curve` the mean and spread over seeds per knob value.

Where the chunks run (`execute`, see `playground.executor`): in this process; in local worker
processes through joblib (`n_jobs`); or on a Dask cluster through joblib's Dask backend when
`scheduler` (an address such as "tcp://10.0.0.5:8786", or a `dask.distributed.Client`) is given
or the environment variable PLAYGROUND_DASK_SCHEDULER is set. A scheduler that does not answer
within `DASK_TIMEOUT` seconds, or a cluster lost on the way, raises `ClusterUnavailable`.

`compact` keeps of a result only what a sweep's charts and table need, so a page can hold
hundreds of runs. No streamlit here.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from playground import executor, experiment
from playground.config import FIELD_NAMES, RunConfig
from playground.executor import local_jobs, plan
from playground.experiment import RunResult, prepare
from playground.nn.batched import BatchedTrainer, signature

KNOBS: tuple[str, ...] = (*(f for f in FIELD_NAMES if f != "seed"), "width", "depth")
METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
R2_METRICS = ("train_r2", "test_r2")  # regression runs, in place of the accuracies
BOUNDARIES = 24  # decision boundaries a sweep shows: the first seed of its first settings
CURVE_POINTS = 200  # loss-curve points kept per run (the last epoch always)
POINTS = 300  # training points drawn on a boundary panel


# ------------------------------------------------------------------------------ description
@dataclass(frozen=True)
class SweepSpec:
    """`knob1` over `values1` (× `knob2` over `values2`), each with `seeds` seeds.

    Knobs are RunConfig fields, or "width" (every hidden layer's width) and "depth" (number of
    hidden layers, each `base.width` wide, or 8 if `base` has none). Seeds are base.seed,
    base.seed + 1, …
    """

    base: RunConfig
    knob1: str
    values1: tuple
    knob2: str | None = None
    values2: tuple | None = None
    seeds: int = 1

    def __post_init__(self) -> None:
        for knob in (self.knob1, self.knob2):
            if knob is not None and knob not in KNOBS:
                raise ValueError(f"Unknown knob {knob!r}. Valid knobs: {', '.join(KNOBS)}.")
        if self.knob2 == self.knob1:
            raise ValueError("The two knobs must differ.")
        if (self.knob2 is None) != (self.values2 is None):
            raise ValueError("Give knob2 and values2 together.")
        object.__setattr__(self, "values1", tuple(self.values1))
        if self.values2 is not None:
            object.__setattr__(self, "values2", tuple(self.values2))
        if not self.values1 or self.values2 == ():
            raise ValueError("Every knob needs at least one value.")
        if not (isinstance(self.seeds, int) and 1 <= self.seeds <= 1000):
            raise ValueError(f"seeds must be a whole number from 1 to 1000, got {self.seeds!r}.")

    @property
    def knobs(self) -> list[str]:
        return [self.knob1] if self.knob2 is None else [self.knob1, self.knob2]

    def configs(self) -> list[RunConfig]:
        """Every run: values1 (outer) × values2 × seeds (inner). ValueError for a bad value."""
        out = []
        for v1 in self.values1:
            for v2 in (None,) if self.values2 is None else self.values2:
                settings = (
                    {self.knob1: v1} if self.knob2 is None else {self.knob1: v1, self.knob2: v2}
                )
                config = with_knobs(self.base, settings)
                out += [replace(config, seed=config.seed + s) for s in range(self.seeds)]
        return out


def with_knobs(config: RunConfig, settings: dict) -> RunConfig:
    """`config` with these knob values; "depth" is applied before "width"."""
    settings = dict(settings)
    depth, width = settings.pop("depth", None), settings.pop("width", None)
    if "hidden" in settings and isinstance(settings["hidden"], str):
        settings["hidden"] = tuple(int(h) for h in settings["hidden"].split(",") if h.strip())
    config = replace(config, **settings)
    if depth is not None:
        config = replace(config, hidden=(config.width or RunConfig().width,) * int(depth))
    if width is not None:
        if not config.hidden and depth is None:
            raise ValueError("width: this setup has no hidden layer to widen.")
        config = replace(config, hidden=(int(width),) * config.depth)
    return config


def knob_value(config: RunConfig, knob: str) -> object:
    """The value of `knob` in `config` (hidden as text "8,8", so tables and charts can use it)."""
    value = getattr(config, knob)
    return ",".join(map(str, value)) if knob == "hidden" else value


# ------------------------------------------------------------------------------ running
@dataclass
class Progress:
    """After each finished chunk: runs done of total, seconds so far, that chunk's results."""

    done: int
    total: int
    elapsed: float
    results: list[RunResult]

    @property
    def eta(self) -> float | None:
        """Seconds left, extrapolated from the pace so far."""
        return self.elapsed / self.done * (self.total - self.done) if self.done else None


def run_sweep(
    spec: SweepSpec,
    on_result: Callable[[Progress], object] | None = None,
    should_stop: Callable[[], bool] | None = None,
    scheduler: object = None,
    n_jobs: int | None = None,
) -> list[RunResult | None]:
    """Train every config of `spec`; results in `spec.configs()` order (None: not run, because
    `should_stop()` said so between chunks). `on_result(progress)` after each chunk."""
    configs = spec.configs()
    results: list[RunResult | None] = [None] * len(configs)
    start, done = time.perf_counter(), 0
    parts = max(4, os.cpu_count() or 1)  # chunks enough for progress, cancel and all cores
    for indices, chunk in execute(configs, n_jobs, scheduler, should_stop, parts=parts):
        for i, result in zip(indices, chunk, strict=True):
            results[i] = result
        done += len(chunk)
        if on_result is not None:
            on_result(Progress(done, len(configs), time.perf_counter() - start, chunk))
    return results


def execute(
    configs: list[RunConfig],
    n_jobs: int | None = None,
    scheduler: object = None,
    should_stop: Callable[[], bool] | None = None,
    parts: int = 1,
) -> Iterator[tuple[list[int], list[RunResult]]]:
    """Yield (indices, results) per chunk as chunks finish (in any order): `executor.execute`
    with experiment's trainer of a chunk (see there for `n_jobs`, `scheduler`, `parts`)."""
    return executor.execute(configs, experiment.run_together, n_jobs, scheduler, should_stop, parts)


# ------------------------------------------------------------------------------ estimates
def estimate_seconds(spec: SweepSpec, n_jobs: int | None = None) -> float:
    """Rough wall time of `run_sweep(spec)`, from timing one epoch of its first chunk."""
    configs = spec.configs()
    chunks = plan(configs)
    sample = [configs[i] for i in chunks[0]]
    start = time.perf_counter()
    trainers = [prepare(c).trainer for c in sample]
    per_prepare = (time.perf_counter() - start) / len(sample)
    start = time.perf_counter()
    if len(trainers) > 1 and len({signature(t) for t in trainers}) == 1:
        BatchedTrainer(trainers).step_epoch()
    else:
        for t in trainers:
            t.step_epoch()
    per_epoch = (time.perf_counter() - start) / len(sample)
    work0 = _work_units(sample[0])
    total = sum(per_prepare + per_epoch * c.epochs * _work_units(c) / work0 for c in configs)
    workers = 1 if local_jobs(configs, n_jobs) == 1 else (os.cpu_count() or 1)
    return total / min(workers, len(chunks))


def _work_units(c: RunConfig) -> float:
    """Relative cost of one epoch: samples × (layer widths + a per-mini-batch overhead)."""
    n = c.n_samples * (1 - c.test_fraction)
    steps = 1 if c.batch_size <= 0 else math.ceil(n / c.batch_size)
    return c.n_samples * (4 + sum(c.hidden)) + 400 * steps


# ------------------------------------------------------------------------------ keeping
def boundary_runs(spec: SweepSpec) -> set[int]:
    """Indices (in `spec.configs()` order) of the runs whose decision boundary a sweep shows:
    the base seed of the first `BOUNDARIES` settings."""
    firsts = [i for i, c in enumerate(spec.configs()) if c.seed == spec.base.seed]
    return set(firsts[:BOUNDARIES])


def compact(result: RunResult, boundary: bool = False) -> RunResult:
    """What a sweep keeps of `result`: the history's metric columns (every k-th epoch, at most
    about `CURVE_POINTS` rows, the last row always) and, with `boundary`, the last boundary
    snapshot and the first `POINTS` training points. No model, scaler or test split."""
    h = result.history
    keep = [c for c in ("epoch", *METRICS, "train_r2", "test_r2") if c in h.columns]
    step = max(1, math.ceil(len(h) / CURVE_POINTS))
    rows = sorted({*range(0, len(h), step), len(h) - 1}) if len(h) else []
    history = h[keep].iloc[rows].reset_index(drop=True)
    history.attrs = dict(h.attrs)
    empty = np.zeros((0, result.X_train.shape[1] if result.X_train.ndim == 2 else 2))
    snaps = result.snapshots[-1:] if boundary and len(result.snapshots) else result.snapshots[:0]
    return replace(
        result,
        history=history,
        model=None,
        scaler=None,
        X_train=result.X_train[:POINTS].copy() if boundary else empty,
        y_train=result.y_train[:POINTS].copy() if boundary else result.y_train[:0],
        X_test=empty,
        y_test=result.y_test[:0],
        snapshots=snaps.copy(),
        snapshot_epochs=result.snapshot_epochs[-1:] if len(snaps) else [],
        extra={},
    )


# ------------------------------------------------------------------------------ tables
def summarize(results: list[RunResult | None], spec: SweepSpec) -> pd.DataFrame:
    """One row per finished run: knob values, seed, final train/test loss and accuracy,
    status, epochs run, elapsed seconds. `df.attrs["knobs"]` names the knob columns."""
    rows = []
    for r in results:
        if r is None:
            continue
        final = r.history.iloc[-1] if len(r.history) else None
        row = {k: knob_value(r.config, k) for k in spec.knobs}
        row["seed"] = r.config.seed
        row.update({m: float(final[m]) if final is not None and m in final else math.nan
                    for m in (*METRICS, *R2_METRICS)})  # fmt: skip
        row["status"] = r.status
        row["epochs_run"] = int(final["epoch"]) if final is not None else 0
        row["elapsed"] = r.elapsed
        rows.append(row)
    columns = [*spec.knobs, "seed", *METRICS, *R2_METRICS, "status", "epochs_run", "elapsed"]
    df = pd.DataFrame(rows, columns=columns)
    scores = [m for m in (*METRICS, *R2_METRICS) if "loss" not in m]  # accuracy or R²: no run's
    df = df.drop(columns=[m for m in scores if df[m].isna().all() and len(df)])
    df.attrs["knobs"] = spec.knobs
    return df


def tuning_curve(
    df: pd.DataFrame, metric: str = "test_accuracy", knobs: list[str] | None = None
) -> pd.DataFrame:
    """Per knob value (pair): mean, std, min and max of `metric` over seeds, the number of runs
    and how many diverged. Diverged runs count with their last finite values."""
    knobs = knobs or df.attrs.get("knobs") or [df.columns[0]]
    if metric not in df.columns:
        raise ValueError(f"Unknown metric {metric!r}. Valid metrics: {', '.join(METRICS)}.")
    grouped = df.groupby(knobs, sort=False)
    out = grouped[metric].agg(["mean", "std", "min", "max", "count"]).reset_index()
    out["std"] = out["std"].fillna(0.0)
    out["diverged"] = grouped["status"].apply(lambda s: int((s == "diverged").sum())).to_numpy()
    out.attrs["metric"] = metric
    return out
