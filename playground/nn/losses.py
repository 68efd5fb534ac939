"""Cost functions of the output layer's logits z (..., n, k) and one-hot targets Y (..., n, k).

Each loss is written once for one run (z: (n, k)) and for a stack of runs (z: (R, n, k)):
`entry.grad(z, Y, output, value)` returns (the value per run, shape (...) — a 0-d number for a
lone run — or None when `value` is False, and dL/dz). Calling the entry, `get(name)(z, Y, output)`,
returns `(value, dL/dz)`. The output activation (sigmoid | softmax | linear) is part of the call,
so matched pairs use the `delta = p − y` shortcut and nothing saturates numerically.

- cross_entropy: from logits. Binary (k = 1): mean softplus(z) − y·z, as
  torch.nn.BCEWithLogitsLoss(); K classes: mean logsumexp(z) − z_y, as torch.nn.CrossEntropyLoss().
- mse: mean over all n·k elements of (out(z) − Y)², as torch.nn.MSELoss() on the activated output.
- huber: mean over all n·k elements of h(out(z) − Y), h(r) = ½r² if |r| ≤ δ else δ(|r| − ½δ),
  δ = 1, as torch.nn.HuberLoss() (delta=1.0, reduction="mean"); h'(r) = clip(r, −δ, δ).
- hinge: on the raw logits. Binary: mean max(0, 1 − s·z) with s = ±1, as torch SoftMarginLoss's
  hinge cousin; K classes: mean over samples of Σ_{j≠y} max(0, 1 − z_y + z_j)/K, as
  torch.nn.MultiMarginLoss().

`Loss.tasks` says which problems a loss serves: "classification" (class labels; sigmoid/softmax
output) and/or "regression" (real targets; one linear output unit). mse serves both, huber
regression only (on classes, whose targets lie within δ = 1 of a sigmoid output, it is ½ mse).

Facts: `torch` / `keras` name the binary-task equivalent (huber: the regression one); `code`
holds what codegen writes: "torch" (a `data_loss(z, y)` function of logits and labels, for both
cases) and "keras" (a `data_loss(Y, z)` of float targets (a column, or one-hot rows) and logits,
written with float64 sums through the script's `mean`: Keras' own losses average in float32
except on TensorFlow);
"torch_regression" / "keras_regression": the same for a regression run (one linear output).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn._stable import logsumexp, sigmoid, softmax, softplus
from playground.nn.facts import Facts
from playground.nn.registry import Registry

Array = np.ndarray
OUTPUTS = ("sigmoid", "softmax", "linear")
_ALL = (-2, -1)  # the sample and class axes: one value per run


def output_activation(z: Array, output: str) -> Array:
    """The network's prediction from logits: σ(z), softmax(z) or z."""
    if output == "sigmoid":
        return sigmoid(z)
    if output == "softmax":
        return softmax(z)
    return z


def _cross_entropy(z: Array, Y: Array, output: str, value: bool) -> tuple[Array | None, Array]:
    """H(y, p) = −Σ y log p, mean over samples, computed from logits."""
    n = z.shape[-2]
    v = None
    if output == "sigmoid":
        if value:
            v = np.sum(softplus(z) - Y * z, axis=_ALL) / n
        dz = sigmoid(z)
        dz -= Y
        dz /= n
        return v, dz
    if output == "softmax":
        if value:
            v = np.sum(logsumexp(z) - np.sum(Y * z, axis=-1, keepdims=True), axis=_ALL) / n
        return v, (softmax(z) - Y) / n
    raise ValueError("cross_entropy needs a sigmoid or softmax output, not a linear one.")


def _through_output(g: Array, p: Array, output: str) -> Array:
    """dL/dz from dL/dp (g) and p = out(z), through the output activation's Jacobian."""
    if output == "sigmoid":
        return g * p * (1.0 - p)
    if output == "softmax":
        return p * (g - np.sum(g * p, axis=-1, keepdims=True))
    return g


def _mse(z: Array, Y: Array, output: str, value: bool) -> tuple[Array | None, Array]:
    """mean((p − Y)²) over all elements, p = out(z); dL/dz through the output's Jacobian."""
    p = output_activation(z, output)
    diff = p - Y
    g = _through_output(2.0 * diff / (z.shape[-2] * z.shape[-1]), p, output)
    return (np.mean(diff * diff, axis=_ALL) if value else None), g


HUBER_DELTA = 1.0  # torch.nn.HuberLoss's default delta


