"""Activation functions, each a forward f(z), its derivative f'(z) and its facts, in one registry.

Every activation is an `Activation`: `forward(z) -> a` and `backward(z, a, grad_a) -> grad_z`.
Element-wise ones also expose `deriv(z, a) -> f'(z)`, written from the cached output `a`
where that is cheaper (sigmoid, tanh). Maxout has `pieces = 2`: its layer computes 2 linear
pieces per unit, so `z` has twice the columns of `a`.

Each entry carries its `Facts` (formula and derivative in LaTeX, the PyTorch module, the Keras
`Dense(activation=...)` argument, scikit-learn's MLPClassifier name, the key of its description):
pages and codegen read those, so a new activation is one entry here plus its texts
(`register(entry)` adds one at run time, `unregister(name)` takes it out again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn._stable import expm1_neg, sigmoid, softplus
from playground.nn.facts import Facts
from playground.nn.registry import Registry

Array = np.ndarray
LEAKY_SLOPE = 0.1  # the course's max(0.1x, x)
ELU_ALPHA = 1.0
SELU_LAMBDA = 1.0507009873554805  # torch.nn.SELU constants
SELU_ALPHA = 1.6732632423543772
GELU_C = np.sqrt(2.0 / np.pi)  # torch.nn.GELU(approximate="tanh")
MAXOUT_PIECES = 2
GENERIC_WORKED = (r"f({z})", r"f'({z})")


@dataclass(frozen=True)
class Activation:
    """One activation: `f(z)` and `f'(z)` (element-wise), or a custom backward (maxout).

    Attributes
    ----------
    f : z (n, m) -> a (n, m)
    df : (z, a) -> f'(z), shape (n, m); None for maxout
    facts : what pages and codegen show and emit for it (see `playground.nn.facts.Facts`)
    pieces : linear pieces per unit (maxout: 2, so z is (n, 2m))
    peak : largest value of f' (sigmoid 0.25, tanh 1); set for saturating activations only,
        where "saturated" means f'(z) < 5 % of the peak
    bounded : the output range is bounded on both sides (sigmoid, tanh): large |z| saturates
        the unit, f'(z) → 0
    flat_zero : f'(z) = 0 on a whole half-line (ReLU): a unit whose inputs all land there
        passes no gradient at all and can die; activations with a slope there (Leaky ReLU, ELU)
        cannot
    worked : LaTeX of h = f(z) and of f'(z) with the numbers `{z}` and `{h}` filled in (the
        back-propagation page's worked example; literal braces doubled)
    init : the initializer that suits it (He for the ReLU family, LeCun for SELU, else Glorot)
    """

    name: str
    f: Callable[[Array], Array]
    df: Callable[[Array, Array], Array] | None
    facts: Facts
    pieces: int = 1
    peak: float | None = None
    bounded: bool = False
    flat_zero: bool = False
    worked: tuple[str, str] = GENERIC_WORKED
    init: str = "glorot_uniform"

    @property
    def elementwise(self) -> bool:
        """f acts on each z separately (every activation but maxout)."""
        return self.df is not None and self.pieces == 1

    def forward(self, z: Array) -> Array:
        return self.f(z)

    def backward(self, z: Array, a: Array, grad_a: Array) -> Array:
        """∂L/∂z = ∂L/∂a · f'(z) (chain rule, element-wise; maxout routes to the max piece)."""
        if self.df is None:
            return _maxout_backward(z, grad_a)
        return grad_a * self.df(z, a)


def _maxout(z: Array) -> Array:
    """a_j = max(z_{j,0}, z_{j,1}): columns are grouped per unit, (…, n, m·k) -> (…, n, m)."""
    return z.reshape(*z.shape[:-1], -1, MAXOUT_PIECES).max(axis=-1)


def _maxout_backward(z: Array, grad_a: Array) -> Array:
    """The gradient flows only into the piece that won the max (any leading axes)."""
    zk = z.reshape(*z.shape[:-1], -1, MAXOUT_PIECES)
    mask = zk.argmax(axis=-1)[..., None] == np.arange(MAXOUT_PIECES)
    return (mask * grad_a[..., None]).reshape(z.shape)


def _gelu(z: Array) -> Array:
    return 0.5 * z * (1.0 + np.tanh(GELU_C * (z + 0.044715 * z**3)))


