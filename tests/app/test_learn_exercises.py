"""Learn and Exercises pages (AppTest): every section in both languages, Try-it buttons that load
a preset into the sidebar, exercises that check the sidebar's setup, links that lock controls."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from playground import exercises, presets
from playground.app import exercise_progress, i18n, state
from playground.app.pages import learn as learn_page
from playground.app.pages.learn import activation, cost, gradients, initialization
from playground.app.safe import md
from playground.nn import initializers

REPO = Path(__file__).resolve().parents[2]
# One script for all pages: "preload" puts a RunConfig (JSON) into the sidebar first, as a
# button's on_click would; page "sidebar" draws only the sidebar and keeps its RunConfig.
SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from playground.app import sidebar
from playground.config import RunConfig

if "preload" in st.session_state:
    sidebar.load_config(RunConfig.from_json(st.session_state.pop("preload")))
page = st.session_state.get("page", "learn")
if page == "learn":
    from playground.app.pages.learn import render
    render()
elif page == "exercises":
    from playground.app.pages.exercises import render
    render()
else:
    st.session_state["config"] = sidebar.render()
"""


def app(page: str = "learn", lang: str = "en", **state) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=90)
    at.session_state["page"] = page
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    return at


# ---- Learn ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("section", learn_page.SECTIONS)
def test_every_learn_section_renders_in_both_languages(section, lang):
    at = app(lang=lang, learn_section=section).run()
    assert not at.exception
    catalogue = i18n.catalogue("learn", "en") if lang == "en" else i18n.catalogue("learn", "ko")
    assert [h.value for h in at.subheader] == [catalogue[f"learn.sec.{section}"]]
    assert at.title[0].value == catalogue["learn.title"]
    assert len(at.latex) >= 1
    tries = [b for b in at.button if b.key.startswith("try_")]
    assert len(tries) == len(learn_page.SECTION_PRESETS[section])
    assert all(b.label == catalogue["learn.try_btn"] for b in tries)


@pytest.mark.parametrize(
    ("section", "preset_id"),
    [("1", "normalizer_circles"), ("5", "lr_too_high"), ("6", "too_many_nodes")],
)
def test_try_it_puts_the_preset_into_the_sidebar(section, preset_id):
    preset = presets.get(preset_id)
    at = app(learn_section=section).run()
    at.button(key=f"try_{section}_{preset_id}").click().run()
    assert not at.exception
    c = preset.config
    s = at.session_state
    assert (s["dataset"], s["scaler"], s["optimizer"]) == (c.dataset, c.scaler, c.optimizer)
    assert (s["learning_rate"], s["width"], s["depth"]) == (c.learning_rate, c.width, c.depth)
    at.session_state["page"] = "sidebar"  # the playground's sidebar now shows exactly the preset
    at.run()
    assert not at.exception
    assert at.session_state["config"] == c


def test_learn_pictures_use_the_playground_code():
    f, df = activation.activation_curve("sigmoid", activation.np.array([0.0]))
    assert f[0] == 0.5 and df[0] == 0.25
    _, h_pq, h_p = cost.cross_entropy_numeric(0.0)
    assert abs(h_pq - h_p) < 1e-6 and abs(h_p - 1.4189) < 1e-3  # ½·ln(2πe)
    w = initialization.initial_weights("glorot_normal", 64, 64)
    assert abs(w.std() - initializers.get("glorot_normal").scale(64, 64)) < 0.01
    assert gradients.gradient_norms("sigmoid", 0.1, 6, 8, "glorot_uniform")[0] < 1e-6


# ---- Exercises --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exercise_page_renders_in_both_languages(lang):
    at = app("exercises", lang).run()
    assert not at.exception
    catalogue = (
        i18n.catalogue("exercises", "en") if lang == "en" else i18n.catalogue("exercises", "ko")
    )
    assert at.title[0].value == catalogue["ex.title"]
    assert at.selectbox(key=state.EX_CURRENT).value == exercises.EXERCISES[0].id
    for ex in exercises.EXERCISES:  # (set_value would format the options outside the run)
        at.session_state[state.EX_SELECTED] = ex.id
        at.run()
        assert not at.exception, ex.id
        assert at.markdown[0].value == catalogue[f"ex.{ex.id}.task"]


def _check(at: AppTest, config) -> AppTest:
    at.session_state["preload"] = config.to_json()
    at.run()
    return at.button(key="ex_check").click().run()


