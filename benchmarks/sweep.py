"""Sweep speed: `run_many` against sequential `run()` calls in the same process.

1. Homogeneous: 16 seeds of the default setup (moons 500, 2-8-8-1 tanh, adam, batch 32,
   default epochs). Sequential run() ×16 vs run_many (one stacked computation, this process).
   Target (issue 9): run_many ≤ 0.20 × sequential (the issue measured 0.24). Since issue 9 a
   lone run() is a stack of one, so both sides share the numerics and the speed-ups.
   Where the time goes (CPU, 16 runs, run_many | sequential; minima of repeats, issue 9 item 4):
   mini-batch steps 1,300 × 83 µs = 0.11 s | 20,800 × 33 µs = 0.69 s; history rows 101 × ~0.9 ms
   = 0.09 s | 1,616 × 0.19 ms = 0.31 s; per-run work alike on both sides: setup 0.024 s (0.033
   before playground/setup_paths.py), shuffles 0.009 s (each generator's permutation), result
   frames 0.006 s, history bookkeeping. Stacking shares the fixed cost of each call (~30 µs a
   step, ~0.19 ms a row); it cannot share the arithmetic per run (~3.3 µs a step, ~45 µs a row:
   tanh, matmuls, Adam) nor the per-run work (~2.8 ms a run). Hence the ratio stays above
   0.2 here (CPU ratio 0.23 at load 5 after item 4; 0.24-0.29 before, at loads 8-11; 0.214 at
   load 1.2 once a stack hands its rows over at the end, BatchedTrainer.hand_over), and a
   cut of the fixed cost per call lowers the sequential side 16 times as much as run_many's,
   so it raises the ratio. np.tanh runs at ~1.7 ns an element here (np.exp: 0.84).
   Also shown: run_many over 2 local worker processes.
2. Heterogeneous: 8 configs that cannot share a batch (widths 2…16 × tanh/relu), sequential
   against joblib over the local cores with processes (loky, pool warm) and with threads.

One BLAS thread (threadpool_limits(1)); variants interleaved per round so machine noise hits all
alike; medians of `--rounds` (default 5).

    python benchmarks/sweep.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from joblib import Parallel, delayed  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from playground.config import RunConfig  # noqa: E402
from playground.experiment import run, run_many  # noqa: E402

TARGET = 0.20
SEEDS = [replace(RunConfig(), seed=s) for s in range(16)]
MIXED = [
    replace(RunConfig(), hidden=(w, w), activation=a)
    for w in (2, 4, 8, 16)
    for a in ("tanh", "relu")
]


def sequential(configs):
    return [run(c) for c in configs]


def threads(configs):
    jobs = Parallel(n_jobs=os.cpu_count(), prefer="threads")
    parts = jobs(delayed(run_many)([c]) for c in configs)  # each in its thread, no pool
    return [p[0] for p in parts]


def timed(fn, configs) -> tuple[float, float]:
    """(wall seconds, this process's CPU seconds)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(configs)
    return time.perf_counter() - start, time.process_time() - cpu


def measure(variants: dict, configs, rounds: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds per variant, the variants interleaved in each round."""
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in variants}
    for _ in range(rounds):
        for name, fn in variants.items():
            times[name].append(timed(fn, configs))
    return {k: tuple(statistics.median(x) for x in zip(*v, strict=True)) for k, v in times.items()}


def check_equal(configs) -> None:
    """The stacked results are the lone ones (bit for bit here)."""
    for a, b in zip(run_many(configs), sequential(configs), strict=True):
        assert np.array_equal(a.history.to_numpy(), b.history.to_numpy())
        assert np.array_equal(a.model.flat, b.model.flat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    cores = os.cpu_count() or 1
    with threadpool_limits(1):
        check_equal(SEEDS[:4])
        start = time.perf_counter()
        run_many(MIXED[:2], n_jobs=cores)  # start the worker pool once (reused afterwards)
        cold = time.perf_counter() - start
        homogeneous = measure(
            {
                "sequential run() x16": sequential,
                "run_many (this process)": run_many,
                "run_many (2 processes)": lambda c: run_many(c, n_jobs=2),
            },
            SEEDS,
            rounds,
        )
        mixed = measure(
            {
                "sequential run() x8": sequential,
                f"run_many, {cores} processes": lambda c: run_many(c, n_jobs=cores),
                f"joblib, {cores} threads": threads,
            },
            MIXED,
            rounds,
        )
    print(
        f"16 seeds of the default setup (moons 500, 2-8-8-1 tanh, adam, {RunConfig().epochs} "
        "epochs);",
        f"median of {rounds}",
    )
    wall, cpu = homogeneous["sequential run() x16"]
    for name, (t, c) in homogeneous.items():
        print(f"  {name:28s} {t:7.3f} s   ratio {t / wall:.3f}   (CPU here {c:6.3f} s)")
    ratio = homogeneous["run_many (this process)"][0] / wall
    cpu_ratio = homogeneous["run_many (this process)"][1] / cpu
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"  target run_many <= {TARGET} x sequential: {ratio:.3f} {verdict}", end="")
    print(f"   (CPU-time ratio, less sensitive to other load: {cpu_ratio:.3f})")
    print(f"8 heterogeneous configs (widths 2..16 x tanh/relu); {cores} cores; median of {rounds}")
    wall = mixed["sequential run() x8"][0]
    for name, (t, _) in mixed.items():
        print(f"  {name:28s} {t:7.3f} s   ratio {t / wall:.3f}")
    print(f"  (first use of the process pool: {cold:.2f} s, once per process)")
    print(f"  load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
