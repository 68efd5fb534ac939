"""Optimizers with torch.optim's update rules and default hyper-parameters.

`get(name, lr=0.01, **hyper)` returns an optimizer whose `step(params, grads)` updates the
arrays in `params` in place. State (momentum buffers, running averages) is kept per position
in the list, and the step count t starts at 1, as in torch.

| name     | torch call                           | defaults                                     |
|----------|--------------------------------------|----------------------------------------------|
| sgd      | SGD(lr)                              | momentum 0, dampening 0, weight_decay 0      |
| momentum | SGD(lr, momentum=0.9)                |                                              |
| nesterov | SGD(lr, momentum=0.9, nesterov=True) |                                              |
| adagrad  | Adagrad(lr)                          | lr_decay 0, initial_acc. 0, eps 1e-10        |
| rmsprop  | RMSprop(lr)                          | alpha 0.99, eps 1e-8, momentum 0, uncentered |
| adam     | Adam(lr)                             | betas (0.9, 0.999), eps 1e-8, amsgrad False  |
| adamw    | AdamW(lr)                            | as Adam, weight_decay 0.01 (decoupled)       |

A stack of runs: `Optimizer.stack(opts)` makes one optimizer of the same class for R runs whose
parameters are stacked rows (R, P); its learning rate and numeric hyper-parameters are Python
scalars where the runs agree and per-run columns (R, 1) where they differ, so each rule's
`_update` is written once, for both. Conditions on hyper-parameters (weight decay on or off,
momentum on or off) must agree across a stack (`stack_signature`). Scalar arithmetic that the
rule does in Python floats (bias corrections 1 − βᵗ, Adagrad's decayed rate) stays in Python
floats per run (`per_run`): numpy's power may differ from Python's in the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from playground.nn._runs import column, numeric, on, per_run
from playground.nn.facts import Facts, Hyper
from playground.nn.registry import Registry

Array = np.ndarray

# The UI's hyper-parameters (RunConfig field, torch keyword, default, low, high, step).
_MOMENTUM = Hyper("momentum", "momentum", 0.9, 0.0, 0.999, 0.01)
_BETA1 = Hyper("beta1", "betas", 0.9, 0.0, 0.9999, 0.01)
_BETA2 = Hyper("beta2", "betas", 0.999, 0.0, 0.99999, 0.001)
_ALPHA = Hyper("alpha", "alpha", 0.99, 0.0, 0.9999, 0.01)
_EPS = Hyper("eps", "eps", 1e-8, 0.0, 1.0, None)  # step None: the widget's own
_DECAY = Hyper("weight_decay", "weight_decay", 0.0, 0.0, 1.0, 0.01)
_ADAM_TEX = (
    r"m \leftarrow \beta_1 m + (1 - \beta_1) g,\quad v \leftarrow \beta_2 v + (1 - \beta_2) g^2,"
    r"\quad \hat m = \frac{m}{1 - \beta_1^t},\quad \hat v = \frac{v}{1 - \beta_2^t},"
    r"\quad \theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}"
)


_TEX = {  # LaTeX of each update rule (the Learn page shows them)
    "sgd": r"\theta \leftarrow \theta - \eta\, g",
    "momentum": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\, v",
    "nesterov": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\,(g + \mu v)",
    "adagrad": r"G \leftarrow G + g^2,\qquad "
    r"\theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{G} + \epsilon}",
    "rmsprop": r"s \leftarrow \alpha s + (1 - \alpha)\, g^2,\qquad "
    r"\theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{s} + \epsilon}",
    "adamw": r"\theta \leftarrow \theta\,(1 - \eta\lambda),\qquad "
    r"\theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
    "adam": _ADAM_TEX,
}


def _facts(name, label, torch, keras, sklearn, hyper, **code) -> Facts:
    """An optimizer's Facts; `torch` / `keras`: the torch.optim / keras.optimizers class,
    `sklearn`: MLPClassifier's solver (None: none); `code["torch_fixed"]`: keyword arguments
    torch needs besides lr and the UI's hyper-parameters."""
    return Facts(
        _TEX[name], f"opt.{name}", torch, keras, sklearn, hyper=hyper, code=code, label=label
    )


