"""Draw mode through AppTest: points added, erased and cleared through the page's own widgets and
callbacks (the typed point uses the same callback as a click on the plane), the link's points=
(read, kept in step, a bad value named without losing the rest of the link), the minimums, a
copy of the current data set (in the link up to 200 points, else the CSV), the setup JSON."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from playground import data, drawn
from playground.app import state
from playground.app.draw import Drawing
from playground.app.i18n import EN, KO
from playground.app.safe import md
from playground.config import RunConfig
from playground.experiment import run

EASY = tuple(drawn.point(-1.5 + 0.1 * i, 0.2 * (i % 3), 0) for i in range(5)) + tuple(
    drawn.point(1.5 - 0.1 * i, -0.2 * (i % 3), 1) for i in range(5)
)


def _drawing(at) -> drawn.Points:
    return at.session_state[state.DRAWING].points


def _count(at, cat=EN) -> str:
    return next(c.value for c in at.caption if c.value.startswith(cat["draw.count"].split("{")[0]))


def _type_point(at, x: float, y: float, mode: str | None = None) -> None:
    if mode is not None:
        at.segmented_control(key=state.DRAW_MODE).set_value(mode).run()
    at.number_input(key=state.DRAW_X).set_value(x)
    at.number_input(key=state.DRAW_Y).set_value(y)
    at.button(key=state.DRAW_APPLY).click().run()


def _param(at, key: str = "points") -> str:
    """A query parameter of the page's address (AppTest keeps a value or a list of them)."""
    value = at.query_params[key]
    return value if isinstance(value, str) else value[-1]


def _texts(at) -> list[str]:
    return [e.value for kind in (at.error, at.warning, at.info) for e in kind]


def test_a_link_with_points_trains_on_them(make_app):
    at = make_app(points=drawn.encode(EASY), epochs="100")
    at.run()
    assert not at.exception
    assert _drawing(at) == EASY
    assert at.toggle(key=state.DRAW_TOGGLE).value is True
    assert _count(at) == EN["draw.count"].format(n=10, n0=5, n1=5)
    assert EN["draw.active"] in _texts(at)
    metrics = {m.label: m.value for m in at.metric}
    expected = run(RunConfig(epochs=100, n_samples=100), dataset=drawn.dataset(EASY)).final
    assert expected["train_accuracy"] == expected["test_accuracy"] == 1.0  # far apart
    assert metrics[EN["metric.train_acc"]] == metrics[EN["metric.test_acc"]] == "100%"
    assert metrics[EN["metric.train_loss"]] == f"{expected['train_loss']:.3g}"  # that very run
    assert metrics[EN["metric.epochs"]] == "100"  # the rest of the link applies
    assert _param(at) == drawn.encode(EASY)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("AA+A", "chars"),
        ("[a](https://x.example)", "chars"),
        ("AAA", "length"),
        ("____", "range"),
        ("AAAA" * 201, "too_many"),
    ],
)
def test_a_bad_points_value_is_named_and_nothing_else_is_lost(make_app, value, code):
    at = make_app(points=value, learning_rate="0.1")
    at.run()
    assert not at.exception
    error = next(e.value for e in at.error if e.value.startswith(EN["draw.bad_link"][:20]))
    head = md(EN[f"draw.err.{code}"].split("{")[0])  # plain text: it quotes the link
    assert head in error, (head, error)
    assert "](" not in error  # escaped: never a link
    assert error.split("`")[1] == "points="  # the value outside code, where escapes are unseen
    assert "points" not in at.query_params  # taken out of the address
    assert at.toggle(key=state.DRAW_TOGGLE).value is False  # Draw mode stays off
    assert _param(at, "learning_rate") == "0.1"  # the rest of the link is used
    assert at.select_slider(key="learning_rate").value == 0.1
    assert at.metric  # and the page trains on the data set as usual


def test_add_erase_and_clear_through_the_widgets(make_app):
    at = make_app()
    at.run()
    assert at.toggle(key=state.DRAW_TOGGLE).value is False
    at.toggle(key=state.DRAW_TOGGLE).set_value(True).run()
    assert _drawing(at) == () and _param(at) == ""
    assert EN["draw.too_few"].format(min=4, n=0, n0=0, n1=0) in _texts(at)
    assert not at.metric  # nothing to train on yet
    for x, y in [(-1, 0), (-1.2, 0.3), (-0.8, -0.3), (-1.1, 0.5)]:
        _type_point(at, x, y)
    assert EN["draw.one_class"].format(n=4, n0=4, n1=0) in _texts(at)
    assert not at.metric
    _type_point(at, 1, 0, mode="1")
    _type_point(at, 1.2, 0.4)
    assert _drawing(at)[-2:] == ((1.0, 0.0, 1), (1.2, 0.4, 1))
    assert _count(at) == EN["draw.count"].format(n=6, n0=4, n1=2)
    assert drawn.decode(_param(at)) == _drawing(at)
    assert at.metric and EN["draw.active"] in _texts(at)  # both classes: it trains
    _type_point(at, 1.15, 0.35, mode="erase")  # nearest: (1.2, 0.4)
    assert _drawing(at)[-1] == (1.0, 0.0, 1) and len(_drawing(at)) == 5
    _type_point(at, -1, 0)  # still erasing: (-1, 0) goes
    assert (-1.0, 0.0, 0) not in _drawing(at)
    at.button(key=state.DRAW_CLEAR).click().run()
    assert _drawing(at) == () and _param(at) == ""
    at.toggle(key=state.DRAW_TOGGLE).set_value(False).run()
    assert "points" not in at.query_params and not at.exception
    assert at.metric  # the data set again


