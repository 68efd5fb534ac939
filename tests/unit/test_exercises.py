"""Every exercise fails on its starting setup and passes on its known solution (real runs)."""

from dataclasses import replace
from functools import cache

import pytest

from playground import exercises
from playground.app import i18n
from playground.config import FIELD_NAMES, RunConfig
from playground.experiment import run
from tests.unit.test_presets import on_sidebar

EXERCISES = exercises.EXERCISES


@cache
def result(config: RunConfig):
    return run(config)


def check(ex, step: int, config: RunConfig, previous: RunConfig | None = None):
    return exercises.evaluate(ex, step, result(config), previous)


def test_at_least_ten_exercises_over_all_seven_points():
    assert len(EXERCISES) >= 10 and len(exercises.BY_ID) == len(EXERCISES)
    assert {e.point for e in EXERCISES} == set("1234567")


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_fails_on_the_start_and_passes_on_the_solution(ex):
    assert len(ex.solution) == len(ex.steps)
    previous = None
    for step, solution in enumerate(ex.solution):
        before = ex.start if step == 0 or ex.steps[step].base == "start" else previous
        failing = check(ex, step, before, previous)
        assert not exercises.passed(failing), (step, failing)
        solved = check(ex, step, solution, previous)
        assert exercises.passed(solved), (step, [c for c in solved if not c.passed])
        previous = solution


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_setups_fit_the_sidebar_and_hints_quiz_and_texts_exist(ex):
    assert all(on_sidebar(c) for c in (ex.start, *ex.solution))
    assert ex.hints >= 2
    assert ex.quiz == 0 or 0 <= ex.answer < ex.quiz
    keys = [f"ex.{ex.id}.{k}" for k in ("title", "task", "why")]
    keys += [f"ex.{ex.id}.step.{n}" for n in range(1, len(ex.steps) + 1)]
    keys += [f"ex.{ex.id}.hint.{n}" for n in range(1, ex.hints + 1)]
    if ex.quiz:
        keys += [f"ex.{ex.id}.quiz"] + [f"ex.{ex.id}.quiz.{k}" for k in range(ex.quiz)]
    for key in keys:
        assert key in i18n.catalogue("exercises", "en") and key in i18n.catalogue(
            "exercises", "ko"
        ), key
    assert f"ex.{ex.id}.hint.{ex.hints + 1}" not in i18n.catalogue("exercises", "en")


def test_catalogues_have_the_same_keys_and_every_criterion_is_worded():
    assert set(i18n.catalogue("exercises", "en")) == set(i18n.catalogue("exercises", "ko"))
    assert all(k.startswith("ex.") for k in i18n.catalogue("exercises", "en"))
    for key in i18n.catalogue("exercises", "en"):
        assert i18n.catalogue("exercises", "ko")[key].strip(), key
    crit_keys = {
        c.key
        for ex in EXERCISES
        for s in range(len(ex.steps))
        for c in exercises.evaluate(ex, s, result(ex.solution[s]), ex.start)
    }
    assert crit_keys <= set(i18n.catalogue("exercises", "en"))
    assert set(i18n.EN) >= set(i18n.catalogue("exercises", "en"))  # registered at import


def test_only_the_allowed_controls_may_change():
    ex = exercises.get("largest_lr")
    cheat = replace(ex.solution[0], optimizer="adam")
    crit = {c.key: c for c in check(ex, 0, cheat)}
    assert not crit["ex.c.only"].passed and crit["ex.c.only"].params["changed"] == ("optimizer",)


def test_changed_controls_speaks_in_widgets():
    a = RunConfig(hidden=(8, 8))
    assert exercises.changed_controls(a, replace(a, hidden=(8, 8, 8))) == ("depth",)
    assert exercises.changed_controls(a, replace(a, hidden=(4, 4))) == ("width",)
    assert exercises.changed_controls(a, replace(a, hidden=())) == ("depth",)
    assert exercises.changed_controls(a, replace(a, l2=0.01, seed=3)) == ("seed", "l2")
    fields = set(FIELD_NAMES) - {"hidden"}
    assert set(exercises.CONTROLS) == fields | {"width", "depth"}
    assert len(exercises.CONTROLS) == len(fields) + 2


def test_lock_links():
    ex = exercises.get("normalizer")
    assert exercises.lock_set(ex, "scaler, loss,bogus") == {"scaler", "loss"}
    auto = exercises.lock_set(ex, "auto")
    assert "scaler" not in auto and {"loss", "dataset", "width"} <= auto
    with pytest.raises(ValueError, match="Valid exercises"):
        exercises.get("nope")
