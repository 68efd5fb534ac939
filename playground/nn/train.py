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

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from playground.nn import losses
from playground.nn.batched import BatchedTrainer, Stopped, run_epochs
from playground.nn.network import MLP, one_hot
from playground.nn.optimizers import Optimizer
from playground.nn.passes import SATURATION, predict_labels
from playground.nn.snapshots import Snapshots

__all__ = [
    "EXPLODE_FACTOR",
    "SATURATION",
    "Stopped",
    "Trainer",
    "TrainResult",
    "predict_labels",
    "snapshot_schedule",
]

Array = np.ndarray
EXPLODE_FACTOR = 100.0  # a loss this many times above max(initial loss, 1) counts as exploded


@dataclass
class TrainResult:
    """What a training run produced (NumPy only; the experiment layer makes a DataFrame)."""

    history: dict[str, list[float]]
    status: str = "ok"  # "ok" | "diverged"
    reason: str = ""  # "" | "nan" | "inf" | "exploded"
    diverged_epoch: int | None = None
    snapshots: Array | Snapshots = field(default_factory=lambda: np.zeros((0, 0, 0), np.float32))
    snapshot_epochs: list[int] = field(default_factory=list)


def snapshot_schedule(epochs: int, n: int = 30) -> list[int]:
    """About n epochs, log-spaced from 1 to `epochs`, plus epoch 0 (the boundary replay)."""
    return list(_schedule(int(epochs), int(n)))


@functools.lru_cache(maxsize=256)  # every run of a sweep asks for the same few
def _schedule(epochs: int, n: int) -> tuple[int, ...]:
    if epochs <= n:
        return tuple(range(epochs + 1))
    steps = np.unique(np.round(np.geomspace(1, epochs, num=min(n, epochs))).astype(int))
    return (0, *steps.tolist())


