"""Train R runs of one architecture as one stacked computation over a leading run axis.

`BatchedTrainer(trainers)` takes `Trainer`s built as usual that share the network shape,
activation, output, loss, l2, batch size, epochs, optimizer type and the shapes of their data;
the data, initial weights, shuffle generator, grid, learning rate and the optimizer's numbers may
differ per run. It trains them epoch by epoch as one computation and writes each run's history
rows, boundary snapshots, status, final weights and optimizer state back into its `Trainer`, so
`Trainer.finish()` (and what is built on it) sees what `Trainer.run()` would have produced. A run
that diverges is written back at that epoch and leaves the batch; the others go on.

Why the results agree with a lone run: every operation is the lone run's with a leading axis.
`np.matmul` on stacks calls the same BLAS routine per run on the same numbers (unit strides);
element-wise operations are the same per element; reductions run over the same axes in the same
order; the optimizer's scalar arithmetic (bias corrections) is done in Python floats per run, as
in optimizers.py. Where numpy would add in a different order for a stack (a sum over the middle
axis, a mean over a strided block), the arrays are laid out so that it does not: see `_buf`,
`_mean_std`. The tests compare against run() to 1e-12; on one machine the results are identical.

`signature(trainer)` says which trainers can share a batch. The history rows and snapshots go
through the Trainer's own bookkeeping (`_snap_at`, `_snapshot`, `_diverge`, `_limit`), so a
change to Trainer's columns shows up as an error here (and in tests/unit/test_batched.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from playground.nn._stable import logsumexp, softplus
from playground.nn.optimizers import SGD, Adagrad, Adam, Optimizer, RMSprop
from playground.nn.train import SATURATION, Stopped, Trainer, TrainResult

Array = np.ndarray
_QUIET = {"over": "ignore", "invalid": "ignore", "divide": "ignore", "under": "ignore"}
_LOSSES = ("cross_entropy", "mse", "hinge")


# ------------------------------------------------------------------ numerics with a run axis
def _sigmoid(z: Array) -> Array:
    """_stable.sigmoid with fewer temporaries: the same operations give the same numbers."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def _softmax(z: Array) -> Array:
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _output(z: Array, output: str) -> Array:
    return _sigmoid(z) if output == "sigmoid" else _softmax(z) if output == "softmax" else z


def _loss(name: str, z: Array, Y: Array, output: str, value: bool) -> tuple[Array | None, Array]:
    """losses.py on logits z (R, n, k): (per-run values (R,) if `value`, dL/dz (R, n, k))."""
    n, k = z.shape[1], z.shape[2]
    v = None
    if value:  # per-run sums over contiguous numbers, in the lone run's (pairwise) order
        z, Y = np.ascontiguousarray(z), np.ascontiguousarray(Y)
    if name == "cross_entropy":
        if output == "sigmoid":
            if value:
                v = np.sum(softplus(z) - Y * z, axis=(1, 2)) / n
            dz = _sigmoid(z)
            dz -= Y
            dz /= n
            return v, dz
        if value:
            v = np.sum(logsumexp(z) - np.sum(Y * z, axis=-1, keepdims=True), axis=(1, 2)) / n
        return v, (_softmax(z) - Y) / n
    if name == "mse":
        p = _output(z, output)
        diff = p - Y
        g = 2.0 * diff / (n * k)
        if output == "sigmoid":
            g = g * p * (1.0 - p)
        elif output == "softmax":
            g = p * (g - np.sum(g * p, axis=-1, keepdims=True))
        return (np.mean(diff * diff, axis=(1, 2)) if value else None), g
    if k == 1:  # hinge
        s = 2.0 * Y - 1.0
        margin = 1.0 - s * z
        if value:
            v = np.sum(np.maximum(margin, 0.0), axis=(1, 2)) / n
        return v, -s * (margin > 0) / n
    zy = np.sum(Y * z, axis=-1, keepdims=True)
    margin = np.maximum(1.0 - zy + z, 0.0) * (1.0 - Y)
    active = (margin > 0) * (1.0 - Y)
    g = active - Y * np.sum(active, axis=-1, keepdims=True)
    return (np.sum(margin, axis=(1, 2)) / (n * k) if value else None), g / (n * k)


