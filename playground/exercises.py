"""Workshop challenges: a starting setup, a goal the app checks from a run, hints, controls.

An `Exercise` has one or more `Step`s. A step's goal is a list of checks; each check looks at
the run (a `RunResult`), the exercise's starting config and the config that solved the previous
step, and returns a `Criterion` (passed or not, with the measured value). A step also names the
sidebar controls the learner may change, measured from the start or from the previous step.
Texts live in the exercise page (`ex.<id>.title`, `.task`, `.step.<n>`, `.hint.<n>`, `.quiz`,
`.quiz.<k>`, `.why`); criteria are worded by their `key` with `params`.
Every exercise carries a known `solution` (one config per step); the tests run each start and
each solution for real.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from playground import presets
from playground.config import FIELD_NAMES, RunConfig
from playground.diagnosis import diagnose, gradient_ratio

# The sidebar's widget keys in the sidebar's order: RunConfig fields, `hidden` as width and depth.
CONTROLS: tuple[str, ...] = (
    *("scaler", "loss", "activation", "initializer", "init_scale", "optimizer", "learning_rate"),
    *("batch_size", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay", "width"),
    *("depth", "dataset", "n_samples", "noise", "test_fraction", "seed", "epochs", "l2"),
)
DATA = ("dataset", "n_samples", "noise", "test_fraction", "seed")
MODEL = tuple(c for c in CONTROLS if c not in DATA)  # everything but the data


@dataclass(frozen=True)
class Criterion:
    """One line of a goal's checklist. `params` are display strings, except `controls` and
    `changed`, which are tuples of control names (the page translates them)."""

    key: str
    passed: bool
    params: dict = field(default_factory=dict)


Check = Callable[..., Criterion]  # check(result, start, previous) -> Criterion


@dataclass(frozen=True)
class Step:
    """One goal: `checks`, and the `controls` that may differ from `base` ("start" or
    "previous": the config that solved the step before)."""

    checks: tuple[Check, ...]
    controls: tuple[str, ...]
    base: str = "start"


@dataclass(frozen=True)
class Exercise:
    """A challenge of tuning point `point` ("1" … "7"); `quiz` answer options (0: no quiz),
    `answer` the right one's index."""

    id: str
    point: str
    start: RunConfig
    steps: tuple[Step, ...]
    solution: tuple[RunConfig, ...]
    hints: int = 2
    quiz: int = 0
    answer: int = 0

    @property
    def controls(self) -> tuple[str, ...]:
        """Every control some step lets the learner change (the rest may be locked)."""
        used = {c for s in self.steps for c in s.controls}
        return tuple(c for c in CONTROLS if c in used)


# ---- what changed ---------------------------------------------------------------------------
def changed_controls(a: RunConfig, b: RunConfig) -> tuple[str, ...]:
    """Sidebar controls whose values differ between `a` and `b` (width only when both have
    hidden layers: with depth 0 the width slider does nothing)."""
    out = {k for k in FIELD_NAMES if k != "hidden" and getattr(a, k) != getattr(b, k)}
    if a.depth != b.depth:
        out.add("depth")
    shared = min(a.depth, b.depth)
    if shared and a.hidden[:shared] != b.hidden[:shared]:
        out.add("width")
    return tuple(c for c in CONTROLS if c in out)


def units_identical(model, layer: int = 0) -> bool:
    """Whether every unit of hidden layer `layer` has the same incoming weights (symmetry)."""
    W = model.params[2 * layer]
    return bool(np.ptp(W, axis=1).max() < 1e-9) if W.shape[1] > 1 else True


def pct(x: float) -> str:
    return f"{x:.1%}"


# ---- checks (each returns a function of (result, start, previous)) -------------------------
def converged(r, start, prev) -> Criterion:
    return Criterion("ex.c.converged", r.status == "ok", {"status": r.status})


def test_acc(at_least: float) -> Check:
    def check(r, start, prev):
        v = float(r.final["test_accuracy"])
        return Criterion("ex.c.test_acc", v >= at_least, {"target": pct(at_least), "value": pct(v)})

    return check


def train_acc_by(at_least: float, epoch: int) -> Check:
    def check(r, start, prev):
        acc = r.history["train_accuracy"].to_numpy()
        hits = np.flatnonzero(acc >= at_least)
        first = int(r.history["epoch"].iloc[hits[0]]) if hits.size else None
        ok = first is not None and first <= epoch
        value = "—" if first is None else str(first)
        return Criterion(
            "ex.c.train_acc_by", ok, {"target": pct(at_least), "epoch": str(epoch), "value": value}
        )

    return check