class Optimizer:
    """Base: validates hyper-parameters against `defaults`, counts steps, keeps state.

    `scalar_state`: state keys that hold one number per parameter (not an array like it), e.g.
    NAdam's running product of momentum factors; a stack keeps them as per-run columns."""

    name = "optimizer"
    defaults: dict = {}
    facts: Facts
    scalar_state: tuple[str, ...] = ()

    def __init__(self, lr: float = 0.01, **hyper) -> None:
        unknown = sorted(set(hyper) - set(self.defaults))
        if unknown:
            raise ValueError(
                f"Unknown hyper-parameter(s) {', '.join(unknown)} for {self.name}; "
                f"valid: lr, {', '.join(self.defaults)}."
            )
        if not (math.isfinite(lr) and lr >= 0):
            raise ValueError(f"Learning rate must be a finite number ≥ 0, got {lr!r}.")
        self.lr = float(lr)
        self.hyper = {**self.defaults, **hyper}
        self.t = 0
        self.state: dict[int, dict[str, Array]] = {}
        self.runs: int | None = None  # R for a stack made by `stack`

    def step(self, params: list[Array], grads: list[Array]) -> None:
        """One update of every array in `params` (in place) from the matching `grads`."""
        self.t += 1
        for i, (p, g) in enumerate(zip(params, grads, strict=True)):
            self._update(self.state.setdefault(i, {}), p, g)

    def _update(self, s: dict[str, Array], p: Array, g: Array) -> None:
        raise NotImplementedError

    def _scratch(self, p: Array, k: int = 2) -> list[Array]:
        """k scratch arrays shaped like p, reused between steps (never part of the state)."""
        bufs = self.__dict__.setdefault("_bufs", {})
        key = (p.shape, k)
        if key not in bufs:
            bufs[key] = [np.empty(p.shape) for _ in range(k)]
        return bufs[key]

    # ---- stacks of runs
    def stack_signature(self) -> tuple:
        """Optimizers with equal signatures can be stacked: same class, same non-numeric
        hyper-parameters, same sign of every numeric one (so the same branches), same step
        count and state layout. A class that overrides `step` never stacks."""
        if type(self).step is not Optimizer.step or self.runs is not None:
            return (type(self), id(self))
        fixed, signs = [], []
        for k, v in sorted(self.hyper.items()):
            if numeric(v):
                signs.append(
                    (k, tuple(np.sign(v).tolist()) if isinstance(v, tuple) else np.sign(v))
                )
            else:
                fixed.append((k, repr(v)))
        layout = tuple((i, tuple(sorted(s))) for i, s in sorted(self.state.items()))
        return (type(self), tuple(fixed), tuple(signs), self.t, layout)

    @classmethod
    def stack(cls, opts: Sequence[Optimizer]) -> Optimizer:
        """One optimizer of class `cls` for R runs (parameters stacked as rows (R, …)), from R
        optimizers of exactly this class with equal `stack_signature`s."""
        if any(type(o) is not cls for o in opts) or len({o.stack_signature() for o in opts}) != 1:
            raise ValueError(f"These optimizers cannot be stacked as one {cls.__name__}.")
        new = cls.__new__(cls)
        new.lr = column([o.lr for o in opts])
        new.hyper = {k: column([o.hyper[k] for o in opts]) for k in opts[0].hyper}
        new.t, new.runs = opts[0].t, len(opts)
        new.state = {}
        for i, s in opts[0].state.items():
            new.state[i] = {}
            for key in s:
                values = [o.state[i][key] for o in opts]
                if key in cls.scalar_state:  # one scalar, or a column where runs differ
                    new.state[i][key] = column([float(v) for v in values])
                else:
                    new.state[i][key] = np.stack(values)
        return new

    def select(self, rows: Array) -> None:
        """Keep only these runs of a stack (rows)."""
        pick = lambda v: v[rows] if isinstance(v, np.ndarray) else v  # noqa: E731
        self.lr = pick(self.lr)
        self.hyper = {
            k: tuple(pick(x) for x in v) if isinstance(v, tuple) else pick(v)
            for k, v in self.hyper.items()
        }
        self.state = {i: {k: pick(v) for k, v in s.items()} for i, s in self.state.items()}
        self.runs = len(rows)

    def write_row(self, r: int, opt: Optimizer) -> None:
        """Give run r's step count and state to its own (lone) optimizer `opt`."""
        opt.t = self.t
        opt.state = {
            i: {k: self._row_of(k, v, r) for k, v in s.items()} for i, s in self.state.items()
        }

    def _row_of(self, key: str, v, r: int):
        if key not in self.scalar_state:
            return v[r].copy()
        return float(v[r, 0]) if isinstance(v, np.ndarray) else float(v)


