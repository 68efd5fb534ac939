"""Compare page: pins live in one session only; the pair view shows what changed."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from playground.config import RunConfig

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "streamlit_app.py")
PAGE = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
from playground.app.compare_page import render
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


def _compare_page(pins: list[RunConfig]) -> AppTest:
    at = AppTest.from_string(PAGE, default_timeout=90)
    for k, v in SMALL.items():
        at.query_params[k] = v
    at.session_state["pins"] = [{"name": "A", "config": c} for c in pins]
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
    assert changed["setting"].tolist() == ["activation"]
    assert changed["B"].tolist() == ["relu"]
    metrics = at.dataframe[0].value
    assert len(metrics) == 2 and set(metrics["status"]) == {"ok"}
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
    assert at.title[0].value == "만약에? 설정 비교"
