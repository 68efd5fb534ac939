"""Activation functions, each a forward f(z) and its derivative f'(z), in one registry.

Every activation is an `Activation`: `forward(z) -> a` and `backward(z, a, grad_a) -> grad_z`.
Element-wise ones also expose `deriv(z, a) -> f'(z)`, written from the cached output `a`
where that is cheaper (sigmoid, tanh). Maxout has `pieces = 2`: its layer computes 2 linear
pieces per unit, so `z` has twice the columns of `a`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn._stable import expm1_neg, sigmoid, softplus

Array = np.ndarray
LEAKY_SLOPE = 0.1  # the course's max(0.1x, x)
ELU_ALPHA = 1.0
SELU_LAMBDA = 1.0507009873554805  # torch.nn.SELU constants
SELU_ALPHA = 1.6732632423543772
GELU_C = np.sqrt(2.0 / np.pi)  # torch.nn.GELU(approximate="tanh")
MAXOUT_PIECES = 2


@dataclass(frozen=True)
class Activation:
    """One activation: `f(z)` and `f'(z)` (element-wise), or a custom backward (maxout).

    Attributes
    ----------
    f : z (n, m) -> a (n, m)
    df : (z, a) -> f'(z), shape (n, m); None for maxout
    pieces : linear pieces per unit (maxout: 2, so z is (n, 2m))
    peak : largest value of f' (sigmoid 0.25, tanh 1); set for saturating activations only,
        where "saturated" means f'(z) < 5 % of the peak
    bounded : the output range is bounded on both sides (sigmoid, tanh): large |z| saturates
        the unit, f'(z) → 0
    flat_zero : f'(z) = 0 on a whole half-line (ReLU): a unit whose inputs all land there
        passes no gradient at all and can die; activations with a slope there (Leaky ReLU, ELU)
        cannot
    """

    name: str
    f: Callable[[Array], Array]
    df: Callable[[Array, Array], Array] | None
    pieces: int = 1
    peak: float | None = None
    bounded: bool = False
    flat_zero: bool = False

    def forward(self, z: Array) -> Array:
        return self.f(z)

    def backward(self, z: Array, a: Array, grad_a: Array) -> Array:
        """∂L/∂z = ∂L/∂a · f'(z) (chain rule, element-wise; maxout routes to the max piece)."""
        if self.df is None:
            return _maxout_backward(z, grad_a)
        return grad_a * self.df(z, a)


def _maxout(z: Array) -> Array:
    """a_j = max(z_{j,0}, z_{j,1}): columns are grouped per unit, (n, m·k) -> (n, m)."""
    n = z.shape[0]
    return z.reshape(n, -1, MAXOUT_PIECES).max(axis=2)


def _maxout_backward(z: Array, grad_a: Array) -> Array:
    """The gradient flows only into the piece that won the max."""
    n = z.shape[0]
    zk = z.reshape(n, -1, MAXOUT_PIECES)
    mask = zk.argmax(axis=2)[..., None] == np.arange(MAXOUT_PIECES)
    return (mask * grad_a[..., None]).reshape(z.shape)


def _gelu(z: Array) -> Array:
    return 0.5 * z * (1.0 + np.tanh(GELU_C * (z + 0.044715 * z**3)))


def _gelu_deriv(z: Array, a: Array) -> Array:
    t = np.tanh(GELU_C * (z + 0.044715 * z**3))
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * GELU_C * (1.0 + 3 * 0.044715 * z * z)


def _swish_deriv(z: Array, a: Array) -> Array:
    s = sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


_REGISTRY: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation("linear", lambda z: z, lambda z, a: np.ones_like(z)),
        Activation("sigmoid", sigmoid, lambda z, a: a * (1.0 - a), peak=0.25, bounded=True),
        Activation("tanh", np.tanh, lambda z, a: 1.0 - a * a, peak=1.0, bounded=True),
        Activation(
            "relu",
            lambda z: np.maximum(z, 0.0),
            lambda z, a: (z > 0).astype(z.dtype),
            flat_zero=True,
        ),
        Activation(
            "leaky_relu",
            lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
            lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE),
        ),
        Activation(
            "elu",
            lambda z: np.where(z > 0, z, ELU_ALPHA * expm1_neg(z)),
            lambda z, a: np.where(z > 0, 1.0, a + ELU_ALPHA),
        ),
        Activation("maxout", _maxout, None, pieces=MAXOUT_PIECES),
        Activation(
            "selu",
            lambda z: SELU_LAMBDA * np.where(z > 0, z, SELU_ALPHA * expm1_neg(z)),
            lambda z, a: np.where(z > 0, SELU_LAMBDA, a + SELU_LAMBDA * SELU_ALPHA),
        ),
        Activation("gelu", _gelu, _gelu_deriv),
        Activation("swish", lambda z: z * sigmoid(z), _swish_deriv),
        Activation("softplus", softplus, lambda z, a: sigmoid(z)),
    ]
}

NAMES: tuple[str, ...] = tuple(_REGISTRY)


def get(name: str) -> Activation:
    """The activation called `name`; ValueError naming the valid ones otherwise."""
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown activation {name!r}. Valid activations: {', '.join(NAMES)}."
        ) from None
