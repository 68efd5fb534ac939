"""The "Downloads & code" view: files, code in three frameworks, and loading a setup back."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from playground.config import RunConfig

REPO = Path(__file__).resolve().parents[2]
SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from playground.app import views


class FakeFile:  # what st.file_uploader hands the callback
    def __init__(self, name, raw):
        self.name, self._raw = name, raw

    def getvalue(self):
        return self._raw


if "fake" in st.session_state:
    st.session_state["setup_file"] = FakeFile("setup.json", st.session_state.pop("fake"))
    views._load_setup()
    st.write(st.session_state.get("setup_message"))
"""


def _loaded(payload: bytes) -> AppTest:
    """The view's script after a setup file with `payload` was loaded (AppTest, run once)."""
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    at.session_state["fake"] = payload
    return at.run()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_export_view_offers_files_and_code(make_app, lang):
    at = make_app().run()
    # AppTest runs format_func outside the script, so pick controls in English, then switch
    at.segmented_control(key="view").set_value("export").run()
    at.segmented_control(key="code_lib").set_value("PyTorch").run()
    at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception
    assert len(at.get("download_button")) == 4
    for lib, needle in [
        ("PyTorch", "import torch"),
        ("Keras", "keras"),
        ("scikit-learn", "MLPClassifier"),
    ]:
        at.segmented_control(key="code_lib").set_value(lib).run()
        code = at.code[0].value
        assert needle in code
        compile(code, lib, "exec")


def test_a_setup_file_goes_into_the_sidebar_widgets():
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    wanted = RunConfig(dataset="circles", activation="relu", hidden=(4, 4, 4), learning_rate=0.1)
    at.session_state["fake"] = wanted.to_json().encode()
    at.run()
    assert not at.exception
    s = at.session_state
    assert (s["dataset"], s["activation"], s["width"], s["depth"]) == ("circles", "relu", 4, 3)
    assert s["learning_rate"] == 0.1


def test_a_broken_setup_file_says_why_and_changes_nothing():
    at = _loaded(b'{"activation": "relu2"}')
    assert not at.exception
    assert "activation" not in at.session_state
    assert "relu2" in at.markdown[0].value and "error" in at.markdown[0].value


def test_a_long_run_shows_progress_and_a_live_loss_chart(make_app):
    from playground.app.pages.playground import live_loss_spec
    from playground.app.views import chart_labels
    from playground.experiment import prepare

    trainer = prepare(RunConfig(epochs=20, n_samples=100)).trainer
    for _ in range(5):
        trainer.step_epoch()
    spec = live_loss_spec(trainer.history, chart_labels())
    assert len(spec["data"]["values"]) == 2 * 6  # epochs 0..5, train and test
    # a 1000-epoch run on 2,000 samples takes over a second here: it must not raise
    at = make_app(epochs="1000", n_samples="2000").run()
    assert not at.exception
    assert int(at.metric[4].value) == 1000


@pytest.mark.parametrize(
    "wanted",
    [
        RunConfig(dataset="regression_plane", noise=0.5),
        RunConfig(dataset="regression_gaussians", loss="huber", hidden=(6, 3), seed=2),
    ],
)
def test_a_regression_setup_file_round_trips(wanted):
    from playground.app.links import config_from_values

    at = _loaded(wanted.to_json().encode())
    assert not at.exception
    assert (at.session_state["dataset"], at.session_state["loss"]) == (wanted.dataset, wanted.loss)
    assert config_from_values(at.session_state) == wanted


def test_a_setup_file_with_cross_entropy_on_a_regression_set_says_which_losses_fit():
    at = _loaded(b'{"dataset": "regression_plane", "loss": "cross_entropy"}')
    assert not at.exception
    assert "dataset" not in at.session_state
    shown = at.markdown[0].value
    assert "error" in shown and "mse" in shown and "huber" in shown
