"""The sidebar's new controls in the real app (AppTest): a width per hidden layer (width = layer 1,
width_2 … width_6, empty = as layer 1), the feature inputs (toggles, several values in one URL
parameter) and L1. Each survives "copy the link, open it in a fresh session", older links keep
their meaning, and a bad link value is a warning naming it, never an exception."""

from __future__ import annotations

import pytest

from playground.app import sidebar, views
from playground.config import RunConfig
from tests.app.test_links import open_app, shown_config

SMALL = {"epochs": "10", "n_samples": "100"}


def _reopened(at):
    """The session's link opened in a fresh session (asserts it keeps the link and the setup)."""
    link = dict(at.query_params)
    two = open_app(link).run()
    assert not two.exception, [e.value for e in two.exception]
    assert dict(two.query_params) == link
    assert shown_config(two) == shown_config(at)
    return two


def test_a_width_per_layer_survives_a_link():
    at = open_app(SMALL).run()
    at.slider(key="depth").set_value(3).run()
    at.number_input(key="width_2").set_value(4).run()
    at.number_input(key="width_3").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    assert shown_config(at).hidden == (8, 4, 2)
    assert {k: at.query_params[k] for k in ("depth", "width_2", "width_3")} == {
        "depth": "3", "width_2": "4", "width_3": "2",
    }  # fmt: skip
    two = _reopened(at)
    assert two.number_input(key="width_3").value == 2
    assert [e.value for e in two.warning] == [] or not any("Layer" in w.value for w in two.warning)


def test_an_older_link_with_width_and_depth_means_layers_of_one_width():
    at = open_app({**SMALL, "width": "4", "depth": "3"}).run()
    assert not at.exception
    assert shown_config(at).hidden == (4, 4, 4)
    assert at.number_input(key="width_2").value is None  # empty: as layer 1
    assert dict(at.query_params) == {**SMALL, "width": "4", "depth": "3"}


def test_url_query_of_a_mixed_network_reproduces_it():
    config = RunConfig(hidden=(8, 4, 2), epochs=10, n_samples=100)
    query = sidebar.url_query(config)
    assert {k: query[k] for k in ("depth", "width_2", "width_3")} == {
        "depth": "3", "width_2": "4", "width_3": "2",
    }  # fmt: skip
    assert "width" not in query  # layer 1 has the default width
    at = open_app(query).run()
    assert not at.exception and shown_config(at) == config
    same = RunConfig(hidden=(5, 5, 5, 5))  # one width: no per-layer values
    assert {k for k in sidebar.url_query(same) if k.startswith("width")} == {"width"}


def test_fewer_layers_drop_the_later_widths():
    at = open_app({**SMALL, "depth": "3", "width_3": "2"}).run()
    assert shown_config(at).hidden == (8, 8, 2)
    at.slider(key="depth").set_value(2).run()
    assert not at.exception
    assert shown_config(at).hidden == (8, 8)
    assert "width_3" not in dict(at.query_params)


def test_bad_layer_widths_in_a_link_warn_and_fall_back():
    at = open_app({**SMALL, "depth": "3", "width_2": "99", "width_3": "2.5"}).run()
    assert not at.exception
    assert shown_config(at).hidden == (8, 8, 8)
    warnings = [w.value for w in at.warning]
    for k in ("2", "3"):
        assert any(f"Layer {k}" in w and "1 to 32" in w and "layer 1" in w for w in warnings)


def test_feature_toggles_survive_a_link():
    at = open_app(SMALL).run()
    at.pills(key="features").set_value(["sin_x2", "x1", "x1sq"]).run()
    assert not at.exception
    assert shown_config(at).features == ("x1", "x1sq", "sin_x2")
    # the labels, in the order they were picked (equal sets are equal configs)
    assert at.query_params["features"] == ["sin x₂", "x₁", "x₁²"]
    two = _reopened(at)
    assert sorted(two.pills(key="features").value) == ["sin_x2", "x1", "x1sq"]


def test_feature_names_or_commas_in_a_link_are_read_and_rewritten_as_the_widget_writes():
    for given in ("x1sq,x2sq", "x₁², x₂²", ["x1sq", "x₂²"]):
        at = open_app({**SMALL, "features": given}).run()
        assert not at.exception, [e.value for e in at.exception]
        assert shown_config(at).features == ("x1sq", "x2sq"), given
        assert at.query_params["features"] == ["x₁²", "x₂²"], given
        assert not any("Feature" in w.value for w in at.warning)


def test_unknown_features_in_a_link_warn_and_use_the_default():
    at = open_app({**SMALL, "features": "x1,cos_x1"}).run()
    assert not at.exception
    assert shown_config(at).features == ("x1", "x2")
    assert "features" not in dict(at.query_params)
    (w,) = [w.value for w in at.warning if "Feature inputs" in w.value]
    assert "cos" in w and "x₁²" in w and "Using the default, x₁, x₂" in w


def test_no_feature_on_says_so_and_trains_on_the_default():
    at = open_app(SMALL).run()
    at.pills(key="features").set_value([]).run()
    assert not at.exception
    assert shown_config(at).features == ("x1", "x2")
    assert any("No feature is on" in c.value for c in at.caption)


def test_the_rules_of_thumb_count_the_feature_inputs():
    at = open_app({**SMALL, "features": ["x1", "x2", "x1sq"]}).run()
    rules = [c.value for c in at.caption if "Rules of thumb" in c.value]
    assert rules and "3 inputs" in rules[0] and "fewer than twice the inputs: < 6" in rules[0]


def test_l1_beside_l2_in_korean():
    at = open_app({**SMALL, "lang": "ko", "l1": "0.001"}).run()
    assert not at.exception
    assert shown_config(at).l1 == 0.001
    assert at.select_slider(key="l1").label == "L1 규제"
    assert at.pills(key="features").label == "특성 입력"


@pytest.mark.parametrize("chosen", [["x1sq"], ["x1", "x2", "x1sq", "x2sq", "x1x2", "sin_x1"]])
@pytest.mark.parametrize("view", views.VIEWS)
def test_every_view_of_the_playground_works_with_feature_inputs(view, chosen):
    at = open_app({**SMALL, "features": chosen})
    at.session_state["view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if view == "scaler" and len(chosen) == 1:
        assert any("one feature input" in i.value for i in at.info)
