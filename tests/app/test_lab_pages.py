"""Optimizer lab and back-propagation pages through AppTest, in both languages."""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from playground import backprop, surfaces
from playground.app import backprop_formulas, i18n
from playground.app.i18n import option_label
from playground.app.pages import backprop as backprop_page
from playground.app.pages import optimizer_lab
from playground.nn import optimizers
from playground.nn.network import MLP

REPO = Path(__file__).resolve().parents[2]
MODULES = {"lab": optimizer_lab, "bp": backprop_page}
SCRIPT = """
import sys
sys.path.insert(0, {repo!r})
from playground.app.pages.{module} import render
render()
"""


def _page(prefix: str, lang: str = "en") -> AppTest:
    module = MODULES[prefix].__name__.rsplit(".", 1)[1]
    at = AppTest.from_string(SCRIPT.format(repo=str(REPO), module=module), default_timeout=60)
    at.session_state["lang"] = lang
    return at


def _cat(prefix: str, lang: str) -> dict[str, str]:
    return i18n.catalogue({"lab": "optimizer_lab", "bp": "backprop"}[prefix], lang)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("prefix", MODULES)
def test_messages_have_the_same_keys_and_placeholders_in_both_languages(prefix):
    en, ko = _cat(prefix, "en"), _cat(prefix, "ko")
    assert sorted(en) == sorted(ko)
    assert all(k.startswith(f"{prefix}.") for k in en)
    assert {k: _placeholders(v) for k, v in en.items()} == {
        k: _placeholders(v) for k, v in ko.items()
    }
    assert all(v.strip() for v in ko.values())


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("prefix", MODULES)
def test_page_renders_in_both_languages(prefix, lang):
    at = _page(prefix, lang).run()
    assert not at.exception
    cat = _cat(prefix, "en") if lang == "en" else _cat(prefix, "ko")
    assert at.title[0].value == cat[f"{prefix}.title"]


# ---- optimizer lab -----------------------------------------------------------------------


def _lab_table(at: AppTest):
    return at.dataframe[0].value


def test_lab_table_lists_each_chosen_optimizer():
    at = _page("lab").run()
    assert list(_lab_table(at)["Optimizer"]) == ["SGD", "Momentum", "Adam"]
    at.multiselect(key="lab_optimizers").set_value(list(optimizers.NAMES)).run()
    assert not at.exception
    table = _lab_table(at)
    assert list(table["Optimizer"]) == [option_label(n) for n in optimizers.NAMES]
    assert not table["Diverged"].any()


def test_lab_reports_which_minimum_each_optimizer_ends_in():
    at = _page("lab").run()
    at.selectbox(key="lab_surface").set_value("local_global").run()
    at.multiselect(key="lab_optimizers").set_value(["sgd", "momentum"]).run()
    table = _lab_table(at).set_index("Optimizer")
    s = surfaces.get("local_global")
    assert table.loc["SGD", "Ends in"].startswith("local (0.96, 0.97)")
    assert table.loc["Momentum", "Ends in"].startswith("global (-1.04, -1.02)")
    end = surfaces.path(s, "momentum", s.lr, s.steps)[-1]
    assert table.loc["Momentum", "Final loss"] == pytest.approx(float(s.f(end)))


def test_lab_divergence_is_reported():
    at = _page("lab").run()
    at.select_slider(key="lab_lr_valley").set_value(0.05).run()
    assert not at.exception
    table = _lab_table(at).set_index("Optimizer")
    assert table.loc["SGD", "Diverged"] and table.loc["Momentum", "Diverged"]
    assert not table.loc["Adam", "Diverged"]
    assert table.loc["SGD", "Ends in"].startswith("diverged at step")
    assert any("SGD, Momentum diverged" in w.value for w in at.warning)


def test_lab_noisy_gradient_and_no_optimizer():
    at = _page("lab", "ko").run()
    at.radio(key="lab_gradient").set_value("noisy").run()
    assert not at.exception
    assert "최적화 알고리즘" in _lab_table(at).columns
    at.multiselect(key="lab_optimizers").set_value([]).run()
    assert not at.exception and at.warning[0].value == i18n.KO["lab.pick"]


# ---- back-propagation --------------------------------------------------------------------


