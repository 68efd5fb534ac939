"""Numerically stable primitives, in one place (NumPy only)."""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray, out: np.ndarray | None = None, work: np.ndarray | None = None):
    """σ(z) = 1 / (1 + e^−z), via e^−|z| so nothing overflows: (1 or e^−|z|) / (1 + e^−|z|).
    `out`, `work`: arrays of z's shape to compute in (the same numbers without temporaries,
    which for large arrays cost more than the arithmetic: fresh pages from the system)."""
    if out is None:
        e = np.exp(-np.abs(z))
        return np.where(z >= 0, 1.0, e) / (1.0 + e)
    e = np.exp(np.negative(np.abs(z, out=out), out=out), out=out)
    d = np.add(1.0, e, out=work)
    np.copyto(e, 1.0, where=z >= 0)
    return np.divide(e, d, out=e)


def softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) = max(z, 0) + log1p(e^−|z|)."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def logsumexp(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """log Σ_j e^{z_j} along `axis` (kept dims), shifted by the max."""
    m = np.max(z, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax of z (..., k) along the last axis, shifted by the max."""
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def expm1_neg(z: np.ndarray) -> np.ndarray:
    """e^z − 1 for z ≤ 0 (ELU's negative branch); positive inputs are clipped to 0 first."""
    return np.expm1(np.minimum(z, 0.0))
