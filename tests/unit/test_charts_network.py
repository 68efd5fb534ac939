"""The network charts: one Graphviz node per unit and one edge per weight (colour by sign), maxout's
combined weights, and one thumbnail image per hidden unit."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest
from chart_support import KINDS, decode, small_runs

from playground import charts


@pytest.fixture(scope="module")
def results():
    return small_runs()


# ---- network diagram ---------------------------------------------------------------------


NODE = re.compile(r"^\s+(\w+)( \[xlabel=.*\])?;$", re.M)
EDGE = re.compile(r"^\s+(\w+) -> (\w+) \[color=\"(#\w+)\", penwidth=([\d.]+)\];$", re.M)


@pytest.mark.parametrize("kind", KINDS)
def test_network_dot_one_node_per_unit_one_edge_per_weight(results, kind):
    model = results[kind].model
    dot = charts.network_dot(model)
    assert dot.startswith("digraph") and dot.count("{") == dot.count("}")
    nodes = NODE.findall(dot)
    edges = EDGE.findall(dot)
    assert len(nodes) == sum(model.sizes)
    assert len(edges) == sum(a * b for a, b in zip(model.sizes[:-1], model.sizes[1:], strict=True))
    weights = np.concatenate([W.ravel() for W in charts.combined_weights(model)])
    blue = sum(color == charts.POSITIVE for *_, color, _ in edges)
    assert blue == int((weights >= 0).sum())
    widths = [float(w) for *_, w in edges]
    assert min(widths) >= 0.3 and max(widths) == pytest.approx(5.0)
    if shutil.which("dot"):
        out = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def test_maxout_weights_keep_the_larger_piece(results):
    model = results["maxout"].model
    W = model.params[0]  # (2, 5 units * 2 pieces)
    combined = charts.combined_weights(model)[0]
    assert combined.shape == (2, 5)
    pieces = W.reshape(2, 5, 2)
    expected = np.where(
        np.abs(pieces[..., 0]) >= np.abs(pieces[..., 1]), *pieces.transpose(2, 0, 1)
    )
    np.testing.assert_array_equal(combined, expected)


# ---- neuron thumbnails -------------------------------------------------------------------


def images(spec: dict) -> list[dict]:
    """Every unit spec with an image mark, anywhere in a (nested) concat."""
    if spec.get("mark", {}) == "image" or spec.get("mark", {}).get("type") == "image":
        return [spec]
    return [
        u for key in ("vconcat", "hconcat", "concat") for s in spec.get(key, []) for u in images(s)
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_neuron_thumbnails_one_image_per_hidden_unit(results, kind):
    r = results[kind]
    chart = charts.neuron_thumbnails(r, max_units=4)
    spec = chart.to_dict()
    thumbs = images(spec)
    assert len(thumbs) == sum(min(h, 4) for h in r.config.hidden)
    if thumbs:
        assert thumbs[0]["title"]["text"] == "L1·u1"
        url = spec["datasets"][thumbs[0]["data"]["name"]][0]["url"]
        assert decode(url).shape == (30, 30, 3)
        assert len(chart.to_json()) < 60_000
    else:
        assert spec["mark"]["type"] == "text"
