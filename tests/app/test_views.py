"""The "look closer" views under the playground's charts (AppTest): gradients, scaler lens,
the network picture, and the step-by-step trainer in both languages."""

from __future__ import annotations

import pytest

from playground.app.i18n import EN, KO


def charts(at) -> list:
    return at.get("vega_lite_chart")


def test_views_gradients_scaler_network(make_app):
    at = make_app().run()
    view = at.segmented_control(key="view")
    assert view.value == "gradients"
    n_main = 3  # boundary, loss, accuracy
    # gradients: norm lines, heatmap, activation histograms (two hidden layers by default)
    assert len(charts(at)) == n_main + 3
    assert EN["grad.caption"] in [c.value for c in at.caption]
    assert EN["grad.acts"] in " ".join(m.value for m in at.markdown)

    view.set_value("scaler").run()
    assert not at.exception
    assert EN["scaler.caption"].format(scaler="StandardScaler") in [c.value for c in at.caption]
    assert len(charts(at)) == n_main + 2  # before and after, in two columns

    at.segmented_control(key="view").set_value("network").run()
    assert not at.exception
    assert EN["network.caption"] in [c.value for c in at.caption]
    assert len(charts(at)) == n_main + 1  # every unit's map in one picture (test_network_view)


def step_state(at) -> str:
    marks = [m.value for m in at.markdown if m.value.startswith("Epoch ")]
    assert len(marks) == 1, marks
    return marks[0]


def step_button(at, key: str):
    return next(b for b in at.button if b.label == EN[key])


def test_view_step_by_step(make_app):
    at = make_app(epochs="20").run()
    at.segmented_control(key="view").set_value("step").run()
    assert not at.exception
    assert step_state(at) == "Epoch 0 of 20"
    assert len(charts(at)) == 3 + 3  # the page's three, then boundary, loss, gradient norms
    step_button(at, "step.one").click().run()
    assert step_state(at) == "Epoch 1 of 20"
    step_button(at, "step.ten").click().run()
    assert step_state(at) == "Epoch 11 of 20"
    step_button(at, "step.ten").click().run()  # only 9 left: stops at the end
    assert not at.exception
    assert step_state(at) == "Epoch 20 of 20"
    at.run()  # see test_step_buttons_disable_on_the_click_that_finishes
    assert step_button(at, "step.one").disabled and step_button(at, "step.ten").disabled
    step_button(at, "step.reset").click().run()
    assert step_state(at) == "Epoch 0 of 20"
    at.run()  # see test_step_buttons_follow_the_click_that_changes_them
    assert not step_button(at, "step.one").disabled
    # A new setup starts the stepper over.
    step_button(at, "step.one").click().run()
    at.selectbox(key="activation").set_value("relu").run()
    assert not at.exception
    assert step_state(at) == "Epoch 0 of 20"


@pytest.mark.parametrize("after", ["finish", "reset"])
def test_step_buttons_follow_the_click_that_changes_them(make_app, after):
    at = make_app().run()
    at.segmented_control(key="view").set_value("step").run()
    step_button(at, "step.ten").click().run()
    assert step_state(at) == "Epoch 10 of 10"
    if after == "finish":
        assert step_button(at, "step.one").disabled
    else:
        at.run()
        step_button(at, "step.reset").click().run()
        assert step_state(at) == "Epoch 0 of 10"
        assert not step_button(at, "step.one").disabled


def test_view_step_by_step_in_korean(make_app):
    # Choose the view in English, then switch the language: the view stays. (In a Korean
    # session AppTest cannot choose it: it formats the value with the view's format_func
    # outside the script run, where t() cannot see the session's language.)
    at = make_app().run()
    at.segmented_control(key="view").set_value("step").run()
    at.segmented_control(key="lang").set_value("ko").run()
    assert at.segmented_control(key="view").value == "step"
    assert KO["step.state"].format(epoch=0, epochs=10) in [m.value for m in at.markdown]
    labels = [b.label for b in at.button]
    assert {KO["step.one"], KO["step.ten"], KO["step.reset"]} <= set(labels)
    next(b for b in at.button if b.label == KO["step.one"]).click().run()
    assert not at.exception
    assert KO["step.state"].format(epoch=1, epochs=10) in [m.value for m in at.markdown]