class Trainer:
    """Trains `net` epoch by epoch, so a UI can step, show progress or stop between epochs.

    X_*: (n, d) scaled features; y_*: (n,) int labels. `rng` shuffles the batches.
    `grid`: (g, d) scaled points whose predictions are kept at `snapshot_schedule(epochs)`.
    `should_stop()`, if set, is asked before each epoch and mini-batch: True raises `Stopped`.
    `first_row=False` leaves the history row of epoch 0 to the first epoch or to the
    `BatchedTrainer` that trains it (which computes its stack's rows at once).
    A lone trainer trains as a `BatchedTrainer` of one (the same numerics as a stack of runs),
    on its own network and optimizer in place: `net` holds the weights after every epoch.
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
        first_row: bool = True,
        l1: float = 0.0,
    ) -> None:
        X_tr, y_tr, X_te, y_te = data
        k = net.sizes[-1]
        losses.get(loss)  # an unknown loss raises here
        self.net, self.opt, self.rng, self.loss, self.l2 = net, optimizer, rng, loss, l2
        self.l1 = l1  # l1·Σ|W| (weights, not biases), as l2
        self.X_tr, self.y_tr, self.Y_tr = X_tr, y_tr, one_hot(y_tr, k)
        self.X_te, self.y_te, self.Y_te = X_te, y_te, one_hot(y_te, k)
        self.batch_size, self.epochs, self.grid = batch_size, epochs, grid
        self.epoch = 0
        self.history: dict[str, list[float]] = {}
        self.result = TrainResult(self.history)
        self.snapshot_at = frozenset(_schedule(int(epochs), 30) if grid is not None else ())
        self._snaps: list[Array] = []
        self.explosion_limit = math.inf  # set from the first row's loss
        self._engine: BatchedTrainer | None = None
        self.batch_order: Array | None = None  # this epoch's shuffle while stepped batch-wise
        self.batch_pos = 0  # the next batch's start in batch_order
        if first_row:  # else a BatchedTrainer that trains it records row 0 (with its stack's)
            self._engine = BatchedTrainer([self])
            self._engine.record()

    @property
    def done(self) -> bool:
        return self.epoch >= self.epochs or self.result.status != "ok"

    def step_epoch(self) -> None:
        """One pass over the shuffled training split in mini-batches, then a history row."""
        if self.done:
            return
        engine = self._ready()
        if self.batch_order is not None:  # an epoch begun batch-wise: its remaining batches
            while self.batch_order is not None and not self.done:
                engine.step_batch()
            return
        engine.step_epoch()

    def step_batch(self) -> Array:
        """One mini-batch (the epoch's row after its last one), for a UI that steps through
        an epoch; the indices (into the training split) of its samples. Mixed with
        `step_epoch`, the numbers are those of `step_epoch` alone. After changing a setting
        (lr, optimizer, l1, l2, batch size, epochs), call `changed()`."""
        if self.done:
            return np.zeros(0, dtype=np.intp)
        return self._ready().step_batch()

    def changed(self) -> None:
        """The settings (optimizer, l1, l2, batch size, epochs) changed: the next step builds
        its engine from them again (the weights, history and batch position stay)."""
        self._engine = None

    def _ready(self) -> BatchedTrainer:
        if self._engine is None:  # e.g. after unpickling: the engine views this net again
            self._engine = BatchedTrainer([self])
        engine = self._engine
        engine.epoch, engine.should_stop = self.epoch, self.should_stop
        return engine

    def run(
        self,
        callback: Callable[[Trainer], object] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> TrainResult:
        """Train to the end (or divergence); `callback(self)` after each epoch; `should_stop()`
        between epochs and mini-batches (True raises `Stopped`)."""
        run_epochs(self, callback, should_stop)
        return self.finish()

    def finish(self) -> TrainResult:
        """The result so far; its boundary snapshots (s, g, n_out) are computed when read."""
        if self._snaps:
            self.result.snapshots = Snapshots(self.net, self.grid, list(self._snaps))
        return self.result

    def __getstate__(self) -> dict:
        """Pickle without the engine: its arrays are views of this trainer's network."""
        return {**self.__dict__, "_engine": None}

    # ---- bookkeeping, for a BatchedTrainer that computed this run's row
    def record_row(self, row: dict[str, float], weights: Array | None = None) -> bool:
        """Append the history row of `self.epoch` if every value is finite (else the run
        diverged); keep a snapshot if one is due (of `weights`, or of `net`'s); mark
        the run exploded if its loss passed the limit. Returns whether the run goes on."""
        return self.record_values(list(row), list(row.values()), weights)

    def record_values(
        self,
        keys: list[str],
        values: list[float],
        weights: Array | None = None,
        finite: bool | None = None,
    ) -> bool:
        """`record_row` of the row dict(zip(keys, values)), the columns in the history's order
        (`finite`: whether every value is finite, when the caller knows it already)."""
        history = self.history
        if history and keys != list(history):
            raise RuntimeError("This history row's columns differ from the earlier rows'.")
        train_loss = values[keys.index("train_loss")]
        if not (all(map(math.isfinite, values)) if finite is None else finite):
            self.diverge("nan" if math.isnan(train_loss) else "inf")
            return False
        if history:
            for column, v in zip(history.values(), values, strict=True):
                column.append(v)
        else:
            history.update((key, [v]) for key, v in zip(keys, values, strict=True))
            self.explosion_limit = EXPLODE_FACTOR * max(train_loss, 1.0)
        if self.snapshot_due(self.epoch):
            self.take_snapshot(weights)
        if train_loss > self.explosion_limit:
            self.diverge("exploded")
            return False
        return True

    def snapshot_due(self, epoch: int) -> bool:
        """Whether the boundary replay keeps a snapshot at `epoch`."""
        return epoch in self.snapshot_at

    def take_snapshot(self, weights: Array | None = None) -> None:
        """Keep this epoch's boundary snapshot: a copy of the flat weights (`weights`, or
        `net`'s), whose predictions on the grid `Snapshots` computes when they are read."""
        self._snaps.append(np.array(self.net.flat if weights is None else weights))
        self.result.snapshot_epochs.append(self.epoch)

    def diverge(self, reason: str) -> None:
        """Mark the run diverged at this epoch ("nan" | "inf" | "exploded")."""
        self.result.status, self.result.reason = "diverged", reason
        self.result.diverged_epoch = self.epoch
