"""The playground's network view (AppTest): one picture holding every unit's map, and the unit
picker that shows one unit large with its incoming weights and bias, equal to the trained model's
(the same config trained here gives the same model, bit for bit); English and Korean."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pytest

from playground.app.i18n import EN, KO
from playground.config import RunConfig
from playground.experiment import run

SMALL = {"epochs": 10, "n_samples": 100}


def rows(element, layer_mark: str) -> list[dict]:
    """The rows the chart's layer drawing `layer_mark` (or the chart itself) reads."""
    spec = json.loads(element.proto.spec)
    marks = [(p, p["mark"] if isinstance(p["mark"], str) else p["mark"]["type"])
             for p in spec.get("layer", [])]  # fmt: skip
    part = next((p for p, mark in marks if mark == layer_mark), spec)
    name = part.get("data", spec.get("data", {})).get("name")
    data = next(d for d in element.proto.datasets if d.name == name).data.data
    return pa.ipc.open_stream(data).read_all().to_pylist()


def open_network(make_app, **params):
    at = make_app(**params).run()
    at.segmented_control(key="view").set_value("network").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def picture(at):
    return next(c for c in at.get("vega_lite_chart") if c.key == "net_picture")


@pytest.mark.parametrize(("hidden", "sizes"), [(None, [2, 8, 8, 1]), ("0", [2, 1])])
def test_the_picture_has_every_unit_and_the_picker_lists_them(make_app, hidden, sizes):
    at = open_network(make_app, **({"depth": hidden} if hidden else {}))
    chart = picture(at)
    assert chart.proto.selection_mode == ["unit"]
    units = rows(chart, "image")
    assert len(units) == sum(sizes)
    picker = at.selectbox(key="net_unit")
    assert picker.label == EN["network.pick"] and picker.value is None
    assert len(picker.options) == sum(sizes)
    assert picker.options[0] == "input: x1" and picker.options[-1] == "output: output"


@pytest.mark.parametrize("uid", ["2:3", "3:0", "1:7"])
def test_picking_a_unit_shows_its_incoming_weights_and_bias(make_app, uid):
    at = open_network(make_app)
    at.selectbox(key="net_unit").set_value(uid).run()
    assert not at.exception
    model = run(RunConfig(**SMALL)).model
    c, j = (int(p) for p in uid.split(":"))
    W, b = model.params[2 * (c - 1)][:, j], model.params[2 * c - 1][j]
    bars = rows(at.get("vega_lite_chart")[-1], "bar")
    np.testing.assert_array_equal([r["w"] for r in bars], [*W, b])
    assert bars[-1]["source"] == "bias"
    assert EN["network.bias"].format(bias=f"{b:.4f}") in [m.value for m in at.markdown]
    assert len(at.get("vega_lite_chart")) == 3 + 1 + 2  # page, picture, map and bars


def test_an_input_unit_has_no_incoming_weights(make_app):
    at = open_network(make_app)
    at.selectbox(key="net_unit").set_value("0:1").run()
    assert not at.exception
    assert [i.value for i in at.info] == [EN["network.input_unit"]]
    assert len(at.get("vega_lite_chart")) == 3 + 1 + 1  # the large map, no bars


def test_a_picked_unit_the_new_network_lacks_is_dropped(make_app):
    at = open_network(make_app)
    at.selectbox(key="net_unit").set_value("2:5").run()
    at.slider(key="depth").set_value(1).run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="net_unit")
    assert picker.value is None and len(picker.options) == 2 + 8 + 1


def test_the_network_view_in_korean(make_app):
    # Choose the view in English, then switch the language (see test_views: AppTest cannot pick
    # a formatted option of a Korean session).
    at = open_network(make_app)
    at.segmented_control(key="lang").set_value("ko").run()
    assert not at.exception
    picker = at.selectbox(key="net_unit")
    assert picker.label == KO["network.pick"]
    assert KO["network.caption"] in [c.value for c in at.caption]
    picker.set_value("1:0").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "은닉 레이어 1\\, 노드 1" in text and "편향 b =" in text
    assert [r["source"] for r in rows(at.get("vega_lite_chart")[-1], "bar")][-1] == "편향"
