"""Every exercise fails on its starting setup, passes on its known solution and fails on plausible
wrong fixes for the concept it teaches (real runs); predictions report what the run showed;
quizzes are fair; progress survives as a link."""

from dataclasses import replace
from functools import cache

import pytest

from playground import exercises
from playground.app import i18n
from playground.config import FIELD_NAMES, RunConfig
from playground.experiment import run
from tests.unit.test_presets import on_sidebar

EXERCISES = exercises.EXERCISES
EN, KO = i18n.catalogue("exercises", "en"), i18n.catalogue("exercises", "ko")


@cache
def result(config: RunConfig):
    return run(config)


def check(ex, step: int, config: RunConfig, previous: RunConfig | None = None):
    base = previous if ex.steps[step].base == "previous" and previous else ex.start
    return exercises.evaluate(ex, step, result(config), previous, result(base))


def failing(criteria) -> set[str]:
    return {c.key for c in criteria if not c.passed}


def test_at_least_ten_exercises_over_all_seven_points():
    assert len(EXERCISES) >= 10 and len(exercises.BY_ID) == len(EXERCISES)
    assert {e.point for e in EXERCISES} == set("1234567")


def test_todays_exercise_ids_are_kept():  # instructors' links use them
    ids = {"normalizer", "cancer_scaler", "mse_ce", "vanish_fix", "zero_init", "explode_fix"}
    ids |= {"largest_lr", "gd_sgd", "circles_nodes", "xor_smallest", "overfit_l2", "spiral_small"}
    assert ids <= set(exercises.BY_ID)


@pytest.mark.parametrize("ex", EXERCISES, ids=lambda e: e.id)
def test_fails_on_the_start_and_passes_on_the_solution(ex):
    assert len(ex.solution) == len(ex.steps)
    previous = None
    for step, solution in enumerate(ex.solution):
        before = ex.start if step == 0 or ex.steps[step].base == "start" else previous
        assert not exercises.passed(check(ex, step, before, previous)), step
        solved = check(ex, step, solution, previous)
        assert exercises.passed(solved), (step, [c for c in solved if not c.passed])
        previous = solution


