"""Training loop: mini-batch epochs, a diagnostic history row per epoch, boundary snapshots.

History row e (e = 0 before any update, then after each epoch), on the full splits:
`epoch, train_loss, test_loss, train_accuracy, test_accuracy`, then per weight layer l = 1..L
`grad_norm_l` = ‖∂(train data loss)/∂W_l‖_F, `weight_norm_l` = ‖W_l‖_F and `delta_norm_l`,
the size of the error signal δ_l = ∂L/∂z_l that back-propagation carries into layer l (below),
and per hidden layer `act_mean_l`, `act_std_l`, `act_saturated_l` (share of outputs where
f'(z) < 5 % of its peak; sigmoid/tanh only) and `act_dead_l` (share of units whose f'(z) = 0
on every training sample).
The losses in the history are data losses (the L2 penalty is left out, so train and test compare).

`delta_norm_l` is the root mean square over the n training samples of the length of each
sample's error signal at layer l (z_l: the layer's pre-activations, (n, cols_l)):

    delta_norm_l = √( (1/n) Σ_i ‖∂ℓ_i/∂z_{l,i}‖² ) = √n · ‖∂L/∂z_l‖_F,   L = (1/n) Σ_i ℓ_i,

so it does not depend on n, and for a sigmoid output with cross entropy delta_norm_L is the RMS
of p − y. The ratio delta_norm_1 / delta_norm_L says how the back-propagated signal shrinks
(vanishing) or grows (exploding) on its way from the output to the first layer; unlike the
ratio of the weight gradients, it is not cancelled by small or large activations in the forward
pass (∂L/∂W_l = a_{l−1}ᵀ δ_l carries both).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground.nn import losses
from playground.nn.network import MLP, one_hot
from playground.nn.optimizers import Optimizer

Array = np.ndarray
EXPLODE_FACTOR = 100.0  # a loss this many times above max(initial loss, 1) counts as exploded
SATURATION = 0.05


@dataclass
class TrainResult:
    """What a training run produced (NumPy only; the experiment layer makes a DataFrame)."""

    history: dict[str, list[float]]
    status: str = "ok"  # "ok" | "diverged"
    reason: str = ""  # "" | "nan" | "inf" | "exploded"
    diverged_epoch: int | None = None
    snapshots: Array = field(default_factory=lambda: np.zeros((0, 0, 0), np.float32))
    snapshot_epochs: list[int] = field(default_factory=list)


class Stopped(Exception):
    """Training was asked to stop (`should_stop()` said True); the run is left unfinished."""


def snapshot_schedule(epochs: int, n: int = 30) -> list[int]:
    """About n epochs, log-spaced from 1 to `epochs`, plus epoch 0 (the boundary replay)."""
    if epochs <= n:
        return list(range(epochs + 1))
    steps = np.unique(np.round(np.geomspace(1, epochs, num=min(n, epochs))).astype(int))
    return [0, *steps.tolist()]


def predict_labels(z: Array, output: str) -> Array:
    """Class labels (n,) from logits (n, k): threshold at p = 0.5, or the arg-max."""
    if z.shape[1] == 1:
        p = losses.output_activation(z, output)[:, 0]
        return (p > 0.5).astype(np.int64)
    return np.argmax(z, axis=1)


def _activation_stats(net: MLP, zs: list[Array], acts: list[Array]) -> dict[str, float]:
    row: dict[str, float] = {}
    for l in range(1, net.n_layers):
        a, z = acts[l], zs[l - 1]
        row[f"act_mean_{l}"] = float(np.mean(a))
        row[f"act_std_{l}"] = float(np.std(a))
        d = net.act.df(z, a) if net.act.df is not None else None
        peak = net.act.peak
        row[f"act_saturated_{l}"] = float(np.mean(d < SATURATION * peak)) if peak else 0.0
        row[f"act_dead_{l}"] = float(np.mean(np.all(d == 0, axis=0))) if d is not None else 0.0
    return row


class Trainer:
    """Trains `net` epoch by epoch, so a UI can step, show progress or stop between epochs.

    X_*: (n, d) scaled features; y_*: (n,) int labels. `rng` shuffles the batches.
    `grid`: (g, d) scaled points whose predictions are kept at `snapshot_schedule(epochs)`.
    `should_stop()`, if set, is asked before each epoch and mini-batch: True raises `Stopped`.
    """

    should_stop: Callable[[], bool] | None = None

    def __init__(
        self,
        net: MLP,
        data: tuple[Array, Array, Array, Array],
        optimizer: Optimizer,
        rng: np.random.Generator,
        loss: str = "cross_entropy",
        batch_size: int = 32,
        epochs: int = 100,
        l2: float = 0.0,
        grid: Array | None = None,
    ) -> None:
        X_tr, y_tr, X_te, y_te = data
        k = net.sizes[-1]
        self.net, self.opt, self.rng, self.loss, self.l2 = net, optimizer, rng, loss, l2
        self.X_tr, self.y_tr, self.Y_tr = X_tr, y_tr, one_hot(y_tr, k)
        self.X_te, self.y_te, self.Y_te = X_te, y_te, one_hot(y_te, k)
        self.batch_size, self.epochs, self.grid = batch_size, epochs, grid
        self.epoch = 0
        self.history: dict[str, list[float]] = {}
        self.result = TrainResult(self.history)
        self._snap_at = set(snapshot_schedule(epochs)) if grid is not None else set()
        self._snaps: list[Array] = []
        self._limit = np.inf
        if self._record():
            self._limit = EXPLODE_FACTOR * max(self.history["train_loss"][0], 1.0)

    @property
    def done(self) -> bool:
        return self.epoch >= self.epochs or self.result.status != "ok"

    def step_epoch(self) -> None:
        """One pass over the shuffled training split in mini-batches, then a history row."""
        if self.done:
            return
        n, bs = len(self.X_tr), self.batch_size
        net, opt, params, grads = self.net, self.opt, [self.net.flat], [self.net.grad_flat]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            if bs <= 0 or bs >= n:
                net.loss_into_grads(self.X_tr, self.Y_tr, self.loss, self.l2)
                opt.step(params, grads)
            else:
                perm = self.rng.permutation(n)
                for s in range(0, n, bs):
                    if self.should_stop is not None and self.should_stop():
                        raise Stopped(f"stopped in epoch {self.epoch + 1}")
                    idx = perm[s : s + bs]
                    net.loss_into_grads(self.X_tr[idx], self.Y_tr[idx], self.loss, self.l2)
                    opt.step(params, grads)
            self.epoch += 1
            self._record()

    def run(
        self,
        callback: Callable[[Trainer], object] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> TrainResult:
        """Train to the end (or divergence); `callback(self)` after each epoch; `should_stop()`
        between epochs and mini-batches (True raises `Stopped`)."""
        if should_stop is not None:
            self.should_stop = should_stop
        while not self.done:
            if self.should_stop is not None and self.should_stop():
                raise Stopped(f"stopped before epoch {self.epoch + 1}")
            self.step_epoch()
            if callback is not None:
                callback(self)
        return self.finish()

    def finish(self) -> TrainResult:
        """The result so far, with the boundary snapshots stacked (s, g, n_out)."""
        if self._snaps:
            self.result.snapshots = np.stack(self._snaps)
        return self.result

    def _record(self) -> bool:
        """Append a history row if every value is finite; else mark the run diverged."""
        net, deltas = self.net, []
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            _, train_loss, zs, acts = net.loss_into_grads(
                self.X_tr, self.Y_tr, self.loss, 0.0, deltas
            )
            z_te = net.logits(self.X_te)
            test_loss = losses.get(self.loss)(z_te, self.Y_te, net.output)[0]
            row = {
                "epoch": float(self.epoch),
                "train_loss": train_loss,
                "test_loss": test_loss,
                "train_accuracy": float(np.mean(predict_labels(zs[-1], net.output) == self.y_tr)),
                "test_accuracy": float(np.mean(predict_labels(z_te, net.output) == self.y_te)),
            }
            root_n = math.sqrt(len(self.X_tr))
            for l in range(net.n_layers):
                row[f"grad_norm_{l + 1}"] = float(np.linalg.norm(net._grads[2 * l]))
                row[f"weight_norm_{l + 1}"] = float(np.linalg.norm(net.params[2 * l]))
                row[f"delta_norm_{l + 1}"] = float(np.linalg.norm(deltas[-1 - l])) * root_n
            row.update(_activation_stats(net, zs, acts))
        if not all(np.isfinite(v) for v in row.values()):
            self._diverge("nan" if np.isnan(train_loss) else "inf")
            return False
        for key, v in row.items():
            self.history.setdefault(key, []).append(v)
        if self.epoch in self._snap_at:
            self._snapshot()
        if train_loss > self._limit:
            self._diverge("exploded")
        return True

    def _snapshot(self) -> None:
        p = losses.output_activation(self.net.logits(self.grid), self.net.output)
        self._snaps.append(p.astype(np.float32))
        self.result.snapshot_epochs.append(self.epoch)

    def _diverge(self, reason: str) -> None:
        self.result.status, self.result.reason = "diverged", reason
        self.result.diverged_epoch = self.epoch
