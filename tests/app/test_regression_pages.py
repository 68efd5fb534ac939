"""Every page with a regression setup (AppTest): nothing raises, nothing errors, and what a page
shows is right for a regression run (R² not accuracy, the loss choices of the task, the value
map) or it says plainly that it is for classification only."""

from __future__ import annotations

import pytest
from conftest import APP  # tests/app/conftest.py
from streamlit.navigation.page import calc_hash
from streamlit.testing.v1 import AppTest

from playground.app import navigation, state
from playground.app.i18n import CATALOGUES, EN
from playground.app.links import url_query
from playground.config import RunConfig

REGRESSION = {"dataset": "regression_gaussians", "loss": "Huber"}  # as the widgets write them
SMALL = {"epochs": "10", "n_samples": "100"}


def open_page(page: str = "home", lang: str = "en", **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({**SMALL, "lang": lang, **params})
    if page != "home":
        at._page_hash = calc_hash(page)  # a page of st.navigation, as a browser's /<page>
    return at.run()


def problems(at: AppTest) -> list[str]:
    return [e.value for e in at.exception] + [e.value for e in at.error]


PAGES = [p.url_path for p in navigation.PAGES.values()]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_with_a_regression_setup(page, lang):
    at = open_page(page, lang, **REGRESSION)
    assert problems(at) == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_playground_shows_r2_and_the_value_map(lang):
    at = open_page("home", lang, **REGRESSION)
    cat = CATALOGUES[lang]
    labels = [m.label for m in at.metric]
    assert cat["metric.train_r2"] in labels and cat["metric.test_r2"] in labels
    assert cat["metric.test_mse"] in labels  # Huber: the MSE beside it
    assert cat["metric.train_acc"] not in labels and cat["metric.test_acc"] not in labels
    r2 = float(next(m.value for m in at.metric if m.label == cat["metric.test_r2"]))
    assert -5.0 < r2 <= 1.0
    assert at.selectbox(key="loss").options == ["MSE", "Huber"]
    assert at.selectbox(key="loss").value == "huber"
    assert cat["heatmap.caption"] in [c.value for c in at.caption]
    assert not [tg for tg in at.toggle if tg.key == state.DISCRETIZE]  # no classes to discretize


def test_choosing_a_regression_set_switches_the_loss_and_back():
    at = open_page("home")
    assert at.selectbox(key="loss").value == "cross_entropy"
    at.selectbox(key="dataset").set_value("regression_plane").run()
    at.run()  # the loss widget (drawn before the data set's) follows on the next run
    assert problems(at) == []
    assert at.selectbox(key="loss").value == "mse"
    assert at.selectbox(key="loss").options == ["MSE", "Huber"]
    at.selectbox(key="loss").set_value("huber").run()
    at.selectbox(key="dataset").set_value("moons").run()
    at.run()
    assert problems(at) == []
    assert at.selectbox(key="loss").value == "cross_entropy"  # huber needs a regression set
    assert "Hinge" in at.selectbox(key="loss").options


@pytest.mark.parametrize("view", ["gradients", "scaler", "network", "step", "export"])
def test_every_view_of_a_regression_run(view):
    at = open_page("home", **REGRESSION)
    at.session_state[state.VIEW] = view
    at.run()
    assert problems(at) == []
    if view == "network":  # the output is the predicted value, not a class colour
        captions = [c.value for c in at.caption]
        assert EN["network.caption.regression"] in captions
        assert EN["network.caption"] not in captions


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(dataset="regression_plane", epochs=10, n_samples=100),
        RunConfig(dataset="regression_gaussians", loss="huber", epochs=10, n_samples=100, seed=4),
    ],
)
def test_a_link_to_a_regression_setup_opens_it(config):
    query = url_query(config)
    assert query["dataset"] == config.dataset
    assert ("loss" in query) == (config.loss == "huber")  # mse: the regression set's default
    at = open_page("home", **{k: v for k, v in query.items() if isinstance(v, str)})
    assert problems(at) == []
    assert at.selectbox(key="dataset").value == config.dataset
    assert at.selectbox(key="loss").value == config.loss


def test_a_link_with_cross_entropy_on_a_regression_set_says_so():
    at = open_page("home", dataset="regression_plane", loss="Cross-entropy")
    assert not at.exception
    assert at.selectbox(key="loss").value == "mse"
    (warning,) = [w.value for w in at.warning]
    assert "regression\\_plane, which takes MSE, Huber" in warning, warning
    assert warning.endswith("Using the default, MSE.") and "Adam" not in warning


def test_a_regression_sweep_tunes_r2():
    at = open_page("sweep", **REGRESSION)
    at.multiselect(key="sw_values_learning_rate").set_value([0.01, 0.1]).run()
    at.button(key="sw_run").click().run()
    assert problems(at) == []
    table = at.dataframe[0].value
    assert "Test R²" in table.columns and "Test accuracy" not in table.columns
    assert table["Test R²"].between(-10, 1).all()


def test_compare_a_regression_pin():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({**SMALL, **REGRESSION})
    at._page_hash = calc_hash("compare")
    pin = RunConfig(dataset="regression_gaussians", loss="mse", epochs=10, n_samples=100)
    at.session_state["pins"] = [{"name": "A", "config": pin}]
    at.run()
    assert problems(at) == []
    metrics = at.dataframe[0].value
    assert {"Train R²", "Test R²"} <= set(metrics.columns)
    assert "Test accuracy" not in metrics.columns
    assert CATALOGUES["en"]["reg.cmp.no_classes"] in [i.value for i in at.info]  # no class map
    assert CATALOGUES["en"]["reg.cmp.maps"] in [m.value.strip("*") for m in at.markdown]


def test_an_exercise_check_on_a_regression_setup_says_it_is_for_classification():
    at = open_page("exercises", **REGRESSION)
    for radio in at.radio:  # a prediction first, where the exercise asks for one
        if radio.key and radio.key.startswith("ex_predict"):
            radio.set_value(0).run()
    at.button(key=state.EX_CHECK).click().run()
    assert problems(at) == []
    said = [i.value for i in at.info if "classification" in i.value]
    assert said and "regression_gaussians" in said[0]


def test_stepping_a_live_regression_run():
    at = open_page("home", **REGRESSION)
    at.button(key=state.LIVE_EPOCH).click().run()
    at.button(key=state.LIVE_BATCH).click().run()
    assert problems(at) == []
    labels = [m.label for m in at.metric]
    assert "Test R²" in labels and "Test accuracy" not in labels
    epochs = next(m.value for m in at.metric if m.label == "Epochs run")
    assert epochs == "1"  # one epoch, then one batch into the next
