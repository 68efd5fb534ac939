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

Modules: `model` (the dataclasses), `checks`, `outcomes` (for predictions), `catalogue` (the
challenges, `evaluate`, `passed`, `outcome`, link locks and progress). The public API is here:
`exercises.get(id)`, `exercises.evaluate(...)`, `exercises.passed(...)`, `exercises.EXERCISES`, ….
"""

from playground.exercises.catalogue import (
    BY_ID,
    EXERCISES,
    attempt,
    evaluate,
    format_progress,
    get,
    lock_set,
    outcome,
    parse_progress,
    passed,
)
from playground.exercises.model import (
    CONTROLS,
    DATA,
    MODEL,
    Attempt,
    Criterion,
    Exercise,
    Prediction,
    Step,
    changed_controls,
)

__all__ = [
    "BY_ID", "CONTROLS", "DATA", "EXERCISES", "MODEL", "Attempt", "Criterion", "Exercise",
    "Prediction", "Step", "attempt", "changed_controls", "evaluate", "format_progress", "get",
    "lock_set", "outcome", "parse_progress", "passed",
]  # fmt: skip