def _mean_std(a: Array) -> tuple[Array, Array]:
    """np.mean and np.std of each run's (n, h) block: the same sums, over a contiguous copy so
    that numpy adds each run's n·h numbers pairwise as it does for a lone run."""
    a = np.ascontiguousarray(a)
    count = a.shape[1] * a.shape[2]
    mean = np.add.reduce(a, axis=(1, 2)) / count
    x = a - mean[:, None, None]
    np.multiply(x, x, out=x)
    return mean, np.sqrt(np.add.reduce(x, axis=(1, 2)) / count)


def _share(mask: Array) -> Array:
    """np.mean of each run's block of a boolean (R, n, h) array: exact counts / (n·h), counted
    along the memory order (fast for run-interleaved arrays)."""
    counts = np.add.reduce(mask.transpose(1, 0, 2).view(np.uint8), axis=0, dtype=np.intp)
    return counts.sum(axis=1) / (mask.shape[1] * mask.shape[2])


def _labels(z: Array) -> Array:
    """train.predict_labels on (R, n, k) logits: p > 0.5 for one output, else the arg-max."""
    if z.shape[2] == 1:
        return _sigmoid(z)[..., 0] > 0.5
    return np.argmax(z, axis=2)


def _norms(flat: Array, start: int, stop: int) -> Array:
    """‖flat[r, start:stop]‖ per run (R,), as np.linalg.norm: √(x·x) with BLAS dot."""
    x = flat[:, None, start:stop]
    return np.sqrt(np.matmul(x, x.transpose(0, 2, 1))[:, 0, 0])


def _block_norms(a: Array) -> Array:
    """np.linalg.norm of each run's (n, cols) block of a (R, n, cols), whatever its layout:
    a contiguous copy, then the same BLAS dot over the block's n·cols numbers."""
    a = np.ascontiguousarray(a).reshape(a.shape[0], 1, -1)
    return np.sqrt(np.matmul(a, a.transpose(0, 2, 1))[:, 0, 0])


# ------------------------------------------------------------------ optimizer
# The numbers each rule takes per run (R, 1); every other hyper-parameter must be equal.
_VECTOR = {
    "sgd": ("momentum", "dampening", "weight_decay"),
    "adagrad": ("eps", "weight_decay"),
    "rmsprop": ("alpha", "eps", "weight_decay", "momentum"),
    "adam": ("betas", "eps", "weight_decay"),
}
_RULES = ((Adam, "adam"), (RMSprop, "rmsprop"), (Adagrad, "adagrad"), (SGD, "sgd"))


def _rule(opt: Optimizer) -> str | None:
    return next((name for cls, name in _RULES if isinstance(opt, cls)), None)


def _opt_signature(opt: Optimizer) -> tuple:
    rule = _rule(opt)
    if rule is None or type(opt).step is not Optimizer.step:
        return (type(opt), id(opt))  # unknown: never batched
    h = opt.hyper
    fixed = tuple(sorted((k, repr(v)) for k, v in h.items() if k not in _VECTOR[rule]))
    flags = (bool(h["weight_decay"]), bool(h.get("momentum", 0) > 0))
    state = tuple(sorted(opt.state.get(0, {})))
    return (type(opt), rule, fixed, flags, opt.t, state, len(opt.state))