# ---- wrong fixes: exercise id → (step, config, previous or None, a criterion that must fail) ----
_S = {e.id: e.start for e in EXERCISES}
_SIG6 = exercises.BY_ID["vanish_fix"].solution[0]  # sigmoid, 6 layers of 8: vanishing
_OVER = exercises.BY_ID["overfit_l2"].solution[0]  # 3 × 32 on 50 noisy points: overfitting
WRONG = {
    "normalizer": [  # the raw circles learn too, but the lesson is a per-feature scaler
        (0, replace(_S["normalizer"], scaler="none"), None, "ex.c.per_feature"),
        (0, replace(_S["normalizer"], scaler="normalizer_l1"), None, "ex.c.per_feature"),
        (0, replace(_S["normalizer"], scaler="normalizer_max"), None, "ex.c.per_feature"),
    ],
    "cancer_scaler": [
        (0, replace(_S["cancer_scaler"], activation="sigmoid", hidden=(8,), epochs=1000), None,
         "ex.c.not_saturated"),
        (0, replace(_S["cancer_scaler"], learning_rate=0.1, epochs=1000), None,
         "ex.c.not_saturated"),
        (0, replace(_S["cancer_scaler"], scaler="standard"), None, "ex.c.is"),
        (1, replace(_S["cancer_scaler"], scaler="normalizer_l2"), None, "ex.c.per_feature"),
        (1, replace(_S["cancer_scaler"], activation="leaky_relu", hidden=(8,)), None,
         "ex.c.per_feature"),
    ],
    "mse_ce": [(0, replace(_S["mse_ce"], loss="hinge"), None, "ex.c.is")],  # fast, not CE
    "vanish_fix": [
        (0, replace(_SIG6, hidden=(8,) * 5), None, "ex.c.delta_below"),  # 1.1e-3: not quite
        (0, replace(_SIG6, init_scale=3.0), None, "ex.c.has_vanishing"),  # |w|·f′ near 1
        (1, replace(_SIG6, init_scale=5.0), _SIG6, "ex.c.flows"),
        (1, replace(_SIG6, hidden=(8,) * 5), _SIG6, "ex.c.flows"),
        (1, replace(_SIG6, initializer="he_uniform"), _SIG6, "ex.c.flows"),
        (1, replace(_SIG6, activation="gelu"), _SIG6, "ex.c.flows"),  # f′(0) = ½: halves per layer
        # small weights shrink every layer's gradient alike: tanh alone does not fix that
        (1, replace(_SIG6, activation="tanh", init_scale=0.1),
         replace(_SIG6, init_scale=0.1), "ex.c.flows"),
        (1, replace(_SIG6, activation="tanh", hidden=(8,) * 3), _SIG6, "ex.c.one_change"),
    ],
    "zero_init": [
        (0, replace(_S["zero_init"], activation="relu"), None, "ex.c.weights_moved"),
        (0, replace(_S["zero_init"], activation="elu"), None, "ex.c.weights_moved"),
        (1, replace(_S["zero_init"], init_scale=100.0), None, "ex.c.units_differ"),
        (1, replace(_S["zero_init"], initializer="random_normal"), None, "ex.c.test_acc"),
        (1, replace(_S["zero_init"], initializer="glorot_uniform", init_scale=0.001), None,
         "ex.c.test_acc"),
    ],
    "explode_fix": [
        (0, replace(_S["explode_fix"], hidden=(32,) * 5), None, "ex.c.delta_below"),
        (0, replace(_S["explode_fix"], hidden=(32,) * 3), None, "ex.c.delta_below"),
        (0, replace(_S["explode_fix"], hidden=(8,) * 6), None, "ex.c.only"),
        (1, replace(_S["explode_fix"], initializer="he_uniform"), None, "ex.c.delta"),
        (1, replace(_S["explode_fix"], init_scale=10.0), None, "ex.c.delta"),
        (1, replace(_S["explode_fix"], init_scale=3.0), None, "ex.c.delta"),  # still 3× too large
        (1, replace(_S["explode_fix"], initializer="random_uniform"), None, "ex.c.delta"),
    ],
    "largest_lr": [
        (0, replace(_S["largest_lr"], learning_rate=3.0), None, "ex.c.converged"),
        (0, replace(_S["largest_lr"], learning_rate=0.3), None, "ex.c.at_least"),
        (0, replace(_S["largest_lr"], learning_rate=1.0, optimizer="adam"), None, "ex.c.only"),
    ],
    "gd_sgd": [
        (0, replace(_S["gd_sgd"], batch_size=128), None, "ex.c.train_loss"),
        (0, replace(_S["gd_sgd"], optimizer="adam"), None, "ex.c.mini_batches"),
        (1, replace(_S["gd_sgd"], epochs=500), None, "ex.c.train_loss"),
        (1, replace(_S["gd_sgd"], batch_size=16), None, "ex.c.full_batch"),
    ],
    "circles_nodes": [
        (0, replace(_S["circles_nodes"], hidden=(2,)), None, "ex.c.test_acc"),
        (0, replace(_S["circles_nodes"], hidden=(8,)), None, "ex.c.max_size"),
    ],
    "xor_smallest": [
        (0, replace(_S["xor_smallest"], hidden=(2,)), None, "ex.c.test_acc"),
        (0, replace(_S["xor_smallest"], hidden=(2,), epochs=500), None, "ex.c.test_acc"),
        (0, replace(_S["xor_smallest"], hidden=(1, 1)), None, "ex.c.test_acc"),
        (0, replace(_S["xor_smallest"], hidden=()), None, "ex.c.test_acc"),
    ],
    "overfit_l2": [
        (0, replace(_OVER, epochs=50), None, "ex.c.has_overfitting"),
        (1, replace(_OVER, l2=0.001), _OVER, "ex.c.no_overfitting"),
        (1, replace(_OVER, l2=0.003), _OVER, "ex.c.no_overfitting"),
        (1, replace(_OVER, epochs=50), _OVER, "ex.c.only_previous"),  # stopping early is not L2
    ],
    "spiral_small": [
        (0, replace(_S["spiral_small"], hidden=(12, 12)), None, "ex.c.deeper"),  # same nodes
        (0, replace(_S["spiral_small"], hidden=(16, 16)), None, "ex.c.max_nodes"),
        (0, replace(_S["spiral_small"], hidden=(6,) * 4), None, "ex.c.test_acc"),
        (0, replace(_S["spiral_small"], learning_rate=0.03), None, "ex.c.deeper"),
    ],
}  # fmt: skip


def test_every_exercise_has_wrong_fixes():
    assert set(WRONG) == set(exercises.BY_ID)


@pytest.mark.parametrize(
    ("ex_id", "step", "config", "previous", "key"),
    [(i, *w) for i, ws in WRONG.items() for w in ws],
    ids=[f"{i}-{n}" for i, ws in WRONG.items() for n in range(len(ws))],
)
def test_a_plausible_wrong_fix_fails_on_the_concept(ex_id, step, config, previous, key):
    crit = check(exercises.BY_ID[ex_id], step, config, previous)
    assert key in failing(crit), [(c.key, c.params) for c in crit]


