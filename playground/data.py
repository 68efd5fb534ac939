"""Data sets: toy generators, two of scikit-learn's bundled sets, and CSV files in ``datasets/``.

Every set has two float64 features in natural units (scaling is a separate knob; breast_cancer's
"mean area" and "mean texture" differ ~60x on purpose) and int64 labels 0..K-1. ``noise`` (0..2)
is a Gaussian spread scaled per set so that 0.2 stays learnable: sd = noise (moons), 0.5 noise
(circles, whose radii are 1 and 0.5; xor; checkerboard), 0.6 noise / arms (spiral, spiral3),
0.3 + noise (gaussians, blobs). The iris, breast_cancer and CSV sets ignore ``n_samples`` and
``noise``.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import numpy as np
from sklearn import datasets as skd

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"
N_SAMPLES_RANGE, NOISE_RANGE = (20, 20_000), (0.0, 2.0)
MAX_ROWS, MIN_ROWS, MAX_CLASSES, MAX_BYTES = 20_000, 4, 10, 50_000_000
_MISSING = {"", "na", "n/a", "nan", "null"}
_SAVE_AS = "Save it as 'CSV UTF-8 (comma delimited)' and try again."

Arrays = tuple[np.ndarray, np.ndarray]
Entry = tuple["DatasetInfo", Callable[[int, float, int], Arrays]]  # info, make(n, noise, seed)
Source = str | os.PathLike | IO[Any]


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


@functools.cache
def _bundled(name: str) -> Arrays:
    """Load iris (petal length, width) or breast_cancer (mean area, mean texture) once."""
    bunch = skd.load_iris() if name == "iris" else skd.load_breast_cancer()
    columns = [list(bunch.feature_names).index(f) for f in _BUILTINS[name][0].feature_names]
    return bunch.data[:, columns], bunch.target


def _toy(name: str, k: int, *args: Any, **kw: Any) -> Entry:
    info = DatasetInfo(name, k, True, True, "toy", class_names=tuple(map(str, range(k))))
    return info, functools.partial(*args, **kw)


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
    )
}


# ------------------------------------------------------------------------------ CSV files
def _read_text(source: Source) -> str:
    """Read a path or a bytes/text file-like into text; refuse binary and non-UTF-8 data."""
    if isinstance(source, str | os.PathLike):
        if not Path(source).is_file():
            raise ValueError(f"Could not find the file '{source}'.")
        raw: bytes | str = Path(source).read_bytes()
    else:  # a file-like: io.BytesIO, io.StringIO, Streamlit's UploadedFile, an open file
        raw = source.getvalue() if hasattr(source, "getvalue") else source.read()
    raw = raw if isinstance(raw, str) else bytes(raw)
    if len(raw) > MAX_BYTES:
        raise ValueError(f"The file is larger than {MAX_BYTES // 1_000_000} MB; that is too big.")
    if ("\x00" if isinstance(raw, str) else b"\x00") in raw:
        raise ValueError(f"This is a binary file (an Excel or zip file?), not CSV text. {_SAVE_AS}")
    try:
        return raw if isinstance(raw, str) else raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        raise ValueError(f"Row {row} has characters that are not UTF-8 text. {_SAVE_AS}") from None


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number in the file, header = 1; stripped cells) for every non-blank row."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield reader.line_num, [cell.strip() for cell in cells]
    except csv.Error as err:
        raise ValueError(f"Row {reader.line_num}: broken quotes or a huge value ({err}).") from None


def _float(text: str) -> float | None:
    """``float(text)``, NaN for a missing-value marker, None if ``text`` is not a number."""
    try:
        return math.nan if text.lower() in _MISSING else float(text)
    except ValueError:
        return None


def _header(row: int, cells: list[str]) -> list[str]:
    """Return the 3 column names of the header row; ValueError saying what is wrong."""
    names = ", ".join(repr(c[:40]) for c in cells[:8]) + (", ..." if len(cells) > 8 else "")
    if len(cells) != 3:
        hint = " Use commas between values." if len(cells) == 1 and ";" in cells[0] else ""
        raise ValueError(
            "The file needs exactly 3 columns (two numeric features, then the label), "
            f"but the header (row {row}) has {len(cells)}: {names}.{hint}"
        )
    if "" in cells:
        raise ValueError(f"Column {cells.index('') + 1} has no name in the header (row {row}).")
    if _float(cells[0]) is not None and _float(cells[1]) is not None:
        raise ValueError(f"Row {row} should hold column names but looks like data ({names}).")
    return cells


def _number(text: str, row: int, column: str) -> float:
    """Parse one feature cell; ValueError naming the row, the column and the value if bad."""
    value, where = _float(text), f"Row {row}, column '{column}'"
    if value is None:
        raise ValueError(f"{where}: {text[:40]!r} is not a number (both features must be).")
    if math.isnan(value):
        raise ValueError(f"{where}: the value is missing. Fill it in or delete the row.")
    if math.isinf(value):
        raise ValueError(f"{where}: {text[:40]!r} is infinite or too large.")
    return value


def _classes(labels: list[str], first_row: dict[str, int], column: str) -> list[str]:
    """Label values in sorted order (numeric if all are numbers); ValueError unless 2..10."""
    where, k = f"Column '{column}' (the label, last column)", len(first_row)
    if k < 2:
        raise ValueError(f"{where} has only one class, {labels[0]!r}; 2 or more are needed.")
    if k > MAX_CLASSES:
        extra = list(first_row)[MAX_CLASSES]
        raise ValueError(
            f"{where} has {k} different values, but at most {MAX_CLASSES} classes are allowed "
            f"({extra!r} in row {first_row[extra]} is class {MAX_CLASSES + 1})."
        )
    if all(_float(label) is not None for label in first_row):
        return sorted(first_row, key=lambda label: (float(label), label))
    return sorted(first_row)


def _parse(text: str) -> tuple[np.ndarray, np.ndarray, list[str], tuple[str, str]]:
    """Validate CSV text into X (n, 2) float64, y (n,) int64, class names, feature names."""
    rows = _rows(text)
    header_row, cells = next(rows, (0, []))
    if not header_row:
        raise ValueError("The file is empty.")
    columns = _header(header_row, cells)
    features, labels, first_row = [], [], {}
    for row, cells in rows:
        if len(labels) == MAX_ROWS:
            raise ValueError(f"The file has more than {MAX_ROWS:,} data rows (row {row}).")
        if len(cells) != 3:
            raise ValueError(f"Row {row} has {len(cells)} values, not 3. Check the commas there.")
        features.append([_number(cells[0], row, columns[0]), _number(cells[1], row, columns[1])])
        if cells[2].lower() in _MISSING:
            raise ValueError(f"Row {row}, column '{columns[2]}': the label is missing.")
        labels.append(cells[2])
        first_row.setdefault(cells[2], row)
    if len(labels) < MIN_ROWS:
        raise ValueError(f"The file has {len(labels)} data rows; at least {MIN_ROWS} are needed.")
    classes = _classes(labels, first_row, columns[2])
    y = np.array([classes.index(label) for label in labels], dtype=np.int64)
    return np.array(features, dtype=np.float64), y, classes, (columns[0], columns[1])


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
    X, y, class_names, _ = _parse(_read_text(path_or_file))
    return X, y, class_names


def read_csv_table(
    path_or_file: Source,
) -> tuple[np.ndarray, np.ndarray, list[str], tuple[str, str]]:
    """Like `load_csv`, plus the two feature column names (for axis titles)."""
    return _parse(_read_text(path_or_file))


# ------------------------------------------------------------------------------ registry
_ALL: dict[str, Entry] = dict(_BUILTINS)
CSV_ERRORS: dict[str, str] = {}  # file name -> why it was left out of NAMES
NAMES: tuple[str, ...] = tuple(_BUILTINS)  # built-ins, then one per CSV in DATASETS_DIR that loads


def scan_csv_folder(folder: str | os.PathLike) -> tuple[dict[str, Entry], dict[str, str]]:
    """Load every ``*.csv`` in ``folder``: ({name: entry}, {file name: error message})."""
    entries: dict[str, Entry] = {}
    errors: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.[cC][sS][vV]")):
        try:
            if path.stem in _BUILTINS or path.stem in entries:
                raise ValueError(f"The name '{path.stem}' is already taken; rename the file.")
            X, y, classes, columns = _parse(_read_text(path))
        except Exception as err:  # a broken file must never break the other data sets
            errors[path.name] = str(err) or type(err).__name__
            continue
        info = DatasetInfo(path.stem, len(classes), False, False, "csv", columns, tuple(classes))
        entries[path.stem] = info, lambda *_, X=X, y=y: (X, y)
    return entries, errors


def reload_csv(folder: str | os.PathLike | None = None) -> None:
    """Rescan ``folder`` (default ``DATASETS_DIR``); update ``NAMES`` and ``CSV_ERRORS``."""
    global NAMES, CSV_ERRORS, _ALL
    entries, CSV_ERRORS = scan_csv_folder(DATASETS_DIR if folder is None else folder)
    _ALL = _BUILTINS | entries
    NAMES = tuple(_ALL)


def get(name: str) -> DatasetInfo:
    """Return the ``DatasetInfo`` of ``name``; ValueError listing the valid names if unknown."""
    if not isinstance(name, str) or name not in _ALL:
        raise ValueError(f"Unknown data set {name!r}. Valid names: {', '.join(NAMES)}.")
    return _ALL[name][0]


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
        Features and labels 0..K-1, K = ``get(name).n_classes``.
    """
    info = get(name)
    if info.uses_n_samples:
        _check("n_samples", n_samples, *N_SAMPLES_RANGE, whole=True)
    if info.uses_noise:
        _check("noise", noise, *NOISE_RANGE, whole=False)
    _check("seed", seed, 0, 2**32 - 1, whole=True)
    X, y = _ALL[name][1](n_samples, noise, seed)
    return np.array(X, dtype=np.float64), np.array(y, dtype=np.int64)


reload_csv()