class BatchedOptimizer:
    """optimizers.py's torch rules on stacked flat parameters (R, P): one optimizer per row,
    each with its own learning rate, numbers and state; the same operations in the same order."""

    def __init__(self, opts: Sequence[Optimizer]) -> None:
        if len({_opt_signature(o) for o in opts}) != 1:
            raise ValueError("These optimizers differ in more than their numbers.")
        first = opts[0]
        self.rule, self.t, self.h = _rule(first), first.t, dict(first.hyper)
        self.decoupled = bool(getattr(first, "decoupled", False))
        self.lr = np.array([[o.lr] for o in opts])
        self.lrs = [o.lr for o in opts]
        self.v: dict[str, Array] = {}
        for key in _VECTOR[self.rule]:
            values = [o.hyper[key] for o in opts]
            if key == "betas":
                self.b1s, self.b2s = [b[0] for b in values], [b[1] for b in values]
                self.same_betas = len(set(values)) == 1
                self.v["1-b1"] = 1.0 - np.array([[b] for b in self.b1s])
                self.v["b2"] = np.array([[b] for b in self.b2s])
                self.v["1-b2"] = 1.0 - self.v["b2"]
            else:
                self.v[key] = np.array([[float(x)] for x in values])
        for key in ("dampening", "alpha"):
            if key in self.v:
                self.v["1-" + key] = 1.0 - self.v[key]
        if self.decoupled:
            self.v["decay"] = 1.0 - self.lr * self.v["weight_decay"]
        self.wd = bool(self.h["weight_decay"])
        self.s: dict[str, Array] = {}
        if opts[0].state:
            for key in opts[0].state[0]:
                self.s[key] = np.stack([o.state[0][key] for o in opts])

    def select(self, rows: Array) -> None:
        """Keep only these runs (rows)."""
        self.lr = self.lr[rows]
        self.lrs = [self.lrs[r] for r in rows]
        if self.rule == "adam":
            self.b1s, self.b2s = [self.b1s[r] for r in rows], [self.b2s[r] for r in rows]
            self.same_betas = len(set(zip(self.b1s, self.b2s, strict=True))) == 1
        self.v = {k: v[rows] for k, v in self.v.items()}
        self.s = {k: v[rows] for k, v in self.s.items()}

    def write_back(self, opt: Optimizer, r: int) -> None:
        """Give run r's step count and state to its own optimizer."""
        opt.t = self.t
        opt.state = {0: {k: v[r].copy() for k, v in self.s.items()}} if self.t else {}

    def _tmp(self, p: Array, i: int) -> Array:
        """Scratch array i shaped like p (reused between steps)."""
        key = f"_tmp{i}"
        buf = self.__dict__.get(key)
        if buf is None or buf.shape != p.shape:
            buf = self.__dict__[key] = np.empty_like(p)
        return buf

    def step(self, p: Array, g: Array) -> None:
        """One update of every row of p (R, P) in place from g (R, P)."""
        self.t += 1
        getattr(self, "_" + self.rule)(p, g)

    def _sgd(self, p: Array, g: Array) -> None:
        v, s = self.v, self.s
        if self.wd:
            g = g + v["weight_decay"] * p
        if self.h["momentum"] > 0:
            mu = v["momentum"]
            if "buf" not in s:
                s["buf"] = g.copy()
            else:
                s["buf"] *= mu
                s["buf"] += v["1-dampening"] * g
            g = g + mu * s["buf"] if self.h["nesterov"] else s["buf"]
        p -= self.lr * g

    def _adagrad(self, p: Array, g: Array) -> None:
        clr = self.lr / (1.0 + (self.t - 1) * self.h["lr_decay"])
        if self.wd:
            g = g + self.v["weight_decay"] * p
        if "sum" not in self.s:
            self.s["sum"] = np.full_like(p, self.h["initial_accumulator_value"])
        self.s["sum"] += g * g
        p -= clr * g / (np.sqrt(self.s["sum"]) + self.v["eps"])

    def _rmsprop(self, p: Array, g: Array) -> None:
        v, s, h = self.v, self.s, self.h
        if self.wd:
            g = g + v["weight_decay"] * p
        if "sq" not in s:
            s["sq"] = np.zeros_like(p)
        s["sq"] *= v["alpha"]
        s["sq"] += v["1-alpha"] * g * g
        if h["centered"]:
            if "gavg" not in s:
                s["gavg"] = np.zeros_like(p)
            s["gavg"] += v["1-alpha"] * (g - s["gavg"])
            avg = np.sqrt(s["sq"] - s["gavg"] ** 2) + v["eps"]
        else:
            avg = np.sqrt(s["sq"]) + v["eps"]
        if h["momentum"] > 0:
            if "buf" not in s:
                s["buf"] = np.zeros_like(p)
            s["buf"] *= v["momentum"]
            s["buf"] += g / avg
            p -= self.lr * s["buf"]
        else:
            p -= self.lr * g / avg

    def _adam(self, p: Array, g: Array) -> None:
        v, s, t = self.v, self.s, self.t
        if self.wd and self.decoupled:
            p *= v["decay"]
        elif self.wd:
            g = g + v["weight_decay"] * p
        if "m" not in s:
            s["m"], s["v"] = np.zeros_like(p), np.zeros_like(p)
        m, sq, a, b = s["m"], s["v"], self._tmp(p, 0), self._tmp(p, 1)
        m += np.multiply(v["1-b1"], np.subtract(g, m, out=a), out=a)  # (1−β₁)(g − m)
        sq *= v["b2"]
        sq += np.multiply(np.multiply(v["1-b2"], g, out=a), g, out=a)  # (1−β₂)·g·g
        if self.h["amsgrad"]:
            s["vmax"] = np.maximum(s.get("vmax", sq), sq)
            sq = s["vmax"]
        # bias corrections in Python floats, exactly as the lone optimizer computes them
        if self.same_betas:
            c1, c2 = self.lr / (1.0 - self.b1s[0] ** t), math.sqrt(1.0 - self.b2s[0] ** t)
        else:
            c2 = np.array([[math.sqrt(1.0 - b2**t)] for b2 in self.b2s])
            c1 = np.array([[lr / (1.0 - b1**t)] for lr, b1 in zip(self.lrs, self.b1s, strict=True)])
        denom = np.add(np.divide(np.sqrt(sq, out=a), c2, out=a), v["eps"], out=a)
        p -= np.divide(np.multiply(c1, m, out=b), denom, out=b)