def _huber(z: Array, Y: Array, output: str, value: bool) -> tuple[Array | None, Array]:
    """mean h(p − Y) over all elements, h(r) = ½r² (|r| ≤ δ) or δ(|r| − ½δ); h' = clip(r, ±δ)."""
    p = output_activation(z, output)
    r, d = p - Y, HUBER_DELTA
    g = _through_output(np.clip(r, -d, d) / (z.shape[-2] * z.shape[-1]), p, output)
    if not value:
        return None, g
    a = np.abs(r)
    return np.mean(np.where(a <= d, 0.5 * r * r, d * (a - 0.5 * d)), axis=_ALL), g


def _hinge(z: Array, Y: Array, output: str, value: bool) -> tuple[Array | None, Array]:
    """Margin loss on the logits (the output activation is only used for probabilities)."""
    n, k = z.shape[-2], z.shape[-1]
    if k == 1:
        s = 2.0 * Y - 1.0
        margin = 1.0 - s * z
        v = np.sum(np.maximum(margin, 0.0), axis=_ALL) / n if value else None
        return v, -s * (margin > 0) / n
    zy = np.sum(Y * z, axis=-1, keepdims=True)
    margin = np.maximum(1.0 - zy + z, 0.0) * (1.0 - Y)
    active = (margin > 0) * (1.0 - Y)
    g = active - Y * np.sum(active, axis=-1, keepdims=True)
    return (np.sum(margin, axis=_ALL) / (n * k) if value else None), g / (n * k)


@dataclass(frozen=True)
class Loss:
    """One cost function: `fn(z, Y, output, value) -> (value per run or None, dL/dz)`;
    `tasks`: the problems it serves ("classification", "regression")."""

    name: str
    fn: Callable[[Array, Array, str, bool], tuple[Array | None, Array]]
    facts: Facts
    tasks: tuple[str, ...] = ("classification",)

    def grad(
        self, z: Array, Y: Array, output: str, value: bool = True
    ) -> tuple[Array | None, Array]:
        """(value per run, shape z.shape[:-2], or None if not `value`; dL/dz). The value's
        sums run over contiguous numbers, so a stack's runs add in a lone run's order."""
        if value:
            z, Y = np.ascontiguousarray(z), np.ascontiguousarray(Y)
        return self.fn(z, Y, output, value)

    def __call__(self, z: Array, Y: Array, output: str) -> tuple[float | Array, Array]:
        """(value, dL/dz): a float for one run (z: (n, k)), an (R,) array for a stack."""
        v, dz = self.grad(z, Y, output)
        return (float(v) if np.ndim(v) == 0 else v), dz


_TORCH_CE = """\
def data_loss(z, y):  # cross entropy from the logits, mean over samples
    if binary:  # BCEWithLogitsLoss
        return F.binary_cross_entropy_with_logits(z[:, 0], y.double())
    return F.cross_entropy(z, y)  # CrossEntropyLoss"""
_TORCH_MSE = """\
def data_loss(z, y):  # MSELoss on the sigmoid/softmax output vs the one-hot target
    if binary:
        return F.mse_loss(torch.sigmoid(z[:, 0]), y.double())
    return F.mse_loss(torch.softmax(z, dim=1), F.one_hot(y, sizes[-1]).double())"""
_TORCH_HINGE = """\
def data_loss(z, y):  # hinge on the logits
    if binary:  # mean max(0, 1 − s·z) with s = ±1
        return torch.clamp(1.0 - (2.0 * y - 1.0) * z[:, 0], min=0.0).mean()
    return F.multi_margin_loss(z, y)  # MultiMarginLoss: Σ_{j≠y} max(0, 1 − z_y + z_j) / K"""
_KERAS_CE = """\
def data_loss(Y, z):  # cross entropy from the logits, mean over samples
    if binary:  # keras.losses.BinaryCrossentropy(from_logits=True)
        return mean(ops.softplus(z) - Y * z)
    # keras.losses.CategoricalCrossentropy(from_logits=True)
    return mean(ops.logsumexp(z, axis=1) - ops.sum(Y * z, axis=1))"""
_KERAS_MSE = """\
def data_loss(Y, z):  # keras.losses.MeanSquaredError() on the sigmoid/softmax output
    p = ops.sigmoid(z) if binary else ops.softmax(z, axis=1)
    return mean(ops.square(p - Y))"""
_KERAS_HINGE = """\
def data_loss(Y, z):  # hinge on the logits
    if binary:  # keras.losses.Hinge(): mean max(0, 1 − s·z) with s = ±1
        return mean(ops.relu(1.0 - (2.0 * Y - 1.0) * z))
    # torch's MultiMarginLoss: mean over samples of Σ_{j≠y} max(0, 1 − z_y + z_j) / K
    z_y = ops.sum(Y * z, axis=1, keepdims=True)
    return mean(ops.relu(1.0 - z_y + z) * (1.0 - Y))"""

