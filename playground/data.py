"""Data sets: toy generators, two of scikit-learn's bundled sets, and CSV files in ``datasets/``
(or ``$PLAYGROUND_DATASETS_DIR``), watched while the app runs.

Every set has two float64 features in natural units (scaling is a separate knob; breast_cancer's
"mean area" and "mean texture" differ ~60x on purpose) and int64 labels 0..K-1. ``noise`` (0..2)
is a Gaussian spread scaled per set so that 0.2 stays learnable: sd = noise (moons), 0.5 noise
(circles, whose radii are 1 and 0.5; xor; checkerboard), 0.6 noise / arms (spiral, spiral3),
0.3 + noise (gaussians, blobs). The iris, breast_cancer and CSV sets ignore ``n_samples`` and
``noise``.

Regression sets (TensorFlow Playground's two; ``task == "regression"``, ``n_classes == 0``, y
float64 targets in about −1..1): ``regression_plane`` y = 0.3·x1 + 0.2·x2 and
``regression_gaussians`` y = Σ ±exp(−‖x − c‖² / (2·0.4²)) over six bumps of alternating sign, both
on points uniform in [−2, 2]², the target plus Gaussian noise of sd 0.25·noise.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from sklearn import datasets as skd

from playground import csv_folder, csv_table
from playground.csv_table import Source

# The folder of CSV data sets: $PLAYGROUND_DATASETS_DIR, else datasets/ in the repository.
DATASETS_ENV = "PLAYGROUND_DATASETS_DIR"
DATASETS_DIR = Path(
    os.environ.get(DATASETS_ENV) or Path(__file__).resolve().parents[1] / "datasets"
).expanduser()
N_SAMPLES_RANGE, NOISE_RANGE = (20, 20_000), (0.0, 2.0)

Arrays = tuple[np.ndarray, np.ndarray]
Entry = tuple["DatasetInfo", Callable[[int, float, int], Arrays]]  # info, make(n, noise, seed)


@dataclass(frozen=True)
class DatasetInfo:
    """What the UI needs to know about a data set: which controls apply, axis and class names."""

    name: str
    n_classes: int
    uses_noise: bool
    uses_n_samples: bool
    kind: Literal["toy", "sklearn", "csv"]
    feature_names: tuple[str, str] = ("x1", "x2")
    class_names: tuple[str, ...] = ()
    task: Literal["classification", "regression"] = "classification"

    @property
    def regression(self) -> bool:
        """Whether y holds real-valued targets (a linear output, mse/huber, R²)."""
        return self.task == "regression"


# ------------------------------------------------------------------------------ generators
def _sklearn(make: Callable, scale: float, n: int, noise: float, seed: int, **kw: Any) -> Arrays:
    """``make_moons`` / ``make_circles`` with noise sd = ``scale * noise``."""
    return make(n, noise=scale * noise, random_state=seed, **kw)


def _clusters(centres: list, n: int, noise: float, seed: int) -> Arrays:
    """Gaussian clusters (``make_blobs``) around ``centres`` (k, 2), sd = 0.3 + noise."""
    return skd.make_blobs(n, centers=centres, cluster_std=0.3 + noise, random_state=seed)


def _square(half: float, label: Callable, n: int, noise: float, seed: int) -> Arrays:
    """Uniform points (n, 2) in [-half, half]^2, labels ``label(X)`` (n,), sd = 0.5 noise."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-half, half, (n, 2))
    return X + rng.normal(0, 0.5 * noise, (n, 2)), label(X).astype(np.int64)


def _spiral(arms: int, n: int, noise: float, seed: int) -> Arrays:
    """``arms`` interleaved arms (TensorFlow-Playground style), sd = 0.6 noise / arms."""
    rng = np.random.default_rng(seed)
    y, r = rng.permutation(np.arange(n) % arms), rng.uniform(0.02, 1.0, n)
    t = 2 * np.pi * (1.75 * r + y / arms)
    X = r[:, None] * np.column_stack([np.sin(t), np.cos(t)])
    return X + rng.normal(0, 0.6 * noise / arms, (n, 2)), y


# TensorFlow Playground's bumps, scaled from its [−6, 6]² to [−2, 2]²: (x1, x2, sign)
_BUMPS = np.array(
    [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]]
)
_BUMPS[:, :2] /= 3.0
BUMP_SD = 0.4


