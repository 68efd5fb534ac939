"""Two-parameter loss surfaces for watching optimizers walk (NumPy only).

Each surface is a loss f(w) of a point w = (w1, w2) with its exact gradient, a default start, a
plotting box and its known minima. `path` runs one of the project's own optimizers
(`playground.nn.optimizers`, torch.optim's rules) from a start point; with `noise > 0` every
gradient gets Gaussian noise, the way a mini-batch gradient (SGD) scatters around the exact
full-batch one (GD).

| name        | f(w1, w2)                                   | minima                             |
|-------------|---------------------------------------------|------------------------------------|
| valley      | (1 − w1)² + 100 (w2 − w1²)²  (Rosenbrock)    | global (1, 1)                      |
| bowl        | ½ (w1² + 4 w2²)                             | global (0, 0)                      |
| saddle      | ½ w1² + ¼ w2⁴ − ½ w2²  (saddle point at 0)  | global (0, ±1)                     |
| local_global| q(w1) + q(w2) + 0.3 w1 + 0.2 w2, q = (w²−1)² | global near (−1, −1), 3 local ones |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.nn import optimizers

Array = np.ndarray
FAR = 10.0  # a path is "diverged" when it leaves the box by more than FAR box widths
NEAR = 0.08  # a point is "in" a minimum within NEAR · (box diagonal)


@dataclass(frozen=True)
class Minimum:
    """A known minimum: `label` is unique on its surface ("global", "local 1", …),
    `kind` is "global" or "local"."""

    label: str
    point: tuple[float, float]
    kind: str


@dataclass(frozen=True)
class Surface:
    """A loss surface. f: w (..., 2) -> (...); grad: w (..., 2) -> (..., 2).

    box: (w1_min, w1_max, w2_min, w2_max); lr, steps, noise: settings that show it well
    with plain gradient descent; saddles: saddle points (for marking only).
    """

    name: str
    f: Callable[[Array], Array]
    grad: Callable[[Array], Array]
    start: tuple[float, float]
    box: tuple[float, float, float, float]
    minima: tuple[Minimum, ...]
    lr: float
    steps: int
    noise: float
    saddles: tuple[tuple[float, float], ...] = ()

    @property
    def f_min(self) -> float:
        """The lowest loss (the global minimum's value)."""
        return float(min(self.f(np.array(m.point)) for m in self.minima))

    @property
    def size(self) -> float:
        """The box diagonal."""
        x0, x1, y0, y1 = self.box
        return float(np.hypot(x1 - x0, y1 - y0))


def _stack(a: Array, b: Array) -> Array:
    return np.stack([a, b], axis=-1)


# ---- the surfaces ------------------------------------------------------------------------


def _valley(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def _valley_grad(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    r = y - x * x
    return _stack(-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r)


BOWL_C = 4.0  # curvature along w2 (1 along w1): an elliptic bowl


def _bowl(w: Array) -> Array:
    return 0.5 * (w[..., 0] ** 2 + BOWL_C * w[..., 1] ** 2)


def _bowl_grad(w: Array) -> Array:
    return _stack(w[..., 0], BOWL_C * w[..., 1])


def _saddle(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    return 0.5 * x * x + 0.25 * y**4 - 0.5 * y * y


def _saddle_grad(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    return _stack(x, y**3 - y)


TILT = (0.3, 0.2)  # the linear terms that make one of the four wells the deepest


def _wells(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    return (x * x - 1.0) ** 2 + (y * y - 1.0) ** 2 + TILT[0] * x + TILT[1] * y


def _wells_grad(w: Array) -> Array:
    x, y = w[..., 0], w[..., 1]
    return _stack(4.0 * x * (x * x - 1.0) + TILT[0], 4.0 * y * (y * y - 1.0) + TILT[1])


def _well_roots(c: float) -> tuple[float, float]:
    """The two minima of (w² − 1)² + c·w: the outer real roots of 4w³ − 4w + c = 0."""
    r = np.sort(np.roots([4.0, 0.0, -4.0, c]).real)
    return float(r[0]), float(r[2])


def _wells_minima() -> tuple[Minimum, ...]:
    pts = [(x, y) for x in _well_roots(TILT[0]) for y in _well_roots(TILT[1])]
    pts.sort(key=lambda p: float(_wells(np.array(p))))  # deepest first
    out = [Minimum("global", pts[0], "global")]
    out += [Minimum(f"local {i}", p, "local") for i, p in enumerate(pts[1:], start=1)]
    return tuple(out)


_REGISTRY: dict[str, Surface] = {
    s.name: s
    for s in [
        Surface(
            "valley", _valley, _valley_grad, (-1.5, 2.5), (-2.0, 2.0, -1.0, 3.0),
            (Minimum("global", (1.0, 1.0), "global"),), lr=1e-3, steps=1000, noise=10.0,
        ),
        Surface(
            "bowl", _bowl, _bowl_grad, (-4.0, 2.5), (-5.0, 5.0, -3.5, 3.5),
            (Minimum("global", (0.0, 0.0), "global"),), lr=0.1, steps=100, noise=1.0,
        ),
        Surface(
            "saddle", _saddle, _saddle_grad, (-2.5, 0.01), (-3.0, 3.0, -2.0, 2.0),
            (Minimum("global 1", (0.0, 1.0), "global"), Minimum("global 2", (0.0, -1.0), "global")),
            lr=0.1, steps=150, noise=0.3, saddles=((0.0, 0.0),),
        ),
        Surface(
            "local_global", _wells, _wells_grad, (1.9, 1.8), (-2.0, 2.0, -2.0, 2.0),
            _wells_minima(), lr=0.02, steps=200, noise=2.0,
        ),
    ]
}  # fmt: skip
NAMES: tuple[str, ...] = tuple(_REGISTRY)


def get(name: str) -> Surface:
    """The surface called `name`; ValueError naming the valid ones otherwise."""
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(f"Unknown surface {name!r}. Valid surfaces: {', '.join(NAMES)}.") from None


# ---- walking -----------------------------------------------------------------------------


def _too_far(surface: Surface, w: Array) -> bool:
    """Non-finite, or more than FAR box widths outside the box."""
    if not np.all(np.isfinite(w)):
        return True
    x0, x1, y0, y1 = surface.box
    mx, my = FAR * (x1 - x0), FAR * (y1 - y0)
    return not (x0 - mx <= w[0] <= x1 + mx and y0 - my <= w[1] <= y1 + my)


def path(
    surface: Surface | str,
    optimizer_name: str,
    lr: float,
    steps: int,
    start: tuple[float, float] | Array | None = None,
    noise: float = 0.0,
    rng: np.random.Generator | None = None,
    **hyper,
) -> Array:
    """The points (steps + 1, 2) visited by `optimizers.get(optimizer_name, lr, **hyper)`.

    Row 0 is the start (default: the surface's); row t the point after t steps, each step
    `opt.step([w], [g])` with g = ∇f(w) (GD), or ∇f(w) + N(0, noise²·I) (SGD, noise > 0,
    drawn from `rng`, default `np.random.default_rng(0)`). A path that turns non-finite or
    leaves the box by more than FAR box widths stops: the rows after it are NaN
    (see `stopped_at`).
    """
    s = get(surface) if isinstance(surface, str) else surface
    opt = optimizers.get(optimizer_name, lr, **hyper)
    if noise > 0 and rng is None:
        rng = np.random.default_rng(0)
    w = np.array(s.start if start is None else start, dtype=np.float64)
    out = np.full((int(steps) + 1, 2), np.nan)
    out[0] = w
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, int(steps) + 1):
            g = s.grad(w)
            if noise > 0:
                g = g + rng.normal(0.0, noise, 2)
            opt.step([w], [g])
            if _too_far(s, w):
                break
            out[t] = w
    return out


def stopped_at(points: Array) -> int | None:
    """The step at which a path diverged (its first NaN row), or None if it ran to the end."""
    bad = np.flatnonzero(np.isnan(points[:, 0]))
    return int(bad[0]) if bad.size else None


def final_point(points: Array) -> Array:
    """The last finite point of a path (2,)."""
    stop = stopped_at(points)
    return points[-1] if stop is None else points[stop - 1]


def which_minimum(surface: Surface | str, point: Array) -> str | None:
    """The label of the known minimum within NEAR · box diagonal of `point`, else None."""
    s = get(surface) if isinstance(surface, str) else surface
    p = np.asarray(point, dtype=np.float64)
    if not np.all(np.isfinite(p)):
        return None
    dist = [float(np.hypot(*(p - np.array(m.point)))) for m in s.minima]
    i = int(np.argmin(dist))
    return s.minima[i].label if dist[i] <= NEAR * s.size else None


def minimum(surface: Surface | str, label: str) -> Minimum:
    """The minimum called `label` on `surface`."""
    s = get(surface) if isinstance(surface, str) else surface
    return next(m for m in s.minima if m.label == label)


def losses(surface: Surface | str, points: Array) -> Array:
    """f at every row of a path (NaN rows stay NaN)."""
    s = get(surface) if isinstance(surface, str) else surface
    with np.errstate(over="ignore", invalid="ignore"):
        return s.f(points)


def grid(surface: Surface | str, size: int = 200) -> tuple[Array, Array, Array]:
    """f on a size × size grid of the box: w1 (size,), w2 (size,), F (size, size), F[i, j] at
    (w1[j], w2[i])."""
    s = get(surface) if isinstance(surface, str) else surface
    x0, x1, y0, y1 = s.box
    xs, ys = np.linspace(x0, x1, size), np.linspace(y0, y1, size)
    return xs, ys, s.f(_stack(*np.meshgrid(xs, ys)))
