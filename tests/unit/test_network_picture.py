"""The network picture (charts.network_picture): a valid Vega-Lite spec with one map per unit
(inputs, every hidden unit, the output), each map the unit's own output over the plane, one line
per weight whose colour is its sign and whose width orders like |w| within its layer; and one
unit large (charts.unit_map) with its incoming weights and bias (charts.incoming_columns)."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from chart_support import data_of, decode, schema_errors

from playground import charts
from playground.config import RunConfig
from playground.experiment import run

SMALL = {"n_samples": 200, "epochs": 15}
SHAPES = {
    "8x8": RunConfig(**SMALL),
    "8-4-2": RunConfig(hidden=(8, 4, 2), **SMALL),
    "depth0": RunConfig(hidden=(), **SMALL),
    "3 features": RunConfig(features=("x1", "x2", "x1sq"), **SMALL),
    "3 classes": RunConfig(dataset="blobs", **SMALL),
    "maxout": RunConfig(dataset="circles", activation="maxout", hidden=(5, 3), **SMALL),
    "wide": RunConfig(hidden=(20,), **SMALL),
    "relu": RunConfig(activation="relu", hidden=(6, 6), **SMALL),
}
BLUE, ORANGE = charts.POSITIVE, charts.NEGATIVE


@pytest.fixture(scope="module")
def runs() -> dict:
    return {name: run(c) for name, c in SHAPES.items()}


def layer(spec: dict, mark: str) -> dict:
    """The (first) layer drawing `mark`."""
    return next(p for p in spec["layer"] if p["mark"]["type"] == mark)


def units_of(spec: dict) -> list[dict]:
    return data_of(spec, layer(spec, "image"))


def edges_of(spec: dict) -> list[dict]:
    return data_of(spec, layer(spec, "rule"))


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_spec_is_valid_vega_lite(runs, name):
    spec = charts.network_picture(runs[name])
    assert schema_errors(spec) == []
    uid = "1:0" if runs[name].model.n_layers > 0 else "0:0"
    assert schema_errors(charts.unit_map(runs[name], uid)) == []
    assert schema_errors(charts.incoming_chart(runs[name], uid)) == []


@pytest.mark.parametrize(
    ("name", "n_units"),
    [
        ("8x8", 2 + 8 + 8 + 1),
        ("8-4-2", 2 + 8 + 4 + 2 + 1),
        ("depth0", 2 + 1),
        ("3 features", 3 + 16 + 1),
        ("3 classes", 2 + 16 + 3),
    ],  # fmt: skip
)
def test_one_map_per_unit_and_one_line_per_weight(runs, name, n_units):
    r = runs[name]
    spec = charts.network_picture(r)
    units = units_of(spec)
    assert len(units) == n_units == sum(r.model.sizes)
    assert [u["uid"] for u in units] == charts.unit_ids(r.model.sizes)
    sizes = r.model.sizes
    assert len(edges_of(spec)) == sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    side = len(r.grid.x[:: charts.network.GRID_STEP])
    assert all(decode(u["url"]).shape == (side, side, 3) for u in units)
    assert {u["x"] for u in units} == set(range(len(sizes)))  # one column per layer


def test_a_layer_wider_than_16_draws_16_and_says_how_many_more(runs):
    spec = charts.network_picture(runs["wide"])
    assert [u["x"] for u in units_of(spec)].count(1) == 16
    texts = [row["text"] for row in data_of(spec, spec["layer"][-1])]  # the titles
    assert "+4" in texts and "hidden 1\n(20)" in texts
    heights = {u["y"] for u in units_of(spec)}
    assert max(heights) < spec["height"]


def test_the_input_names_are_the_feature_inputs(runs):
    names = [u["name"] for u in units_of(charts.network_picture(runs["3 features"])) if u["x"] == 0]
    assert names == ["x₁", "x₂", "x₁²"]
    plain = units_of(charts.network_picture(runs["8x8"], {"x": "petal", "y": "width"}))
    assert [u["name"] for u in plain if u["x"] == 0] == ["petal", "width"]
    classes = [
        u["name"] for u in units_of(charts.network_picture(runs["3 classes"])) if u["x"] == 3
    ]
    assert classes == list(runs["3 classes"].class_names)


# ---- each map is its unit's output -------------------------------------------------------


def expected_rgb(v: float, top: float, color_pos=BLUE, color_neg=ORANGE) -> np.ndarray:
    """White at 0, the sign's colour at |v| = top (linear in between), as 0..255."""
    c = charts.hex_rgb([color_pos if v > 0 else color_neg])[0]
    return 255 * (1 - abs(v) / top * (1 - c))