_TORCH_MSE_REG = """\
def data_loss(z, y):  # MSELoss on the linear output vs the real-valued target
    return F.mse_loss(z[:, 0], y.double())"""
_KERAS_MSE_REG = """\
def data_loss(Y, z):  # keras.losses.MeanSquaredError() on the linear output
    return mean(ops.square(z - Y))"""
_TORCH_HUBER = """\
def data_loss(z, y):  # HuberLoss(delta=1.0) on the linear output vs the real-valued target
    return F.huber_loss(z[:, 0], y.double(), delta=1.0)"""
_KERAS_HUBER = """\
def data_loss(Y, z):  # keras.losses.Huber(delta=1.0) on the linear output
    r = ops.abs(z - Y)
    return mean(ops.where(r <= 1.0, 0.5 * ops.square(r), r - 0.5))"""

_REGISTRY: Registry[Loss] = Registry("loss", "losses")
get = _REGISTRY.get  # the loss called `name`: callable f(z, Y, output) -> (value, dL/dz)
entries, register, unregister = _REGISTRY.entries, _REGISTRY.register, _REGISTRY.unregister


__getattr__ = _REGISTRY.module_getattr  # NAMES follows the registry
TASKS = ("classification", "regression")


def for_task(task: str) -> tuple[str, ...]:
    """The names of the losses that serve `task` ("classification" | "regression")."""
    if task not in TASKS:
        raise ValueError(f"Unknown task {task!r}. Valid tasks: {', '.join(TASKS)}.")
    return tuple(e.name for e in entries() if task in e.tasks)


cross_entropy = register(
    Loss(
        "cross_entropy",
        _cross_entropy,
        Facts(
            formula=r"L = -\frac{1}{n}\sum_{i}\sum_{k} y_{ik}\,\log \hat y_{ik},\qquad "
            r"\frac{\partial L}{\partial z} = \frac{\hat y - y}{n}",
            text_key="loss.cross_entropy",
            label="Cross-entropy",
            torch="torch.nn.BCEWithLogitsLoss()",
            keras="keras.losses.BinaryCrossentropy(from_logits=True)",
            sklearn="log_loss",
            code={
                "torch": _TORCH_CE,
                "keras": _KERAS_CE,
            },
        ),
    )
)
mse = register(
    Loss(
        "mse",
        _mse,
        Facts(
            formula=r"L = \frac{1}{nK}\sum_{i}\sum_{k} (\hat y_{ik} - y_{ik})^2",
            text_key="loss.mse",
            label="MSE",
            torch="torch.nn.MSELoss()",
            keras="keras.losses.MeanSquaredError()",
            code={
                "torch": _TORCH_MSE,
                "keras": _KERAS_MSE,
                "torch_regression": _TORCH_MSE_REG,
                "keras_regression": _KERAS_MSE_REG,
            },
        ),
        tasks=("classification", "regression"),
    )
)
hinge = register(
    Loss(
        "hinge",
        _hinge,
        Facts(
            formula=r"L = \frac{1}{n}\sum_{i} \max(0,\, 1 - s_i z_i),\ s_i = \pm 1;\qquad "
            r"K \text{ classes: } L = \frac{1}{nK}\sum_{i}\sum_{j \ne y_i} "
            r"\max(0,\, 1 - z_{i y_i} + z_{ij})",
            text_key="loss.hinge",
            label="Hinge",
            torch="torch.nn.MultiMarginLoss()",
            keras="keras.losses.Hinge()",  # maps labels 0/1 to −1/+1
            code={
                "torch": _TORCH_HINGE,
                "keras": _KERAS_HINGE,
            },
        ),
    )
)
huber = register(
    Loss(
        "huber",
        _huber,
        Facts(
            formula=r"L = \frac{1}{nK}\sum_{i}\sum_{k} h_\delta(\hat y_{ik} - y_{ik}),\quad "
            r"h_\delta(r) = \begin{cases} \tfrac12 r^2 & |r| \le \delta \\ "
            r"\delta\,(|r| - \tfrac12\delta) & |r| > \delta \end{cases},\ \delta = 1",
            text_key="loss.huber",
            label="Huber",
            torch="torch.nn.HuberLoss(delta=1.0)",
            keras="keras.losses.Huber(delta=1.0)",
            sklearn="squared_error",  # MLPRegressor has squared error only
            code={
                "torch_regression": _TORCH_HUBER,
                "keras_regression": _KERAS_HUBER,
            },
        ),
        tasks=("regression",),
    )
)
