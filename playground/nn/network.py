"""A multi-layer perceptron in NumPy: forward pass, loss and back-propagation.

All weights and biases live in one flat float64 vector; `params` are views into it
(W_l: (fan_in, fan_out·pieces), b_l: (fan_out·pieces,)), so an optimizer can update the whole
network with a handful of vector operations, and `grads` mirror that layout.
"""

from __future__ import annotations

import math

import numpy as np

from playground.nn import activations, initializers, losses, passes

Array = np.ndarray


def _T(a: Array) -> Array:
    """(…, n, cols) ↔ (…, cols, n), a view."""
    return np.swapaxes(a, -1, -2)


def one_hot(y: Array, n_out: int) -> Array:
    """Targets (n, n_out): y (n,) int labels → one-hot; a single output keeps y as a column."""
    y = np.asarray(y)
    if y.ndim == 2:
        return y.astype(np.float64)
    if n_out == 1:
        return y.astype(np.float64)[:, None]
    Y = np.zeros((y.shape[0], n_out))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


class MLP:
    """Dense layers `sizes = [d, h_1, …, h_{L−1}, n_out]`, one hidden activation, one output.

    Parameters
    ----------
    sizes : widths from the input to the output layer, e.g. [2, 8, 8, 1].
    activation : name in `activations.NAMES` (hidden layers).
    output : "sigmoid" (binary, n_out = 1) | "softmax" (K classes) | "linear".
    initializer : name in `initializers.NAMES`; biases start at zero.
    seed : seed of the generator that draws the initial weights (or pass `rng`).
    init_scale : multiplies every initial weight (the course's too-small / too-large weights).
    """

    def __init__(
        self,
        sizes: list[int],
        activation: str = "tanh",
        output: str = "sigmoid",
        initializer: str = "glorot_uniform",
        seed: int = 0,
        init_scale: float = 1.0,
        rng: np.random.Generator | None = None,
    ) -> None:
        if len(sizes) < 2 or any(int(s) < 1 for s in sizes):
            raise ValueError(f"sizes must list at least 2 positive layer widths, got {sizes}.")
        if output not in losses.OUTPUTS:
            valid = ", ".join(losses.OUTPUTS)
            raise ValueError(f"Unknown output {output!r}. Valid outputs: {valid}.")
        self.sizes = [int(s) for s in sizes]
        self.act = activations.get(activation)
        self.activation, self.output, self.initializer = activation, output, initializer
        self.init_scale = float(init_scale)
        init = initializers.get(initializer)
        rng = np.random.default_rng(seed) if rng is None else rng
        shapes = self._shapes()
        self.flat = np.zeros(sum(math.prod(s) for s in shapes))
        self.grad_flat = np.zeros_like(self.flat)
        self._set_views()
        for W in self.params[0::2]:
            W[...] = init(W.shape, rng) * self.init_scale

    @property
    def n_layers(self) -> int:
        """L: the number of weight matrices (hidden layers + the output layer)."""
        return len(self.sizes) - 1

    def _shapes(self) -> list[tuple[int, ...]]:
        shapes: list[tuple[int, ...]] = []
        for i, (fan_in, fan_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:], strict=True)):
            cols = fan_out * (self.act.pieces if i < self.n_layers - 1 else 1)
            shapes += [(fan_in, cols), (cols,)]
        return shapes

    def _set_views(self) -> None:
        """params / _grads: W_l, b_l views into flat / grad_flat; _gWb: each layer's
        [W_l; b_l] (fan_in + 1, cols), one view (b_l follows W_l in the flat vector); _WbT:
        [W_l; b_l] transposed, as `passes.forward` takes it."""
        shapes = self._shapes()
        self.params = self._views(self.flat, shapes)
        self._grads = self._views(self.grad_flat, shapes)
        blocks = [(W.shape[0] + 1, W.shape[1]) for W in self.params[0::2]]
        self._WbT = [Wb.T for Wb in self._views(self.flat, blocks)]
        self._gWb = self._views(self.grad_flat, blocks)

    @staticmethod
    def _views(flat: Array, shapes: list[tuple[int, ...]]) -> list[Array]:
        out, start = [], 0
        for s in shapes:
            size = math.prod(s)
            out.append(flat[start : start + size].reshape(s))
            start += size
        return out

    def forward_cache(self, X: Array) -> tuple[list[Array], list[Array]]:
        """Pre-activations zs[l] (n, cols_l) and activations acts[l] (acts[0] = X); the last
        z is the logits. acts has L entries: the input and each hidden layer's output. (Views
        of `passes.forward`'s feature-major arrays.)"""
        zs, acts = passes.forward(self._WbT, passes.with_ones(X), self.act)
        return [_T(z) for z in zs], [_T(a[..., :-1, :]) for a in acts]

    def logits(self, X: Array) -> Array:
        """z_L (n, n_out): the output layer before its activation."""
        return self.forward_cache(X)[0][-1]

    def forward(self, X: Array) -> Array:
        """Predictions (n, n_out): σ(z_L), softmax(z_L) or z_L."""
        return losses.output_activation(self.logits(X), self.output)

    def backward(
        self,
        zs: list[Array],
        acts: list[Array],
        dz: Array,
        l2: float = 0.0,
        deltas: list[Array] | None = None,
        l1: float = 0.0,
    ) -> None:
        """Back-propagate dL/dz_L through every layer into `grad_flat` (views: `_grads`).

        dW_l = a_{l−1}ᵀ dz_l + l2·W_l + l1·sign(W_l);  db_l = Σ_n dz_l;
        dz_{l−1} = f'(z_{l−1}) ⊙ (dz_l W_lᵀ).
        `deltas`: a list that receives the error signals dz_l (n, cols_l), from the output layer
        (l = L) down to the first, for the history's `delta_norm_l`.
        """
        out: list[Array] = []
        zsT, actsT = [_T(z) for z in zs], [passes.with_ones(a) for a in acts]
        Ws = self.params[0::2]
        passes.backward(Ws, self._gWb, zsT, actsT, _T(dz), self.act, l2, deltas=out, l1=l1)
        if deltas is not None:
            deltas.extend(_T(d) for d in out)

    def loss_into_grads(
        self,
        X: Array,
        Y: Array,
        loss: str,
        l2: float = 0.0,
        deltas: list[Array] | None = None,
        l1: float = 0.0,
    ):
        """Loss (with ½·l2·Σ‖W‖² + l1·Σ|W|) and gradients written into `grad_flat`; returns
        (loss, data loss, zs, acts) so callers can reuse the forward pass. `deltas`: see
        `backward`."""
        zs, acts = self.forward_cache(X)
        data_loss, dz = losses.get(loss)(zs[-1], Y, self.output)
        self.backward(zs, acts, dz, l2, deltas, l1)
        penalty = 0.5 * l2 * sum(float(np.sum(W * W)) for W in self.params[0::2]) if l2 else 0.0
        penalty += l1 * sum(float(np.sum(np.abs(W))) for W in self.params[0::2]) if l1 else 0.0
        return data_loss + penalty, data_loss, zs, acts

    def loss_and_grads(
        self, X: Array, y: Array, loss: str = "cross_entropy", l2: float = 0.0, l1: float = 0.0
    ) -> tuple[float, list[Array]]:
        """L = loss(forward(X), y) + ½·l2·Σ_l‖W_l‖² + l1·Σ_l|W_l| and its gradients, one per
        entry of `params`.

        X: (n, d); y: (n,) int labels 0..K−1 (or an (n, n_out) target array).
        """
        Y = one_hot(y, self.sizes[-1])
        value = self.loss_into_grads(np.asarray(X, dtype=np.float64), Y, loss, l2, l1=l1)[0]
        return value, [g.copy() for g in self._grads]

    def __getstate__(self) -> dict:
        """Pickle the numbers and names; views and the activation's functions are rebuilt."""
        views = ("params", "_grads", "_WbT", "_gWb", "act")
        return {k: v for k, v in self.__dict__.items() if k not in views}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.act = activations.get(self.activation)
        self._set_views()

    def n_params(self) -> int:
        """Number of trainable numbers (weights and biases)."""
        return int(self.flat.size)
