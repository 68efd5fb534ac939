"""The pages render every registry entry from its facts (AppTest): pick the entry, no exception,
its formula (each part the phone layout cuts it into) and its description are on the page. And a
temporary activation registered here, with its texts, shows up in the sidebar, passes the
config's validation and renders on the Learn page and the back-propagation page, without any
other module being edited. (The facts themselves: tests/unit/test_registry_facts.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from registry_support import MISH
from streamlit.testing.v1 import AppTest

from playground import backprop
from playground.app import i18n, state
from playground.app.i18n import option_label
from playground.app.layout import formula_parts
from playground.nn import activations, initializers, losses, optimizers
from playground.nn.facts import Facts

REPO = Path(__file__).resolve().parents[2]
SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st

page = st.session_state.get("page", "learn")
if page == "learn":
    from playground.app.pages.learn import render
elif page == "lab":
    from playground.app.pages.optimizer_lab import render
elif page == "backprop":
    from playground.app.pages.backprop import render
else:
    from playground.app import sidebar

    def render():
        st.session_state["config"] = sidebar.render()
render()
"""


def app(page: str, **session) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=90)
    at.session_state["page"], at.session_state["lang"] = page, "en"
    for key, value in session.items():
        at.session_state[key] = value
    return at.run()


def shown_latex(at: AppTest) -> list[str]:
    """Each st.latex's formula (AppTest shows it inside $$ … $$)."""
    return [x.value.strip().removeprefix("$$").removesuffix("$$").strip() for x in at.latex]


def shown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in [*at.markdown, *at.caption])


def assert_formula_shown(at: AppTest, tex: str) -> None:
    latex = shown_latex(at)
    missing = [p for p in formula_parts(tex) if p not in latex]
    assert not missing, (missing, latex)


def assert_entry_shown(at: AppTest, name: str, facts: Facts, formula: bool = True) -> None:
    assert not at.exception, [e.value for e in at.exception]
    if formula:
        assert_formula_shown(at, facts.formula)
    text = shown_text(at)
    assert f"**{option_label(name)}**: {i18n.EN[facts.text_key]}" in text
    if facts.torch:
        assert f"`{facts.torch}`" in text


# ---- the Learn page ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", activations.NAMES)
def test_learn_3_shows_every_activation(name):
    facts = activations.get(name).facts
    at = app("learn", **{state.LEARN_SECTION: "3", state.LEARN_ACTIVATION: name})
    assert_entry_shown(at, name, facts)
    assert_formula_shown(at, facts.derivative)
    assert len(at.get("vega_lite_chart")) == 1  # f and f′ drawn


@pytest.mark.parametrize("name", losses.NAMES)
def test_learn_2_shows_every_loss(name):
    at = app("learn", **{state.LEARN_SECTION: "2", state.LEARN_LOSS: name})
    assert_entry_shown(at, name, losses.get(name).facts)


@pytest.mark.parametrize("name", initializers.NAMES)
def test_learn_4_shows_every_initializer(name):
    entry = initializers.get(name)
    at = app("learn", **{state.LEARN_SECTION: "4", state.LEARN_INIT: name})
    assert_entry_shown(at, name, entry.facts, formula=False)
    table = next(m.value for m in at.markdown if m.value.startswith("|"))
    rows = table.splitlines()[2:]
    assert rows == [
        f"| {option_label(e.name)} | ${e.facts.formula}$ |" for e in initializers.entries()
    ]


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_learn_5_shows_every_optimizer(name):
    facts = optimizers.get(name).facts
    at = app("learn", **{state.LEARN_SECTION: "5", state.LEARN_OPTIMIZER: name})
    assert_entry_shown(at, name, facts)
    defaults = next(c.value for c in at.caption if c.value.startswith("Defaults here"))
    for h in facts.hyper:
        assert f"{i18n.EN[h.field]} = {h.default:g}" in defaults


@pytest.mark.parametrize("name", activations.NAMES)
def test_learn_gradients_picture_takes_every_activation(name):
    at = app("learn", **{state.LEARN_SECTION: "gradients", state.LEARN_G_ACT: name})
    assert not at.exception, [e.value for e in at.exception]
    init = option_label(activations.get(name).init)
    assert any(init in c.value for c in at.caption)  # its entry's suited initializer


