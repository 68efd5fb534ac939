"""Sweep page: runs a small sweep, asks before a large one, survives a stopped sweep."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from playground import sweep
from playground.app.i18n import CATALOGUES
from playground.app.runs import run_cache
from playground.config import RunConfig

REPO = Path(__file__).resolve().parents[2]
PAGE = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
from playground.app.pages.sweep import render
render()
"""


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _page() -> AppTest:
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params["epochs"] = "20"
    at.query_params["n_samples"] = "200"
    return at


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_knob_sweep_shows_curve_table_and_download(lang):
    at = _page().run()
    assert not at.exception
    # AppTest runs format_func outside the script: set the controls first, then the language
    at.multiselect(key="sw_values_learning_rate").set_value([0.01, 0.1]).run()
    at.slider(key="sw_seeds").set_value(2).run()
    at.session_state["lang"] = lang
    at.button(key="sw_run").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    cat = CATALOGUES[lang]
    # columns named in the page's language (the Korean page used to show the raw English keys)
    assert table.columns.tolist() == [cat["learning_rate"], cat["seed"]] + [
        cat[f"sw.col.{c}"] for c in (*sweep.METRICS, "status", "epochs_run", "elapsed")
    ]
    raw = {"learning_rate", "seed", *sweep.METRICS, "status", "epochs_run", "elapsed"}
    assert not raw & set(table.columns)
    if lang == "ko":
        assert all(any("가" <= ch <= "힣" for ch in c) for c in table.columns), table.columns
    assert len(table) == 4 and sorted(set(table[cat["learning_rate"]])) == ["0.01", "0.1"]
    assert set(table[cat["seed"]]) == {0, 1}
    assert set(table[cat["sw.col.status"]]) == {cat["sw.status.ok"]}
    assert len(at.get("download_button")) == 1
    # every run went into the shared cache: the same sweep again trains nothing
    assert all(
        run_cache().get(c) is not None
        for c in sweep.SweepSpec(
            RunConfig(epochs=20, n_samples=200), "learning_rate", (0.01, 0.1), seeds=2
        ).configs()
    )


def test_large_sweep_asks_for_confirmation():
    at = _page().run()
    at.slider(key="sw_seeds").set_value(10).run()  # 4 values x 10 seeds = 40: no question yet
    assert at.button(key="sw_run").disabled is False
    at.selectbox(key="sw_knob2").set_value("activation").run()  # 4 x 4 x 10 = 160 runs
    assert at.button(key="sw_run").disabled is True
    at.checkbox(key="sw_confirm").check().run()
    assert at.button(key="sw_run").disabled is False


def test_a_stopped_sweep_keeps_its_results_and_the_page_stays_usable():
    spec = sweep.SweepSpec(RunConfig(epochs=20, n_samples=200), "learning_rate", (0.01, 0.1))
    done = sweep.run_sweep(spec, n_jobs=1)
    at = _page()
    at.session_state["sweep"] = {"spec": spec, "results": [done[0], None], "done": False}
    at.run()
    assert not at.exception
    assert "Stopped after 1 of 2 runs" in at.warning[0].value
    assert at.dataframe[0].value["Learning rate"].tolist() == ["0.01"]
    assert len(at.dataframe[0].value) == 1
    at.multiselect(key="sw_values_learning_rate").set_value([0.01, 0.1]).run()
    at.button(key="sw_run").click().run()
    assert not at.exception and len(at.dataframe[0].value) == 2 * 3  # 3 seeds by default


def test_an_option_knob_shows_its_labels_in_the_korean_table():
    spec = sweep.SweepSpec(RunConfig(epochs=20, n_samples=200), "activation", ("relu", "tanh"))
    done = sweep.run_sweep(spec, n_jobs=1)
    at = _page()
    at.session_state["lang"] = "ko"
    at.session_state["sweep"] = {"spec": spec, "results": done, "done": True}
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    ko = CATALOGUES["ko"]
    assert table.columns[0] == ko["activation"]
    assert table[ko["activation"]].tolist() == ["ReLU", "tanh"]
    assert ko["sw.col.test_accuracy"] in table.columns and "test_accuracy" not in table.columns


def test_an_l1_sweep_counts_what_l1_does():
    """L1 is a knob: λ = 0 and 0.01 on moons, one seed each, both trained and tabled."""
    at = _page().run()
    at.selectbox(key="sw_knob1").set_value("l1").run()
    at.multiselect(key="sw_values_l1").set_value([0.0, 0.01]).run()
    at.slider(key="sw_seeds").set_value(1).run()
    at.button(key="sw_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value
    cat = CATALOGUES["en"]
    assert sorted(table[cat["l1"]]) == ["0", "0.01"]
    assert set(table[cat["sw.col.status"]]) == {cat["sw.status.ok"]}
