"""The forward pass, back-propagation and the history row's statistics, written once.

`forward` and `backward` take one run or a stack of runs with a leading run axis (R, …), in
feature-major layout: a layer's input is (…, features + 1, n), one row of n samples per feature
and a last row of ones, and [W; b]_l is (…, fan_in + 1, cols_l), the weights with the bias as the
last row (how MLP's flat vector lays them out). So z_l = [W; b]ᵀ [a; 1] is one matmul, the
gradient of W and b is one matmul, and every element-wise pass and statistic runs over each
run's contiguous (features, n) block in long loops. `MLP` calls them for one run (and turns its
sample-major (n, d) arrays around), `BatchedTrainer` (and so every `Trainer`, a stack of one)
for stacks. Optional `out=` buffers let a trainer reuse its arrays between steps.

Why a stack's runs get a lone run's numbers: `np.matmul` on stacks calls the same BLAS routine
per run on the same numbers; element-wise operations are the same per element; reductions run
over each run's contiguous block in the same order.
"""

from __future__ import annotations

import numpy as np

from playground.nn._stable import sigmoid
from playground.nn.losses import output_activation

Array = np.ndarray
SATURATION = 0.05  # a unit is saturated where f'(z) < 5 % of the activation's peak slope
# σ(z) > 0.5 exactly when z > 0, except for 0 < z < 2⁻⁵² or so, where 1 + e^−z rounds to 2 and σ
# to 0.5: below this bound predict_labels asks σ itself
_TINY = 2.0**-50


def _mm(a: Array, b: Array, out: Array | None = None) -> Array:
    """a @ b over the last two axes; with a contraction of length 1 (an outer product: one
    output unit, or one sample) by broadcasting, the same products, where numpy's matmul of
    stacks is slow."""
    if a.shape[-1] == 1:
        return np.multiply(a, b, out=out)
    return np.matmul(a, b, out=out)


def with_ones(X: Array) -> Array:
    """Samples X (…, n, d) as a feature-major layer input (…, d + 1, n): its transpose with a
    last row of ones, in float64."""
    X = np.asarray(X)
    out = np.empty((*X.shape[:-2], X.shape[-1] + 1, X.shape[-2]))
    out[..., :-1, :] = np.swapaxes(X, -1, -2)
    out[..., -1, :] = 1.0
    return out


def forward(
    WTs: list[Array],
    X: Array,
    act,
    zbuf: list[Array] | None = None,
    abuf: list[Array] | None = None,
) -> tuple[list[Array], list[Array]]:
    """Pre-activations zs[l] (…, cols_l, n) and the layers' inputs acts (acts[0] = X, then
    each hidden layer's output with its row of ones, (…, cols_l + 1, n)); the last z is the
    logits. WTs[l]: [W; b]_l transposed, (…, cols_l, fan_in + 1). `zbuf`/`abuf`: arrays to
    write z_l and [a_l; 1] into."""
    zs, acts, a, L = [], [X], X, len(WTs)
    ufunc = isinstance(act.f, np.ufunc)
    for l in range(L):
        z = _mm(WTs[l], a, out=None if zbuf is None else zbuf[l])
        zs.append(z)
        if l < L - 1:
            if abuf is None:
                a = np.empty((*z.shape[:-2], WTs[l + 1].shape[-1], z.shape[-1]))
                a[..., -1, :] = 1.0
            else:
                a = abuf[l]
            if ufunc:
                act.f(z, out=a[..., :-1, :])
            elif act.df is not None:  # element-wise: any layout
                a[..., :-1, :] = act.forward(z)
            else:  # e.g. maxout groups a unit's pieces along the features
                a[..., :-1, :] = act.forward(z.swapaxes(-1, -2)).swapaxes(-1, -2)
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
    l1: float = 0.0,
) -> None:
    """Back-propagate dL/dz_L (…, cols_L, n) through every layer into `gWs` (…, fan_in + 1,
    cols_l), the gradients of [W; b]_l (written in place); Ws[l]: the weights W_l alone
    (…, fan_in, cols_l).

    d[W; b]_l = [a_{l−1}; 1] dz_lᵀ (+ l2·W_l + l1·sign(W_l) on the weights);
    dz_{l−1} = f'(z_{l−1}) ⊙ (W_l dz_l).
    `zs`, `acts` as `forward` returns them. `deltas` receives the error signals dz_l, from the
    output layer down to the first (the history's `delta_norm_l`); `dfs`: f'(z_l) of each
    hidden layer when the caller has them; `grad_a_buf`: arrays for dL/da_{l−1}.
    """
    for l in range(len(Ws) - 1, -1, -1):
        if deltas is not None:
            deltas.append(dz)
        _mm(acts[l], dz.swapaxes(-1, -2), out=gWs[l])
        if l2:
            gWs[l][..., :-1, :] += l2 * Ws[l]
        if l1:  # the subgradient of l1·|w|: 0 at w = 0
            gWs[l][..., :-1, :] += l1 * np.sign(Ws[l])
        if l > 0:
            grad_a = _mm(Ws[l], dz, out=None if grad_a_buf is None else grad_a_buf[l])
            z, a = zs[l - 1], acts[l][..., :-1, :]
            if act.df is None:  # e.g. maxout: the activation routes the gradient itself
                T = (z, a, grad_a)
                dz = act.backward(*(x.swapaxes(-1, -2) for x in T)).swapaxes(-1, -2)
            else:
                df = act.df(z, a) if dfs is None else dfs[l - 1]
                dz = np.multiply(grad_a, df, out=grad_a)


