"""Trainer speed: `run()` against scikit-learn's MLPClassifier (and PyTorch eager if installed).

Same data (moons, 1,000 samples, 800 train), same network (2-8-8-1, tanh), Adam (lr 0.01),
batch 32, 200 epochs, no L2, one BLAS thread. `run()` includes everything it records (history
with gradient norms and activation statistics every epoch, boundary snapshots); the peers only
train. Runs are interleaved, 5 rounds; medians (wall and this process's CPU time), ratios and
the load average are printed.
Target (issue 9): ours ≤ 0.30 × scikit-learn's time (a lone run trains as a stack of one, in the
feature-major layout of playground/nn/passes.py; before issue 9 the ratio was 0.43-0.46).

    python benchmarks/trainer.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from playground.config import RunConfig  # noqa: E402
from playground.experiment import prepare, run  # noqa: E402

TARGET = 0.30  # ours / scikit-learn
CONFIG = RunConfig(
    dataset="moons",
    n_samples=1000,
    noise=0.2,
    hidden=(8, 8),
    activation="tanh",
    optimizer="adam",
    learning_rate=0.01,
    batch_size=32,
    epochs=200,
)


def ours() -> float:
    return run(CONFIG).final["test_accuracy"]


def sklearn_peer(X, y, X_te, y_te) -> float:
    clf = MLPClassifier(
        hidden_layer_sizes=CONFIG.hidden,
        activation="tanh",
        solver="adam",
        alpha=0.0,
        batch_size=CONFIG.batch_size,
        learning_rate_init=CONFIG.learning_rate,
        max_iter=CONFIG.epochs,
        tol=0.0,
        n_iter_no_change=CONFIG.epochs + 1,
        early_stopping=False,
        random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return clf.score(X_te, y_te)


def torch_peer(X, y, X_te, y_te) -> float:
    import torch

    torch.manual_seed(0)
    Xt, yt = torch.tensor(X), torch.tensor(y, dtype=torch.float64)[:, None]
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 8),
        torch.nn.Tanh(),
        torch.nn.Linear(8, 1),
    ).double()
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG.learning_rate)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    g = torch.Generator().manual_seed(0)
    for _ in range(CONFIG.epochs):
        perm = torch.randperm(len(Xt), generator=g)
        for s in range(0, len(Xt), CONFIG.batch_size):
            idx = perm[s : s + CONFIG.batch_size]
            opt.zero_grad()
            loss_fn(model(Xt[idx]), yt[idx]).backward()
            opt.step()
    with torch.no_grad():
        pred = (model(torch.tensor(X_te)) > 0).numpy()[:, 0]
    return float((pred == y_te).mean())


def timed(fn, *args) -> tuple[float, float, float]:
    """(wall seconds, this process's CPU seconds, score)."""
    start, cpu = time.perf_counter(), time.process_time()
    score = fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    p = prepare(CONFIG)
    tr = p.trainer
    args = (tr.X_tr, tr.y_tr, tr.X_te, tr.y_te)
    peers = {"ours (run)": (ours, ()), "sklearn MLPClassifier": (sklearn_peer, args)}
    try:
        import torch

        torch.set_num_threads(1)
        peers["torch eager"] = (torch_peer, args)
    except ImportError:
        print("PyTorch not installed: skipping the torch peer.")
    times: dict[str, list[float]] = {k: [] for k in peers}
    cpus: dict[str, list[float]] = {k: [] for k in peers}
    scores: dict[str, float] = {}
    with threadpool_limits(1):
        for _ in range(rounds):  # interleaved, so machine noise hits every peer alike
            for name, (fn, a) in peers.items():
                t, c, scores[name] = timed(fn, *a)
                times[name].append(t)
                cpus[name].append(c)
    base = statistics.median(times["ours (run)"])
    base_cpu = statistics.median(cpus["ours (run)"])
    print(f"moons 1000, 2-8-8-1 tanh, adam lr 0.01, batch 32, 200 epochs; median of {rounds}")
    for name, ts in times.items():
        med, cpu = statistics.median(ts), statistics.median(cpus[name])
        print(
            f"  {name:24s} {med:7.3f} s   acc {scores[name]:.3f}  ours/peer = {base / med:.2f}"
            f"   (CPU here {cpu:6.3f} s, ours/peer {base_cpu / cpu:.2f})"
        )
    ratio = base / statistics.median(times["sklearn MLPClassifier"])
    cpu_ratio = base_cpu / statistics.median(cpus["sklearn MLPClassifier"])
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"  target ours <= {TARGET} x sklearn: {ratio:.2f} {verdict}", end="")
    print(f"   (CPU-time ratio, less sensitive to other load: {cpu_ratio:.2f})")
    print(f"  load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
