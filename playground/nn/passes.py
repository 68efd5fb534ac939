"""The forward pass, back-propagation and the history row's statistics, written once.

`forward` and `backward` take one run (X: (n, d + 1), [W; b]_l: (fan_in + 1, cols_l)) or a stack
of runs with a leading run axis (X: (R, n, d + 1), [W; b]_l: (R, fan_in + 1, cols_l)); inputs and
activations carry a trailing column of ones, so each layer's bias rides in its matmul (forward and
gradient), with no broadcast additions or sums. `MLP` calls them for one run, `BatchedTrainer`
(and so every `Trainer`, a stack of one) for stacks. Optional `out=` buffers let a trainer reuse
its arrays between steps.

Why a stack's runs get a lone run's numbers: `np.matmul` on stacks calls the same BLAS routine
per run on the same numbers (unit column strides); element-wise operations are the same per
element; reductions run over the same axes in the same order. Where numpy would add in another
order for a stack (a sum over the middle axis, a mean over a strided block), the statistics below
copy each run's block to contiguous memory first (`mean_std`, `block_norms`).
"""

from __future__ import annotations

import numpy as np

from playground.nn.losses import output_activation

Array = np.ndarray
SATURATION = 0.05  # a unit is saturated where f'(z) < 5 % of the activation's peak slope


def with_ones(X: Array) -> Array:
    """X (…, n, d) with a trailing column of ones (…, n, d + 1), in float64."""
    out = np.empty((*X.shape[:-1], X.shape[-1] + 1))
    out[..., :-1] = X
    out[..., -1] = 1.0
    return out


def forward(
    Ws: list[Array],
    X: Array,
    act,
    zbuf: list[Array] | None = None,
    abuf: list[Array] | None = None,
) -> tuple[list[Array], list[Array]]:
    """Pre-activations zs[l] (…, n, cols_l) and the inputs of each layer, acts (acts[0] = X,
    then each hidden layer's output), every one with a trailing column of ones; the last z
    is the logits. Ws[l]: (…, fan_in + 1, cols_l), the weights with the bias as the last row
    (how MLP's flat vector lays them out), so z = [a, 1] W is one matmul and the gradient of
    W and b is one matmul too. `zbuf`/`abuf`: arrays to write z_l and [a_l, 1] into (abuf's
    last column holds the ones)."""
    zs, acts, a, L = [], [X], X, len(Ws)
    ufunc = isinstance(act.f, np.ufunc)
    for l in range(L):
        z = np.matmul(a, Ws[l], out=None if zbuf is None else zbuf[l])
        zs.append(z)
        if l < L - 1:
            if ufunc and abuf is not None:
                a = abuf[l]
                act.f(z, out=a[..., :-1])
            else:
                a = with_ones(act.forward(z)) if abuf is None else abuf[l]
                if abuf is not None:
                    a[..., :-1] = act.forward(z)
            acts.append(a)
    return zs, acts


def backward(
    Ws: list[Array],
    gWs: list[Array],
    zs: list[Array],
    acts: list[Array],
    dz: Array,
    act,
    l2: float = 0.0,
    grad_a_buf: list[Array] | None = None,
    deltas: list[Array] | None = None,
    dfs: list[Array] | None = None,
) -> None:
    """Back-propagate dL/dz_L through every layer into `gWs` (…, fan_in + 1, cols_l), the
    gradients of the weights with the bias gradient as the last row (written in place).

    d[W; b]_l = [a_{l−1}, 1]ᵀ dz_l (+ l2·W_l on the weights);  dz_{l−1} = f'(z_{l−1}) ⊙ (dz_l W_lᵀ).
    `zs`, `acts` as `forward` returns them. `deltas` receives the error signals dz_l, from the
    output layer down to the first (the history's `delta_norm_l`); `dfs`: f'(z_l) of each
    hidden layer when the caller has them; `grad_a_buf`: arrays for dL/da_{l−1}.
    """
    for l in range(len(Ws) - 1, -1, -1):
        if deltas is not None:
            deltas.append(dz)
        np.matmul(acts[l].swapaxes(-1, -2), dz, out=gWs[l])
        W = Ws[l][..., :-1, :]
        if l2:
            gWs[l][..., :-1, :] += l2 * W
        if l > 0:
            out = None if grad_a_buf is None else grad_a_buf[l]
            grad_a = np.matmul(dz, W.swapaxes(-1, -2), out=out)
            a = acts[l][..., :-1]
            if act.df is None:  # e.g. maxout: the activation routes the gradient itself
                dz = act.backward(zs[l - 1], a, grad_a)
            else:
                df = act.df(zs[l - 1], a) if dfs is None else dfs[l - 1]
                dz = np.multiply(grad_a, df, out=grad_a)


def predict_labels(z: Array, output: str) -> Array:
    """Class labels (…, n) from logits (…, n, k): threshold at p = 0.5, or the arg-max."""
    if z.shape[-1] == 1:
        return (output_activation(z, output)[..., 0] > 0.5).astype(np.int64)
    return np.argmax(z, axis=-1)


# ---- statistics of a stack (R, n, cols), one value per run, as numpy computes them for one
def mean_std(a: Array) -> tuple[Array, Array]:
    """np.mean and np.std of each run's (n, h) block: the same sums, over a contiguous copy so
    that numpy adds each run's n·h numbers pairwise as it does for a lone run."""
    a = np.ascontiguousarray(a)
    count = a.shape[1] * a.shape[2]
    mean = np.add.reduce(a, axis=(1, 2)) / count
    x = a - mean[:, None, None]
    np.multiply(x, x, out=x)
    return mean, np.sqrt(np.add.reduce(x, axis=(1, 2)) / count)


def share(mask: Array) -> Array:
    """np.mean of each run's block of a boolean (R, n, h) array: exact counts / (n·h), counted
    along the memory order (fast for run-interleaved arrays)."""
    counts = np.add.reduce(mask.transpose(1, 0, 2).view(np.uint8), axis=0, dtype=np.intp)
    return counts.sum(axis=1) / (mask.shape[1] * mask.shape[2])


def norms(flat: Array, start: int, stop: int) -> Array:
    """‖flat[r, start:stop]‖ per run (R,), as np.linalg.norm: √(x·x) with BLAS dot."""
    x = flat[:, None, start:stop]
    return np.sqrt(np.matmul(x, x.transpose(0, 2, 1))[:, 0, 0])


def block_norms(a: Array) -> Array:
    """np.linalg.norm of each run's (n, cols) block of a (R, n, cols), whatever its layout:
    a contiguous copy, then the same BLAS dot over the block's n·cols numbers."""
    a = np.ascontiguousarray(a).reshape(a.shape[0], 1, -1)
    return np.sqrt(np.matmul(a, a.transpose(0, 2, 1))[:, 0, 0])
