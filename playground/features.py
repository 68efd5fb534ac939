"""Feature inputs, as TensorFlow Playground offers them: the network's inputs computed from each
2-D point P = (x₁, x₂) before the scaler (tuning point ①: the input is part of tuning).

Each entry carries its name (the `RunConfig.features` value and the URL's), the label every
language shows, and the NumPy expression of P (n, 2) that the generated scripts write; `expand`
computes exactly those expressions, in the canonical order of `NAMES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Feature:
    name: str
    label: str  # as the sidebar shows it, the same in every language
    code: str  # the NumPy expression of P (n, 2) that the generated scripts write
    f: Callable[[Array], Array]  # P (n, 2) -> (n,)


_ENTRIES = (
    Feature("x1", "x₁", "P[:, 0]", lambda P: P[:, 0]),
    Feature("x2", "x₂", "P[:, 1]", lambda P: P[:, 1]),
    Feature("x1sq", "x₁²", "P[:, 0] * P[:, 0]", lambda P: P[:, 0] * P[:, 0]),
    Feature("x2sq", "x₂²", "P[:, 1] * P[:, 1]", lambda P: P[:, 1] * P[:, 1]),
    Feature("x1x2", "x₁x₂", "P[:, 0] * P[:, 1]", lambda P: P[:, 0] * P[:, 1]),
    Feature("sin_x1", "sin x₁", "np.sin(P[:, 0])", lambda P: np.sin(P[:, 0])),
    Feature("sin_x2", "sin x₂", "np.sin(P[:, 1])", lambda P: np.sin(P[:, 1])),
)
FEATURES = {e.name: e for e in _ENTRIES}
NAMES: tuple[str, ...] = tuple(FEATURES)
DEFAULT: tuple[str, ...] = ("x1", "x2")  # the plain point: no expansion
LABELS = {e.name: e.label for e in _ENTRIES}


def get(name: str) -> Feature:
    """The entry `name`; ValueError listing the valid names."""
    if name not in FEATURES:
        raise ValueError(f"Unknown feature {name!r}. Valid: {', '.join(NAMES)}.")
    return FEATURES[name]


def canonical(features: Iterable[str]) -> tuple[str, ...]:
    """The names of `features` once each, in the order of NAMES (equal sets: equal tuples);
    ValueError if one is unknown or none is on."""
    if isinstance(features, str):
        raise ValueError(f"features: a list of names such as {list(DEFAULT)}, got {features!r}.")
    chosen = set()
    for name in features:
        if not isinstance(name, str) or name not in FEATURES:
            raise ValueError(f"features: unknown feature {name!r}. Valid: {', '.join(NAMES)}.")
        chosen.add(name)
    if not chosen:
        raise ValueError(f"features: at least one must be on. Valid: {', '.join(NAMES)}.")
    return tuple(n for n in NAMES if n in chosen)


def expand(P: Array, features: Iterable[str]) -> Array:
    """The network's inputs (n, len(features)) from the points P (n, 2), float64."""
    P = np.asarray(P, dtype=np.float64)
    names = canonical(features)
    if names == DEFAULT:
        return P
    return np.column_stack([FEATURES[n].f(P) for n in names])


class Inputs:
    """The features, then a scaler fitted on them: `transform(P)` maps points P (n, 2) to the
    network's inputs. The scaler's fitted attributes (`mean_`, `scale_`, …) read through."""

    def __init__(self, features: tuple[str, ...], scaler: Any) -> None:
        self.features, self.scaler = canonical(features), scaler

    def fit(self, P: Array) -> Inputs:
        self.scaler.fit(expand(P, self.features))
        return self

    def transform(self, P: Array) -> Array:
        return self.scaler.transform(expand(P, self.features))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("features", "scaler"):  # e.g. while unpickling
            raise AttributeError(name)
        return getattr(self.scaler, name)


def titles(scaler: Any) -> dict[str, str]:
    """The chart titles ("x", "y") of the first two inputs `scaler` (a run's: maybe `Inputs`)
    sees: {} for the points themselves (the data set's names apply)."""
    names = getattr(scaler, "features", None) or ()
    return dict(zip(("x", "y"), (LABELS[n] for n in names), strict=False))


def before_scaler(scaler: Any, P: Array) -> Array:
    """What `scaler` (a run's: maybe `Inputs`) was fitted on, from the points P (n, 2): the
    points themselves or their features."""
    names = getattr(scaler, "features", None)
    return P if names is None else expand(P, names)


def inputs(features: tuple[str, ...], scaler: Any) -> Any:
    """`scaler` itself for the plain point (x₁, x₂), else `Inputs(features, scaler)`."""
    return scaler if canonical(features) == DEFAULT else Inputs(features, scaler)
