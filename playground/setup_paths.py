"""Shortcuts for a run's setup: the numbers of scikit-learn's calls without their argument checks.

A run's setup (data, split, scaler) costs about as much as a tenth of its training, and a sweep
pays it once per run, so the two calls that spend most of their time checking arguments get a
NumPy path here; each returns exactly what scikit-learn returns (tests/unit/test_fast_paths.py
compares them on every data set), and hands anything unusual to scikit-learn itself.

- `split_indices`: the (train, test) indices of `StratifiedShuffleSplit` / `ShuffleSplit` with
  `random_state=seed` (what `train_test_split` uses): the same generator (`RandomState(seed)`),
  the same draws in the same order (`_approximate_mode`, per-class permutations, the final
  permutations), the per-class parts joined with `np.concatenate` instead of Python lists.
- `transform`: a fitted `StandardScaler`'s `transform(X)` is `(X − mean_) / scale_` in float64
  (its own arithmetic, in place on a copy); other transformers are called as they are.
"""

from __future__ import annotations

import numpy as np
from sklearn import get_config
from sklearn.model_selection import ShuffleSplit, StratifiedShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.utils.extmath import _approximate_mode


def split_indices(y: np.ndarray, n_test: int, seed: int, stratify: bool) -> tuple:
    """(train, test) index arrays as `next(StratifiedShuffleSplit(test_size=n_test,
    train_size=len(y) − n_test, random_state=seed).split(y, y))` (`ShuffleSplit` when not
    `stratify`); what scikit-learn refuses, it refuses (ValueError)."""
    n = len(y)
    n_train = n - n_test
    if not isinstance(seed, int | np.integer) or (stratify and y.ndim != 1):
        return _sklearn_split(y, n_test, seed, stratify)
    rng = np.random.RandomState(seed)
    if not stratify:
        permutation = rng.permutation(n)
        return permutation[n_test : n_test + n_train], permutation[:n_test]
    classes, y_indices, class_counts = np.unique(y, return_inverse=True, return_counts=True)
    if min(n_train, n_test) < len(classes) or class_counts.min() < 2:  # scikit-learn says why
        return _sklearn_split(y, n_test, seed, stratify)
    class_indices = np.split(np.argsort(y_indices, kind="stable"), np.cumsum(class_counts)[:-1])
    n_i = _approximate_mode(class_counts, n_train, rng)
    t_i = _approximate_mode(class_counts - n_i, n_test, rng)
    train, test = [], []
    for i, indices in enumerate(class_indices):
        permuted = indices.take(rng.permutation(class_counts[i]), mode="clip")
        train.append(permuted[: n_i[i]])
        test.append(permuted[n_i[i] : n_i[i] + t_i[i]])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def _sklearn_split(y: np.ndarray, n_test: int, seed, stratify: bool) -> tuple:
    cv = (StratifiedShuffleSplit if stratify else ShuffleSplit)(
        test_size=n_test, train_size=len(y) - n_test, random_state=seed
    )
    return next(cv.split(y, y if stratify else None))


def transform(scaler, X: np.ndarray) -> np.ndarray:
    """`scaler.transform(X)`; for a fitted plain `StandardScaler` and finite float X, its
    arithmetic without its checks: a float64 copy of X, minus `mean_`, divided by `scale_`
    (anything else, e.g. no samples or infinities, goes to scikit-learn, which may refuse it)."""
    if (
        type(scaler) is StandardScaler
        and get_config()["transform_output"] == "default"
        and scaler.with_mean
        and scaler.with_std
        and isinstance(X, np.ndarray)
        and X.dtype == np.float64
        and X.ndim == 2
        and len(X) > 0
        and X.shape[1] == len(scaler.mean_)
        and np.isfinite(X).all()
    ):
        out = X - scaler.mean_
        out /= scaler.scale_
        return out
    return scaler.transform(X)