def train_loss_at_most(x: float) -> Check:
    def check(r, start, prev):
        v = float(r.final["train_loss"])
        return Criterion("ex.c.train_loss", v <= x, {"target": f"{x:g}", "value": f"{v:.3f}"})

    return check


def ratio_between(lo: float, hi: float) -> Check:
    """‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 within [lo, hi] (use 0 or inf for one-sided)."""

    def check(r, start, prev):
        v = gradient_ratio(r.history, 0) if len(r.history) else float("nan")
        ok = bool(np.isfinite(v) and lo <= v <= hi)
        key = "ex.c.ratio_below" if lo == 0 else "ex.c.ratio_above" if hi == np.inf else ""
        key = key or "ex.c.ratio"
        return Criterion(key, ok, {"lo": f"{lo:g}", "hi": f"{hi:g}", "value": f"{v:.1e}"})

    return check


def units_differ(r, start, prev) -> Criterion:
    return Criterion("ex.c.units_differ", not units_identical(r.model), {})


def finding(code: str, present: bool = True) -> Check:
    """The diagnosis reports `code` (or, with present=False, does not)."""

    def check(r, start, prev):
        found = code in {f.code for f in diagnose(r)}
        return Criterion(f"ex.c.{'has' if present else 'no'}_{code}", found == present, {})

    return check


def setting(name: str, value, equal: bool = True) -> Check:
    """Setting `name` is (or, with equal=False, is not) `value`."""

    def check(r, start, prev):
        v = getattr(r.config, name)
        ok = (v == value) == equal
        key = "ex.c.is" if equal else "ex.c.is_not"
        return Criterion(key, ok, {"controls": (name,), "target": str(value), "value": str(v)})

    return check


def at_least(name: str, x: float) -> Check:
    def check(r, start, prev):
        v = getattr(r.config, name)
        return Criterion(
            "ex.c.at_least", v >= x, {"controls": (name,), "target": f"{x:g}", "value": f"{v:g}"}
        )

    return check


def max_size(width: int | None = None, depth: int | None = None, nodes: int | None = None):
    """At most `width` nodes per layer, `depth` hidden layers, `nodes` hidden nodes in all."""

    def check(r, start, prev):
        c = r.config
        ok = (width is None or c.width <= width) and (depth is None or c.depth <= depth)
        ok = ok and (nodes is None or sum(c.hidden) <= nodes)
        shown = " × ".join(map(str, c.hidden)) or "0"
        if nodes is not None:
            return Criterion("ex.c.max_nodes", ok, {"target": str(nodes), "value": shown})
        return Criterion(
            "ex.c.max_size", ok, {"width": str(width), "depth": str(depth), "value": shown}
        )

    return check


def one_change(r, start, prev) -> Criterion:
    """Exactly one setting differs from the config that solved the previous step."""
    changed = changed_controls(prev, r.config) if prev is not None else ()
    return Criterion("ex.c.one_change", len(changed) == 1, {"changed": changed})


def only_changed(step: Step, result, start: RunConfig, previous: RunConfig | None) -> Criterion:
    base = previous if step.base == "previous" and previous is not None else start
    changed = changed_controls(base, result.config)
    bad = tuple(c for c in changed if c not in step.controls)
    key = "ex.c.only_previous" if step.base == "previous" else "ex.c.only"
    return Criterion(key, not bad, {"controls": step.controls, "changed": bad})


# ---- evaluation -----------------------------------------------------------------------------
def evaluate(
    exercise: Exercise, step: int, result, previous: RunConfig | None = None
) -> list[Criterion]:
    """The checklist of step `step` (0-based) for a run; `previous` solved the step before."""
    s = exercise.steps[step]
    checks = [c(result, exercise.start, previous) for c in (converged, *s.checks)]
    return [*checks, only_changed(s, result, exercise.start, previous)]


def passed(criteria: list[Criterion]) -> bool:
    return all(c.passed for c in criteria)


# ---- the challenges -------------------------------------------------------------------------
_P = {p.id: p.config for p in presets.PRESETS}
_NORMALIZER, _LR_HIGH, _GD = _P["normalizer_circles"], _P["lr_too_high"], _P["full_batch_gd"]
_MSE, _EXPLODE = _P["mse_saturated"], _P["large_weights"]
_CANCER = RunConfig(dataset="breast_cancer", scaler="none", epochs=200)
_VANISH = RunConfig(epochs=50)
_OVERFIT = RunConfig(n_samples=100, noise=0.5, test_fraction=0.5, epochs=200)
_ZEROS = RunConfig(initializer="zeros")
_XOR = RunConfig(dataset="xor", noise=0.1)
_CIRCLES = RunConfig(dataset="circles", hidden=(1,))
_SPIRAL = RunConfig(dataset="spiral", noise=0.1)
_GRADIENT = ("activation", "initializer", "init_scale", "width", "depth")

