"""Train R runs of one architecture as one stacked computation over a leading run axis.

`BatchedTrainer(trainers)` takes `Trainer`s built as usual that share the network shape,
activation, output, loss, l2, batch size, epochs, optimizer class and the shapes of their data
(`signature`); the data, initial weights, shuffle generator, grid, learning rate and the
optimizer's numbers may differ per run. It trains them epoch by epoch as one computation and
hands each run's history rows to its `Trainer`: rows where every run goes on wait in the stack
and are appended at the end (`hand_over`, also when stopped); a row where a run stops goes through
`Trainer.record_values` (finite check, snapshot, explosion check), so `Trainer.finish()` sees what
a lone run produces. A run that diverges is written back at that epoch (weights, gradients,
optimizer state) and leaves the batch.

A lone `Trainer` trains as a stack of one: its weights, gradients and optimizer are used in
place (views), so `trainer.net` holds the current weights after every epoch. The numerics are
`passes.forward` / `passes.backward`, `losses`' entries and the optimizer's own `_update`
(`Optimizer.stack` for R > 1), each written once for one run and for stacks. Data and buffers
are feature-major (R, features, n) (see passes.py), so each run's block is contiguous and the
runs of a stack get a lone run's numbers bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from playground.nn import losses, passes

Array = np.ndarray
_QUIET = {"over": "ignore", "invalid": "ignore", "divide": "ignore", "under": "ignore"}


class Stopped(Exception):
    """Training was asked to stop (`should_stop()` said True); the run is left unfinished."""


def run_epochs(trainer, callback, should_stop) -> None:
    """The epoch loop of `Trainer.run` and `BatchedTrainer.run`: `should_stop()` (if given, it
    is kept) before each epoch, `callback(trainer)` after it."""
    if should_stop is not None:
        trainer.should_stop = should_stop
    while not trainer.done:
        if trainer.should_stop is not None and trainer.should_stop():
            raise Stopped(f"stopped before epoch {trainer.epoch + 1}")
        trainer.step_epoch()
        if callback is not None:
            callback(trainer)


def signature(trainer) -> tuple:
    """Trainers with equal signatures can be trained together by one `BatchedTrainer`."""
    t, net = trainer, trainer.net
    if t.done:
        return ("alone", id(trainer))
    arrays = [t.X_tr, t.X_te] + ([] if t.grid is None else [t.grid])
    return (
        tuple(net.sizes),
        net.act.name,
        net.output,
        t.loss,
        float(t.l2),
        float(t.l1),
        int(t.batch_size),
        int(t.epochs),
        t.epoch,
        tuple(np.shape(a) for a in arrays),
        np.shape(t.Y_tr),
        tuple(sorted(t.snapshot_at)),
        tuple(t.history),
        t.opt.stack_signature(),
    )


class BatchedTrainer:
    """Trains `trainers` (equal `signature`s) together; results land in each Trainer.
    `should_stop()`, if set, is asked before each epoch and mini-batch: True raises `Stopped`."""

    should_stop: Callable[[], bool] | None = None

    def __init__(self, trainers: Sequence) -> None:
        if not trainers or len({signature(t) for t in trainers}) != 1:
            raise ValueError("BatchedTrainer needs trainers with one common signature().")
        first = trainers[0]
        self.all, self.trainers = list(trainers), list(trainers)
        self.act, self.output = first.net.act, first.net.output
        self.loss, self.l2, self.l1 = losses.get(first.loss), first.l2, first.l1
        self.epochs, self.batch_size, self.epoch = first.epochs, first.batch_size, first.epoch
        self.lone = len(trainers) == 1
        self._shuffled: tuple | None = None  # (order, X, Y) of the epoch step_batch is in
        self._order: Array | None = None  # the epoch's shuffles (R, n), reused
        # rows (columns, R) not yet handed to the trainers, and their explosion limits (R,)
        self._pending: list[Array] = []
        self._limits: Array | None = None
        if self.lone:  # a lone run: its own arrays and optimizer, in place
            self.flat, self.grad = first.net.flat[None], first.net.grad_flat[None]
            self.opt = first.opt
        else:
            self.flat = np.stack([t.net.flat for t in trainers])
            self.grad = np.stack([t.net.grad_flat for t in trainers])
            self.opt = type(first.opt).stack([t.opt for t in trainers])
        keys = ["X_tr", "Y_tr", "y_tr", "X_te", "Y_te", "y_te"]
        self.data = {k: self._stack(k) for k in keys}
        # (start, stop, shape) of each W_l and b_l in the flat vector, as MLP lays them out
        self.layout, start = [], 0
        for p in first.net.params:
            self.layout.append((start, start + p.size, p.shape))
            start += p.size
        self._views()

    def _stack(self, key: str) -> Array:
        arrays = [np.asarray(getattr(t, key)) for t in self.trainers]
        if key[0] == "X":  # feature-major (d + 1, n), a row of ones for the biases
            arrays = [passes.with_ones(a) for a in arrays]
        elif key[0] == "Y":  # one-hot targets, feature-major (k, n)
            arrays = [np.ascontiguousarray(a.T, dtype=np.float64) for a in arrays]
        return arrays[0][None] if len(arrays) == 1 else np.stack(arrays)

    def _rows(self, A: Array) -> Array:
        """Flat index (R, F, 1) of the start of each run's feature rows of A (R, F, n): plus a
        permutation of the samples, the index of the shuffled copy."""
        R, F, n = A.shape
        return (np.arange(R * F) * n).reshape(R, F, 1)

    def _permutations(self, n: int) -> Array:
        """Each run's `rng.permutation(n)` (R, n): its generator shuffles 0..n−1 in a reused
        array, as `permutation` does in a new one (the same numbers)."""
        R = len(self.trainers)
        order = self._order
        if order is None or order.shape != (R, n):
            order = self._order = np.empty((R, n), dtype=np.intp)
        order[...] = np.arange(n)
        for t, row in zip(self.trainers, order, strict=True):
            t.rng.shuffle(row)
        return order

    @property
    def done(self) -> bool:
        return not self.trainers or self.epoch >= self.epochs

    def _views(self) -> None:
        R = len(self.trainers)
        view = lambda a, i, shape: a[:, i[0] : i[1]].reshape((R, *shape), copy=False)  # noqa: E731
        # [W_l; b_l] (R, fan_in + 1, cols): b_l follows W_l in the flat vector
        lay = self.layout
        blocks = [
            (w[0], b[1], (w[2][0] + 1, w[2][1])) for w, b in zip(lay[0::2], lay[1::2], strict=False)
        ]
        self.W = [view(self.flat, blk, blk[2]) for blk in blocks]
        self.WT = [W.swapaxes(1, 2) for W in self.W]  # as passes.forward takes them
        self.Wx = [W[:, :-1] for W in self.W]  # the weights alone, for passes.backward
        self.gW = [view(self.grad, blk, blk[2]) for blk in blocks]
        lone = self.opt.runs is None  # the lone optimizer steps the run's own 1-d vectors
        self.opt_args = ([self.flat[0]], [self.grad[0]]) if lone else ([self.flat], [self.grad])
        self._bufs: dict[tuple, tuple] = {}

    def _buffers(
        self, tag: str, n: int, R: int | None = None
    ) -> tuple[list[Array], list[Array], list[Array]]:
        """Reusable feature-major outputs for a pass of R runs (all) over n samples ("step",
        "train", "test"): z_l (R, cols, n), [a_l; 1] (R, cols + 1, n; the last row holds
        ones) and dL/da_(l−1) (R, fan_in, n)."""
        R = len(self.trainers) if R is None else R
        bufs = self._bufs.get((tag, n, R))
        if bufs is None:
            acts = [np.empty((R, W.shape[1], n)) for W in self.W[1:]]
            for a in acts:
                a[:, -1] = 1.0
            bufs = self._bufs[(tag, n, R)] = (
                [np.empty((R, W.shape[2], n)) for W in self.W],
                acts,
                [np.empty((R, W.shape[1] - 1, n)) for W in self.W],
            )
        return bufs

    def _forward(self, X: Array, tag: str) -> tuple[list[Array], list[Array]]:
        zbuf, abuf, _ = self._buffers(tag, X.shape[2])
        return passes.forward(self.WT, X, self.act, zbuf, abuf)

    def _loss(self, z: Array, Y: Array, value: bool) -> tuple[Array | None, Array]:
        """The loss entry on feature-major logits z and targets Y (R, k, n): (value per run,
        dL/dz (R, k, n))."""
        v, dz = self.loss.grad(z.swapaxes(1, 2), Y.swapaxes(1, 2), self.output, value)
        return v, dz.swapaxes(1, 2)

    def _step(self, X: Array, Y: Array) -> None:
        """One mini-batch: forward, dL/dz (no loss value), backward with L2, optimizer step."""
        zbuf, abuf, grad_a = self._buffers("step", X.shape[2])
        zs, acts = passes.forward(self.WT, X, self.act, zbuf, abuf)
        dz = self._loss(zs[-1], Y, value=False)[1]
        passes.backward(self.Wx, self.gW, zs, acts, dz, self.act, self.l2, grad_a, l1=self.l1)
        self.opt.step(*self.opt_args)

    # ---- epochs
    def step_epoch(self) -> None:
        """One pass over each run's shuffled training split in mini-batches, then its row."""
        self.first_row()
        if self.done:
            return
        X, Y = self.data["X_tr"], self.data["Y_tr"]
        n, bs = X.shape[2], self.batch_size
        with np.errstate(**_QUIET):
            if bs <= 0 or bs >= n:
                self._step(X, Y)
            else:
                perm = self._permutations(n)[:, None, :]
                Xs, Ys = (np.take(A, self._rows(A) + perm) for A in (X, Y))
                for s in range(0, n, bs):
                    if self.should_stop is not None and self.should_stop():
                        raise Stopped(f"stopped in epoch {self.epoch + 1}")
                    self._step(Xs[..., s : s + bs], Ys[..., s : s + bs])
            self.epoch += 1
            self.record()

    def step_batch(self) -> Array:
        """A lone run's next mini-batch (`Trainer.step_batch`): the epoch's shuffle is drawn at
        its first batch, as `step_epoch` draws it, and kept on the Trainer (`batch_order`,
        `batch_pos`); the epoch's last batch also records its row. Returns the indices (into
        the training split) of the batch's samples. Batch by batch, an epoch gives the numbers
        `step_epoch` gives."""
        self.first_row()
        if self.done:
            return np.zeros(0, dtype=np.intp)
        t = self.trainers[0]
        X, Y = self.data["X_tr"], self.data["Y_tr"]
        n, bs = X.shape[2], self.batch_size
        with np.errstate(**_QUIET):
            if bs <= 0 or bs >= n:
                t.batch_order, end, idx = None, n, np.arange(n)
                self._step(X, Y)
            else:
                if t.batch_order is None:
                    t.batch_order, t.batch_pos = t.rng.permutation(n), 0
                if self._shuffled is None or self._shuffled[0] is not t.batch_order:
                    perm = t.batch_order[None, None, :]
                    shuffled = (np.take(A, self._rows(A) + perm) for A in (X, Y))
                    self._shuffled = (t.batch_order, *shuffled)
                _, Xs, Ys = self._shuffled
                s = t.batch_pos
                end, idx = min(s + bs, n), t.batch_order[s : s + bs]
                self._step(Xs[..., s : s + bs], Ys[..., s : s + bs])
                t.batch_pos = end
            if end >= n:
                t.batch_order = None
                self.epoch += 1
                self.record()
        return idx

    def run(self, callback: Callable | None = None, should_stop: Callable | None = None) -> list:
        """Train to the end; `callback(self)` after each epoch; `should_stop()` between epochs
        and mini-batches (True raises `Stopped`). Returns each run's result."""
        self.first_row()
        try:
            run_epochs(self, callback, should_stop)
        finally:  # also when stopped: each trainer holds the rows trained so far
            self.hand_over()
        return [t.finish() for t in self.all]

    def first_row(self) -> None:
        """The history row of epoch 0, if the trainers left it to this stack (first_row=False)."""
        if self.epoch == 0 and self.trainers and not self.trainers[0].history:
            self.record()

    # ---- the history row
    def _row(self) -> dict[str, Array]:
        """Every history column, one (R,) array each, on the full splits (see train.py). The
        pass also leaves each run's gradient of its training data loss in the gradients."""
        d, act = self.data, self.act
        zs, acts = self._forward(d["X_tr"], "train")
        train_loss, dz = self._loss(zs[-1], d["Y_tr"], value=True)
        dfs = None
        if act.df is not None:
            dfs = [act.df(z, a[:, :-1]) for z, a in zip(zs[:-1], acts[1:], strict=True)]
        deltas: list[Array] = []
        grad_a = self._buffers("train", dz.shape[2])[2]
        passes.backward(self.Wx, self.gW, zs, acts, dz, act, 0.0, grad_a, deltas, dfs)
        z_te = self._forward(d["X_te"], "test")[0][-1].swapaxes(1, 2)
        R = len(self.trainers)
        label = lambda z: passes.predict_labels(z, self.output)  # noqa: E731
        share = passes.share  # each run's share of True
        row = {
            "epoch": np.full(R, float(self.epoch)),
            "train_loss": train_loss,
            "test_loss": self.loss.grad(z_te, d["Y_te"].swapaxes(1, 2), self.output)[0],
        }
        if self.output == "linear":  # a regression: R² instead of accuracy
            row["train_r2"] = passes.r2(zs[-1], d["Y_tr"])
            row["test_r2"] = passes.r2(z_te.swapaxes(1, 2), d["Y_te"])
        else:
            row["train_accuracy"] = share(label(zs[-1].swapaxes(1, 2)) == d["y_tr"])
            row["test_accuracy"] = share(label(z_te) == d["y_te"])
        root_n = np.sqrt(d["X_tr"].shape[2])
        for l, (start, stop, _) in enumerate(self.layout[0::2]):
            row[f"grad_norm_{l + 1}"] = passes.norms(self.grad, start, stop)
            row[f"weight_norm_{l + 1}"] = passes.norms(self.flat, start, stop)
            row[f"delta_norm_{l + 1}"] = passes.block_norms(deltas[-1 - l]) * root_n
        zero = np.zeros(R)
        for l in range(1, len(self.W)):
            a, z = acts[l][:, :-1], zs[l - 1]  # z_l is no longer needed: it takes a − mean
            dev = z if z.shape == a.shape else None
            row[f"act_mean_{l}"], row[f"act_std_{l}"] = passes.mean_std(a, dev)
            sat_dead = (zero, zero) if dfs is None else passes.saturated_dead(dfs[l - 1], act.peak)
            row[f"act_saturated_{l}"], row[f"act_dead_{l}"] = sat_dead
        return row

    def record(self) -> None:
        """Each run's history row through its Trainer (`record_values`); runs that stop (diverged)
        are written back and leave the batch, and at the end every run is written back.
        In a stack, a row where every run goes on (finite, under its explosion limit) waits in
        `_pending` and reaches the trainers at the end (`hand_over`): the same rows, without
        a Python call per run and row."""
        with np.errstate(**_QUIET):
            row = self._row()
            snaps = self.flat.copy() if self.trainers[0].snapshot_due(self.epoch) else None
        keys = list(row)
        values = np.array(list(row.values()))  # (columns, R)
        if self._goes_on(keys, values):
            self._pending.append(values)
            keep = list(range(len(self.trainers)))
            for t, snap in zip(self.trainers, () if snaps is None else snaps, strict=False):
                t.epoch = self.epoch  # a snapshot due: each run keeps one, as record_values does
                t.take_snapshot(snap)
        else:
            self.hand_over()
            keep, finite = [], np.isfinite(values).all(axis=0).tolist()
            per_run = zip(self.trainers, values.T.tolist(), finite, strict=True)
            for r, (t, run_values, ok) in enumerate(per_run):
                t.epoch = self.epoch
                snap = None if snaps is None else snaps[r]
                if t.record_values(keys, run_values, snap, ok):
                    keep.append(r)
        if self.done:
            self.hand_over()
        if not self.lone and (self.done or len(keep) < len(self.trainers)):
            for r, t in enumerate(self.trainers):
                if self.done or r not in keep:
                    self._write_back(r, t)
        if len(keep) < len(self.trainers):
            self._select(np.array(keep, dtype=np.intp))

    def _goes_on(self, keys: list[str], values: Array) -> bool:
        """Whether this row of a stack may wait in `_pending`: every run already holds rows
        with these columns (so its explosion limit is set) and every run goes on with it."""
        first = self.trainers[0].history
        if self.lone or not first or keys != list(first):
            return False
        if self._limits is None or len(self._limits) != len(self.trainers):
            self._limits = np.array([t.explosion_limit for t in self.trainers])
        loss = values[keys.index("train_loss")]
        return bool(np.isfinite(values).all() and (loss <= self._limits).all())

    def hand_over(self) -> None:
        """Append the rows waiting in `_pending` to each trainer's history (as `record_values`
        would have, one by one) and set each trainer's epoch."""
        if not self._pending:
            return
        rows = np.stack(self._pending)  # (rows, columns, R)
        self._pending = []
        for r, t in enumerate(self.trainers):
            t.epoch = self.epoch
            for column, values in zip(t.history.values(), rows[:, :, r].T.tolist(), strict=True):
                column.extend(values)

    def _write_back(self, r: int, t) -> None:
        """Run r's weights, gradients (of its training data loss, from the last row) and
        optimizer state into its own Trainer."""
        t.net.flat[...] = self.flat[r]
        t.net.grad_flat[...] = self.grad[r]
        self.opt.write_row(r, t.opt)

    def _select(self, rows: Array) -> None:
        self.trainers = [self.trainers[r] for r in rows]
        if not self.trainers:
            return
        self.flat, self.grad = self.flat[rows], self.grad[rows]
        self.data = {k: v[rows] for k, v in self.data.items()}
        self.opt.select(rows)
        self._views()
