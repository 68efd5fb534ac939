"""① Input preprocessing: scikit-learn scalers by name.

| name            | scikit-learn           | what it does to each point x = (x₁, x₂)          |
|-----------------|------------------------|--------------------------------------------------|
| none            | FunctionTransformer()  | nothing                                          |
| standard        | StandardScaler()       | per feature z = (x − μ)/σ                        |
| minmax          | MinMaxScaler()         | per feature into [0, 1]                          |
| normalizer_l2   | Normalizer(norm="l2")  | per sample x/‖x‖₂: every point on the unit circle |
| normalizer_l1   | Normalizer(norm="l1")  | per sample x/‖x‖₁: on the unit diamond            |
| normalizer_max  | Normalizer(norm="max") | per sample x/max|xᵢ|: on the unit square's edge   |

Scalers are fitted on the training split only, then applied to the test split and the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sklearn.base import TransformerMixin
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, Normalizer, StandardScaler


@dataclass(frozen=True)
class Scaler:
    """A scaler entry: `make()` -> a new, unfitted transformer; `label`: its display name, the
    same in every language (a bound widget writes it into the page address)."""

    name: str
    make: Callable[[], TransformerMixin]
    label: str


_REGISTRY: dict[str, Scaler] = {
    s.name: s
    for s in (
        Scaler("none", FunctionTransformer, "none"),
        Scaler("standard", StandardScaler, "StandardScaler"),
        Scaler("minmax", MinMaxScaler, "MinMaxScaler"),
        Scaler("normalizer_l2", lambda: Normalizer(norm="l2"), "Normalizer (L2)"),
        Scaler("normalizer_l1", lambda: Normalizer(norm="l1"), "Normalizer (L1)"),
        Scaler("normalizer_max", lambda: Normalizer(norm="max"), "Normalizer (max)"),
    )
}
NAMES: tuple[str, ...] = tuple(_REGISTRY)


def get(name: str) -> Scaler:
    """The scaler entry `name`; ValueError naming the valid ones otherwise."""
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(f"Unknown scaler {name!r}. Valid scalers: {', '.join(NAMES)}.") from None


def make_scaler(name: str) -> TransformerMixin:
    """A new, unfitted scikit-learn transformer for `name`."""
    return get(name).make()
