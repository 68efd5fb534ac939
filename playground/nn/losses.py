"""Cost functions of the output layer's logits z (n, k) and one-hot targets Y (n, k).

Each loss returns `(value, dL/dz)`; the output activation (sigmoid | softmax | linear) is part of
the call, so matched pairs use the `delta = p − y` shortcut and nothing saturates numerically.

- cross_entropy: from logits. Binary (k = 1): mean softplus(z) − y·z, as
  torch.nn.BCEWithLogitsLoss(); K classes: mean logsumexp(z) − z_y, as torch.nn.CrossEntropyLoss().
- mse: mean over all n·k elements of (out(z) − Y)², as torch.nn.MSELoss() on the activated output.
- hinge: on the raw logits. Binary: mean max(0, 1 − s·z) with s = ±1, as torch SoftMarginLoss's
  hinge cousin; K classes: mean over samples of Σ_{j≠y} max(0, 1 − z_y + z_j)/K, as
  torch.nn.MultiMarginLoss().
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.nn._stable import logsumexp, sigmoid, softmax, softplus

Array = np.ndarray
OUTPUTS = ("sigmoid", "softmax", "linear")


def output_activation(z: Array, output: str) -> Array:
    """The network's prediction from logits: σ(z), softmax(z) or z."""
    if output == "sigmoid":
        return sigmoid(z)
    if output == "softmax":
        return softmax(z)
    return z


def cross_entropy(z: Array, Y: Array, output: str) -> tuple[float, Array]:
    """H(y, p) = −Σ y log p, mean over samples, computed from logits."""
    n = z.shape[0]
    if output == "sigmoid":
        value = np.sum(softplus(z) - Y * z) / n
        return float(value), (sigmoid(z) - Y) / n
    if output == "softmax":
        value = np.sum(logsumexp(z) - np.sum(Y * z, axis=1, keepdims=True)) / n
        return float(value), (softmax(z) - Y) / n
    raise ValueError("cross_entropy needs a sigmoid or softmax output, not a linear one.")


def mse(z: Array, Y: Array, output: str) -> tuple[float, Array]:
    """mean((p − Y)²) over all elements, p = out(z); dL/dz through the output's Jacobian."""
    p = output_activation(z, output)
    diff = p - Y
    g = 2.0 * diff / diff.size
    if output == "sigmoid":
        g = g * p * (1.0 - p)
    elif output == "softmax":
        g = p * (g - np.sum(g * p, axis=1, keepdims=True))
    return float(np.mean(diff * diff)), g


def hinge(z: Array, Y: Array, output: str) -> tuple[float, Array]:
    """Margin loss on the logits (the output activation is only used for probabilities)."""
    n, k = z.shape
    if k == 1:
        s = 2.0 * Y - 1.0
        margin = 1.0 - s * z
        return float(np.sum(np.maximum(margin, 0.0)) / n), -s * (margin > 0) / n
    zy = np.sum(Y * z, axis=1, keepdims=True)
    margin = np.maximum(1.0 - zy + z, 0.0) * (1.0 - Y)
    active = (margin > 0) * (1.0 - Y)
    g = active - Y * np.sum(active, axis=1, keepdims=True)
    return float(np.sum(margin) / (n * k)), g / (n * k)


_REGISTRY: dict[str, Callable[[Array, Array, str], tuple[float, Array]]] = {
    "cross_entropy": cross_entropy,
    "mse": mse,
    "hinge": hinge,
}
NAMES: tuple[str, ...] = tuple(_REGISTRY)


def get(name: str) -> Callable[[Array, Array, str], tuple[float, Array]]:
    """The loss called `name`: f(z, Y, output) -> (value, dL/dz)."""
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(f"Unknown loss {name!r}. Valid losses: {', '.join(NAMES)}.") from None