def plane(X: np.ndarray) -> np.ndarray:
    """The plane's noise-free target (n,): 0.3·x1 + 0.2·x2."""
    return 0.3 * X[:, 0] + 0.2 * X[:, 1]


def bumps(X: np.ndarray) -> np.ndarray:
    """The Gaussians' noise-free target (n,): Σ_c sign_c · exp(−‖x − c‖² / (2·BUMP_SD²))."""
    d2 = ((X[:, None, :] - _BUMPS[None, :, :2]) ** 2).sum(axis=2)
    return np.exp(-d2 / (2 * BUMP_SD**2)) @ _BUMPS[:, 2]


def _regression(target: Callable, n: int, noise: float, seed: int) -> Arrays:
    """Points (n, 2) uniform in [−2, 2]², targets ``target(X)`` (n,) plus N(0, (0.25 noise)²)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2.0, 2.0, (n, 2))
    return X, target(X) + rng.normal(0, 0.25 * noise, n)


@functools.cache
def _bundled(name: str) -> Arrays:
    """Load iris (petal length, width) or breast_cancer (mean area, mean texture) once."""
    bunch = skd.load_iris() if name == "iris" else skd.load_breast_cancer()
    columns = [list(bunch.feature_names).index(f) for f in _BUILTINS[name][0].feature_names]
    return bunch.data[:, columns], bunch.target


def _toy(name: str, k: int, *args: Any, **kw: Any) -> Entry:
    info = DatasetInfo(name, k, True, True, "toy", class_names=tuple(map(str, range(k))))
    return info, functools.partial(*args, **kw)


def _reg(name: str, target: Callable) -> Entry:
    info = DatasetInfo(name, 0, True, True, "toy", task="regression")
    return info, functools.partial(_regression, target)


def _sk(name: str, features: tuple[str, str], *classes: str) -> Entry:
    info = DatasetInfo(name, len(classes), False, False, "sklearn", features, classes)
    return info, lambda n, noise, seed: _bundled(name)


_BUILTINS: dict[str, Entry] = {
    entry[0].name: entry
    for entry in (
        _toy("moons", 2, _sklearn, skd.make_moons, 1.0),
        _toy("circles", 2, _sklearn, skd.make_circles, 0.5, factor=0.5),
        _toy("xor", 2, _square, 1.0, lambda X: X[:, 0] * X[:, 1] > 0),
        _toy("gaussians", 2, _clusters, [[-1.0, -1.0], [1.0, 1.0]]),
        _toy("spiral", 2, _spiral, 2),
        _toy("blobs", 3, _clusters, [[0.0, 2.0], [-np.sqrt(3), -1.0], [np.sqrt(3), -1.0]]),
        _toy("spiral3", 3, _spiral, 3),
        _toy("checkerboard", 2, _square, 2.0, lambda X: np.floor(X).sum(1) % 2),
        _sk("iris", ("petal length (cm)", "petal width (cm)"), "setosa", "versicolor", "virginica"),
        _sk("breast_cancer", ("mean area", "mean texture"), "malignant", "benign"),
        _reg("regression_plane", plane),
        _reg("regression_gaussians", bumps),
    )
}


# ------------------------------------------------------------------------------ CSV files
def load_csv(path_or_file: Source) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Load a CSV data set: a header row, two numeric feature columns, the label column last.

    Parameters
    ----------
    path_or_file : str, Path or file-like
        A path, or a binary/text file-like (``io.BytesIO``, Streamlit's ``UploadedFile``).

    Returns
    -------
    X, y, class_names : ndarray (n, 2) float64, ndarray (n,) int64, list of K str
        Labels 0..K-1 follow the sorted label values (numerically if all are numbers).

    Raises
    ------
    ValueError
        What is wrong and where (row number, the header being row 1; column name). Limits:
        UTF-8 text, 3 columns, 4 to 20,000 data rows, 2 to 10 classes.
    """
    X, y, class_names, _ = csv_table.parse(csv_table.read_text(path_or_file))
    return X, y, class_names


def read_csv_table(
    path_or_file: Source,
) -> tuple[np.ndarray, np.ndarray, list[str], tuple[str, str]]:
    """Like `load_csv`, plus the two feature column names (for axis titles)."""
    return csv_table.parse(csv_table.read_text(path_or_file))


