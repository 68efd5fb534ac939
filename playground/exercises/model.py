"""What an exercise is made of: `Exercise`, its `Step`s and `Prediction`, the `Attempt` a check
sees and the `Criterion` it returns; the sidebar's controls; measures of a run the checks share."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from playground.config import FIELD_NAMES, RunConfig
from playground.experiment import run

# The sidebar's widget keys in the sidebar's order: RunConfig fields, `hidden` as width and depth.
CONTROLS: tuple[str, ...] = (
    *("scaler", "features", "loss", "activation", "initializer", "init_scale", "optimizer"),
    *("learning_rate", "batch_size", "momentum", "beta1", "beta2", "alpha", "eps"),
    *("weight_decay", "width", "depth", "dataset", "n_samples", "noise", "test_fraction"),
    *("seed", "epochs", "l2", "l1"),
)
DATA = ("dataset", "n_samples", "noise", "test_fraction", "seed")
MODEL = tuple(c for c in CONTROLS if c not in DATA)  # everything but the data
PER_FEATURE = ("standard", "minmax")  # scalers that work per feature (column), not per sample


@dataclass(frozen=True)
class Criterion:
    """One line of a goal's checklist. `params` are display strings, except `controls` and
    `changed`, which are tuples of control names (the page translates them)."""

    key: str
    passed: bool
    params: dict = field(default_factory=dict)


@lru_cache(maxsize=8)
def _run(config: RunConfig):
    return run(config)


@dataclass(frozen=True)
class Attempt:
    """What a check sees: the learner's run, the exercise's start, the config that solved the
    step before (None on the first step) and the step's `base` config (start or previous)."""

    result: object  # RunResult
    start: RunConfig
    previous: RunConfig | None
    base: RunConfig
    given_base_result: object = None  # the base's RunResult if the caller has it

    @cached_property
    def base_result(self):
        """The run of `base` (trained here, cached, when the caller did not pass it)."""
        r = self.given_base_result
        return r if r is not None else _run(self.base)


Check = Callable[[Attempt], Criterion]


@dataclass(frozen=True)
class Step:
    """One goal: `checks`, and the `controls` that may differ from `base` ("start" or
    "previous": the config that solved the step before)."""

    checks: tuple[Check, ...]
    controls: tuple[str, ...]
    base: str = "start"


@dataclass(frozen=True)
class Prediction:
    """Asked before the first check of step `step` (0-based): `options` answers; `outcome`
    returns the index of the option the checked run actually showed."""

    step: int
    options: int
    outcome: Callable[[Attempt], int]


@dataclass(frozen=True)
class Exercise:
    """A challenge of tuning point `point` ("1" … "7"); `quiz` answer options (0: no quiz),
    `answer` the right one's index; `predict` the prediction asked before running, if any."""

    id: str
    point: str
    start: RunConfig
    steps: tuple[Step, ...]
    solution: tuple[RunConfig, ...]
    hints: int = 2
    quiz: int = 0
    answer: int = 0
    predict: Prediction | None = None

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


def updates_per_epoch(result) -> int:
    """Weight updates in one epoch: one per mini-batch, one for the full batch (batch 0)."""
    n, bs = len(result.y_train), result.config.batch_size
    return 1 if bs <= 0 or bs >= n else math.ceil(n / bs)


def pct(x: float) -> str:
    return f"{x:.1%}"


def first_last(h, prefix: str, row: int = 0) -> tuple[float, float]:
    cols = [c for c in h.columns if c.startswith(prefix)]
    return float(h[cols[0]].iloc[row]), float(h[cols[-1]].iloc[row])


def relative_gradient(history, row: int = 0) -> float:
    """‖∂L/∂W₁‖ / ‖W₁‖ at `row`: how far a step of learning rate 1 moves the first layer's
    weights, relative to their size (the diagnosis's step size of layer 1)."""
    g = float(history["grad_norm_1"].iloc[row])
    w = float(history["weight_norm_1"].iloc[row]) if "weight_norm_1" in history else 1.0
    return g / w if w > 0 else float("nan")
