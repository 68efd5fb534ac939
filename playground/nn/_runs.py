"""Per-run values of a stack of runs: Python scalars where the runs agree, columns (R, 1) where
they differ (hyper-parameters, learning rates), and Python-float arithmetic on them per run."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def per_run(f: Callable[..., float], *args):
    """f on Python floats: f(*args) if every argument is a scalar; else, with per-run columns
    (R, 1) among them, the column (R, 1) of f on each run's values (as Python floats)."""
    for a in args:
        if isinstance(a, np.ndarray):
            R = len(a)
            break
    else:
        return f(*args)
    runs = zip(
        *(a[:, 0].tolist() if isinstance(a, np.ndarray) else [a] * R for a in args), strict=True
    )
    return np.array([[f(*values)] for values in runs])


def on(x) -> bool:
    """Truth of a hyper-parameter condition, scalar or per run (equal across a stack)."""
    return bool(x.all()) if isinstance(x, np.ndarray) else bool(x)


def numeric(v) -> bool:
    if isinstance(v, tuple):
        return all(numeric(x) for x in v)
    return isinstance(v, int | float) and not isinstance(v, bool)


def column(values: list):
    """One scalar where every run agrees, else a per-run column (R, 1) (tuples: per element)."""
    if isinstance(values[0], tuple):
        return tuple(column(list(x)) for x in zip(*values, strict=True))
    if all(v == values[0] for v in values):
        return values[0]
    return np.array([[float(v)] for v in values])
