"""The challenges (ids are kept: instructors' links use them), their evaluation, link locks and
progress in a link (`done=<id>,<id>` and `quiz=<id>.<answer>,…`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from playground.config import RunConfig
from playground.diagnosis import EXPLODE_RATIO
from playground.exercises.checks import (
    HEALTHY_DELTA,
    at_least,
    converged,
    deeper_than_start,
    delta_between,
    finding,
    full_batch,
    gradient_flows,
    loss_never_above_start,
    max_size,
    mini_batches,
    not_saturated,
    one_change,
    only_changed,
    per_feature_scaler,
    setting,
    test_acc,
    test_loss_below_base,
    train_acc_by,
    train_loss_at_most,
    units_differ,
    units_same,
    weights_moved,
)
from playground.exercises.model import (
    CONTROLS,
    MODEL,
    Attempt,
    Criterion,
    Exercise,
    Prediction,
    Step,
)
from playground.exercises.outcomes import (
    first_gradient_vs_base,
    l2_effect,
    loss_course,
    output_gradient_vs_base,
    ratio_vs_base,
    saturated_share,
    scaled_circles,
    updates_in_run,
    zero_weights_fate,
)


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
