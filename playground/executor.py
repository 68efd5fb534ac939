"""Where many runs train: which runs share a stacked computation, how they split into chunks,
and where the chunks go (this process, local worker processes, a Dask cluster).

It knows configs, not training: `execute` is given `train(configs) -> results`, the function
that trains one chunk (`experiment.run_together`: a module-level function, so workers
can unpickle it). So both `experiment.run_many` and `sweep.run_sweep` build on this module
and this module on neither. No Streamlit here.

A scheduler that does not answer within `DASK_TIMEOUT` seconds, or a cluster lost on the way,
raises `ClusterUnavailable` (plain words; callers may run locally). The cluster's workers need
this repository importable and the same package versions.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import Any

from playground.config import RunConfig

DASK_ENV = "PLAYGROUND_DASK_SCHEDULER"
DASK_TIMEOUT = 5.0  # seconds to reach the scheduler before giving up on it
# Local worker processes pay off from about this much work: Σ epochs × samples, stacked runs
# counted at 1/4 (≈ 5 s of training at ~2 µs per epoch-sample). Measured on the 2-core machine
# (benchmarks/sweep.py): 8 configs that cannot share a batch took 0.57 × the sequential time in
# 2 warm loky processes; 2 threads took 1.1–1.8 × (the GIL: many small NumPy calls); starting
# the process pool took 2.7–5.6 s (imports in each worker), a warm pool ~10 ms per chunk.
PARALLEL_WORK = 2_500_000
MAX_BATCH = 32  # runs per stacked computation: more gains little and costs memory
MIN_BATCH = 8  # chunks are split no smaller than this, so each still batches well
# what may differ between runs that train as one stacked computation
BATCHABLE = frozenset(
    ("seed", "initializer", "init_scale", "learning_rate")
    + ("momentum", "beta1", "beta2", "alpha", "eps", "weight_decay")
)

Train = Callable[[list[RunConfig]], list[Any]]  # configs -> their results, in order


class ClusterUnavailable(OSError):
    """The Dask scheduler did not answer, or the cluster was lost during a sweep."""


def group_key(config: RunConfig) -> tuple:
    """Configs with equal keys may train together (the rest is checked on the prepared runs)."""
    return tuple(v for k, v in vars(config).items() if k not in BATCHABLE)


def groups(configs: list[RunConfig], max_batch: int = MAX_BATCH) -> list[list[int]]:
    """Indices of configs that may train together, in order of first appearance, split into
    even parts of at most `max_batch`."""
    by_key: dict[tuple, list[int]] = {}
    for i, c in enumerate(configs):
        by_key.setdefault(group_key(c), []).append(i)
    parts = []
    for idx in by_key.values():
        k = -(-len(idx) // max_batch)
        parts += [idx[j * len(idx) // k : (j + 1) * len(idx) // k] for j in range(k)]
    return parts


def plan(configs: list[RunConfig], parts: int = 1) -> list[list[int]]:
    """Chunks of config indices: each trains as one batch (at most 32 runs); groups are split
    evenly into smaller chunks (not below 8 runs) until there are about `parts` chunks."""
    chunks = groups(configs)
    while chunks and len(chunks) < parts:  # none: every run was cached
        big = max(chunks, key=len)
        if len(big) < 2 * MIN_BATCH:
            break
        chunks.remove(big)
        chunks += [big[: len(big) // 2], big[len(big) // 2 :]]
    return sorted(chunks)


def execute(
    configs: list[RunConfig],
    train: Train,
    n_jobs: int | None = None,
    scheduler: object = None,
    should_stop: Callable[[], bool] | None = None,
    parts: int = 1,
) -> Iterator[tuple[list[int], list]]:
    """Yield (indices, train(those configs)) per chunk as chunks finish (in any order).

    `scheduler` (or $PLAYGROUND_DASK_SCHEDULER): run on that Dask cluster. Else `n_jobs`: 1 = in
    this process, k > 1 or -1 = local worker processes (joblib/loky), None = processes only
    when there is enough work to pay for them (`PARALLEL_WORK`) and more than one chunk.
    `should_stop()` is asked between chunks (True: no more chunks).
    """
    scheduler = scheduler or os.environ.get(DASK_ENV) or None
    if scheduler is None:
        n_jobs = local_jobs(configs, n_jobs)
    elif n_jobs is None or n_jobs == 1:
        n_jobs = -1  # every worker thread of the cluster
    chunks = plan(configs, parts=max(parts, n_jobs if n_jobs > 0 else (os.cpu_count() or 1)))
    if scheduler is None and (n_jobs == 1 or len(chunks) == 1):
        for chunk in chunks:
            if should_stop is not None and should_stop():
                return
            yield chunk, train([configs[i] for i in chunk])
        return
    yield from _parallel(configs, chunks, train, n_jobs, scheduler, should_stop)


def local_jobs(configs: list[RunConfig], n_jobs: int | None) -> int:
    """n_jobs, or for None: all cores if the work pays for worker processes, else 1."""
    if n_jobs is not None:
        return n_jobs
    work = 0.0
    for chunk in groups(configs):
        work += sum(configs[i].epochs * configs[i].n_samples for i in chunk) / (
            1 if len(chunk) == 1 else 4
        )
    return (os.cpu_count() or 1) if work >= PARALLEL_WORK else 1


def connect(address: str, timeout: float | None = None):
    """A `dask.distributed.Client` of the scheduler at `address`, or ClusterUnavailable after
    `timeout` (default `DASK_TIMEOUT`) seconds; the Client alone would wait 30 s, then raise a
    bare OSError."""
    from dask.distributed import Client

    timeout = DASK_TIMEOUT if timeout is None else timeout

    try:
        return Client(address, set_as_default=True, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterUnavailable(
            f"The Dask scheduler at {address} did not answer within {timeout:g} s."
        ) from e


def _parallel(configs, chunks, train, n_jobs, scheduler, should_stop):
    from joblib import Parallel, delayed, parallel_config

    with contextlib.ExitStack() as stack:
        if scheduler is not None:
            if isinstance(scheduler, str):
                stack.enter_context(connect(scheduler))
            else:
                stack.enter_context(scheduler.as_current())
            stack.enter_context(parallel_config(backend="dask"))
        else:
            stack.enter_context(parallel_config(backend="loky"))
        tasks = (delayed(_work)(train, chunk, [configs[i] for i in chunk]) for chunk in chunks)
        results = Parallel(n_jobs=n_jobs, return_as="generator_unordered")(tasks)
        try:
            while True:
                try:
                    chunk, chunk_results = next(results)
                except StopIteration:
                    return
                except (OSError, TimeoutError) as e:
                    if scheduler is None:
                        raise
                    raise ClusterUnavailable(f"The Dask cluster was lost: {e}") from e
                yield chunk, chunk_results
                if should_stop is not None and should_stop():
                    return
        finally:
            results.close()


def _work(train: Train, chunk: list[int], configs: list[RunConfig]) -> tuple[list[int], list]:
    """A worker's share: results travel back pickled (an MLP pickles with its views intact)."""
    return chunk, train(configs)
