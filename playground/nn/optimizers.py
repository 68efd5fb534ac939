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
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from playground.nn.facts import Facts, Hyper

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


class Optimizer:
    """Base: validates hyper-parameters against `defaults`, counts steps, keeps state."""

    defaults: dict = {}
    # divides each parameter's step by its own gradient history (AdaGrad, RMSProp, Adam…): a
    # vanished gradient still gets a step of about the learning rate
    adaptive = False

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

    name = "optimizer"

    def step(self, params: list[Array], grads: list[Array]) -> None:
        """One update of every array in `params` (in place) from the matching `grads`."""
        self.t += 1
        for i, (p, g) in enumerate(zip(params, grads, strict=True)):
            self._update(self.state.setdefault(i, {}), p, g)

    def _update(self, s: dict[str, Array], p: Array, g: Array) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """g ← g + λp;  b ← μb + (1−τ)g (b₁ = g);  g ← g + μb (Nesterov) or b;  p ← p − γg."""

    name = "sgd"
    facts = Facts(
        formula=r"\theta \leftarrow \theta - \eta\, g",
        text_key="opt.sgd",
        torch="SGD",
        keras="SGD",
        sklearn="sgd",
        hyper=(_DECAY,),
    )
    defaults = {"momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False}

    def __init__(self, lr: float = 0.01, **hyper) -> None:
        super().__init__(lr, **hyper)
        h = self.hyper
        if h["nesterov"] and (h["momentum"] <= 0 or h["dampening"] != 0):
            raise ValueError("Nesterov momentum needs momentum > 0 and dampening = 0.")

    def _update(self, s, p, g):
        h = self.hyper
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        mu = h["momentum"]
        if mu:
            if "buf" not in s:
                s["buf"] = g.copy()
            else:
                s["buf"] *= mu
                s["buf"] += (1.0 - h["dampening"]) * g
            g = g + mu * s["buf"] if h["nesterov"] else s["buf"]
        p -= self.lr * g


class Momentum(SGD):
    name = "momentum"
    facts = Facts(
        formula=r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\, v",
        text_key="opt.momentum",
        torch="SGD",
        keras="SGD",
        sklearn="sgd",
        hyper=(_MOMENTUM, _DECAY),
    )
    defaults = {**SGD.defaults, "momentum": 0.9}


class Nesterov(SGD):
    name = "nesterov"
    facts = Facts(
        formula=r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\,(g + \mu v)",
        text_key="opt.nesterov",
        torch="SGD",
        keras="SGD",
        sklearn="sgd",
        hyper=(_MOMENTUM, _DECAY),
        code={"torch_fixed": "nesterov=True"},
    )
    defaults = {**SGD.defaults, "momentum": 0.9, "nesterov": True}


class Adagrad(Optimizer):
    """γ_t = γ/(1+(t−1)η);  G ← G + g²;  p ← p − γ_t g/(√G + ε)."""

    name = "adagrad"
    adaptive = True
    facts = Facts(
        formula=r"G \leftarrow G + g^2,\qquad "
        r"\theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{G} + \epsilon}",
        text_key="opt.adagrad",
        torch="Adagrad",
        keras="Adagrad",
        hyper=(replace(_EPS, default=1e-10), _DECAY),
    )
    defaults = {
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
    }

    def _update(self, s, p, g):
        h = self.hyper
        clr = self.lr / (1.0 + (self.t - 1) * h["lr_decay"])
        if h["weight_decay"]:
            g = g + h["weight_decay"] * p
        if "sum" not in s:
            s["sum"] = np.full_like(p, h["initial_accumulator_value"])
        s["sum"] += g * g
        p -= clr * g / (np.sqrt(s["sum"]) + h["eps"])


class RMSprop(Optimizer):
    """v ← αv + (1−α)g²;  centered: ḡ ← αḡ + (1−α)g, v̂ = v − ḡ²;  p ← p − γ g/(√v̂ + ε)
    (with momentum μ: b ← μb + g/(√v̂ + ε), p ← p − γb)."""

    name = "rmsprop"
    adaptive = True
    facts = Facts(
        formula=r"s \leftarrow \alpha s + (1 - \alpha)\, g^2,\qquad "
        r"\theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{s} + \epsilon}",
        text_key="opt.rmsprop",
        torch="RMSprop",
        keras="RMSprop",
        hyper=(_ALPHA, _EPS, _DECAY),
    )
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
        if h["weight_decay"]:
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
        if h["momentum"] > 0:
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
    adaptive = True
    facts = Facts(
        formula=_ADAM_TEX,
        text_key="opt.adam",
        torch="Adam",
        keras="Adam",
        sklearn="adam",
        hyper=(_BETA1, _BETA2, _EPS, _DECAY),
    )
    defaults = {"betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False}
    decoupled = False

    def _update(self, s, p, g):
        h = self.hyper
        b1, b2 = h["betas"]
        wd = h["weight_decay"]
        if wd and self.decoupled:
            p *= 1.0 - self.lr * wd
        elif wd:
            g = g + wd * p
        if "m" not in s:
            s["m"], s["v"] = np.zeros_like(p), np.zeros_like(p)
        m, v = s["m"], s["v"]
        m += (1.0 - b1) * (g - m)  # torch's lerp_
        v *= b2
        v += (1.0 - b2) * g * g
        if h["amsgrad"]:
            s["vmax"] = np.maximum(s.get("vmax", v), v)
            v = s["vmax"]
        denom = np.sqrt(v) / math.sqrt(1.0 - b2**self.t) + h["eps"]
        p -= (self.lr / (1.0 - b1**self.t)) * m / denom


class AdamW(Adam):
    """Adam with decoupled weight decay: p ← p − γλp before the Adam step."""

    name = "adamw"
    facts = Facts(
        formula=r"\theta \leftarrow \theta\,(1 - \eta\lambda),\qquad "
        r"\theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
        text_key="opt.adamw",
        torch="AdamW",
        keras="AdamW",
        hyper=(_BETA1, _BETA2, _EPS, replace(_DECAY, default=0.01)),
    )
    defaults = {**Adam.defaults, "weight_decay": 0.01}
    decoupled = True


_REGISTRY: dict[str, type[Optimizer]] = {
    c.name: c for c in [SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW]
}
NAMES: tuple[str, ...] = tuple(_REGISTRY)
DEFAULTS: dict[str, dict] = {n: dict(c.defaults) for n, c in _REGISTRY.items()}


def _refresh() -> None:
    """Rebuild NAMES and DEFAULTS in place (modules that imported them see the change)."""
    global NAMES
    NAMES = tuple(_REGISTRY)
    DEFAULTS.clear()
    DEFAULTS.update({n: dict(c.defaults) for n, c in _REGISTRY.items()})


def register(cls: type[Optimizer]) -> type[Optimizer]:
    """Add an optimizer class under `cls.name` (e.g. a test's temporary one); returns it."""
    if cls.name in _REGISTRY:
        raise ValueError(f"An optimizer called {cls.name!r} is registered already.")
    _REGISTRY[cls.name] = cls
    _refresh()
    return cls


def unregister(name: str) -> None:
    """Remove the optimizer `name` that `register` added."""
    del _REGISTRY[name]
    _refresh()


def entries() -> tuple[type[Optimizer], ...]:
    """Every registered optimizer class, in the order of NAMES."""
    return tuple(_REGISTRY.values())


def get(name: str, lr: float = 0.01, **hyper) -> Optimizer:
    """A new optimizer `name` with learning rate `lr` and torch-named hyper-parameters."""
    try:
        cls = _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown optimizer {name!r}. Valid optimizers: {', '.join(NAMES)}."
        ) from None
    return cls(lr, **hyper)