def test_start_from_the_current_data_set_and_the_link_limit(make_app):
    at = make_app(n_samples="150")
    at.run()
    at.toggle(key=state.DRAW_TOGGLE).set_value(True).run()
    at.button(key=state.DRAW_COPY).click().run()
    assert _drawing(at) == drawn.from_arrays(*data.make_dataset("moons", 150, 0.2, 0))[0]
    assert EN["draw.copied"].format(n=len(_drawing(at))) in _texts(at)
    assert drawn.decode(_param(at)) == _drawing(at)  # 150 ≤ 200: in the link
    assert at.metric
    at2 = make_app(n_samples="300")
    at2.run()
    at2.toggle(key=state.DRAW_TOGGLE).set_value(True).run()
    at2.button(key=state.DRAW_COPY).click().run()
    copied = drawn.from_arrays(*data.make_dataset("moons", 300, 0.2, 0))[0]
    assert _drawing(at2) == copied and len(copied) > drawn.URL_MAX  # (2 decimals: 298 points)
    assert "points" not in at2.query_params  # too many for a link
    no_link = EN["draw.no_link"].format(n=len(copied), max=drawn.URL_MAX)
    assert no_link in [c.value for c in at2.caption]
    assert EN["draw.csv"] in [b.proto.label for b in at2.get("download_button")]  # the CSV
    assert at2.metric and not at2.exception


def test_korean_texts(make_app):
    at = make_app(lang="ko", points=drawn.encode(EASY[:3]))
    at.run()
    assert not at.exception
    assert _count(at, KO) == KO["draw.count"].format(n=3, n0=3, n1=0)
    assert KO["draw.too_few"].format(min=4, n=3, n0=3, n1=0) in _texts(at)


def _setup_script():
    import streamlit as st

    from playground.app import draw
    from playground.config import RunConfig

    st.session_state["setup"] = draw.setup_json(RunConfig(epochs=20))


def test_the_setup_json_carries_the_drawing_while_draw_mode_is_on():
    at = AppTest.from_function(_setup_script, default_timeout=30)
    at.session_state[state.DRAWING] = Drawing(EASY, True)
    at.run()
    setup = json.loads(at.session_state["setup"])
    assert setup["epochs"] == 20 and [tuple(p) for p in setup["points"]] == list(EASY)
    at.session_state[state.DRAWING] = Drawing(EASY, False)
    at.run()
    assert "points" not in json.loads(at.session_state["setup"])  # off: the data set's setup


class _File:
    name = "setup.json"

    def __init__(self, text: str) -> None:
        self.text = text

    def getvalue(self) -> bytes:
        return self.text.encode()


def _load_script():
    import streamlit as st

    from playground.app import views

    views._load_setup()
    st.write(st.session_state.get("setup_message"))


def test_loading_a_setup_file_with_a_drawing_turns_draw_mode_on_with_it():
    setup = drawn.setup_json(json.dumps({"epochs": 20}), EASY)
    at = AppTest.from_function(_load_script, default_timeout=30)
    at.session_state[state.SETUP_FILE] = _File(setup)
    at.run()
    assert not at.exception
    assert at.session_state[state.DRAWING].points == EASY and at.session_state[state.DRAWING].on
    assert at.session_state["epochs"] == 20
    bad = json.dumps({"epochs": 20, "points": [[0, 9, 0]]})
    at.session_state[state.SETUP_FILE] = _File(bad)
    at.run()
    level, text = at.session_state[state.SETUP_MESSAGE]
    assert level == "error" and EN["draw.err.range"].split("(")[0] in text


def test_a_regression_data_set_cannot_be_copied(make_app):
    at = make_app(dataset="regression_plane", loss="mse", points=drawn.encode(EASY))
    at.run()
    at.button(key=state.DRAW_COPY).click().run()
    assert not at.exception
    assert md(EN["draw.err.not_classes"], 300) in _texts(at)
    assert _drawing(at) == EASY  # the drawing is kept as it was


def test_an_exercise_that_locks_the_data_set_turns_draw_mode_off(make_app):
    at = make_app(points=drawn.encode(EASY))
    at.run()
    assert at.toggle(key=state.DRAW_TOGGLE).value is True
    at.session_state[state.LOCKED] = {"dataset"}
    at.run()
    toggle = at.toggle(key=state.DRAW_TOGGLE)
    assert toggle.value is False and toggle.disabled
    assert "points" not in at.query_params and at.metric and not at.exception
    assert _drawing(at) == EASY  # kept for when the lock is lifted