def test_a_link_opens_an_exercise_with_controls_locked():
    at = app("exercises")
    at.query_params["exercise"] = "largest_lr"
    at.query_params["lock"] = "auto"
    at.run()
    assert not at.exception
    assert at.selectbox(key=state.EX_CURRENT).value == "largest_lr"
    start = exercises.get("largest_lr").start  # loaded, so the locked controls hold its values
    assert (at.session_state["optimizer"], at.session_state["learning_rate"]) == ("sgd", 10.0)
    assert at.session_state["activation"] == start.activation
    locked = at.session_state[state.LOCKED]
    assert "learning_rate" not in locked and {"optimizer", "scaler", "dataset"} <= locked
    at.button(key="ex_unlock").click().run()
    assert at.session_state[state.LOCKED] == set()


def _predict(at: AppTest, ex, choice: int) -> AppTest:
    return at.radio(key=f"ex_predict_{ex.id}").set_value(choice).run()


EN = i18n.catalogue("exercises", "en")


def test_solution_passes_and_the_start_does_not():
    ex = exercises.get("largest_lr")
    at = app("exercises", **{state.EX_SELECTED: ex.id}).run()
    assert at.button(key="ex_check").disabled  # a prediction first
    _predict(at, ex, 2)  # "it blows up"
    assert not at.button(key="ex_check").disabled
    _check(at, ex.start)
    progress = at.session_state[state.EX_PROGRESS][ex.id]
    assert progress["attempts"] == 1 and progress["step"] == 0 and progress["prediction"] == 2
    assert not exercises.passed(progress["last"][1]) and progress["last"][2] == 2  # it diverged
    assert any(w.value.startswith("Not yet") for w in at.warning)
    assert EN["ex.predict_match"] in [s.value for s in at.success]
    assert at.radio(key=f"ex_predict_{ex.id}").disabled  # recorded: no second guess
    _check(at, ex.solution[0])
    progress = at.session_state[state.EX_PROGRESS][ex.id]
    assert progress["attempts"] == 2 and progress["step"] == 1
    assert progress["last"][2] == 0 and progress["predicted_right"] is False
    assert EN["ex.predict_miss"] in [i.value for i in at.info]
    shown = f"**{EN['ex.predicted']}:** {EN['ex.largest_lr.predict.2']}  \n"
    shown += f"**{EN['ex.shown']}:** {EN['ex.largest_lr.predict.0']}"
    assert shown in [m.value for m in at.markdown]
    assert [s.value for s in at.success] == [EN["ex.solved"]]
    row = at.dataframe[0].value.iloc[exercises.EXERCISES.index(ex)]
    assert "✓" in row.iloc[2] and row.iloc[-1] == EN["ex.mark.wrong"]


def test_two_step_exercise():
    ex = exercises.get("overfit_l2")
    at = app("exercises", "ko", **{state.EX_SELECTED: ex.id}).run()
    _check(at, ex.solution[0])
    assert at.session_state[state.EX_PROGRESS][ex.id]["step"] == 1
    assert at.button(key="ex_check").disabled  # step 2 asks for a prediction
    _predict(at, ex, 0)
    _check(at, ex.solution[1])
    progress = at.session_state[state.EX_PROGRESS][ex.id]
    assert progress["step"] == 2 and progress["predicted_right"] is True
    assert not at.exception
    at.button(key="ex_check").click().run()  # checking a solved exercise again still passes
    progress = at.session_state[state.EX_PROGRESS][ex.id]
    assert exercises.passed(progress["last"][1]) and progress["attempts"] == 3


def _solve_normalizer(lang: str = "en") -> AppTest:
    quiz = exercises.get("normalizer")
    at = app("exercises", lang, **{state.EX_SELECTED: quiz.id}).run()
    _predict(at, quiz, 1)
    return _check(at, quiz.solution[0])


def test_a_quiz_takes_one_answer_then_locks_and_explains():
    quiz = exercises.get("normalizer")
    at = _solve_normalizer("ko")
    ko = i18n.catalogue("exercises", "ko")
    assert ko["ex.quiz_first"] in [i.value for i in at.info]
    wrong = (quiz.answer + 1) % quiz.quiz
    at.radio(key=f"ex_quiz_{quiz.id}").set_value(wrong).run()
    assert not at.exception
    assert at.session_state[state.EX_PROGRESS][quiz.id]["quiz"] == wrong
    radio = at.radio(key=f"ex_quiz_{quiz.id}")
    assert radio.disabled and radio.value == wrong
    why_wrong = ko[f"ex.normalizer.quiz.{wrong}.why"]
    assert ko["ex.quiz_wrong"].format(why=why_wrong) in [w.value for w in at.warning]
    right = ko["ex.quiz_answer"].format(
        answer=ko[f"ex.normalizer.quiz.{quiz.answer}"],
        why=ko[f"ex.normalizer.quiz.{quiz.answer}.why"],
    )
    assert right in [i.value for i in at.info]
    assert ko["ex.solved"] in [s.value for s in at.success]  # answered: the exercise is done
    with pytest.raises(AppTestError, match="disabled"):  # a browser cannot answer again
        at.radio(key=f"ex_quiz_{quiz.id}").set_value(quiz.answer)
    exercise_progress.answered(quiz)  # nor can a stray callback: the first answer stays
    at.run()
    assert at.session_state[state.EX_PROGRESS][quiz.id]["quiz"] == wrong
    assert at.radio(key=f"ex_quiz_{quiz.id}").value == wrong
    row = at.dataframe[0].value.iloc[exercises.EXERCISES.index(quiz)]
    assert row.iloc[5] == ko["ex.mark.wrong"]