def hidden_by_hand(r, points: np.ndarray) -> list[np.ndarray]:
    """tanh/relu layers recomputed from the weights (not through the model's forward)."""
    a, out = r.scaler.transform(points), []
    f = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}[r.config.activation]
    for W, b in zip(r.model.params[0:-2:2], r.model.params[1:-2:2], strict=True):
        a = f(a @ W + b)
        out.append(a)
    return out


@pytest.mark.parametrize("name", ["8x8", "relu"])
def test_a_units_pixels_are_its_output_on_the_grid(runs, name):
    r = runs[name]
    step = charts.network.GRID_STEP
    gx, gy, points = charts.network.grid_points(r, step)
    acts = hidden_by_hand(r, points)
    units = {u["uid"]: decode(u["url"]) for u in units_of(charts.network_picture(r))}
    for c, a in enumerate(acts, start=1):
        top = np.abs(a).max()  # one scale per layer
        for j in (0, a.shape[1] - 1):
            img = units[f"{c}:{j}"]
            for i_y, i_x in [(0, 0), (3, 20), (29, 29), (15, 7)]:
                v = a[i_y * len(gx) + i_x, j]  # grid point (gx[i_x], gy[i_y])
                pixel = img[len(gy) - 1 - i_y, i_x]  # image row 0 is the top: the largest y
                np.testing.assert_allclose(pixel, expected_rgb(v, top), atol=1.0)
    # a wrong answer must fail: unit 0's pixels are not unit 1's values
    a = acts[0]
    img = units["1:0"]
    wrong = [expected_rgb(a[k * len(gx) + k, 1], np.abs(a).max()) for k in range(0, 30, 3)]
    right = [img[len(gy) - 1 - k, k] for k in range(0, 30, 3)]
    assert np.abs(np.array(wrong) - np.array(right)).max() > 10


def test_the_inputs_map_is_the_scaled_input_and_the_outputs_the_probability(runs):
    r = runs["8x8"]
    gx, gy, points = charts.network.grid_points(r, charts.network.GRID_STEP)
    X = r.scaler.transform(points)
    p = r.model.forward(X)[:, 0]
    units = {u["uid"]: decode(u["url"]) for u in units_of(charts.network_picture(r))}
    top = np.abs(X).max()
    for i_y, i_x in [(0, 0), (29, 29), (10, 25)]:
        k, row = i_y * len(gx) + i_x, len(gy) - 1 - i_y
        np.testing.assert_allclose(units["0:0"][row, i_x], expected_rgb(X[k, 0], top), atol=1.0)
        np.testing.assert_allclose(units["0:1"][row, i_x], expected_rgb(X[k, 1], top), atol=1.0)
        # sigmoid output: orange (class 0) at p = 0, white at ½, blue (class 1) at p = 1
        np.testing.assert_allclose(units["3:0"][row, i_x], expected_rgb(2 * p[k] - 1, 1), atol=1.0)


