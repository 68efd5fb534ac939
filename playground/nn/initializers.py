"""Weight initializers: `get(name)((fan_in, fan_out), rng) -> W` of shape (fan_in, fan_out).

| name            | distribution | scale                       | torch.nn.init                |
|-----------------|--------------|-----------------------------|------------------------------|
| zeros           | constant 0   |                             | zeros_                       |
| random_normal   | N(0, σ²)     | σ = 0.05                    | normal_(std=0.05)            |
| random_uniform  | U(−r, r)     | r = 0.05                    | uniform_(-0.05, 0.05)        |
| glorot_normal   | N(0, σ²)     | σ = √(2/(fan_in+fan_out))   | xavier_normal_               |
| glorot_uniform  | U(−r, r)     | r = √(6/(fan_in+fan_out))   | xavier_uniform_              |
| he_normal       | N(0, σ²)     | σ = √(2/fan_in)             | kaiming_normal_ (fan_in)     |
| he_uniform      | U(−r, r)     | r = √(6/fan_in)             | kaiming_uniform_(a=0)        |
| lecun_normal    | N(0, σ²)     | σ = √(1/fan_in)             | kaiming_normal_ (linear)     |
| lecun_uniform   | U(−r, r)     | r = √(3/fan_in)             | kaiming_uniform_ (linear)    |

Plain (untruncated) normals, as torch.nn.init. Biases are not drawn here: they start at zero.
Each entry is an `Initializer` (callable as before) that carries its distribution, its scale
function and its `Facts`; `register(entry)` / `unregister(name)` add and remove one at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn.facts import Facts
from playground.nn.registry import Registry

Shape = tuple[int, int]
DISTRIBUTIONS = ("normal", "uniform", "zeros")


@dataclass(frozen=True)
class Initializer:
    """W ~ N(0, σ²) ("normal"), U(−r, r) ("uniform") or all zeros, where σ or r is
    `scale(fan_in, fan_out)`. `spread` is the LaTeX of that scale (σ = …, r = …)."""

    name: str
    distribution: str
    scale: Callable[[int, int], float]
    spread: str
    facts: Facts

    def __call__(self, shape: Shape, rng: np.random.Generator) -> np.ndarray:
        """W (fan_in, fan_out) drawn with `rng`."""
        s = self.scale(*shape)
        if self.distribution == "normal":
            return rng.normal(0.0, s, size=shape)
        if self.distribution == "uniform":
            return rng.uniform(-s, s, size=shape)
        return np.zeros(shape)


_LAW = {"normal": r"W \sim N(0,\ \sigma^2)", "uniform": r"W \sim U(-r,\ r)", "zeros": "W = 0"}


def _entry(name, label, distribution, scale, spread, torch, keras) -> Initializer:
    formula = _LAW[distribution] + (rf",\quad {spread}" if spread else "")
    facts = Facts(formula, f"initializer.{name}.about", torch=torch, keras=keras, label=label)
    return Initializer(name, distribution, scale, spread, facts)


_N = "untruncated_normal"  # Keras' GlorotNormal/HeNormal/LecunNormal are truncated: not ours
_ENTRIES = (
    _entry("zeros", "zeros", "zeros", lambda i, o: 0.0, "",
           "nn.init.zeros_(w)", "keras.initializers.Zeros()"),
    _entry("random_normal", "Random normal (σ 0.05)",
           "normal", lambda i, o: 0.05, r"\sigma = 0.05",
           "nn.init.normal_(w, std=0.05)", "keras.initializers.RandomNormal(stddev=0.05)"),
    _entry("random_uniform", "Random uniform (±0.05)",
           "uniform", lambda i, o: 0.05, r"r = 0.05",
           "nn.init.uniform_(w, -0.05, 0.05)", "keras.initializers.RandomUniform(-0.05, 0.05)"),
    _entry("glorot_normal", "Glorot normal",
           "normal", lambda i, o: np.sqrt(2.0 / (i + o)),
           r"\sigma = \sqrt{2/(n_{in} + n_{out})}", "nn.init.xavier_normal_(w)",
           f'keras.initializers.VarianceScaling(1.0, "fan_avg", "{_N}")'),
    _entry("glorot_uniform", "Glorot uniform",
           "uniform", lambda i, o: np.sqrt(6.0 / (i + o)),
           r"r = \sqrt{6/(n_{in} + n_{out})}", "nn.init.xavier_uniform_(w)",
           "keras.initializers.GlorotUniform()"),
    _entry("he_normal", "He normal",
           "normal", lambda i, o: np.sqrt(2.0 / i), r"\sigma = \sqrt{2/n_{in}}",
           "nn.init.kaiming_normal_(w)",
           f'keras.initializers.VarianceScaling(2.0, "fan_in", "{_N}")'),
    _entry("he_uniform", "He uniform",
           "uniform", lambda i, o: np.sqrt(6.0 / i), r"r = \sqrt{6/n_{in}}",
           "nn.init.kaiming_uniform_(w)", "keras.initializers.HeUniform()"),
    _entry("lecun_normal", "LeCun normal",
           "normal", lambda i, o: np.sqrt(1.0 / i), r"\sigma = \sqrt{1/n_{in}}",
           'nn.init.kaiming_normal_(w, nonlinearity="linear")',
           f'keras.initializers.VarianceScaling(1.0, "fan_in", "{_N}")'),
    _entry("lecun_uniform", "LeCun uniform",
           "uniform", lambda i, o: np.sqrt(3.0 / i), r"r = \sqrt{3/n_{in}}",
           'nn.init.kaiming_uniform_(w, nonlinearity="linear")',
           "keras.initializers.LecunUniform()"),
)  # fmt: skip
_REGISTRY: Registry[Initializer] = Registry("initializer", "initializers", _ENTRIES)
get = _REGISTRY.get  # the initializer called `name`; ValueError naming the valid ones otherwise
entries, register, unregister = _REGISTRY.entries, _REGISTRY.register, _REGISTRY.unregister

__getattr__ = _REGISTRY.module_getattr  # NAMES follows the registry