def predict_labels(z: Array, output: str) -> Array:
    """Class labels (…, n) from logits (…, n, k): threshold at p = 0.5, or the arg-max."""
    if z.shape[-1] == 1 and output == "sigmoid":  # σ(z) > 0.5 from the sign of z
        z = z[..., 0]
        labels = z > 0
        tiny = labels & (z < _TINY)
        if tiny.any():
            labels[tiny] = sigmoid(z[tiny]) > 0.5
        return labels.astype(np.int64)
    if z.shape[-1] == 1:
        return (output_activation(z, output)[..., 0] > 0.5).astype(np.int64)
    return np.argmax(z, axis=-1)


# ---- statistics of a stack of feature-major blocks (R, h, n), one value per run
def mean_std(a: Array, out: Array | None = None) -> tuple[Array, Array]:
    """np.mean and np.std of each run's (h, n) block (contiguous in memory): the same sums.
    `out`: an array of a's shape for the deviations."""
    count = a.shape[-2] * a.shape[-1]
    mean = np.add.reduce(a, axis=(-2, -1)) / count
    x = np.subtract(a, mean[:, None, None], out=out)
    np.multiply(x, x, out=x)
    return mean, np.sqrt(np.add.reduce(x, axis=(-2, -1)) / count)


def share(mask: Array) -> Array:
    """np.mean of each run's block of a boolean (R, …) array: exact counts / block size."""
    flat = mask.reshape(mask.shape[0], -1)
    return np.count_nonzero(flat, axis=1) / flat.shape[1]


def saturated_dead(df: Array, peak: float | None) -> tuple[Array, Array]:
    """Each run's share of saturated outputs (f'(z) < SATURATION · peak; 0 without a peak)
    and of dead units (f'(z) = 0 on all n samples), from f'(z) (R, h, n).
    A dead unit's n outputs are all saturated, so where every run has fewer than n saturated
    outputs no unit is dead and the test for dead units is skipped (the same numbers)."""
    R, n = df.shape[0], df.shape[-1]
    zero = np.zeros(R)
    if not peak:
        return zero, share(np.all(df == 0, axis=2))
    counts = np.count_nonzero((df < SATURATION * peak).reshape(R, -1), axis=1)
    if (counts < n).all():
        return counts / df[0].size, zero
    return counts / df[0].size, share(np.all(df == 0, axis=2))


def r2(z: Array, Y: Array) -> Array:
    """R² = 1 − SS_res / SS_tot of each run's predictions z against targets Y, both (R, k, n):
    sums over each run's block in one order, so a stack's runs get a lone run's numbers.
    Constant targets (SS_tot = 0): 1 for a perfect fit, else 0 (as sklearn's r2_score)."""
    res = np.subtract(z, Y)
    ss_res = np.add.reduce((res * res).reshape(len(z), -1), axis=1)
    dev = Y - np.add.reduce(Y, axis=2, keepdims=True) / Y.shape[2]
    ss_tot = np.add.reduce((dev * dev).reshape(len(Y), -1), axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 1.0 - ss_res / ss_tot
    return np.where(ss_tot > 0, out, np.where(ss_res == 0, 1.0, 0.0))


def norms(flat: Array, start: int, stop: int) -> Array:
    """‖flat[r, start:stop]‖ per run (R,), as np.linalg.norm: √(x·x) with BLAS dot."""
    x = flat[:, None, start:stop]
    return np.sqrt(np.matmul(x, x.transpose(0, 2, 1))[:, 0, 0])


def block_norms(a: Array) -> Array:
    """np.linalg.norm of each run's block of a (R, cols, n): the BLAS dot over its numbers."""
    a = np.ascontiguousarray(a).reshape(a.shape[0], 1, -1)
    return np.sqrt(np.matmul(a, a.transpose(0, 2, 1))[:, 0, 0])
