"""Back-propagation written out step by step, as on the slide "오차 역전파 과정" (NumPy only).

The four steps, for a network with layers l = 1 … L (layer L is the output):

1. Forward (예측, 정방향):  z_l = a_{l−1} W_l + b_l,  a_l = f(z_l)  (a_0 = X, a_L = p = out(z_L)).
2. Error (오차 계산):  the loss L(p, y) and the output error p − y.
3. Backward (영향도 분석, 역방향): the chain rule, from the output back to the input:
   δ_L = ∂L/∂z_L = ∂L/∂p · ∂p/∂z_L,
   ∂L/∂a_l = δ_{l+1} W_{l+1}ᵀ   (the error that flows back to each node of layer l),
   δ_l = ∂L/∂a_l ⊙ f′(z_l),
   ∂L/∂W_l = a_{l−1}ᵀ δ_l,  ∂L/∂b_l = Σ_samples δ_l.
   A node's *share* of the error is its part of the layer's total |δ|:
   share_j = Σ_n |δ_nj| / Σ_n Σ_k |δ_nk|  (the shares of a layer add up to 1).
4. Update (가중치 조정): one plain gradient-descent step with learning rate η:
   W_l ← W_l − η ∂L/∂W_l,  b_l ← b_l − η ∂L/∂b_l.

Everything is computed here, layer by layer, with the registry's f and f′ (`activations.get`,
checked against finite differences in tests/unit/test_gradients.py): `MLP.loss_and_grads` is
not called, so the tests comparing the two are a real check of the chain rule written out here.
Every element-wise activation of the registry is handled (not maxout: a unit there has two
pieces).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.nn import activations
from playground.nn._stable import logsumexp, softplus
from playground.nn.network import MLP, one_hot

Array = np.ndarray

LOSSES: tuple[str, ...] = ("cross_entropy", "mse")


@dataclass(frozen=True)
class Layer:
    """Layer l after steps 1–4 (n samples, m = fan_out nodes).

    W (fan_in, m), b (m,): before the update; a_in (n, fan_in): its input a_{l−1};
    z, a (n, m): forward; grad_a (n, m): ∂L/∂a_l; delta (n, m): δ_l = ∂L/∂z_l;
    share (m,): each node's share of the layer's |δ|; dW, db: gradients; W_new, b_new: updated.
    """

    W: Array
    b: Array
    a_in: Array
    z: Array
    a: Array
    grad_a: Array
    delta: Array
    share: Array
    dW: Array
    db: Array
    W_new: Array
    b_new: Array


@dataclass(frozen=True)
class Walkthrough:
    """One iteration of back-propagation: layers[0] is next to the input, layers[-1] the output.

    X (n, d), Y (n, k) targets; loss: L before the update; error (n, k): p − Y;
    loss_after: L with the updated weights (same samples).
    """

    X: Array
    Y: Array
    layers: list[Layer]
    loss: float
    error: Array
    loss_after: float
    lr: float
    loss_name: str
    activation: str
    output: str

    @property
    def prediction(self) -> Array:
        """p = a_L (n, k)."""
        return self.layers[-1].a

    @property
    def grads(self) -> list[Array]:
        """[∂L/∂W_1, ∂L/∂b_1, …], the layout of `MLP.params`."""
        return [g for lay in self.layers for g in (lay.dW, lay.db)]

    @property
    def new_params(self) -> list[Array]:
        """[W_1 − η∂L/∂W_1, b_1 − η∂L/∂b_1, …], the layout of `MLP.params`."""
        return [p for lay in self.layers for p in (lay.W_new, lay.b_new)]


def _output(z: Array, output: str) -> Array:
    """p = σ(z), softmax(z) or z (stable: via softplus / log-sum-exp)."""
    if output == "sigmoid":
        return np.exp(-softplus(-z))
    if output == "softmax":
        return np.exp(z - logsumexp(z))
    return z.copy()


def _forward(params: list[Array], X: Array, act: str, output: str):
    """Step 1: zs and activations, layer by layer (a_0 = X; the last a is p)."""
    f = activations.get(act).f
    zs, acts, a = [], [X], X
    n_layers = len(params) // 2
    for l in range(n_layers):
        z = a @ params[2 * l] + params[2 * l + 1]
        a = f(z) if l < n_layers - 1 else _output(z, output)
        zs.append(z)
        acts.append(a)
    return zs, acts


def _loss(z: Array, p: Array, Y: Array, loss: str, output: str) -> float:
    """Step 2: cross entropy −mean Σ y log p (from the logits z), or mean (p − y)²."""
    n = Y.shape[0]
    if loss == "mse":
        return float(np.mean((p - Y) ** 2))
    if output == "sigmoid":  # −[y log p + (1−y) log(1−p)] = softplus(z) − y z
        return float(np.sum(softplus(z) - Y * z) / n)
    return float(np.sum(logsumexp(z) - np.sum(Y * z, axis=1, keepdims=True)) / n)


def _output_grads(z: Array, p: Array, Y: Array, loss: str, output: str) -> tuple[Array, Array]:
    """Step 3 at the output: ∂L/∂p and δ_L = ∂L/∂p · ∂p/∂z_L.

    cross entropy + sigmoid: ∂L/∂p = (p − y)/(n p(1 − p)), σ′ = p(1 − p) → δ = (p − y)/n;
    cross entropy + softmax: ∂L/∂p_k = −y_k/(n p_k), softmax Jacobian → δ = (p − y)/n;
    mse: ∂L/∂p = 2(p − y)/(n k), times σ′ = p(1 − p), the softmax Jacobian, or 1 (linear).
    """
    n, k = Y.shape
    if loss == "cross_entropy":
        with np.errstate(divide="ignore", invalid="ignore"):
            grad_p = (p - Y) / (n * p * (1.0 - p)) if output == "sigmoid" else -Y / (n * p)
        return grad_p, (p - Y) / n  # the product, without 0·∞ where p saturates
    grad_p = 2.0 * (p - Y) / (n * k)
    if output == "sigmoid":
        return grad_p, grad_p * p * (1.0 - p)
    if output == "softmax":  # δ_j = Σ_i ∂L/∂p_i · p_i (1[i=j] − p_j)
        return grad_p, p * (grad_p - np.sum(grad_p * p, axis=1, keepdims=True))
    return grad_p, grad_p


def _share(delta: Array) -> Array:
    """Each node's part of the layer's Σ|δ| (all zeros if the layer passes no error)."""
    total = np.abs(delta).sum(axis=0)
    s = total.sum()
    return total / s if s > 0 else np.zeros_like(total)


def activation_names() -> tuple[str, ...]:
    """The activations the walk-through handles: every element-wise one of the registry."""
    return tuple(a.name for a in activations.entries() if a.elementwise)


def _check(net: MLP, loss: str) -> None:
    if net.activation not in activation_names():
        raise ValueError(
            f"The walk-through handles the activations {', '.join(activation_names())}, "
            f"not {net.activation!r}."
        )
    if loss not in LOSSES or (loss == "cross_entropy" and net.output == "linear"):
        raise ValueError(f"Loss {loss!r} with a {net.output} output is not handled here.")


def walkthrough(
    net: MLP, X: Array, y: Array, loss: str = "cross_entropy", lr: float = 0.5
) -> Walkthrough:
    """Forward, error, backward and update for `net` on the samples X (n, d), y (n,) labels
    (or (n, k) targets), with learning rate `lr`. `net` itself is not changed (see `apply`)."""
    _check(net, loss)
    X = np.asarray(X, dtype=np.float64)
    Y = one_hot(y, net.sizes[-1])
    params = [p.copy() for p in net.params]
    zs, acts = _forward(params, X, net.activation, net.output)
    p = acts[-1]
    grad_a, delta = _output_grads(zs[-1], p, Y, loss, net.output)
    derivative = activations.get(net.activation).df  # f′(z) from z and a = f(z)
    layers: list[Layer] = []
    for l in range(len(zs) - 1, -1, -1):  # backward: output layer first
        W, b = params[2 * l], params[2 * l + 1]
        dW, db = acts[l].T @ delta, delta.sum(axis=0)
        layers.append(
            Layer(W, b, acts[l], zs[l], acts[l + 1], grad_a, delta, _share(delta),
                  dW, db, W - lr * dW, b - lr * db)
        )  # fmt: skip
        if l > 0:
            grad_a = delta @ W.T  # ∂L/∂a_{l−1}: each node's error, sent back along its weights
            delta = grad_a * derivative(zs[l - 1], acts[l])
    layers.reverse()
    new = [q for lay in layers for q in (lay.W_new, lay.b_new)]
    zs_new, acts_new = _forward(new, X, net.activation, net.output)
    return Walkthrough(
        X, Y, layers,
        loss=_loss(zs[-1], p, Y, loss, net.output),
        error=p - Y,
        loss_after=_loss(zs_new[-1], acts_new[-1], Y, loss, net.output),
        lr=float(lr), loss_name=loss, activation=net.activation, output=net.output,
    )  # fmt: skip


def apply(net: MLP, walk: Walkthrough) -> None:
    """Step 4 for real: copy the updated weights into `net` (in place)."""
    for p, q in zip(net.params, walk.new_params, strict=True):
        p[...] = q


def iterate(
    net: MLP, X: Array, y: Array, iterations: int, loss: str = "cross_entropy", lr: float = 0.5
) -> list[Walkthrough]:
    """`iterations` walk-throughs in a row, each applied to `net` before the next."""
    walks = []
    for _ in range(int(iterations)):
        walks.append(walkthrough(net, X, y, loss, lr))
        apply(net, walks[-1])
    return walks
