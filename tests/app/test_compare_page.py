"""Compare page: pins live in one session only; the pair view shows what changed."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from playground.app.i18n import CATALOGUES, EN
from playground.app.locales.glossary import FORMATTER
from playground.app.pins import CURRENT  # the current setup in the run picker
from playground.config import RunConfig

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "streamlit_app.py")
PAGE = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
from playground.app.pages.compare import render
render()
"""
SMALL = {"epochs": "20", "n_samples": "200"}


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    st.cache_data.clear()


def _playground() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in SMALL.items():
        at.query_params[k] = v
    return at


def _compare_page(pins: list[RunConfig], names: str = "A" * 8, **params: str) -> AppTest:
    """The compare page with these pins (named by `names`), the sidebar set by SMALL and
    `params` (as a link would)."""
    at = AppTest.from_string(PAGE, default_timeout=90)
    for k, v in {**SMALL, **params}.items():
        at.query_params[k] = v
    at.session_state["pins"] = [
        {"name": n, "config": c} for n, c in zip(names[: len(pins)], pins, strict=True)
    ]
    return at


def test_pin_button_on_the_playground_pins_the_current_setup():
    at = _playground().run()
    at.button(key="pin_btn").click().run()
    at.selectbox(key="activation").set_value("relu").run()
    assert not at.exception
    pins = at.session_state["pins"]
    assert [p["name"] for p in pins] == ["A"]
    assert pins[0]["config"].activation == "tanh" and pins[0]["config"].epochs == 20


def test_two_sessions_do_not_share_pins():
    one = _playground().run()
    one.button(key="pin_btn").click().run()
    two = _playground().run()
    assert len(one.session_state["pins"]) == 1
    assert "pins" not in two.session_state


def test_pair_view_shows_the_one_changed_setting_and_shared_weights():
    a = RunConfig(epochs=20, n_samples=200)
    at = _compare_page([a]).run()
    at.selectbox(key="activation").set_value("relu").run()
    assert not at.exception
    changed = at.dataframe[1].value  # [0]: final metrics, [1]: settings that differ
    assert changed.columns.tolist() == ["Setting", "A", "current setup"]
    assert changed.values.tolist() == [[EN["activation"], "tanh", "ReLU"]]
    metrics = at.dataframe[0].value
    assert len(metrics) == 2 and set(metrics["Status"]) == {"trained"}
    captions = " ".join(c.value for c in at.caption)
    assert "Same initial weights: yes" in captions
    assert len(at.get("download_button")) == 2


def test_pins_can_be_renamed_reordered_and_deleted():
    at = _compare_page([RunConfig(epochs=20, n_samples=200), RunConfig(epochs=20, l2=0.01)]).run()
    at.session_state["pins"][1]["name"] = "B"
    at.button(key="up_1").click().run()
    assert [p["name"] for p in at.session_state["pins"]] == ["B", "A"]
    at.text_input(key="pin_name_0").input("with L2").run()
    assert at.session_state["pins"][0]["name"] == "with L2"
    at.button(key="del_1").click().run()
    assert [p["name"] for p in at.session_state["pins"]] == ["with L2"]
    assert not at.exception


def test_korean_compare_page():
    at = _compare_page([RunConfig(epochs=20, n_samples=200)])
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.title[0].value == "설정 비교"


# ---- the labels name exactly what is compared -------------------------------------------------
PIN_A = RunConfig(epochs=20, n_samples=200)  # tanh
PIN_B = RunConfig(epochs=20, n_samples=200, l2=0.01)  # tanh, L2
# pair picked -> the changed settings (setting key, value in the first, value in the second)
PAIRS = {
    ("A", CURRENT): [("activation", "tanh", "ReLU")],
    ("B", CURRENT): [("activation", "tanh", "ReLU"), ("l2", "0.01", "0")],
    ("A", "B"): [("l2", "0", "0.01")],
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("pair", list(PAIRS), ids=lambda p: "-".join(x.strip("\x1f") for x in p))
def test_labels_name_the_runs_compared(pair, lang):
    """Pin A and B, the sidebar (current setup) differs: whichever two runs are picked, the
    changed-settings table, its heading and the disagreement map name those two, in both
    languages (it used to call the current setup "B")."""
    cat = CATALOGUES[lang]
    at = _compare_page([PIN_A, PIN_B], names="AB", activation="ReLU")
    at.session_state["lang"] = lang
    # picked through session state: AppTest would label the options outside the page's run,
    # i.e. in English, and miss the Korean "current setup"
    at.session_state["cmp_runs"] = list(pair)
    at.run()
    assert at.multiselect(key="cmp_runs").value == list(pair)
    assert not at.exception
    names = [cat["cmp.current"] if n == CURRENT else n for n in pair]
    metrics, changed = at.dataframe[0].value, at.dataframe[1].value
    assert changed.columns.tolist() == [cat["cmp.col.setting"], *names]
    assert changed.values.tolist() == [[cat[k], va, vb] for k, va, vb in PAIRS[pair]]
    headings = [m.value for m in at.markdown]
    for key in ("cmp.changed", "cmp.disagree"):  # particles picked for the names in Korean
        assert f"**{FORMATTER.format(cat[key], a=names[0], b=names[1])}**" in headings
    # the metrics table: runs by these names, columns and statuses in the page's language
    assert metrics[cat["cmp.col.run"]].tolist() == names
    assert metrics.columns.tolist() == [
        cat[f"cmp.col.{c}"]
        for c in ("run", "status", "epochs", "train_loss", "test_loss", "train_accuracy",
                  "test_accuracy", "seconds")
    ]  # fmt: skip
    assert set(metrics[cat["cmp.col.status"]]) == {cat["cmp.status.ok"]}


def test_a_name_already_used_is_refused():
    """Runs are named in tables and charts: two may not share a name."""
    at = _compare_page([PIN_A, PIN_B], names="AB").run()
    for taken in ("A", EN["cmp.current"], CATALOGUES["ko"]["cmp.current"]):
        at.text_input(key="pin_name_1").input(taken).run()
        assert not at.exception
        assert [p["name"] for p in at.session_state["pins"]] == ["A", "B"]
        assert at.text_input(key="pin_name_1").value == "B"
    at.text_input(key="pin_name_1").input("with L2").run()
    assert [p["name"] for p in at.session_state["pins"]] == ["A", "with L2"]


def test_a_new_pin_is_compared_with_the_current_setup_at_once():
    """Pin, change one setting: the pair view shows that change, named A and current setup."""
    at = _compare_page([]).run()
    assert at.multiselect(key="cmp_runs").value == [CURRENT]
    at.button(key="pin_btn").click().run()
    assert at.multiselect(key="cmp_runs").value == ["A", CURRENT]
    at.selectbox(key="activation").set_value("relu").run()
    assert not at.exception
    changed = at.dataframe[1].value
    assert changed.columns.tolist() == ["Setting", "A", "current setup"]
    assert changed.values.tolist() == [[EN["activation"], "tanh", "ReLU"]]
