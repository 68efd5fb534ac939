"""A data set the user draws: points (x₁, x₂, class) on a fixed plane, and how it travels.

Points are rounded to 2 decimals and lie on the plane [-PLANE, PLANE]² (the drawing chart snaps
clicks to 0.1 steps); classes are 0 and 1. The drawing becomes the run's data set through
`dataset(points)` = (X, y, class names), as an uploaded CSV does (`experiment.prepare`).

It travels three ways:
- a link: `encode` / `decode`, 4 URL-safe characters a point, at most URL_MAX points;
- the setup JSON: `setup_json` adds `"points": [[x1, x2, class], …]`, `split_setup` takes it out;
- a CSV (`to_csv`) that the CSV upload reads back (header x1,x2,class).

Every refusal is a `DrawnError`: a ValueError with a `code` and `params` that the app words.
No Streamlit here.
"""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np

PLANE = 3.0  # the plane is [-PLANE, PLANE]² in both features
CLICK_STEP = 0.1  # the drawing chart's clicks snap to this grid
DECIMALS = 2
CLASSES = (0, 1)
MIN_POINTS = 4  # a run needs at least this many points, of both classes
MAX_POINTS = 1000  # a drawing (and a copied data set) holds at most this many
URL_MAX = 200  # at most this many points go into a link (4 characters each)
FEATURES = ("x1", "x2")
CLASS_NAMES = ("0", "1")

Point = tuple[float, float, int]
Points = tuple[Point, ...]

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"  # base64url
_INDEX = {c: i for i, c in enumerate(_ALPHABET)}
_TICKS = int(round(2 * PLANE * 10**DECIMALS)) + 1  # 601 positions per axis
_CODES = _TICKS * _TICKS * len(CLASSES)  # < 64**4
_CHARS = 4  # characters per point


class DrawnError(ValueError):
    """Why points cannot be used: `code` (a message key's last part) and its `params`."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(f"{code}: {params}" if params else code)
        self.code, self.params = code, params


# ------------------------------------------------------------------------------ points
def _tick(v: float) -> int:
    """The position of a coordinate on the 0.01 grid: 0 at -PLANE, _TICKS - 1 at +PLANE."""
    return int(round((v + PLANE) * 10**DECIMALS))


def _coordinate(v) -> float:
    """`v` rounded to 2 decimals; DrawnError("range") unless a finite number on the plane."""
    if isinstance(v, bool) or not isinstance(v, int | float | np.integer | np.floating):
        raise DrawnError("value", value=str(v)[:20])
    if not math.isfinite(v) or abs(round(float(v), DECIMALS)) > PLANE:
        raise DrawnError("range", value=f"{float(v):g}", plane=f"{PLANE:g}")
    return round(float(v), DECIMALS) + 0.0  # + 0.0: no -0.0


def point(x, y, c) -> Point:
    """One checked point: coordinates on the plane (2 decimals), class 0 or 1."""
    if isinstance(c, bool) or c not in CLASSES:
        raise DrawnError("class", value=str(c)[:20])
    return _coordinate(x), _coordinate(y), int(c)


def add(points: Points, x: float, y: float, c: int) -> Points:
    """`points` with (x, y, c) added at the end (unchanged if that very point is there, or the
    drawing is full: DrawnError("full"))."""
    p = point(x, y, c)
    if p in points:
        return points
    if len(points) >= MAX_POINTS:
        raise DrawnError("full", max=MAX_POINTS)
    return (*points, p)


def erase_nearest(points: Points, x: float, y: float) -> Points:
    """`points` without the one nearest to (x, y) (the first of equals); unchanged if empty."""
    if not points:
        return points
    d = [(px - x) ** 2 + (py - y) ** 2 for px, py, _ in points]
    i = d.index(min(d))
    return points[:i] + points[i + 1 :]


def counts(points: Points) -> tuple[int, int]:
    """Points of class 0, of class 1."""
    ones = sum(c for *_, c in points)
    return len(points) - ones, ones


def problem(points: Points) -> str | None:
    """Why a run cannot train on `points` yet: "too_few" (under MIN_POINTS), "one_class" (a
    class has no point); None if it can."""
    if len(points) < MIN_POINTS:
        return "too_few"
    if min(counts(points)) == 0:
        return "one_class"
    return None


def dataset(points: Points) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(X (n, 2) float64, y (n,) int64, class names): what `experiment.prepare` takes."""
    X = np.array([(x, y) for x, y, _ in points], dtype=np.float64).reshape(-1, 2)
    y = np.array([c for *_, c in points], dtype=np.int64)
    return X, y, list(CLASS_NAMES)


def digest(points: Points) -> str:
    """A short hash of the points (a run's cache key holds it beside the config)."""
    return "drawn-" + hashlib.sha256(json.dumps(points).encode()).hexdigest()[:16]


