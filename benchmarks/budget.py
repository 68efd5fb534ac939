"""Measure what the cost model (playground/budget.py) predicts, on this machine, and fit it again.

For a table of setups (samples, batch size, network, activation), the CPU time of one epoch
(mini-batch steps plus the history row, without boundary snapshots) and of one boundary snapshot:
the minimum over blocks, so the machine's other work counts as little as it can. Then the
coefficients by non-negative least squares on relative error, and each point's ratio
predicted / measured with today's coefficients.

    python benchmarks/budget.py [--out points.json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from threadpoolctl import threadpool_limits  # noqa: E402

from playground import budget  # noqa: E402
from playground.config import RunConfig  # noqa: E402
from playground.experiment import prepare  # noqa: E402

NETS = (((8, 8), "tanh"), ((32,) * 6, "maxout"), ((64, 64), "relu"))
CASES = [
    {"n_samples": n, "batch_size": bs, "hidden": h, "activation": a}
    for n in (200, 2000)
    for bs in (0, 1, 8, 32, 128)
    for h, a in NETS
] + [
    {"n_samples": 500, "batch_size": 32, "hidden": (8, 8), "activation": "tanh"},
    {"n_samples": 20000, "batch_size": 32, "hidden": (16,) * 3, "activation": "sigmoid"},
    {"n_samples": 1000, "batch_size": 4, "hidden": (128,) * 2, "activation": "elu"},
    {"n_samples": 300, "batch_size": 0, "hidden": (), "activation": "tanh"},
    {"n_samples": 500, "batch_size": 16, "hidden": (4,) * 10, "activation": "leaky_relu",
     "dataset": "spiral3"},
    {"n_samples": 5000, "batch_size": 1, "hidden": (16, 16), "activation": "tanh"},
    {"n_samples": 2000, "batch_size": 1, "hidden": (32,) * 6, "activation": "maxout",
     "test_fraction": 0.1},
]  # fmt: skip


def best(fn, blocks: int = 6, block: float = 0.12) -> float:
    """CPU seconds per call of `fn`: the fastest of `blocks` blocks of ~`block` s each."""
    out = []
    for _ in range(blocks):
        start, k = time.process_time(), 0
        while time.process_time() - start < block or k == 0:
            fn()
            k += 1
        out.append((time.process_time() - start) / k)
    return min(out)


def features(config: RunConfig) -> tuple[list[float], list[float]]:
    """The model's terms for one epoch and one snapshot (budget.epoch_ms / snapshot_ms)."""
    shape = budget.shape_of(config)
    P, L, U = budget.n_params(config, shape), config.depth + 1, sum(config.hidden) + 1
    n_train = shape.n - math.ceil(shape.n * config.test_fraction)
    bs = config.batch_size
    steps = 1 if bs <= 0 or bs >= n_train else math.ceil(n_train / bs)
    mx = config.activation == "maxout"
    epoch = [1, L, steps, steps * L, steps * P, shape.n * U, shape.n * P * mx]
    g = budget.GRID_POINTS
    return epoch, [1, g * U, g * P * (not mx), g * P * mx]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=None, help="write the measured points as JSON")
    args = parser.parse_args()
    threadpool_limits(1)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    points = []
    for case in CASES:
        config = RunConfig(epochs=5000, **case)
        trainer = prepare(config).trainer
        trainer._snap_at = set()  # epochs without snapshots; those are timed on their own
        epoch, snap = best(trainer.step_epoch) * 1000, best(trainer._snapshot, 4, 0.05) * 1000
        shape = budget.shape_of(config)
        ratio = budget.epoch_ms(config, shape) / epoch, budget.snapshot_ms(config, shape) / snap
        points.append((config, epoch, snap))
        print(f"{case}: epoch {epoch:.3f} ms (model ×{ratio[0]:.2f}), "
              f"snapshot {snap:.3f} ms (model ×{ratio[1]:.2f})", flush=True)  # fmt: skip
    import numpy as np
    from scipy.optimize import nnls

    for name, col, k in (("epoch", 1, 0), ("snapshot", 2, 1)):
        A = np.array([features(p[0])[k] for p in points])
        y = np.array([p[col] for p in points])
        coef, _ = nnls(A / y[:, None], np.ones_like(y))
        print(f"{name} coefficients (ms): {[float(f'{c:.3g}') for c in coef]}")
    print(f"load average {os.getloadavg()[0]:.2f}")
    if args.out:
        rows = [{**vars(c), "epoch_ms": e, "snapshot_ms": s} for c, e, s in points]
        Path(args.out).write_text(json.dumps(rows, indent=1, default=list))


if __name__ == "__main__":
    main()
