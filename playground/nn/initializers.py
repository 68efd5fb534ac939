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
| lecun_normal    | N(0, σ²)     | σ = √(1/fan_in)             | (Keras lecun_normal, plain)  |
| lecun_uniform   | U(−r, r)     | r = √(3/fan_in)             | (Keras lecun_uniform)        |

Plain (untruncated) normals, as torch.nn.init. Biases are not drawn here: they start at zero.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Shape = tuple[int, int]
Initializer = Callable[[Shape, np.random.Generator], np.ndarray]


def _normal(std: Callable[[int, int], float]) -> Initializer:
    def init(shape: Shape, rng: np.random.Generator) -> np.ndarray:
        return rng.normal(0.0, std(*shape), size=shape)

    return init


def _uniform(bound: Callable[[int, int], float]) -> Initializer:
    def init(shape: Shape, rng: np.random.Generator) -> np.ndarray:
        r = bound(*shape)
        return rng.uniform(-r, r, size=shape)

    return init


def _zeros(shape: Shape, rng: np.random.Generator) -> np.ndarray:
    return np.zeros(shape)


# (distribution, scale as a function of (fan_in, fan_out)) per name
_REGISTRY: dict[str, Initializer] = {
    "zeros": _zeros,
    "random_normal": _normal(lambda i, o: 0.05),
    "random_uniform": _uniform(lambda i, o: 0.05),
    "glorot_normal": _normal(lambda i, o: np.sqrt(2.0 / (i + o))),
    "glorot_uniform": _uniform(lambda i, o: np.sqrt(6.0 / (i + o))),
    "he_normal": _normal(lambda i, o: np.sqrt(2.0 / i)),
    "he_uniform": _uniform(lambda i, o: np.sqrt(6.0 / i)),
    "lecun_normal": _normal(lambda i, o: np.sqrt(1.0 / i)),
    "lecun_uniform": _uniform(lambda i, o: np.sqrt(3.0 / i)),
}

NAMES: tuple[str, ...] = tuple(_REGISTRY)


def get(name: str) -> Initializer:
    """The initializer called `name`; ValueError naming the valid ones otherwise."""
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown initializer {name!r}. Valid initializers: {', '.join(NAMES)}."
        ) from None
