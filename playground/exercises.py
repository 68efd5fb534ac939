"""Workshop challenges: a starting setup, goals the app checks from a run, hints, a prediction to
make before running, a quiz.

An `Exercise` has one or more `Step`s. A step's goal is a list of checks; each check looks at an
`Attempt` (the run, the exercise's start, the config that solved the step before, the run of the
step's base config) and returns a `Criterion` (passed or not, with the measured value). Every goal
names the concept it requires (a per-feature scaler, cross entropy, a gradient that reaches the
first layer, …), not only an accuracy. A step also names the sidebar controls the learner may
change, measured from the start or from the previous step. A `Prediction` is asked before a
step's first check; `outcome` says which of its options the checked run showed.
Texts live in the exercises catalogue (`ex.<id>.title`, `.task`, `.step.<n>`, `.hint.<n>`,
`.predict`, `.predict.<k>`, `.quiz`, `.quiz.<k>`, `.quiz.<k>.why`, `.why`); criteria are worded by
their `key` with `params`. Every exercise carries a known `solution` (one config per step); the
tests run each start, each solution and plausible wrong fixes for real.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np

from playground.config import FIELD_NAMES, RunConfig
from playground.diagnosis import EXPLODE_RATIO, delta_ratio, diagnose
from playground.experiment import run

# The sidebar's widget keys in the sidebar's order: RunConfig fields, `hidden` as width and depth.
CONTROLS: tuple[str, ...] = (
    *("scaler", "loss", "activation", "initializer", "init_scale", "optimizer", "learning_rate"),
    *("batch_size", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay", "width"),
    *("depth", "dataset", "n_samples", "noise", "test_fraction", "seed", "epochs", "l2"),
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


def _first_last(h, prefix: str, row: int = 0) -> tuple[float, float]:
    cols = [c for c in h.columns if c.startswith(prefix)]
    return float(h[cols[0]].iloc[row]), float(h[cols[-1]].iloc[row])


def relative_gradient(history, row: int = 0) -> float:
    """‖∂L/∂W₁‖ / ‖W₁‖ at `row`: how far a step of learning rate 1 moves the first layer's
    weights, relative to their size (the diagnosis's step size of layer 1)."""
    g = float(history["grad_norm_1"].iloc[row])
    w = float(history["weight_norm_1"].iloc[row]) if "weight_norm_1" in history else 1.0
    return g / w if w > 0 else float("nan")


# ---- checks (each a function of an Attempt) ------------------------------------------------
def converged(a: Attempt) -> Criterion:
    return Criterion("ex.c.converged", a.result.status == "ok", {"status": a.result.status})


def test_acc(at_least: float) -> Check:
    def check(a):
        v = float(a.result.final["test_accuracy"])
        return Criterion("ex.c.test_acc", v >= at_least, {"target": pct(at_least), "value": pct(v)})

    return check


def train_acc_by(at_least: float, epoch: int) -> Check:
    def check(a):
        h = a.result.history
        hits = np.flatnonzero(h["train_accuracy"].to_numpy() >= at_least)
        first = int(h["epoch"].iloc[hits[0]]) if hits.size else None
        ok = first is not None and first <= epoch
        value = "—" if first is None else str(first)
        return Criterion(
            "ex.c.train_acc_by", ok, {"target": pct(at_least), "epoch": str(epoch), "value": value}
        )

    return check


def train_loss_at_most(x: float) -> Check:
    def check(a):
        v = float(a.result.final["train_loss"])
        return Criterion("ex.c.train_loss", v <= x, {"target": f"{x:g}", "value": f"{v:.3f}"})

    return check


def delta_between(lo: float, hi: float) -> Check:
    """‖δ₁‖ / ‖δ_L‖ at epoch 0 within [lo, hi] (0 or inf for one-sided): how much of the output
    layer's error signal back-propagation carries to the first layer (the diagnosis's ratio)."""

    def check(a):
        h = a.result.history
        v = delta_ratio(h, 0) if len(h) else float("nan")
        ok = bool(np.isfinite(v) and lo <= v <= hi)
        key = "ex.c.delta_below" if lo == 0 else "ex.c.delta_above" if hi == np.inf else ""
        return Criterion(
            key or "ex.c.delta", ok, {"lo": f"{lo:g}", "hi": f"{hi:g}", "value": f"{v:.2g}"}
        )

    return check


# A healthy gradient keeps the error signal within 10× of its size from the output layer to
# layer 1. Measured (6 × 8, Glorot/He, epoch 0): tanh 0.53, ReLU 0.29, Leaky ReLU 0.26, ELU 0.56,
# SELU 2.0; sigmoid 6 × 8 1.6e-4 (vanishing); f′(0) = ½ activations (GELU, Swish, Softplus)
# 0.02–0.05, i.e. about ½ per layer. The diagnosis only warns beyond 1e-2 … 1e2 (VANISH_RATIO,
# EXPLODE_RATIO); a fix aims for the band healthy nets reach.
HEALTHY_DELTA = (0.1, 10.0)
# ‖∂L/∂W₁‖ / ‖W₁‖ at epoch 0 at least this: layer 1 actually moves. Healthy nets above: 0.04–0.15;
# every layer's gradient shrunk alike (tanh 6 × 8 with weights × 0.1): 2.7e-6.
MIN_STEP = 1e-3


def gradient_flows(lo: float = HEALTHY_DELTA[0], hi: float = HEALTHY_DELTA[1]) -> Check:
    """A healthy gradient at epoch 0: the error signal reaching layer 1 is between `lo` and `hi`
    times the output layer's, and layer 1's gradient is not tiny against its weights (catches a
    gradient shrunk alike in every layer)."""

    def check(a):
        h = a.result.history
        ratio, size = delta_ratio(h, 0), relative_gradient(h, 0)
        ok = bool(np.isfinite(ratio) and lo <= ratio <= hi and np.isfinite(size))
        ok = ok and size >= MIN_STEP
        params = {"lo": f"{lo:g}", "hi": f"{hi:g}", "rel": f"{MIN_STEP:g}"}
        return Criterion(
            "ex.c.flows", ok, {**params, "ratio": f"{ratio:.2g}", "size": f"{size:.1e}"}
        )

    return check


def not_saturated(at_most: float = 0.5) -> Check:
    """At epoch 0, at most `at_most` of hidden layer 1's outputs sit in a flat tail."""

    def check(a):
        h = a.result.history
        v = float(h["act_saturated_1"].iloc[0]) if "act_saturated_1" in h else 0.0
        return Criterion(
            "ex.c.not_saturated", v <= at_most, {"target": pct(at_most), "value": pct(v)}
        )

    return check


def units_differ(a: Attempt) -> Criterion:
    return Criterion("ex.c.units_differ", not units_identical(a.result.model), {})


def units_same(a: Attempt) -> Criterion:
    return Criterion("ex.c.units_same", units_identical(a.result.model), {})


def weights_moved(a: Attempt) -> Criterion:
    """Hidden layer 1's weights are no longer all zero after training."""
    moved = bool(np.abs(a.result.model.params[0]).max() > 0)
    return Criterion("ex.c.weights_moved", moved, {})


def finding(code: str, present: bool = True) -> Check:
    """The diagnosis reports `code` (or, with present=False, does not)."""

    def check(a):
        found = code in {f.code for f in diagnose(a.result)}
        return Criterion(f"ex.c.{'has' if present else 'no'}_{code}", found == present, {})

    return check


def setting(name: str, value, equal: bool = True) -> Check:
    """Setting `name` is (or, with equal=False, is not) `value`."""

    def check(a):
        v = getattr(a.result.config, name)
        ok = (v == value) == equal
        key = "ex.c.is" if equal else "ex.c.is_not"
        return Criterion(key, ok, {"controls": (name,), "target": str(value), "value": str(v)})

    return check


def per_feature_scaler(a: Attempt) -> Criterion:
    """The scaler works per feature (standardization or min-max), not per sample, not none."""
    v = a.result.config.scaler
    return Criterion("ex.c.per_feature", v in PER_FEATURE, {"value": v})


def at_least(name: str, x: float) -> Check:
    def check(a):
        v = getattr(a.result.config, name)
        return Criterion(
            "ex.c.at_least", v >= x, {"controls": (name,), "target": f"{x:g}", "value": f"{v:g}"}
        )

    return check


def max_size(width: int | None = None, depth: int | None = None, nodes: int | None = None):
    """At most `width` nodes per layer, `depth` hidden layers, `nodes` hidden nodes in all."""

    def check(a):
        c = a.result.config
        ok = (width is None or c.width <= width) and (depth is None or c.depth <= depth)
        ok = ok and (nodes is None or sum(c.hidden) <= nodes)
        shown = " × ".join(map(str, c.hidden)) or "0"
        if nodes is not None:
            return Criterion("ex.c.max_nodes", ok, {"target": str(nodes), "value": shown})
        return Criterion(
            "ex.c.max_size", ok, {"width": str(width), "depth": str(depth), "value": shown}
        )

    return check


def deeper_than_start(a: Attempt) -> Criterion:
    v, start = a.result.config.depth, a.start.depth
    return Criterion("ex.c.deeper", v > start, {"target": str(start), "value": str(v)})


def loss_never_above_start(a: Attempt) -> Criterion:
    """The train loss never rose above its value at epoch 0 (a step size the valley allows)."""
    loss = a.result.history["train_loss"].to_numpy()
    top = float(np.max(loss[1:])) if len(loss) > 1 else float(loss[0])
    ok = a.result.status == "ok" and top <= loss[0]
    return Criterion(
        "ex.c.loss_below_start", bool(ok), {"value": f"{top:.3g}", "start": f"{loss[0]:.3g}"}
    )


def mini_batches(a: Attempt) -> Criterion:
    n = updates_per_epoch(a.result)
    return Criterion("ex.c.mini_batches", n > 1, {"value": str(n)})


def full_batch(a: Attempt) -> Criterion:
    n = updates_per_epoch(a.result)
    return Criterion("ex.c.full_batch", n == 1, {"value": str(n)})


def test_loss_below_base(a: Attempt) -> Criterion:
    """The final test loss is lower than in the run of the step's base config."""
    v = float(a.result.final["test_loss"])
    before = float(a.base_result.final["test_loss"])
    return Criterion(
        "ex.c.test_loss_lower", v < before, {"value": f"{v:.3f}", "before": f"{before:.3f}"}
    )


def one_change(a: Attempt) -> Criterion:
    """Exactly one setting differs from the config that solved the previous step."""
    changed = changed_controls(a.previous, a.result.config) if a.previous is not None else ()
    return Criterion("ex.c.one_change", len(changed) == 1, {"changed": changed})


def only_changed(step: Step, a: Attempt) -> Criterion:
    bad = tuple(c for c in changed_controls(a.base, a.result.config) if c not in step.controls)
    key = "ex.c.only_previous" if step.base == "previous" else "ex.c.only"
    return Criterion(key, not bad, {"controls": step.controls, "changed": bad})


# ---- what the run showed, for predictions (each returns an option index) --------------------
def _three_way(x: float, low: float, high: float) -> int:
    """0: x ≥ high (grew), 1: in between, 2: x ≤ low (shrank)."""
    return 0 if x >= high else 2 if x <= low else 1


def scaled_circles(a: Attempt) -> int:
    """0: every class at the same distance from the centre (overlap), 1: axes rescaled but the
    inner class stays inside, 2: nothing moved (no scaling)."""
    r = a.result
    X = np.asarray(r.X_train, dtype=float)
    Z = np.asarray(r.scaler.transform(X), dtype=float)
    if Z.shape == X.shape and np.allclose(Z, X):
        return 2
    radius = np.linalg.norm(Z - Z.mean(axis=0), axis=1)
    means = [radius[r.y_train == k].mean() for k in np.unique(r.y_train)]
    return 0 if min(means) / max(means) > 0.8 else 1


def saturated_share(a: Attempt) -> int:
    """Hidden layer 1 at epoch 0 in the flat tails: 0 under 10 %, 1 10–50 %, 2 over 50 %."""
    h = a.result.history
    v = float(h["act_saturated_1"].iloc[0]) if "act_saturated_1" in h else 0.0
    return 0 if v < 0.1 else 1 if v <= 0.5 else 2


def output_gradient_vs_base(a: Attempt) -> int:
    """The last layer's gradient at epoch 0 against the base run's: ≥3×, within, ≤⅓."""
    now = _first_last(a.result.history, "grad_norm_")[1]
    before = _first_last(a.base_result.history, "grad_norm_")[1]
    return _three_way(now / before if before > 0 else np.inf, 1 / 3, 3)


def first_gradient_vs_base(a: Attempt) -> int:
    """The first layer's gradient at epoch 0 against the base run's: ≥10×, within, ≤1/10."""
    now = _first_last(a.result.history, "grad_norm_")[0]
    before = _first_last(a.base_result.history, "grad_norm_")[0]
    return _three_way(now / before if before > 0 else np.inf, 0.1, 10)


def ratio_vs_base(a: Attempt) -> int:
    """The δ ratio at epoch 0 against the base run's: 0 fell ≥10×, 1 within, 2 grew ≥10×."""
    now, before = delta_ratio(a.result.history, 0), delta_ratio(a.base_result.history, 0)
    if not (np.isfinite(now) and np.isfinite(before)) or before <= 0:
        return 1
    return 2 - _three_way(now / before, 0.1, 10)


def zero_weights_fate(a: Attempt) -> int:
    """0: hidden layer 1 stayed at zero, 1: it moved but its units are identical, 2: they differ."""
    if not weights_moved(a).passed:
        return 0
    return 1 if units_identical(a.result.model) else 2


def loss_course(a: Attempt) -> int:
    """0: the train loss stayed below its start, 1: it rose above it at some epoch and then
    settled, 2: it blew up (the run diverged)."""
    if a.result.status != "ok":
        return 2
    return 0 if loss_never_above_start(a).passed else 1


def updates_in_run(a: Attempt) -> int:
    """Weight updates over the whole run: 0 at most 100, 1 up to 1000, 2 more."""
    n = updates_per_epoch(a.result) * a.result.config.epochs
    return 0 if n <= 100 else 1 if n <= 1000 else 2


def _weight_size(result) -> float:
    h = result.history
    return float(sum(h[c].iloc[-1] for c in h.columns if c.startswith("weight_norm_")))


def l2_effect(a: Attempt) -> int:
    """0: weights smaller and a lower final test loss than the base run, 1: smaller weights but
    a higher test loss, 2: the weights stayed about as large (within 10 %)."""
    if _weight_size(a.result) >= 0.9 * _weight_size(a.base_result):
        return 2
    return 0 if test_loss_below_base(a).passed else 1


# ---- evaluation -----------------------------------------------------------------------------
def attempt(
    exercise: Exercise, step: int, result, previous: RunConfig | None = None, base_result=None
) -> Attempt:
    """What the checks of step `step` (0-based) see; `previous` solved the step before."""
    s = exercise.steps[step]
    base = previous if s.base == "previous" and previous is not None else exercise.start
    return Attempt(result, exercise.start, previous, base, base_result)


def evaluate(
    exercise: Exercise, step: int, result, previous: RunConfig | None = None, base_result=None
) -> list[Criterion]:
    """The checklist of step `step` (0-based) for a run; `previous` solved the step before;
    `base_result` is the run of the step's base config, if the caller has it (else trained)."""
    a = attempt(exercise, step, result, previous, base_result)
    s = exercise.steps[step]
    return [*(c(a) for c in (converged, *s.checks)), only_changed(s, a)]


def passed(criteria: list[Criterion]) -> bool:
    return all(c.passed for c in criteria)


def outcome(
    exercise: Exercise, step: int, result, previous: RunConfig | None = None, base_result=None
) -> int | None:
    """Which option of the exercise's prediction the run showed (None: no prediction here)."""
    p = exercise.predict
    if p is None or p.step != step:
        return None
    return p.outcome(attempt(exercise, step, result, previous, base_result))


# ---- the challenges -------------------------------------------------------------------------
_NORMALIZER = RunConfig(dataset="circles", scaler="normalizer_l2")
_CANCER = RunConfig(dataset="breast_cancer", scaler="none", epochs=200)
_SAT = dict(dataset="gaussians", activation="sigmoid", hidden=(8,), init_scale=20.0)
_MSE = RunConfig(loss="mse", optimizer="sgd", learning_rate=0.1, epochs=50, **_SAT)
_VANISH = RunConfig(epochs=50)
_ZEROS = RunConfig(initializer="zeros")
_EXPLODE = RunConfig(hidden=(32,) * 6, init_scale=20.0, epochs=20)
_LR_HIGH = RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=10.0)
_GD = RunConfig(optimizer="sgd", learning_rate=0.1, batch_size=0, epochs=100)
_CIRCLES = RunConfig(dataset="circles", hidden=(1,))
_XOR = RunConfig(dataset="xor", noise=0.1)
_OVERFIT = RunConfig(n_samples=100, noise=0.5, test_fraction=0.5, epochs=200)
_SPIRAL = RunConfig(dataset="spiral", noise=0.1)
_GRADIENT = ("activation", "initializer", "init_scale", "width", "depth")
_DEEP_SIGMOID = replace(_VANISH, activation="sigmoid", hidden=(8,) * 6)