def test_a_softmax_outputs_map_shades_white_to_its_class_colour(runs):
    r = runs["3 classes"]
    gx, gy, points = charts.network.grid_points(r, charts.network.GRID_STEP)
    p = r.model.forward(r.scaler.transform(points))
    units = {u["uid"]: decode(u["url"]) for u in units_of(charts.network_picture(r))}
    for k in range(3):
        colour = charts.hex_rgb([charts.PALETTE[k]])[0]
        for i in (0, 29 * 30 + 29, 14 * 30 + 3):
            want = 255 * (1 - p[i, k] * (1 - colour))
            np.testing.assert_allclose(units[f"3:{k}"][29 - i // 30, i % 30], want, atol=1.0)


# ---- the lines -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["8x8", "8-4-2", "maxout", "depth0"])
def test_line_widths_order_like_abs_w_per_layer_and_colours_are_signs(runs, name):
    r = runs[name]
    weights = charts.combined_weights(r.model)
    edges = edges_of(charts.network_picture(r))
    for l, W in enumerate(weights):
        rows = [e for e in edges if e["x"] == l]
        w = np.array([e["w"] for e in rows])
        px = np.array([e["px"] for e in rows])
        src = [int(e["src"].split(":")[1]) for e in rows]
        dst = [int(e["uid"].split(":")[1]) for e in rows]
        np.testing.assert_array_equal(w, W[src, dst])  # each line carries its weight
        order = np.argsort(np.abs(w), kind="stable")
        assert np.all(np.diff(px[order]) >= 0)  # wider for larger |w|
        assert px.max() == pytest.approx(5.0) and px.min() >= 0.5
        assert [e["color"] for e in rows] == [BLUE if v >= 0 else ORANGE for v in w]


@pytest.fixture(scope="module")
def tiny():
    """A 2-2-1 network with hand-set weights (and zero biases)."""
    r = copy.deepcopy(run(RunConfig(hidden=(2,), epochs=1, n_samples=100)))
    W1, b1, W2, b2 = r.model.params
    W1[...] = [[1.0, -2.0], [0.0, 0.5]]
    W2[...] = [[-1.0], [3.0]]
    b1[...], b2[...] = 0.0, 0.0
    return r


def test_sign_colours_and_widths_on_a_hand_set_network(tiny):
    edges = {(e["src"], e["uid"]): (e["w"], e["color"], e["px"]) for e in
             edges_of(charts.network_picture(tiny))}  # fmt: skip
    assert edges == {
        ("0:0", "1:0"): (1.0, BLUE, 0.5 + 4.5 * 1 / 2),
        ("0:0", "1:1"): (-2.0, ORANGE, 5.0),
        ("0:1", "1:0"): (0.0, BLUE, 0.5),  # w = 0 counts as positive, the thinnest line
        ("0:1", "1:1"): (0.5, BLUE, 0.5 + 4.5 * 0.5 / 2),
        ("1:0", "2:0"): (-1.0, ORANGE, 0.5 + 4.5 * 1 / 3),
        ("1:1", "2:0"): (3.0, BLUE, 5.0),
    }
    names = {(e["src"], e["uid"]): (e["from"], e["to"]) for e in
             edges_of(charts.network_picture(tiny, {"x": "a", "y": "b"}))}  # fmt: skip
    assert names[("0:1", "1:1")] == ("b", "L1·u2") and names[("1:0", "2:0")] == ("L1·u1", "output")
    # unit 1:0 = tanh(x₁ scaled): orange on the left of the plane, blue on the right
    img = {u["uid"]: decode(u["url"]) for u in units_of(charts.network_picture(tiny))}["1:0"]
    left, right = img[0, 0].astype(int), img[0, -1].astype(int)
    assert left[0] > left[2] and right[2] > right[0]  # red > blue: orange; blue > red: blue


# ---- one unit, large ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "uid"), [("8x8", "2:3"), ("8x8", "3:0"), ("depth0", "1:0"),
                                           ("8-4-2", "3:1"), ("3 features", "1:7")])  # fmt: skip
def test_incoming_weights_are_the_models_column_and_bias(runs, name, uid):
    r = runs[name]
    c, j = charts.parse_uid(uid, r.model.sizes)
    cols = charts.incoming_columns(r, uid)
    W, b = r.model.params[2 * (c - 1)], r.model.params[2 * c - 1]
    np.testing.assert_array_equal(cols["w"], [*W[:, j], b[j]])
    names = [u["name"] for u in units_of(charts.network_picture(r)) if u["x"] == c - 1]
    assert list(cols["source"]) == [*names, "bias"]
    assert list(cols["color"][:-1]) == [BLUE if w >= 0 else ORANGE for w in W[:, j]]
    chart = charts.incoming_chart(r, uid)
    assert [row["w"] for row in data_of(chart)] == [*W[:, j].tolist(), float(b[j])]


