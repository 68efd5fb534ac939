"""Chart cost per new run: the playground page's six default charts (`page_specs.default_specs`)
built as plain Vega-Lite dicts, against the Altair builders they replaced.

Trains `--configs` random one-knob changes of the default setup (as a workshop room makes them;
training is not timed), then builds each run's default specs both ways, interleaved, and reports
the median CPU time per run (time.process_time: the shared machine's load inflates wall time,
less so CPU time) and the ratio. The Altair side is the old code kept for the equivalence tests
(tests/unit/altair_reference*.py), with `to_dict(validate=False)` as the page's cache called it.
Goal (issue 11): ≤ 20 ms per run for the dicts. Also printed: `page_specs.default_specs` as a
training worker calls it (the dicts plus anything it adds, e.g. tables converted to Arrow).

    python benchmarks/charts.py [--configs 20] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import altair_reference  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from playground import page_specs  # noqa: E402
from playground.config import RunConfig  # noqa: E402
from playground.experiment import run  # noqa: E402

GOAL_MS = 20.0
KNOBS = {  # one knob changed from the default setup, values a workshop tries
    "dataset": ["moons", "circles", "xor", "spiral", "blobs", "gaussians", "checkerboard"],
    "activation": ["tanh", "relu", "sigmoid", "leaky_relu", "elu", "linear"],
    "learning_rate": [0.001, 0.003, 0.03, 0.1, 1.0],
    "hidden": [(2,), (4, 4), (16, 16), (8, 8, 8), (8, 8, 8, 8)],
    "scaler": ["none", "minmax", "normalizer_l2"],
    "initializer": ["zeros", "he_normal", "random_normal"],
    "optimizer": ["sgd", "momentum", "rmsprop", "adagrad"],
    "epochs": [30, 300, 600],
    "n_samples": [200, 1000, 2000],
}
LABELS = {"train": "train", "test": "test"}  # the page passes the full catalogue; size is alike
WHEN = ("At the start (epoch 0)", "At the end")


def configs(n: int, seed: int) -> list[RunConfig]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        knob = rng.choice(list(KNOBS))
        out.append(replace(RunConfig(), **{knob: rng.choice(KNOBS[knob])}))
    return out


def new_specs(result) -> dict:
    return {
        key: page_specs.build(result, *key, LABELS, WHEN) for key in page_specs.defaults(result)
    }


def default_specs(result) -> dict:
    """What a training worker calls: the dicts, plus whatever `default_specs` adds to them."""
    return page_specs.default_specs(result, LABELS, WHEN)


def altair_specs(result) -> dict:
    return {
        (name, opts): altair_reference.build(result, name, opts, LABELS, WHEN).to_dict(
            validate=False
        )
        for name, opts in page_specs.defaults(result)
    }


def cpu(fn, result) -> float:
    start = time.process_time()
    fn(result)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    threadpool_limits(1)  # as the app runs
    results = [run(c) for c in configs(args.configs, args.seed)]
    sides = {"Altair builders + to_dict": altair_specs, "plain dicts": new_specs}
    sides["default_specs()"] = default_specs
    times: dict[str, list[float]] = {name: [] for name in sides}
    for fn in sides.values():
        fn(results[0])  # imports and first-call costs
    for r in results:
        for name, fn in sides.items():
            times[name].append(cpu(fn, r))
    median = {name: 1000 * statistics.median(t) for name, t in times.items()}
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(results)} runs (one knob changed each), load average {load}")
    for name, t in times.items():
        print(f"  {name:25} : median {median[name]:6.1f} ms CPU per run (max {1000 * max(t):.1f})")
    ms_new, ms_old = median["plain dicts"], median["Altair builders + to_dict"]
    print(f"  ratio dicts / Altair      : {ms_new / ms_old:.3f}")
    verdict = "met" if ms_new <= GOAL_MS else "NOT met"
    print(f"  goal ≤ {GOAL_MS:.0f} ms per run: {verdict}")


if __name__ == "__main__":
    main()