EXERCISES: tuple[Exercise, ...] = (
    Exercise("normalizer", "1", _NORMALIZER,
             (Step((per_feature_scaler, test_acc(0.9)), ("scaler",)),),
             (replace(_NORMALIZER, scaler="standard"),), hints=3, quiz=3, answer=1,
             predict=Prediction(0, 3, scaled_circles)),
    Exercise("cancer_scaler", "1", _CANCER,
             (Step((setting("scaler", "none"), not_saturated(), test_acc(0.85)),
                   tuple(c for c in MODEL if c != "scaler")),
              Step((per_feature_scaler, test_acc(0.85)), ("scaler",))),
             (replace(_CANCER, activation="leaky_relu", hidden=(8,)),
              replace(_CANCER, scaler="standard")), hints=3,
             predict=Prediction(1, 3, saturated_share)),
    Exercise("mse_ce", "2", _MSE,
             (Step((setting("loss", "cross_entropy"), train_acc_by(0.9, 15)), ("loss",)),),
             (replace(_MSE, loss="cross_entropy"),), hints=2, quiz=3, answer=2,
             predict=Prediction(0, 3, output_gradient_vs_base)),
    Exercise("vanish_fix", "3", _VANISH,
             (Step((finding("vanishing"), delta_between(0, 1e-3)), _GRADIENT),
              Step((one_change, finding("vanishing", present=False), gradient_flows()),
                   _GRADIENT, base="previous")),
             (_DEEP_SIGMOID, replace(_DEEP_SIGMOID, activation="tanh")), hints=3,
             predict=Prediction(1, 3, first_gradient_vs_base)),
    Exercise("zero_init", "4", _ZEROS,
             (Step((setting("initializer", "zeros"), weights_moved, units_same), ("activation",)),
              Step((units_differ, test_acc(0.9)), ("initializer", "init_scale"))),
             (replace(_ZEROS, activation="sigmoid"), replace(_ZEROS, initializer="glorot_uniform")),
             hints=3, quiz=3, answer=0, predict=Prediction(0, 3, zero_weights_fate)),
    Exercise("explode_fix", "4", _EXPLODE,
             (Step((setting("init_scale", 20.0), delta_between(0, EXPLODE_RATIO)), ("depth",)),
              Step((finding("exploding", present=False), delta_between(*HEALTHY_DELTA),
                    test_acc(0.9)), ("initializer", "init_scale"))),
             (replace(_EXPLODE, hidden=(32,) * 2), replace(_EXPLODE, init_scale=1.0)), hints=3,
             predict=Prediction(0, 3, ratio_vs_base)),
    Exercise("largest_lr", "5", _LR_HIGH,
             (Step((at_least("learning_rate", 1.0), loss_never_above_start, test_acc(0.9)),
                   ("learning_rate",)),),
             (replace(_LR_HIGH, learning_rate=1.0),), hints=2,
             predict=Prediction(0, 3, loss_course)),
    Exercise("gd_sgd", "5", _GD,
             (Step((mini_batches, train_loss_at_most(0.15)), ("batch_size",)),
              Step((full_batch, train_loss_at_most(0.15)), ("epochs",))),
             (replace(_GD, batch_size=16), replace(_GD, epochs=1000)), hints=3, quiz=3, answer=2,
             predict=Prediction(0, 3, updates_in_run)),
    Exercise("circles_nodes", "6", _CIRCLES,
             (Step((test_acc(0.95), max_size(width=3, depth=1)), ("width",)),),
             (replace(_CIRCLES, hidden=(3,)),), hints=2),
    Exercise("xor_smallest", "6", _XOR,
             (Step((test_acc(0.9), max_size(nodes=3)), MODEL),),
             (replace(_XOR, hidden=(3,)),), hints=3),
    Exercise("overfit_l2", "6", _OVERFIT,
             (Step((finding("overfitting"),), MODEL),
              Step((finding("overfitting", present=False), test_loss_below_base,
                    finding("underfitting", present=False)), ("l2",), base="previous")),
             (replace(_OVERFIT, hidden=(32,) * 3),
              replace(_OVERFIT, hidden=(32,) * 3, l2=0.01)), hints=3,
             predict=Prediction(1, 3, l2_effect)),
    Exercise("spiral_small", "7", _SPIRAL,
             (Step((deeper_than_start, max_size(nodes=24), test_acc(0.95)), ("width", "depth")),),
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


# ---- progress in a link: `done=<id>,<id>` and `quiz=<id>.<answer>,…` -------------------------
def format_progress(done: Iterable[str], quiz: dict[str, int]) -> tuple[str, str]:
    """The `done` and `quiz` query values for exercises whose steps are done and quiz answers
    (in the exercises' order)."""
    done = set(done)
    ids = [e.id for e in EXERCISES]
    return (
        ",".join(i for i in ids if i in done),
        ",".join(f"{i}.{quiz[i]}" for i in ids if i in quiz),
    )


def parse_progress(done: str, quiz: str) -> tuple[set[str], dict[str, int], list[str]]:
    """Read a link's `done` and `quiz` values: (ids whose steps are done, quiz answers, the
    parts ignored: unknown ids, answers out of range, answers to exercises not done)."""
    ids, bad = set(), []
    for part in filter(None, (s.strip() for s in done.split(","))):
        (ids.add if part in BY_ID else bad.append)(part)
    answers: dict[str, int] = {}
    for part in filter(None, (s.strip() for s in quiz.split(","))):
        name, _, k = part.rpartition(".")
        ex = BY_ID.get(name)
        ok = ex is not None and ex.quiz and name in ids and k.isdigit() and int(k) < ex.quiz
        if ok and name not in answers:
            answers[name] = int(k)
        else:
            bad.append(part)
    return ids, answers, bad