def _gelu_deriv(z: Array, a: Array) -> Array:
    t = np.tanh(GELU_C * (z + 0.044715 * z**3))
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * GELU_C * (1.0 + 3 * 0.044715 * z * z)


def _swish_deriv(z: Array, a: Array) -> Array:
    s = sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


_TORCH_MAXOUT = '''class Maxout(nn.Module):
    """max of k = 2 linear pieces per unit; unit j uses columns 2j and 2j+1."""

    def forward(self, z):
        return z.view(z.shape[0], -1, 2).max(dim=2).values
'''
_KERAS_MAXOUT = """\
    # maxout: 2 linear pieces per unit (columns 2j, 2j+1), keep the larger one
    model.add(dense(2 * width))  # the script's Dense layer (float64 kept)
    model.add(layers.Reshape((width, 2)))
    model.add(layers.Lambda(lambda t: keras.ops.max(t, axis=-1)))"""


def _facts(
    name: str,
    label: str,
    formula: str,
    derivative: str,
    torch: str,
    keras: str | None,
    sklearn: str | None = None,
    **code: str,
) -> Facts:
    return Facts(formula=formula, derivative=derivative, text_key=f"activation.{name}.about",
                 torch=torch, keras=keras, sklearn=sklearn, code=code, label=label)  # fmt: skip