class SGD(Optimizer):
    """g ← g + λp;  b ← μb + (1−τ)g (b₁ = g);  g ← g + μb (Nesterov) or b;  p ← p − γg."""

    name = "sgd"
    facts = _facts("sgd", "SGD", "SGD", "SGD", "sgd", (_DECAY,))
    defaults = {"momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False}

    def __init__(self, lr: float = 0.01, **hyper) -> None:
        super().__init__(lr, **hyper)
        h = self.hyper
        if h["nesterov"] and (h["momentum"] <= 0 or h["dampening"] != 0):
            raise ValueError("Nesterov momentum needs momentum > 0 and dampening = 0.")

    def _update(self, s, p, g):
        h = self.hyper
        if on(h["weight_decay"]):
            g = g + h["weight_decay"] * p
        mu = h["momentum"]
        if on(mu):
            if "buf" not in s:
                s["buf"] = g.copy()
            else:
                s["buf"] *= mu
                s["buf"] += (1.0 - h["dampening"]) * g
            g = g + mu * s["buf"] if h["nesterov"] else s["buf"]
        p -= self.lr * g


class Momentum(SGD):
    name = "momentum"
    facts = _facts("momentum", "Momentum", "SGD", "SGD", "sgd", (_MOMENTUM, _DECAY))
    defaults = {**SGD.defaults, "momentum": 0.9}


class Nesterov(SGD):
    name = "nesterov"
    facts = _facts(
        "nesterov",
        "Nesterov",
        "SGD",
        "SGD",
        "sgd",
        (_MOMENTUM, _DECAY),
        torch_fixed="nesterov=True",
    )
    defaults = {**SGD.defaults, "momentum": 0.9, "nesterov": True}


class Adagrad(Optimizer):
    """γ_t = γ/(1+(t−1)η);  G ← G + g²;  p ← p − γ_t g/(√G + ε)."""

    name = "adagrad"
    facts = _facts(
        "adagrad", "AdaGrad", "Adagrad", "Adagrad", None, (replace(_EPS, default=1e-10), _DECAY)
    )
    defaults = {
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
    }

    def _update(self, s, p, g):
        h, t = self.hyper, self.t
        clr = per_run(lambda lr, d: lr / (1.0 + (t - 1) * d), self.lr, h["lr_decay"])
        if on(h["weight_decay"]):
            g = g + h["weight_decay"] * p
        if "sum" not in s:
            s["sum"] = np.full_like(p, h["initial_accumulator_value"])
        s["sum"] += g * g
        p -= clr * g / (np.sqrt(s["sum"]) + h["eps"])


class RMSprop(Optimizer):
    """v ← αv + (1−α)g²;  centered: ḡ ← αḡ + (1−α)g, v̂ = v − ḡ²;  p ← p − γ g/(√v̂ + ε)
    (with momentum μ: b ← μb + g/(√v̂ + ε), p ← p − γb)."""

    name = "rmsprop"
    facts = _facts("rmsprop", "RMSProp", "RMSprop", "RMSprop", None, (_ALPHA, _EPS, _DECAY))
    defaults = {
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
    }

    def _update(self, s, p, g):
        h = self.hyper
        a = h["alpha"]
        if on(h["weight_decay"]):
            g = g + h["weight_decay"] * p
        if "sq" not in s:
            s["sq"] = np.zeros_like(p)
        s["sq"] *= a
        s["sq"] += (1.0 - a) * g * g
        if h["centered"]:
            if "gavg" not in s:
                s["gavg"] = np.zeros_like(p)
            s["gavg"] += (1.0 - a) * (g - s["gavg"])  # torch's lerp_
            avg = np.sqrt(s["sq"] - s["gavg"] ** 2) + h["eps"]
        else:
            avg = np.sqrt(s["sq"]) + h["eps"]
        if on(h["momentum"] > 0):
            if "buf" not in s:
                s["buf"] = np.zeros_like(p)
            s["buf"] *= h["momentum"]
            s["buf"] += g / avg
            p -= self.lr * s["buf"]
        else:
            p -= self.lr * g / avg


class Adam(Optimizer):
    """m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
    p ← p − (γ/(1−β₁ᵗ)) · m / (√v/√(1−β₂ᵗ) + ε)  (amsgrad: v replaced by max over steps)."""

    name = "adam"
    facts = _facts("adam", "Adam", "Adam", "Adam", "adam", (_BETA1, _BETA2, _EPS, _DECAY))
    defaults = {"betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False}
    decoupled = False

    def _update(self, s, p, g):
        h, t = self.hyper, self.t
        b1, b2 = h["betas"]
        wd = h["weight_decay"]
        if on(wd) and self.decoupled:
            p *= 1.0 - self.lr * wd
        elif on(wd):
            g = g + wd * p
        if "m" not in s:
            s["m"], s["v"] = np.zeros_like(p), np.zeros_like(p)
        m, v = s["m"], s["v"]
        a, b = self._scratch(p)
        m += np.multiply(1.0 - b1, np.subtract(g, m, out=a), out=a)  # torch's lerp_
        v *= b2
        v += np.multiply(np.multiply(1.0 - b2, g, out=a), g, out=a)  # (1−β₂)·g·g
        if h["amsgrad"]:
            s["vmax"] = np.maximum(s.get("vmax", v), v)
            v = s["vmax"]
        c2 = per_run(lambda b2: math.sqrt(1.0 - b2**t), b2)
        c1 = per_run(lambda lr, b1: lr / (1.0 - b1**t), self.lr, b1)
        denom = np.add(np.divide(np.sqrt(v, out=a), c2, out=a), h["eps"], out=a)
        p -= np.divide(np.multiply(c1, m, out=b), denom, out=b)


class AdamW(Adam):
    """Adam with decoupled weight decay: p ← p − γλp before the Adam step."""

    name = "adamw"
    facts = _facts(
        "adamw",
        "AdamW",
        "AdamW",
        "AdamW",
        None,
        (_BETA1, _BETA2, _EPS, replace(_DECAY, default=0.01)),
    )
    defaults = {**Adam.defaults, "weight_decay": 0.01}
    decoupled = True


_REGISTRY: Registry[type[Optimizer]] = Registry(
    "optimizer", "optimizers", [SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW]
)
entries, register, unregister = _REGISTRY.entries, _REGISTRY.register, _REGISTRY.unregister


def __getattr__(name: str):
    """NAMES and DEFAULTS (torch-named hyper-parameters per name) follow the registry."""
    if name == "NAMES":
        return _REGISTRY.names
    if name == "DEFAULTS":
        return {c.name: dict(c.defaults) for c in _REGISTRY.entries()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get(name: str, lr: float = 0.01, **hyper) -> Optimizer:
    """A new optimizer `name` with learning rate `lr` and torch-named hyper-parameters."""
    return _REGISTRY.get(name)(lr, **hyper)
