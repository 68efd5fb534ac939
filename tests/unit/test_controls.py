"""The app's controls (config.STEPS / SPANS): one definition of what the sidebar can show, used to
check links, setup files, presets and exercises. A value is accepted exactly when the sidebar can
show it as it is; anything else is refused with the field, the value and what is allowed."""

from __future__ import annotations

import math

import pytest

from playground import exercises, presets
from playground.config import (
    SPANS,
    STEPS,
    RunConfig,
    control_allowed,
    control_problems,
    control_value_ok,
    for_controls,
)


@pytest.mark.parametrize("name", sorted(STEPS))
def test_every_step_and_only_the_steps_are_accepted(name):
    steps = STEPS[name]
    for v in steps:  # first, last and every one between
        assert control_value_ok(name, v), v
    between = [(a + b) / 2 for a, b in zip(steps, steps[1:], strict=False)]
    for v in [*between, steps[0] - 1, steps[-1] * 2 + 1, math.inf, math.nan, True, "1", None]:
        assert not control_value_ok(name, v), v


@pytest.mark.parametrize("name", sorted(SPANS))
def test_span_ends_are_accepted_and_just_beyond_refused(name):
    lo, hi, _ = SPANS[name]
    assert control_value_ok(name, lo) and control_value_ok(name, hi)
    below, above = math.nextafter(lo, -math.inf), math.nextafter(hi, math.inf)
    for v in (below, above, -math.inf, math.inf, math.nan, True, "0.5"):
        assert not control_value_ok(name, v), v


@pytest.mark.parametrize(
    "name, value, ok",
    [
        ("width", 4.5, False),  # the sidebar cannot show half a node
        ("width", 4.0, True),
        ("depth", 7, False),
        ("n_samples", 20_000, False),
        ("n_samples", 120, True),  # within the slider (its step is for dragging)
        ("seed", 2**31, False),
        ("eps", None, True),  # the optimizer's own default
        ("momentum", None, False),
        ("activation", "relu", True),
        ("activation", "[click me](https://evil.example)", False),
    ],
)
def test_truth_table(name, value, ok):
    assert control_value_ok(name, value) is ok


@pytest.mark.parametrize(
    "config, field, words",
    [
        (RunConfig(hidden=(64, 64, 64)), "hidden", ["from 1 to 32"]),
        (RunConfig(hidden=(8, 40)), "hidden", ["8,40", "from 1 to 32"]),
        (RunConfig(hidden=(8,) * 7), "hidden", ["from 0 to 6"]),
        (RunConfig(epochs=5000), "epochs", ["one of 10, 20, 50, 100, 200, 300, 500, 1000"]),
        (RunConfig(learning_rate=0.05), "learning_rate", ["one of 1e-05"]),
        (RunConfig(n_samples=20_000), "n_samples", ["whole number from 50 to 2000"]),
        (RunConfig(noise=2.0), "noise", ["from 0 to 1"]),
        (RunConfig(test_fraction=0.9), "test_fraction", ["from 0.1 to 0.5"]),
        (RunConfig(test_fraction=0.05), "test_fraction", ["from 0.1 to 0.5"]),
    ],
)
def test_refused_setups_name_field_value_and_range(config, field, words):
    problems = control_problems(config)
    assert [p[0] for p in problems] == [field]
    with pytest.raises(ValueError) as info:
        for_controls(config)
    message = str(info.value)
    assert message.startswith(f"{field} = ")
    for word in words:
        assert word in message, message


def test_defaults_first_and_last_values_pass():
    assert for_controls(RunConfig()) == RunConfig()
    first = RunConfig(
        **{k: v[0] for k, v in STEPS.items()},
        hidden=(),
        n_samples=50,
        noise=0.0,
        test_fraction=0.1,
        seed=0,
    )
    last = RunConfig(
        **{k: v[-1] for k, v in STEPS.items()},
        hidden=(32,) * 6,
        n_samples=2000,
        noise=1.0,
        test_fraction=0.5,
        seed=2**31 - 1,
    )
    assert control_problems(first) == [] and control_problems(last) == []


def test_presets_and_exercises_fit_the_controls():
    """A preset or an exercise the sidebar cannot show would be changed when loaded."""
    for p in presets.PRESETS:
        assert control_problems(p.config) == [], p.id
    for ex in exercises.EXERCISES:
        for config in (ex.start, *ex.solution):
            assert control_problems(config) == [], ex.id


def test_allowed_text_of_every_control():
    for name in (*STEPS, *SPANS, "activation"):
        assert control_allowed(name)
    assert control_allowed("eps").endswith("(or null for the optimizer's default)")