def test_a_right_answer_is_explained_too():
    quiz = exercises.get("normalizer")
    at = _solve_normalizer()
    at.radio(key=f"ex_quiz_{quiz.id}").set_value(quiz.answer).run()
    why = EN[f"ex.normalizer.quiz.{quiz.answer}.why"]
    assert EN["ex.quiz_right"].format(why=why) in [s.value for s in at.success]


def test_progress_survives_a_reload_through_the_address():
    quiz = exercises.get("normalizer")
    at = _solve_normalizer()
    at.radio(key=f"ex_quiz_{quiz.id}").set_value(0).run()
    lr = exercises.get("largest_lr")
    at.session_state[state.EX_SELECTED] = lr.id
    at.run()
    _predict(at, lr, 0)
    _check(at, lr.solution[0])
    assert at.query_params["done"] == "normalizer,largest_lr"
    assert at.query_params["quiz"] == "normalizer.0"

    fresh = app("exercises")  # a reload: a new session with the same address
    for key, value in at.query_params.items():
        fresh.query_params[key] = value
    fresh.run()
    note = EN["ex.url_ignored"].split("{")[0]
    assert not fresh.exception and not [i for i in fresh.info if i.value.startswith(note)]
    progress = fresh.session_state[state.EX_PROGRESS]
    assert progress["normalizer"]["quiz"] == 0 and progress["largest_lr"]["step"] == 1
    radio = fresh.radio(key=f"ex_quiz_{quiz.id}")  # the first exercise: its quiz stays locked
    assert radio.disabled and radio.value == 0
    assert EN["ex.quiz_wrong"].format(why=EN["ex.normalizer.quiz.0.why"]) in [
        w.value for w in fresh.warning
    ]
    assert fresh.progress[0].value == int(100 * 2 / len(exercises.EXERCISES))  # percent
    table = fresh.dataframe[0].value
    assert list(table.iloc[:, 2]).count(EN["ex.status.solved"]) == 2
    assert fresh.query_params["done"] == "normalizer,largest_lr"  # written back as it was

    fresh.button(key="ex_reset_normalizer").click().run()  # starting over clears it from the URL
    assert fresh.query_params["done"] == "largest_lr" and "quiz" not in fresh.query_params


@pytest.mark.parametrize(
    ("done", "quiz", "ignored"),
    [
        ("bogus,normalizer", "normalizer.9", "bogus, normalizer.9"),
        ("normalizer", "normalizer.x", "normalizer.x"),
        ("<b>", "mse_ce.1", "<b>, mse_ce.1"),
    ],
)
def test_malformed_progress_in_the_address_is_ignored_with_a_note(done, quiz, ignored):
    at = app("exercises")
    at.query_params["done"] = done
    at.query_params["quiz"] = quiz
    at.run()
    assert not at.exception
    # shown as text: escaped for Markdown (safe.md), so "<b>" cannot become HTML
    assert [i.value for i in at.info] == [EN["ex.url_ignored"].format(values=md(ignored, 200))]
    progress = at.session_state[state.EX_PROGRESS]
    assert progress["normalizer"]["step"] == (1 if "normalizer" in done.split(",") else 0)
    assert all(p["quiz"] is None for p in progress.values())
    at.run()  # the note is shown once; the progress stays
    assert not at.info
    steps = at.session_state[state.EX_PROGRESS]["normalizer"]["step"]
    assert steps == (1 if "normalizer" in done.split(",") else 0)


def test_hints_appear_one_at_a_time():
    ex = exercises.EXERCISES[0]
    at = app("exercises").run()
    for shown in range(1, ex.hints + 1):
        at.button(key=f"ex_hint_{ex.id}").click().run()
        assert at.session_state[state.EX_PROGRESS][ex.id]["hints"] == shown
    assert not [b for b in at.button if b.key == f"ex_hint_{ex.id}"]  # all shown