# ------------------------------------------------------------------------------ datasets/ folder
def _csv_entry(name: str, table: csv_folder.Table) -> Entry:
    X, y, classes, columns = table
    info = DatasetInfo(name, len(classes), False, False, "csv", columns, tuple(classes))
    return info, lambda *_: (X, y)


_watcher = csv_folder.Watcher(_BUILTINS, _csv_entry)


def _scan() -> csv_folder.Scan:
    return _watcher.refresh(Path(DATASETS_DIR))


def scan_csv_folder(folder: str | os.PathLike) -> tuple[dict[str, Entry], dict[str, str]]:
    """Load every ``*.csv`` in ``folder``: ({name: entry}, {file name: error message})."""
    return _watcher.scan_once(Path(folder))


def reload_csv(folder: str | os.PathLike | None = None) -> None:
    """Read every file of ``folder`` now (default ``DATASETS_DIR``; another folder becomes the
    data-set folder from now on), without waiting for files that are being written."""
    global DATASETS_DIR
    if folder is not None:
        DATASETS_DIR = Path(folder)
    _watcher.refresh(Path(DATASETS_DIR), force=True, settle=False)


def __getattr__(name: str) -> Any:
    """``NAMES`` (the built-ins, then one per CSV file that loads) and ``CSV_ERRORS`` ({file
    name: why it was left out}), as the folder is now (see `csv_folder`)."""
    if name == "NAMES":
        return (*_BUILTINS, *_scan().entries)
    if name == "CSV_ERRORS":
        return dict(_scan().errors)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _entry(name: str) -> Entry:
    """The entry of ``name``: a built-in, a CSV set of the folder, or one whose file was removed
    or changed since it was served (its data as they were, so its runs can still be redrawn)."""
    if isinstance(name, str):
        if name in _BUILTINS:
            return _BUILTINS[name]
        entry = _scan().entries.get(name) or _watcher.served.get(name, (None, None))[1]
        if entry is not None:
            return entry
    names = (*_BUILTINS, *_watcher.scan.entries)
    raise ValueError(f"Unknown data set {name!r}. Valid names: {', '.join(names)}.")


def get(name: str) -> DatasetInfo:
    """Return the ``DatasetInfo`` of ``name``; ValueError listing the valid names if unknown."""
    return _entry(name)[0]


def _check(what: str, value: Any, low: float, high: float, whole: bool) -> None:
    """Raise ValueError unless ``value`` is a number (whole if ``whole``) in [low, high]."""
    types = (int, np.integer) if whole else (int, float, np.integer, np.floating)
    if isinstance(value, bool) or not isinstance(value, types) or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"{what} must be {kind} from {low} to {high}, got {value!r}.")


def make_dataset(name: str, n_samples: int = 500, noise: float = 0.2, seed: int = 0) -> Arrays:
    """Make (toy sets) or load (sklearn and CSV sets) the data set ``name``.

    Parameters
    ----------
    name : str
        One of ``NAMES``.
    n_samples, noise, seed : int, float, int
        Number of points (20 to 20,000) and their spread (0 to 2), each ignored where ``get(name)``
        says so; the seed of this call's own generator (the global random state is never used).

    Returns
    -------
    X, y : ndarray (n, 2) float64, ndarray (n,) int64
        Features and labels 0..K-1, K = ``get(name).n_classes``; for a regression set
        (``get(name).regression``) y is float64, the targets.
    """
    info = get(name)
    if info.uses_n_samples:
        _check("n_samples", n_samples, *N_SAMPLES_RANGE, whole=True)
    if info.uses_noise:
        _check("noise", noise, *NOISE_RANGE, whole=False)
    _check("seed", seed, 0, 2**32 - 1, whole=True)
    X, y = _entry(name)[1](n_samples, noise, seed)
    y_type = np.float64 if info.regression else np.int64
    return np.array(X, dtype=np.float64), np.array(y, dtype=y_type)


def is_regression(name: str) -> bool:
    """Whether the data set ``name`` is a regression set (False for an unknown name)."""
    try:
        return get(name).regression
    except ValueError:
        return False


_watcher.refresh(Path(DATASETS_DIR), force=True)