def test_wrong_fixes_that_reach_the_metric_fail_only_on_the_concept():
    """The holes of the old checks: the metric passes, only concept checks fail."""
    cases = [
        ("normalizer", 0, WRONG["normalizer"][0][1], None, {"ex.c.per_feature"}),
        ("mse_ce", 0, WRONG["mse_ce"][0][1], None, {"ex.c.is"}),
        ("vanish_fix", 1, replace(_SIG6, activation="tanh", init_scale=0.1),
         replace(_SIG6, init_scale=0.1), {"ex.c.flows", "ex.c.no_vanishing"}),
        ("spiral_small", 0, WRONG["spiral_small"][3][1], None, {"ex.c.deeper", "ex.c.only"}),
        ("overfit_l2", 1, replace(_OVER, epochs=50), _OVER, {"ex.c.only_previous"}),
    ]  # fmt: skip
    for ex_id, step, config, previous, keys in cases:
        bad = failing(check(exercises.BY_ID[ex_id], step, config, previous))
        assert bad and bad <= keys, (ex_id, bad)


# ---- predictions -------------------------------------------------------------------------------
# exercise id → [(config, previous, option the run shows)]; the solution shows the concept's answer
PREDICTED = {
    "normalizer": [(replace(_S["normalizer"], scaler=s), None, k) for s, k in
                   [("standard", 1), ("minmax", 1), ("normalizer_l2", 0), ("normalizer_max", 0),
                    ("none", 2)]],
    "cancer_scaler": [(replace(_S["cancer_scaler"], scaler="standard"), None, 0),
                      (_S["cancer_scaler"], None, 2)],
    "mse_ce": [(replace(_S["mse_ce"], loss="cross_entropy"), None, 0), (_S["mse_ce"], None, 1)],
    "vanish_fix": [(replace(_SIG6, activation="tanh"), _SIG6, 0),
                   (replace(_SIG6, initializer="he_uniform"), _SIG6, 1)],
    "zero_init": [(replace(_S["zero_init"], activation="sigmoid"), None, 1),
                  (replace(_S["zero_init"], activation="relu"), None, 0),
                  (replace(_S["zero_init"], initializer="glorot_uniform"), None, 2)],
    "explode_fix": [(replace(_S["explode_fix"], hidden=(32,) * 2), None, 0),
                    (replace(_S["explode_fix"], hidden=(32,) * 5), None, 1)],
    "largest_lr": [(replace(_S["largest_lr"], learning_rate=1.0), None, 0),
                   (replace(_S["largest_lr"], learning_rate=3.0), None, 2)],
    "gd_sgd": [(replace(_S["gd_sgd"], batch_size=16), None, 2),
               (replace(_S["gd_sgd"], batch_size=128), None, 1), (_S["gd_sgd"], None, 0)],
    "overfit_l2": [(replace(_OVER, l2=0.01), _OVER, 0)],
}  # fmt: skip


def test_at_least_half_the_exercises_ask_for_a_prediction():
    with_prediction = {e.id for e in EXERCISES if e.predict}
    assert with_prediction == set(PREDICTED) and 2 * len(with_prediction) >= len(EXERCISES)


@pytest.mark.parametrize("ex_id", PREDICTED)
def test_a_prediction_is_compared_with_what_the_run_showed(ex_id):
    ex = exercises.BY_ID[ex_id]
    step = ex.predict.step
    previous = ex.solution[step - 1] if step else None
    assert exercises.outcome(ex, step, result(ex.solution[step]), previous) is not None
    for config, prev, shown in PREDICTED[ex_id]:
        prev = prev if prev is not None else previous
        assert exercises.outcome(ex, step, result(config), prev) == shown, config
    other = (step + 1) % len(ex.steps)
    if other != step:
        assert exercises.outcome(ex, other, result(ex.solution[other]), previous) is None


def test_a_loss_that_jumps_above_its_start_then_settles_is_told_apart():
    ex = exercises.get("largest_lr")
    jumpy = RunConfig(optimizer="sgd", learning_rate=10.0, batch_size=0)  # 0.78 → 5 → settles
    r = result(jumpy)
    assert r.status == "ok" and r.history["train_loss"].max() > r.history["train_loss"].iloc[0]
    assert exercises.outcome(ex, 0, r) == 1


# ---- texts, quizzes -----------------------------------------------------------------------------
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
        keys += [f"ex.{ex.id}.quiz.{k}.why" for k in range(ex.quiz)]
    if ex.predict:
        keys += [f"ex.{ex.id}.predict"]
        keys += [f"ex.{ex.id}.predict.{k}" for k in range(ex.predict.options)]
    for key in keys:
        assert key in EN and key in KO, key
    assert f"ex.{ex.id}.hint.{ex.hints + 1}" not in EN
    assert f"ex.{ex.id}.quiz.{ex.quiz}" not in EN
    if ex.predict:
        assert f"ex.{ex.id}.predict.{ex.predict.options}" not in EN