EXERCISES: tuple[Exercise, ...] = (
    Exercise("normalizer", "1", _NORMALIZER,
             (Step((test_acc(0.9), setting("scaler", "normalizer_l2", equal=False)),
                   ("scaler",)),),
             (replace(_NORMALIZER, scaler="standard"),), hints=3, quiz=3, answer=1),
    Exercise("cancer_scaler", "1", _CANCER,
             (Step((setting("scaler", "none"), test_acc(0.85)),
                   tuple(c for c in MODEL if c != "scaler")),
              Step((setting("scaler", "none", equal=False), test_acc(0.85)), ("scaler",))),
             (replace(_CANCER, activation="leaky_relu", hidden=(8,)),
              replace(_CANCER, scaler="standard")), hints=3),
    Exercise("mse_ce", "2", _MSE, (Step((train_acc_by(0.9, 15),), ("loss",)),),
             (replace(_MSE, loss="cross_entropy"),), hints=2, quiz=3, answer=2),
    Exercise("vanish_fix", "3", _VANISH,
             (Step((ratio_between(0, 1e-3),), _GRADIENT),
              Step((one_change, ratio_between(1e-2, np.inf)), _GRADIENT, base="previous")),
             (replace(_VANISH, activation="sigmoid", hidden=(8,) * 6, init_scale=0.1),
              replace(_VANISH, activation="tanh", hidden=(8,) * 6, init_scale=0.1)), hints=3),
    Exercise("zero_init", "4", _ZEROS,
             (Step((units_differ, test_acc(0.9)), ("initializer", "init_scale")),),
             (replace(_ZEROS, initializer="glorot_uniform"),), hints=2, quiz=3, answer=0),
    Exercise("explode_fix", "4", _EXPLODE,
             (Step((ratio_between(0.1, 10), test_acc(0.9)), ("initializer", "init_scale")),),
             (replace(_EXPLODE, init_scale=1.0),), hints=2),
    Exercise("largest_lr", "5", _LR_HIGH,
             (Step((at_least("learning_rate", 1.0), test_acc(0.9)), ("learning_rate",)),),
             (replace(_LR_HIGH, learning_rate=1.0),), hints=2),
    Exercise("gd_sgd", "5", _GD, (Step((train_loss_at_most(0.15),), ("batch_size",)),),
             (replace(_GD, batch_size=16),), hints=2, quiz=3, answer=1),
    Exercise("circles_nodes", "6", _CIRCLES,
             (Step((test_acc(0.95), max_size(width=3, depth=1)), ("width",)),),
             (replace(_CIRCLES, hidden=(3,)),), hints=2),
    Exercise("xor_smallest", "6", _XOR,
             (Step((test_acc(0.9), max_size(nodes=3)), MODEL),),
             (replace(_XOR, hidden=(3,)),), hints=3),
    Exercise("overfit_l2", "6", _OVERFIT,
             (Step((finding("overfitting"),), MODEL),
              Step((finding("overfitting", present=False),), ("l2",), base="previous")),
             (replace(_OVERFIT, hidden=(32,) * 3),
              replace(_OVERFIT, hidden=(32,) * 3, l2=0.01)), hints=3),
    Exercise("spiral_small", "7", _SPIRAL,
             (Step((test_acc(0.95), max_size(width=8, depth=3)), MODEL),),
             (replace(_SPIRAL, hidden=(8,) * 3),), hints=3),
)  # fmt: skip

BY_ID: dict[str, Exercise] = {e.id: e for e in EXERCISES}


def get(exercise_id: str) -> Exercise:
    """The exercise called `exercise_id`; ValueError naming the valid ones otherwise."""
    try:
        return BY_ID[exercise_id]
    except KeyError:
        raise ValueError(
            f"Unknown exercise {exercise_id!r}. Valid exercises: {', '.join(BY_ID)}."
        ) from None


def lock_set(exercise: Exercise, spec: str) -> set[str]:
    """Controls to lock from a link's `lock=` value: names separated by commas, or "auto"
    for every control the exercise does not need. Unknown names are ignored."""
    names = {s.strip() for s in spec.split(",") if s.strip()}
    if "auto" in names:
        names |= set(CONTROLS) - set(exercise.controls)
    return names & set(CONTROLS)