# ------------------------------------------------------------------------------ a link
def encode(points: Points) -> str:
    """4 URL-safe characters a point: (x tick · 601 + y tick) · 2 + class, base 64."""
    if len(points) > URL_MAX:
        raise DrawnError("too_many", n=len(points), max=URL_MAX)
    out = []
    for x, y, c in points:
        code = (_tick(x) * _TICKS + _tick(y)) * len(CLASSES) + c
        out.append("".join(_ALPHABET[(code >> s) & 63] for s in (18, 12, 6, 0)))
    return "".join(out)


def decode(text: str) -> Points:
    """The points of a link's `points=` value; DrawnError naming what is wrong: "length" (not
    4 characters a point), "chars" (a character outside A–Z a–z 0–9 - _), "too_many" (over
    URL_MAX), "range" (a code beyond the plane)."""
    text = text.strip()
    bad = next((ch for ch in text if ch not in _INDEX), None)
    if bad is not None:
        raise DrawnError("chars", char=bad)
    if len(text) % _CHARS:
        raise DrawnError("length", n=len(text))
    n = len(text) // _CHARS
    if n > URL_MAX:
        raise DrawnError("too_many", n=n, max=URL_MAX)
    points = []
    for i in range(n):
        code = 0
        for ch in text[_CHARS * i : _CHARS * (i + 1)]:
            code = code * 64 + _INDEX[ch]
        if code >= _CODES:
            raise DrawnError("range", value=text[_CHARS * i : _CHARS * (i + 1)], plane=f"{PLANE:g}")
        xy, c = divmod(code, len(CLASSES))
        ix, iy = divmod(xy, _TICKS)
        points.append(point(ix / 10**DECIMALS - PLANE, iy / 10**DECIMALS - PLANE, c))
    return tuple(points)


# ------------------------------------------------------------------------------ setup JSON, CSV
def from_list(items) -> Points:
    """Points from JSON's [[x1, x2, class], …]; DrawnError("json") if it is not that shape."""
    if not isinstance(items, list) or len(items) > MAX_POINTS:
        raise DrawnError("json", max=MAX_POINTS)
    if any(not isinstance(p, list) or len(p) != 3 for p in items):
        raise DrawnError("json", max=MAX_POINTS)
    return tuple(point(*p) for p in items)


def setup_json(config_json: str, points: Points) -> str:
    """The setup JSON (`export.config_json`) with the drawing as "points"."""
    setup = json.loads(config_json)
    setup["points"] = [list(p) for p in points]
    return json.dumps(setup, indent=2, sort_keys=True)


def split_setup(raw: bytes | str) -> tuple[bytes | str, Points | None]:
    """(the setup without "points", the points) for a setup file that has them; (raw, None)
    otherwise, unchanged, also if it is not JSON at all (the setup reader says why)."""
    try:
        text = raw if isinstance(raw, str) else bytes(raw).decode("utf-8-sig")
        setup = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return raw, None
    if not isinstance(setup, dict) or "points" not in setup:
        return raw, None
    points = from_list(setup.pop("points"))
    return json.dumps(setup), points


def to_csv(points: Points) -> str:
    """The drawing as a CSV the CSV upload accepts: x1,x2,class, one row a point."""
    rows = [",".join(FEATURES + ("class",))]
    rows += [f"{x:g},{y:g},{c}" for x, y, c in points]
    return "\n".join(rows) + "\n"


# ------------------------------------------------------------------------------ from a data set
def from_arrays(X: np.ndarray, y: np.ndarray, seed: int = 0) -> tuple[Points, list[str]]:
    """A data set's points as a starting drawing, and notes on what changed: "classes" (only
    classes 0 and 1 kept), "sampled" (MAX_POINTS of them, at random), "rescaled" (an axis
    mapped into the plane). DrawnError("not_classes") if y holds no class labels."""
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y)
    if not np.issubdtype(y.dtype, np.integer):
        raise DrawnError("not_classes")
    notes = []
    keep = np.isin(y, CLASSES) & np.isfinite(X).all(axis=1)
    if not np.isin(y, CLASSES).all():
        notes.append("classes")
    X, y = X[keep], y[keep]
    if len(y) > MAX_POINTS:
        rows = np.sort(np.random.default_rng(seed).choice(len(y), MAX_POINTS, replace=False))
        X, y = X[rows], y[rows]
        notes.append("sampled")
    X = _into_plane(X, notes)
    points: list[Point] = []
    for (a, b), c in zip(X, y, strict=True):
        p = point(a, b, int(c))
        if p not in points:
            points.append(p)
    return tuple(points), notes


def _into_plane(X: np.ndarray, notes: list[str], margin: float = 0.9) -> np.ndarray:
    """X as it is if it lies on the plane, else each axis mapped onto ±margin·PLANE."""
    if len(X) == 0 or np.abs(X).max() < PLANE + 0.005:  # rounds onto the plane
        return X
    lo, hi = X.min(axis=0), X.max(axis=0)
    mid, half = (lo + hi) / 2, np.where(hi > lo, (hi - lo) / 2, 1.0)
    notes.append("rescaled")
    return np.clip((X - mid) / half * margin * PLANE, -PLANE, PLANE)