_ENTRIES = (
    Activation(
        "linear", lambda z: z, lambda z, a: np.ones_like(z),
        _facts(
            "linear", "Linear", r"f(z) = z", r"f'(z) = 1", "nn.Identity()", '"linear"', "identity"
        ),
        worked=(r"{z}", r"1"),
    ),
    Activation(
        "sigmoid", sigmoid, lambda z, a: a * (1.0 - a),
        _facts(
            "sigmoid", "Sigmoid", r"\sigma(z) = \frac{1}{1 + e^{-z}}",
            r"\sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big)",
            "nn.Sigmoid()", '"sigmoid"', "logistic",
        ),
        peak=0.25, bounded=True, worked=(r"\sigma({z})", r"h(1-h) = {h}(1-{h})"),
    ),
    Activation(
        "tanh", np.tanh, lambda z, a: 1.0 - a * a,
        _facts(
            "tanh", "tanh", r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
            r"\tanh'(z) = 1 - \tanh^2(z)", "nn.Tanh()", '"tanh"', "tanh",
        ),
        peak=1.0, bounded=True, worked=(r"\tanh({z})", r"1-h^2 = 1-{h}^2"),
    ),
    Activation(
        "relu", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype),
        _facts(
            "relu", "ReLU", r"f(z) = \max(0, z)",
            r"f'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}",
            "nn.ReLU()", '"relu"', "relu",
        ),
        flat_zero=True, worked=(r"\max(0,\ {z})", r"[\,z>0\,] = [\,{z}>0\,]"), init="he_normal",
    ),
    Activation(
        "leaky_relu",
        lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
        lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE),
        _facts(
            "leaky_relu", "Leaky ReLU", rf"f(z) = \max({LEAKY_SLOPE:g}z,\ z)",
            rf"f'(z) = \begin{{cases}} 1 & z > 0 \\ {LEAKY_SLOPE:g} & z \le 0 \end{{cases}}",
            f"nn.LeakyReLU({LEAKY_SLOPE:g})",
            f"lambda z: keras.activations.leaky_relu(z, negative_slope={LEAKY_SLOPE:g})",
        ),
        worked=(
            rf"\max({LEAKY_SLOPE:g}\cdot{{z}},\ {{z}})",
            rf"1\ \text{{{{if}}}}\ z>0\ \text{{{{else}}}}\ {LEAKY_SLOPE:g}",
        ),
        init="he_normal",
    ),
    Activation(
        "elu",
        lambda z: np.where(z > 0, z, ELU_ALPHA * expm1_neg(z)),
        lambda z, a: np.where(z > 0, 1.0, a + ELU_ALPHA),
        _facts(  # the slide's cases (z ≥ 0 / z < 0); f and f′ agree with z > 0 / z ≤ 0 at 0
            "elu",
            "ELU",
            r"f(z) = \begin{cases} z & z \ge 0 \\ \alpha\,(e^{z} - 1) & z < 0 \end{cases}"
            rf"\quad (\alpha = {ELU_ALPHA:g})",
            r"f'(z) = \begin{cases} 1 & z \ge 0 \\ f(z) + \alpha & z < 0 \end{cases}",
            f"nn.ELU(alpha={ELU_ALPHA!r})", '"elu"',
        ),
        worked=(
            r"\mathrm{{ELU}}({z})",
            rf"1\ \text{{{{if}}}}\ z>0\ \text{{{{else}}}}\ h+{ELU_ALPHA:g}",
        ),
    ),
    Activation(
        "maxout", _maxout, None,
        _facts(
            "maxout", "Maxout", r"f(x) = \max(w_1^{\top}x + b_1,\ w_2^{\top}x + b_2)",
            r"\frac{\partial f}{\partial x} = w_k,\quad k = \arg\max_j\,(w_j^{\top}x + b_j)",
            "Maxout()", None, torch_layer=_TORCH_MAXOUT, keras_hidden=_KERAS_MAXOUT,
        ),
        pieces=MAXOUT_PIECES,
    ),
    Activation(
        "selu",
        lambda z: SELU_LAMBDA * np.where(z > 0, z, SELU_ALPHA * expm1_neg(z)),
        lambda z, a: np.where(z > 0, SELU_LAMBDA, a + SELU_LAMBDA * SELU_ALPHA),
        _facts(
            "selu", "SELU",
            r"f(z) = \lambda \begin{cases} z & z > 0 \\ \alpha\,(e^{z} - 1) & z \le 0 \end{cases}"
            rf"\quad (\lambda \approx {SELU_LAMBDA:.4f},\ \alpha \approx {SELU_ALPHA:.4f})",
            r"f'(z) = \begin{cases} \lambda & z > 0 \\ f(z) + \lambda\alpha & z \le 0 \end{cases}",
            "nn.SELU()", '"selu"',
        ),
        worked=(
            r"\mathrm{{SELU}}({z})",
            r"\lambda\ \text{{if}}\ z>0\ \text{{else}}\ h+\lambda\alpha",
        ),
        init="lecun_normal",
    ),
    Activation(
        "gelu", _gelu, _gelu_deriv,
        _facts(
            "gelu", "GELU",
            r"f(z) = \tfrac{1}{2}z\,\big(1 + \tanh u\big),\quad "
            r"u = \sqrt{2/\pi}\,(z + 0.044715\,z^3)",
            r"f'(z) = \tfrac{1}{2}(1 + \tanh u) + \tfrac{1}{2}z\,(1 - \tanh^2 u)\,\sqrt{2/\pi}\,"
            r"(1 + 3\cdot 0.044715\,z^2)",
            'nn.GELU(approximate="tanh")',  # Keras' "gelu" string is the exact (erf) one
            "lambda z: keras.activations.gelu(z, approximate=True)",
        ),
        worked=(r"\mathrm{{GELU}}({z})", r"f'({z})"), init="he_normal",
    ),
    Activation(
        "swish", lambda z: z * sigmoid(z), _swish_deriv,
        _facts(
            "swish", "Swish (SiLU)", r"f(z) = z\,\sigma(z)",
            r"f'(z) = \sigma(z)\,\big(1 + z\,(1 - \sigma(z))\big)", "nn.SiLU()", '"silu"',
        ),
        worked=(r"{z}\,\sigma({z})", r"\sigma({z})\,\big(1+{z}\,(1-\sigma({z}))\big)"),
        init="he_normal",
    ),
    Activation(
        "softplus", softplus, lambda z, a: sigmoid(z),
        _facts(
            "softplus", "Softplus", r"f(z) = \log(1 + e^{z})", r"f'(z) = \sigma(z)",
            "nn.Softplus()", '"softplus"',
        ),
        worked=(r"\log(1+e^{{{z}}})", r"\sigma({z})"),
    ),
)  # fmt: skip
_REGISTRY: Registry[Activation] = Registry("activation", "activations", _ENTRIES)
get = _REGISTRY.get  # the activation called `name`; ValueError naming the valid ones otherwise
entries, register, unregister = _REGISTRY.entries, _REGISTRY.register, _REGISTRY.unregister

__getattr__ = _REGISTRY.module_getattr  # NAMES follows the registry