# ---- the optimizer lab and the back-propagation page --------------------------------------------
def test_lab_shows_every_optimizers_rule():
    at = app("lab", **{state.LAB_OPTIMIZERS: list(optimizers.NAMES)})
    assert not at.exception, [e.value for e in at.exception]
    text = shown_text(at)
    for name in optimizers.NAMES:
        facts = optimizers.get(name).facts
        assert_formula_shown(at, facts.formula)
        assert i18n.EN[facts.text_key] in text
    assert len(set(optimizers.NAMES)) == len(at.dataframe[0].value)


@pytest.mark.parametrize("name", backprop.activation_names())
def test_backprop_page_walks_every_elementwise_activation(name):
    at = app("backprop", **{state.BP_ACTIVATION: name, state.BP_STEP: 2})
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=state.BP_ACTIVATION).value == name
    f_prime = activations.get(name).worked[1].split("{")[0]  # the row's text before a number
    assert any(f_prime in x for x in shown_latex(at)), shown_latex(at)


def test_maxout_is_not_offered_by_the_walkthrough():
    assert "maxout" not in backprop.activation_names()
    assert set(backprop.activation_names()) == set(activations.NAMES) - {"maxout"}


# ---- the sidebar --------------------------------------------------------------------------------
SIDEBAR = (
    [("activation", n) for n in activations.NAMES]
    + [("initializer", n) for n in initializers.NAMES]
    + [("loss", n) for n in losses.NAMES]
)


@pytest.mark.parametrize(("key", "name"), SIDEBAR)
def test_sidebar_takes_every_entry(key, name):
    regression_only = key == "loss" and "classification" not in losses.get(name).tasks
    at = app(
        "sidebar", **{key: name}, **({"dataset": "regression_plane"} if regression_only else {})
    )
    assert not at.exception, [e.value for e in at.exception]
    assert getattr(at.session_state["config"], key) == name
    assert option_label(name) in at.selectbox(key=key).options


@pytest.mark.parametrize("name", optimizers.NAMES)
def test_sidebar_shows_each_optimizers_own_hyper_parameters(name):
    at = app("sidebar", optimizer=name)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["config"].optimizer == name
    fields = [h.field for h in optimizers.get(name).facts.hyper]
    shown = [n.key for n in at.number_input if n.key != "seed" and not n.key.startswith("width_")]
    assert shown == fields
    for h in optimizers.get(name).facts.hyper:
        widget = at.number_input(key=h.field)
        assert widget.min == h.low and widget.max == h.high


# ---- a temporary activation: one registry entry plus its texts ----------------------------------
@pytest.fixture
def mish(monkeypatch):
    monkeypatch.setitem(
        i18n.EN, MISH.facts.text_key, "Smooth, non-monotonic: z · tanh(softplus z)."
    )
    monkeypatch.setitem(i18n.KO, MISH.facts.text_key, "매끄럽고 단조롭지 않은 함수입니다.")
    activations.register(MISH)
    yield MISH
    activations.unregister(MISH.name)


def test_a_new_activation_shows_up_everywhere(mish):
    at = app("sidebar")
    assert "mish" in at.selectbox(key="activation").options
    at.selectbox(key="activation").set_value("mish").run()
    assert not at.exception and at.session_state["config"].activation == "mish"

    at = app("learn", **{state.LEARN_SECTION: "3", state.LEARN_ACTIVATION: "mish"})
    assert_entry_shown(at, "mish", mish.facts)
    assert_formula_shown(at, mish.facts.derivative)

    at = app("backprop", **{state.BP_ACTIVATION: "mish", state.BP_STEP: 2})
    assert not at.exception and at.selectbox(key=state.BP_ACTIVATION).value == "mish"
    assert any(r"f'(" in x for x in shown_latex(at))  # its generic f′ row, with a number

    at = app("learn", **{state.LEARN_SECTION: "gradients", state.LEARN_G_ACT: "mish"})
    assert not at.exception