def test_maxout_incoming_has_both_pieces(runs):
    r = runs["maxout"]
    cols = charts.incoming_columns(r, "1:2")
    W, b = r.model.params[0], r.model.params[1]
    np.testing.assert_array_equal(cols["w"], [W[0, 4], W[0, 5], W[1, 4], W[1, 5], b[4], b[5]])
    assert cols["piece"].tolist() == [1, 2, 1, 2, 1, 2]


def test_the_large_map_is_the_unit_on_the_full_grid_on_its_own_scale(runs):
    r = runs["8x8"]
    spec = charts.unit_map(r, "1:2")
    img = decode(data_of(spec)[0]["url"])
    assert img.shape == (len(r.grid.y), len(r.grid.x), 3)
    a = hidden_by_hand(r, r.grid.points)[0][:, 2]
    top = np.abs(a).max()
    for i in (0, 59 * 60 + 59, 30 * 60 + 12):
        np.testing.assert_allclose(img[59 - i // 60, i % 60], expected_rgb(a[i], top), atol=1.0)


def test_uids_parse_only_for_units_the_network_has():
    sizes = [2, 8, 4, 1]
    assert charts.parse_uid("2:3", sizes) == (2, 3)
    for bad in ["2:4", "4:0", "-1:0", "x", "1", "", None]:
        assert charts.parse_uid(bad, sizes) is None
    assert len(charts.unit_ids(sizes)) == 15 and charts.unit_ids(sizes)[-1] == "3:0"


def test_long_input_and_class_names_get_room_beside_the_picture(runs):
    r = runs["3 classes"]
    short = charts.network_picture(r)["padding"]
    long = charts.network_picture(r, {"x": "petal length (cm)", "y": "w"})["padding"]
    assert long["left"] >= 5.5 * len("petal length (cm)") > short["left"]
    assert long["right"] == short["right"] >= 6 * max(map(len, r.class_names)) - 10


def test_a_diverged_run_draws_white_maps_and_no_range():
    r = copy.deepcopy(run(RunConfig(hidden=(3,), epochs=1, n_samples=100)))
    r.model.params[0][0, 0] = np.nan  # unit 1:0 is NaN everywhere, so is the output
    spec = charts.network_picture(r)  # no RuntimeWarning (an error in the tests)
    assert schema_errors(spec) == []
    units = {u["uid"]: u for u in units_of(spec)}
    assert units["1:0"]["low"] is None and units["1:1"]["low"] is not None
    assert (decode(units["1:0"]["url"]) == 255).all()  # white: no value
    assert charts.finite_range(np.array([np.nan, np.inf])) is None
    assert charts.finite_range(np.array([np.nan, -2.0, 3.0, np.inf])) == (-2.0, 3.0)
    cols = charts.incoming_columns(r, "1:0")
    assert np.isnan(cols["w"][0]) and schema_errors(charts.incoming_chart(r, "1:0")) == []
    assert schema_errors(charts.unit_map(r, "1:0")) == []


def test_a_linear_output_regression_is_drawn_on_its_own_scale():
    r = copy.deepcopy(run(RunConfig(hidden=(4,), epochs=2, n_samples=100)))
    r.model.output = "linear"  # as a regression network's output (the value itself)
    gx, gy, points = charts.network.grid_points(r, charts.network.GRID_STEP)
    v = r.model.logits(r.scaler.transform(points))[:, 0]
    out = {u["uid"]: u for u in units_of(charts.network_picture(r))}["2:0"]
    img, top = decode(out["url"]), np.abs(v).max()
    for k in (0, 31 * 2, 899):
        np.testing.assert_allclose(img[29 - k // 30, k % 30], expected_rgb(v[k], top), atol=1.0)
    assert out["name"] == "output" and out["low"] == pytest.approx(v.min())