QUIZZES = [e for e in EXERCISES if e.quiz]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("ex", QUIZZES, ids=lambda e: e.id)
def test_quiz_options_have_similar_lengths(ex, lang):
    """The right answer must not stand out as the longest (or shortest) option."""
    cat = EN if lang == "en" else KO
    lengths = [len(cat[f"ex.{ex.id}.quiz.{k}"]) for k in range(ex.quiz)]
    mean = sum(lengths) / len(lengths)
    assert all(0.65 * mean <= n <= 1.35 * mean for n in lengths), lengths


def test_the_right_answer_moves_between_quizzes():
    answers = [e.answer for e in QUIZZES]
    assert len(QUIZZES) >= 4 and len(set(answers)) >= 3, answers


def test_no_exercise_text_says_standardization_keeps_distances():
    for key, text in EN.items():
        assert "keeps the distances" not in text and "keeps the shape" not in text, key
    assert "거리를 지킵" not in " ".join(KO.values())
    assert "rescales each" in EN["ex.normalizer.why"]


def test_catalogues_have_the_same_keys_and_every_criterion_is_worded():
    assert set(EN) == set(KO)
    assert all(k.startswith("ex.") for k in EN)
    for key in EN:
        assert KO[key].strip(), key
    crit_keys = {
        c.key
        for ex in EXERCISES
        for s in range(len(ex.steps))
        for c in check(ex, s, ex.solution[s], ex.solution[s - 1] if s else None)
    }
    crit_keys |= {key for ws in WRONG.values() for *_, key in ws}
    assert crit_keys <= set(EN), crit_keys - set(EN)
    assert set(i18n.EN) >= set(EN)  # registered at import


def test_only_the_allowed_controls_may_change():
    ex = exercises.get("largest_lr")
    cheat = replace(ex.solution[0], optimizer="adam")
    crit = {c.key: c for c in check(ex, 0, cheat)}
    assert not crit["ex.c.only"].passed and crit["ex.c.only"].params["changed"] == ("optimizer",)


def test_evaluate_trains_the_base_itself_when_not_given():
    ex = exercises.get("overfit_l2")
    crit = exercises.evaluate(ex, 1, result(ex.solution[1]), ex.solution[0])
    assert exercises.passed(crit)


def test_changed_controls_speaks_in_widgets():
    a = RunConfig(hidden=(8, 8))
    assert exercises.changed_controls(a, replace(a, hidden=(8, 8, 8))) == ("depth",)
    assert exercises.changed_controls(a, replace(a, hidden=(4, 4))) == ("width",)
    assert exercises.changed_controls(a, replace(a, hidden=())) == ("depth",)
    assert exercises.changed_controls(a, replace(a, l2=0.01, seed=3)) == ("seed", "l2")
    assert exercises.changed_controls(a, replace(a, hidden=(8, 4))) == ("width",)  # layer 2
    b = replace(a, l1=0.01, features=("x1", "x2", "x1sq"))
    assert exercises.changed_controls(a, b) == ("features", "l1")
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


# ---- progress as a link -------------------------------------------------------------------------
def test_progress_round_trips_through_the_query_values():
    done, quiz = {"mse_ce", "normalizer", "largest_lr"}, {"normalizer": 0, "mse_ce": 2}
    values = exercises.format_progress(done, quiz)
    assert values == ("normalizer,mse_ce,largest_lr", "normalizer.0,mse_ce.2")
    assert exercises.parse_progress(*values) == (done, quiz, [])
    assert exercises.format_progress(set(), {}) == ("", "")
    assert exercises.parse_progress("", "") == (set(), {}, [])


@pytest.mark.parametrize(
    ("done", "quiz", "ids", "answers", "ignored"),
    [
        ("bogus,normalizer", "", {"normalizer"}, {}, ["bogus"]),
        ("normalizer", "normalizer.7", {"normalizer"}, {}, ["normalizer.7"]),
        ("normalizer", "normalizer.x,normalizer", {"normalizer"}, {},
         ["normalizer.x", "normalizer"]),
        ("normalizer", "normalizer.-1", {"normalizer"}, {}, ["normalizer.-1"]),
        ("", "normalizer.1", set(), {}, ["normalizer.1"]),  # a quiz before the steps: tampered
        ("largest_lr", "largest_lr.0", {"largest_lr"}, {}, ["largest_lr.0"]),  # it has no quiz
        ("normalizer", "normalizer.1,normalizer.2", {"normalizer"}, {"normalizer": 1},
         ["normalizer.2"]),
        (",,normalizer,,", " normalizer.1 ", {"normalizer"}, {"normalizer": 1}, []),
        ("%00<script>", "a.b.c", set(), {}, ["%00<script>", "a.b.c"]),
    ],
)  # fmt: skip
def test_malformed_progress_values_are_ignored_and_named(done, quiz, ids, answers, ignored):
    assert exercises.parse_progress(done, quiz) == (ids, answers, ignored)