# ------------------------------------------------------------------ trainer
def signature(trainer: Trainer) -> tuple:
    """Trainers with equal signatures can be trained together by one `BatchedTrainer`."""
    net, t = trainer.net, trainer
    act = net.act
    arrays = [t.X_tr, t.X_te] + ([] if t.grid is None else [t.grid])
    supported = (
        t.loss in _LOSSES
        and (act.df is not None or act.name == "maxout")
        and all(a.flags.c_contiguous and a.dtype == np.float64 for a in arrays)
    )
    if not supported or t.done:
        return ("alone", id(trainer))
    return (
        tuple(net.sizes),
        act.name,
        net.output,
        t.loss,
        float(t.l2),
        int(t.batch_size),
        int(t.epochs),
        t.epoch,
        tuple(a.shape for a in arrays),
        t.Y_tr.shape,
        tuple(sorted(t._snap_at)),
        tuple(t.history),
        _opt_signature(t.opt),
    )


class BatchedTrainer:
    """Trains `trainers` (equal `signature`s) together; results land in each Trainer.
    `should_stop()`, if set, is asked before each epoch and mini-batch: True raises `Stopped`."""

    should_stop: Callable[[], bool] | None = None

    def __init__(self, trainers: Sequence[Trainer]) -> None:
        if not trainers or len({signature(t) for t in trainers}) != 1:
            raise ValueError("BatchedTrainer needs trainers with one common signature().")
        if signature(trainers[0])[0] == "alone":
            raise ValueError("This trainer cannot be batched (loss, activation or data layout).")
        first = trainers[0]
        self.all = list(trainers)
        self.trainers = list(trainers)
        self.net, self.loss, self.l2 = first.net, first.loss, first.l2
        self.epochs, self.batch_size, self.epoch = first.epochs, first.batch_size, first.epoch
        self.snap_at = first._snap_at
        self.opt = BatchedOptimizer([t.opt for t in trainers])
        self.flat = np.stack([t.net.flat for t in trainers])
        self.grad = np.stack([t.net.grad_flat for t in trainers])
        stack = lambda name: np.stack([getattr(t, name) for t in trainers])  # noqa: E731
        self.data = {k: stack(k) for k in ("X_tr", "Y_tr", "y_tr", "X_te", "Y_te", "y_te")}
        # (start, stop, shape) of each W_l and b_l in the flat vector, as MLP lays them out
        self.layout, start = [], 0
        for p in first.net.params:
            self.layout.append((start, start + p.size, p.shape))
            start += p.size
        self._views()

    @property
    def done(self) -> bool:
        return not self.trainers or self.epoch >= self.epochs

    def _views(self) -> None:
        R = len(self.trainers)
        view = lambda a, i, shape: a[:, i[0] : i[1]].reshape((R, *shape), copy=False)  # noqa: E731
        lay = self.layout
        self.W = [view(self.flat, w, w[2]) for w in lay[0::2]]
        self.Wt = [W.transpose(0, 2, 1) for W in self.W]
        self.gW = [view(self.grad, w, w[2]) for w in lay[0::2]]
        self.gb = [view(self.grad, b, b[2]) for b in lay[1::2]]
        self.b = [view(self.flat, b, (1, *b[2])) for b in lay[1::2]]
        self._bufs: dict[tuple, Array] = {}

    def _buffers(self, tag: str, n: int) -> tuple[list[Array], list[Array], list[Array]]:
        """Reusable outputs for a pass over n samples: z_l, a_l (ufunc activations) and
        dL/da_(l−1), each (R, n, cols). With more than one column they are laid out
        run-interleaved, memory (n, R, cols): each run's matrix still has unit column stride
        (BLAS sees the lone run's matrix), and sums over the samples (bias gradients) become n
        fast passes over R·cols contiguous numbers, in the lone run's order. One column keeps
        (R, n, 1), whose per-run sums numpy does pairwise, as it does for a lone (n, 1). The
        history's pass ("train") sums no biases but takes statistics of each run's block
        (activations, error signals δ_l): there (R, n, cols) keeps every block contiguous, as a
        lone run's matrix is, and saves the copies (`_mean_std`, `_block_norms`)."""
        bufs = self._bufs.get((tag, n))
        if bufs is None:
            R = len(self.trainers)

            def new(cols: int) -> Array:
                if cols > 1 and tag != "train":
                    return np.empty((n, R, cols)).transpose(1, 0, 2)
                return np.empty((R, n, cols))

            z = [new(W.shape[2]) for W in self.W]
            bufs = self._bufs[(tag, n)] = (
                z,
                [new(W.shape[2]) for W in self.W[:-1]],
                [new(W.shape[1]) for W in self.W],
            )
        return bufs

    # ---- forward and backward, as MLP.forward_cache and MLP.backward with a run axis
    def _forward(self, X: Array, tag: str) -> tuple[list[Array], list[Array]]:
        """zs and acts as MLP.forward_cache; they live in buffers tagged `tag` (until the next
        forward pass with the same tag and sample count)."""
        zs, acts, a, L = [], [X], X, len(self.W)
        act, (zbuf, abuf, _) = self.net.act, self._buffers(tag, X.shape[1])
        for l in range(L):
            z = np.matmul(a, self.W[l], out=zbuf[l])
            z += self.b[l].copy()  # contiguous (R, 1, cols): adds in R·cols-long loops
            zs.append(z)
            if l < L - 1:
                if act.df is None:  # maxout: the max of each unit's pieces
                    a = z.reshape(*z.shape[:2], -1, act.pieces).max(axis=3)
                elif isinstance(act.f, np.ufunc):  # e.g. np.tanh: straight into a buffer
                    a = act.f(z, out=abuf[l])
                else:
                    a = act.f(z)
                acts.append(a)
        return zs, acts

    def _backward(
        self,
        zs: list[Array],
        acts: list[Array],
        dz: Array,
        tag: str,
        dfs=None,
        bias=True,
        deltas: list[Array] | None = None,
    ) -> None:
        """Gradients of the forward pass `tag` (with the L2 term in training steps); `dfs`:
        f'(z_l) of each hidden layer, when the caller has them already; `bias`: False leaves
        the bias gradients out (the history needs the weights' only); `deltas` receives each
        layer's dz_l, from the output layer down, as MLP.backward's."""
        act, grad_a_buf = self.net.act, self._buffers(tag, dz.shape[1])[2]
        l2 = self.l2 if tag == "step" else 0.0
        for l in range(len(self.W) - 1, -1, -1):
            if deltas is not None:
                deltas.append(dz)
            np.matmul(acts[l].transpose(0, 2, 1), dz, out=self.gW[l])
            if l2:
                self.gW[l] += l2 * self.W[l]
            if bias:
                self.gb[l][...] = np.add.reduce(dz, axis=1)
            if l > 0:
                grad_a = np.matmul(dz, self.Wt[l], out=grad_a_buf[l])
                z = zs[l - 1]
                if act.df is None:  # maxout: only the winning piece gets the gradient
                    zk = z.reshape(*z.shape[:2], -1, act.pieces)
                    mask = zk.argmax(axis=3)[..., None] == np.arange(act.pieces)
                    dz = (mask * grad_a[..., None]).reshape(z.shape)
                else:
                    df = act.df(z, acts[l]) if dfs is None else dfs[l - 1]
                    dz = np.multiply(grad_a, df, out=grad_a)

    def _step(self, X: Array, Y: Array) -> None:
        zs, acts = self._forward(X, "step")
        dz = _loss(self.loss, zs[-1], Y, self.net.output, value=False)[1]
        self._backward(zs, acts, dz, "step")
        self.opt.step(self.flat, self.grad)

    # ---- epochs
    def step_epoch(self) -> None:
        """One pass over each run's shuffled training split in mini-batches, then its row."""
        if self.done:
            return
        X, Y = self.data["X_tr"], self.data["Y_tr"]
        n, bs = X.shape[1], self.batch_size
        with np.errstate(**_QUIET):
            if bs <= 0 or bs >= n:
                self._step(X, Y)
            else:
                perm = np.stack([t.rng.permutation(n) for t in self.trainers])
                perm += np.arange(0, len(perm) * n, n)[:, None]  # rows of the (R·n, ·) stack
                Xs, Ys = (A.reshape(-1, A.shape[2])[perm] for A in (X, Y))
                for s in range(0, n, bs):
                    if self.should_stop is not None and self.should_stop():
                        raise Stopped(f"stopped in epoch {self.epoch + 1}")
                    self._step(Xs[:, s : s + bs], Ys[:, s : s + bs])
            self.epoch += 1
            self._record()

    def run(
        self,
        callback: Callable[[BatchedTrainer], object] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[TrainResult]:
        """Train to the end; `callback(self)` after each epoch; `should_stop()` between epochs
        and mini-batches (True raises `Stopped`). Returns each run's result."""
        if should_stop is not None:
            self.should_stop = should_stop
        while not self.done:
            if self.should_stop is not None and self.should_stop():
                raise Stopped(f"stopped before epoch {self.epoch + 1}")
            self.step_epoch()
            if callback is not None:
                callback(self)
        return [t.finish() for t in self.all]

    def _row(self) -> dict[str, Array]:
        """Trainer._record's history values, one (R,) array per column."""
        d, out, act = self.data, self.net.output, self.net.act
        zs, acts = self._forward(d["X_tr"], "train")
        train_loss, dz = _loss(self.loss, zs[-1], d["Y_tr"], out, value=True)
        dfs = None
        if act.df is not None:
            dfs = [act.df(z, a) for z, a in zip(zs[:-1], acts[1:], strict=True)]
        deltas: list[Array] = []
        self._backward(zs, acts, dz, "train", dfs, bias=False, deltas=deltas)
        z_te = self._forward(d["X_te"], "test")[0][-1]
        R = len(self.trainers)
        row = {
            "epoch": np.full(R, float(self.epoch)),
            "train_loss": train_loss,
            "test_loss": _loss(self.loss, z_te, d["Y_te"], out, value=True)[0],
            "train_accuracy": np.mean(_labels(zs[-1]) == d["y_tr"], axis=1),
            "test_accuracy": np.mean(_labels(z_te) == d["y_te"], axis=1),
        }
        root_n = math.sqrt(d["X_tr"].shape[1])
        for l, (start, stop, _) in enumerate(self.layout[0::2]):
            row[f"grad_norm_{l + 1}"] = _norms(self.grad, start, stop)
            row[f"weight_norm_{l + 1}"] = _norms(self.flat, start, stop)
            row[f"delta_norm_{l + 1}"] = _block_norms(deltas[-1 - l]) * root_n
        zero = np.zeros(R)
        for l in range(1, len(self.W)):
            a = acts[l]
            row[f"act_mean_{l}"], row[f"act_std_{l}"] = _mean_std(a)
            df = None if dfs is None else dfs[l - 1]
            sat = _share(df < SATURATION * act.peak) if act.peak else zero
            row[f"act_saturated_{l}"] = sat
            dead = _share(np.all(df == 0, axis=1)[:, None, :]) if df is not None else zero
            row[f"act_dead_{l}"] = dead
        return row

    def _record(self) -> None:
        """Trainer._record for every run: append its row if finite, else mark it diverged;
        snapshots at the schedule; explosion check. Diverged runs leave the batch."""
        row = self._row()
        if set(row) != set(self.trainers[0].history):
            raise RuntimeError("BatchedTrainer's history columns differ from Trainer's.")
        finite = np.isfinite(np.stack(list(row.values()))).all(axis=0)
        values = {k: v.tolist() for k, v in row.items()}
        snap = self.epoch in self.snap_at
        keep = []
        for r, t in enumerate(self.trainers):
            t.epoch = self.epoch
            train_loss = values["train_loss"][r]
            if not finite[r]:
                t._diverge("nan" if math.isnan(train_loss) else "inf")
                continue
            for key in t.history:
                t.history[key].append(values[key][r])
            if snap:  # the lone trainer's own code, on this run's weights
                t.net.flat[...] = self.flat[r]
                t._snapshot()
            if train_loss > t._limit:
                t._diverge("exploded")
                continue
            keep.append(r)
        if self.done or len(keep) < len(self.trainers):
            for r, t in enumerate(self.trainers):
                if self.done or r not in keep:
                    self._write_back(r, t)
        if len(keep) < len(self.trainers):
            self._select(np.array(keep, dtype=np.intp))

    def _write_back(self, r: int, t: Trainer) -> None:
        """Run r's final weights, optimizer state and (as its last history row left them) the
        gradient of its data loss on the training split, computed by the lone network."""
        t.net.flat[...] = self.flat[r]
        t.net.loss_into_grads(t.X_tr, t.Y_tr, t.loss, 0.0)
        self.opt.write_back(t.opt, r)

    def _select(self, rows: Array) -> None:
        self.trainers = [self.trainers[r] for r in rows]
        self.flat, self.grad = self.flat[rows], self.grad[rows]
        self.data = {k: v[rows] for k, v in self.data.items()}
        self.opt.select(rows)
        self._views()