def _expected(step: int, activation="sigmoid", hidden=2, samples=(1,), loss="cross_entropy"):
    """The walk-through the page should show at `step`, computed here from scratch."""
    net = MLP([2, hidden, 1], activation, "sigmoid", "glorot_uniform", seed=0)
    X, y = backprop_formulas.X_TOY[list(samples)], backprop_formulas.Y_TOY[list(samples)]
    backprop.iterate(net, X, y, step // 4, loss, 0.5)
    return backprop.walkthrough(net, X, y, loss, 0.5)


def _check_numbers(at: AppTest, step: int, walk: backprop.Walkthrough) -> None:
    """The table (exact floats), the formulas and the diagram show this walk's numbers."""
    phase, (hidden, out) = step % 4, walk.layers
    df = at.dataframe[0].value
    n, m = walk.X.shape[0], hidden.z.shape[1]
    if phase in (0, 2):
        first, second = (hidden.z, hidden.a) if phase == 0 else (hidden.grad_a, hidden.delta)
        o1, o2 = (out.z, out.a) if phase == 0 else (out.grad_a, out.delta)
        assert len(df) == n * (m + 1)
        np.testing.assert_array_equal(df.iloc[:, 2], np.column_stack([first, o1]).ravel())
        np.testing.assert_array_equal(df.iloc[:, 3], np.column_stack([second, o2]).ravel())
    elif phase == 1:
        np.testing.assert_array_equal(df["ŷ"], walk.prediction[:, 0])
        np.testing.assert_array_equal(df["ŷ − y"], walk.error[:, 0])
        assert df.iloc[:, -1].mean() == pytest.approx(walk.loss, abs=1e-12)
    else:
        old = np.concatenate([hidden.W.ravel(), hidden.b, out.W.ravel(), out.b])
        np.testing.assert_array_equal(df.iloc[:, 1], old)
        np.testing.assert_array_equal(
            df.iloc[:, 2], np.concatenate([g.ravel() for g in walk.grads])
        )
        new = np.concatenate([p.ravel() for p in walk.new_params])
        np.testing.assert_array_equal(df.iloc[:, 3], new)
    latex = at.latex[0].value.strip().strip("$").strip()
    final = {
        0: walk.prediction[0, 0],
        1: walk.loss,
        2: hidden.delta[0, -1],
        3: walk.new_params[-1][0],
    }[phase]
    assert latex.endswith(f"= {backprop_formulas.tex(final, False)}" + r"\end{aligned}")
    dot = at.get("graphviz_chart")[0].proto.spec
    shown = {
        0: f"h = {backprop_formulas.num(hidden.a[0, 0])}",
        1: f"L = {backprop_formulas.num(walk.loss)}",
    }
    shown |= {2: f"δ = {backprop_formulas.num(out.delta[0, 0])}"}
    shown |= {3: f"→ {backprop_formulas.num(walk.new_params[0][0, 0])}"}
    assert shown[phase] in dot


def _stepper_label(at: AppTest) -> str:
    return next(md.value for md in at.markdown if md.value.startswith(":blue-background"))


def test_step_buttons_walk_the_four_steps_with_the_walkthrough_numbers():
    at = _page("bp").run()
    labels = [i18n.EN[f"bp.step.{k}"] for k in range(4)]
    for step in range(6):  # iteration 1's four steps, then iteration 2's first two
        assert not at.exception
        assert at.session_state["bp_step"] == step
        assert labels[step % 4] in _stepper_label(at)
        _check_numbers(at, step, _expected(step))
        at.button(key="bp_next").click().run()
    at.button(key="bp_back").click().run()
    assert at.session_state["bp_step"] == 5
    _check_numbers(at, 5, _expected(5))
    at.button(key="bp_reset").click().run()
    assert at.session_state["bp_step"] == 0
    assert at.button(key="bp_back").disabled


def test_four_samples_relu_and_mse_in_korean():
    at = _page("bp", "ko").run()
    at.selectbox(key="bp_activation").set_value("relu").run()
    at.selectbox(key="bp_hidden").set_value(3).run()
    at.selectbox(key="bp_loss").set_value("mse").run()
    at.pills(key="bp_samples").set_value([0, 1, 2, 3]).run()
    kw = {"activation": "relu", "hidden": 3, "samples": (0, 1, 2, 3), "loss": "mse"}
    for step in range(4):
        assert not at.exception
        _check_numbers(at, step, _expected(step, **kw))
        at.button(key="bp_next").click().run()
    assert i18n.KO["bp.step.0"] in _stepper_label(at)


def test_changing_a_setting_starts_again_and_no_sample_is_handled():
    at = _page("bp").run()
    at.button(key="bp_next").click().run().button(key="bp_next").click().run()
    assert at.session_state["bp_step"] == 2
    at.select_slider(key="bp_lr").set_value(1.0).run()
    assert at.session_state["bp_step"] == 0
    at.pills(key="bp_samples").set_value([]).run()
    assert not at.exception and at.warning[0].value == i18n.EN["bp.pick"]
