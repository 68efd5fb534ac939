"""Chart builders: valid Vega-Lite, right orientation, small payloads, honest data."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest
from chart_support import KINDS, data_of, decode, schema_errors, small_runs

from playground import charts
from playground.config import RunConfig
from playground.experiment import run


@pytest.fixture(scope="module")
def results():
    return small_runs()


def as_bytes(colors: np.ndarray) -> np.ndarray:
    return np.round(np.clip(colors, 0, 1) * 255).astype(np.uint8)


def best_marker(spec: dict) -> pd.DataFrame:
    """The one row of the best-epoch layer."""
    return pd.DataFrame(data_of(spec, spec["layer"][2]))


def valid(spec: dict) -> dict:
    assert schema_errors(spec) == []
    return spec


def history(n: int, zero: bool = False) -> pd.DataFrame:
    """A synthetic history of n epochs (3 weight layers), optionally with zero values."""
    e = np.arange(n)
    h = pd.DataFrame({"epoch": e, "train_loss": 1 / (e + 1), "test_loss": 1 / (e + 1) + 0.01})
    h["train_accuracy"], h["test_accuracy"] = 1 - h["train_loss"], 1 - h["test_loss"]
    for l in (1, 2, 3):
        h[f"grad_norm_{l}"] = 10.0 ** (-l) * (1 + np.sin(e))
    if zero:
        h.loc[0, ["train_loss", "grad_norm_1"]] = 0.0
    return h


# ---- boundary image ----------------------------------------------------------------------


def test_png_orientation_top_left_is_min_x_max_y():
    size = 60
    probs = np.linspace(0, 1, size * size)[:, None]  # every cell its own colour
    img = decode(charts.boundary_png(probs, size))
    colors = as_bytes(charts.probability_colors(probs))
    assert img.shape == (size, size, 3)
    # points[i*size + j] = (x[j], y[i]); image row 0 is the top (max y), column 0 min x
    np.testing.assert_array_equal(img[0, 0], colors[(size - 1) * size])
    np.testing.assert_array_equal(img[-1, -1], colors[size - 1])
    np.testing.assert_array_equal(img[-1, 0], colors[0])


def test_png_x_dependent_probs_put_class_1_on_the_right():
    size = 60
    x = np.tile(np.linspace(0, 1, size), size)  # P(class 1) grows with x
    img = decode(charts.boundary_png(x[:, None], size, upscale=4)).astype(int)
    assert img.shape == (4 * size, 4 * size, 3)
    orange, blue = (charts.hex_rgb(charts.PALETTE[:2]) * 255).astype(int)
    left, right = img[:, 0].mean(axis=0), img[:, -1].mean(axis=0)
    assert np.argmax(left) == np.argmax(orange) and np.argmax(right) == np.argmax(blue)
    assert np.allclose(img[:, size * 2], 255, atol=12)  # the middle column is white


@pytest.mark.parametrize("kind", ["binary", "three"])
def test_real_boundary_png_orientation_and_discrete_colours(results, kind):
    r = results[kind]
    n, k = len(r.grid.x), len(r.class_names)
    probs = r.snapshots[-1]
    img = decode(charts.boundary_png(probs, n))
    np.testing.assert_array_equal(
        img[0, 0], as_bytes(charts.probability_colors(probs))[(n - 1) * n]
    )
    for upscale in (1, 4):
        hard = decode(charts.boundary_png(probs, n, discretize=True, upscale=upscale))
        assert len(np.unique(hard.reshape(-1, 3), axis=0)) <= k


@pytest.mark.parametrize("kind", KINDS)
def test_decision_boundary_is_valid_and_marks_misclassified(results, kind):
    r = results[kind]
    spec = valid(charts.decision_boundary(r))
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["image", "point"]
    x_domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert x_domain[0] < r.grid.x[0] and x_domain[1] > r.grid.x[-1]
    points = pd.DataFrame(data_of(spec, spec["layer"][1]))
    assert len(points) == len(r.X_train) + len(r.X_test)
    final = r.final
    wrong = (1 - final["train_accuracy"]) * len(r.X_train) + (1 - final["test_accuracy"]) * len(
        r.X_test
    )
    assert points["wrong"].sum() == round(wrong)
    valid(charts.decision_boundary(r, snapshot_index=0, discretize=True))  # grid look-up


def test_decision_boundary_payload_is_small():
    r = run(RunConfig(dataset="moons", n_samples=500, epochs=3))
    spec = charts.decision_boundary(r)
    assert len(json.dumps(spec)) < 150_000
    assert len(data_of(spec, spec["layer"][0])[0]["url"]) < 20_000  # one small image


# ---- curves ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_loss_curves_data_and_best_epoch(results, kind):
    h = results[kind].history
    chart = valid(charts.loss_curves(h))
    assert len(data_of(chart, chart["layer"][0])) == 2 * len(h)
    best = best_marker(chart)
    assert best["epoch"].iloc[0] == h.loc[h["test_loss"].idxmin(), "epoch"]
    assert best["text"].iloc[0].endswith(f"epoch {best['epoch'].iloc[0]}")
    acc = valid(charts.accuracy_curves(h))
    assert best_marker(acc)["epoch"].iloc[0] == h.loc[h["test_accuracy"].idxmax(), "epoch"]


def test_loss_curves_log_scale_survives_zero_and_thins_long_runs():
    h = history(5000, zero=True)
    spec = valid(charts.loss_curves(h, log_scale=True))
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    data = pd.DataFrame(data_of(spec, spec["layer"][0]))
    assert (data["value"] > 0).all()
    assert data["epoch"].nunique() <= 500 and {0, 4999} <= set(data["epoch"])
    assert len(json.dumps(spec)) < 150_000


def test_labels_reach_the_chart_and_replace_english(results):
    ko = {"epoch": "에포크", "loss": "손실", "train": "훈련", "test": "시험"}
    spec = json.dumps(charts.loss_curves(results["binary"].history, labels=ko), ensure_ascii=False)
    assert "에포크" in spec and "훈련" in spec and '"title": "loss"' not in spec
    net = json.dumps(charts.network_picture(results["binary"], {"input": "입력", "x": "꽃잎"}),
                     ensure_ascii=False)  # fmt: skip
    assert '"입력"' in net and '"꽃잎"' in net and '"input"' not in net


# ---- scaler lens -------------------------------------------------------------------------


def test_scaler_lens_two_independent_panels(results):
    r = results["three"]
    Xs = r.scaler.transform(r.X_train)
    chart = charts.scaler_lens(r.X_train, Xs, r.y_train, class_names=r.class_names)
    spec = chart.to_dict()
    assert len(spec["hconcat"]) == 2
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}
    after = chart.hconcat[1].data
    np.testing.assert_allclose(after[["x", "y"]].to_numpy(), Xs, atol=1e-3)


@pytest.mark.parametrize("kind", ["binary", "three"])
def test_scaler_panels_fit_a_phone_and_show_the_data(results, kind):
    """Two charts (columns stack them on a phone), each a fixed square plot with the legend
    below: the y axis (~60 px) and the plot fit the 358 px of a phone's content."""
    r = results[kind]
    Xs = r.scaler.transform(r.X_train)
    before, after = charts.scaler_panels(r.X_train, Xs, r.y_train, class_names=r.class_names)
    for panel, X in ((before, r.X_train), (after, Xs)):
        spec = panel.to_dict()
        assert spec["autosize"] == {"type": "pad"}  # the plot keeps its size, the legend adds
        assert spec["width"] == spec["height"] and spec["width"] + 60 <= charts.PHONE_WIDTH
        assert spec["encoding"]["color"]["legend"]["orient"] == "bottom"
        np.testing.assert_allclose(panel.data[["x", "y"]].to_numpy(), X, atol=1e-3)


# ---- phone width -------------------------------------------------------------------------


def legend_width(labels: list[str], columns: int, px_per_char: float = 7.0) -> float:
    """A generous estimate of a symbol legend's width: columns of the longest label (11 px
    text ≈ 7 px a character), a 25 px symbol and gap each."""
    return columns * (max(map(len, labels)) * px_per_char + 25)


@pytest.mark.parametrize("depth", [1, 3, 6])
def test_gradient_legend_keeps_whole_labels_within_a_phone(depth):
    """ "layer 1 (input side)" … "layer L (output side)": no label shortened with "…" (no
    limit), and the columns of the longest one fit a phone; a third column did not."""
    h = history(5)
    for l in range(4, depth + 2):
        h[f"grad_norm_{l}"] = h["grad_norm_1"]
    h = h.drop(columns=[f"grad_norm_{l}" for l in range(depth + 2, 4)])
    color = valid(charts.grad_norm_lines(h))["encoding"]["color"]
    names, legend = color["scale"]["domain"], color["legend"]
    assert len(names) == depth + 1
    assert legend["labelLimit"] == 0 and legend["orient"] in ("top", "bottom")
    assert legend_width(names, legend["columns"]) <= charts.PHONE_WIDTH
    assert legend_width(names, legend["columns"] + 1) > charts.PHONE_WIDTH or depth < 2


@pytest.mark.parametrize("kind", ["binary", "three"])
def test_boundary_legends_below_the_plot_in_short_columns(results, kind):
    """Class, set and prediction side by side, each a column of whole labels: the widest
    label of each legend plus symbols fits a phone; the plot keeps its height (fit-x)."""
    r = results[kind]
    spec = charts.decision_boundary(r)
    legend = spec["config"]["legend"]
    assert legend == {"orient": "bottom", "direction": "vertical", "labelLimit": 0}
    assert spec["autosize"]["type"] == "fit-x" and spec["width"] == "container"
    lab = charts.DEFAULT_LABELS
    columns = [
        [lab["class"], *r.class_names],
        [lab["set"], lab["train"], lab["test"]],
        [lab["prediction"], lab["correct"], lab["misclassified"]],
    ]
    assert sum(legend_width(c, 1) for c in columns) <= charts.PHONE_WIDTH


def test_activation_panels_two_per_row_fit_a_phone(results):
    r = results["maxout"]  # two hidden layers
    a = charts.hidden_activations(r.model, r.X_train)
    spec = valid(charts.activation_hist({"start": a, "end": a}))
    width = spec["spec"]["width"]
    assert spec["columns"] == 2 and 60 + 2 * width + 20 <= charts.PHONE_WIDTH
    assert spec["spec"]["encoding"]["color"]["legend"]["orient"] == "top"


def test_sweep_boundary_panels_two_per_phone_line(results):
    from playground.charts import sweep as sweep_charts

    rs = [results["binary"], results["three"], results["maxout"]]
    panels = sweep_charts.boundary_panels(rs, lambda r: r.config.dataset)
    assert len(panels) == 3
    for panel in panels:
        spec = panel.to_dict()
        assert spec["autosize"] == {"type": "pad"} and spec["width"] == spec["height"]
        assert 2 * spec["width"] + 16 <= charts.PHONE_WIDTH  # two on a phone's line
    assert len(sweep_charts.boundaries(rs, str).to_dict()["concat"]) == 3  # one chart still


# ---- gradients ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_grad_charts_have_one_series_per_layer(results, kind):
    r = results[kind]
    n_layers = r.model.n_layers
    spec = valid(charts.grad_norm_lines(r.history))
    assert spec["encoding"]["y"]["scale"]["type"] == "log"
    assert spec["transform"][0]["fold"] == [f"g{l}" for l in range(1, n_layers + 1)]
    names = spec["encoding"]["color"]["scale"]["domain"]
    assert len(names) == n_layers
    if n_layers > 1:
        assert "input side" in names[0] and "output side" in names[-1]
    hspec = valid(charts.grad_heatmap(r.history))
    heat = pd.DataFrame(data_of(hspec))
    assert hspec["encoding"]["color"]["scale"]["type"] == "log"
    assert hspec["encoding"]["y"]["scale"]["domain"] == [0.5, n_layers + 0.5]  # layer 1 lowest
    assert len(heat) == len(r.history) * n_layers  # one cell per layer and epoch
    assert sorted(heat["l"].unique()) == list(range(1, n_layers + 1))
    assert charts.gradient_ratio(r.history) == pytest.approx(
        r.final["grad_norm_1"] / r.final[f"grad_norm_{n_layers}"], rel=1e-12
    )


def test_grad_heatmap_subsamples_and_survives_zeros():
    h = history(3000, zero=True)
    heat = valid(charts.grad_heatmap(h))
    data = pd.DataFrame(data_of(heat))
    one = data[data["l"] == 1]
    assert len(one) <= 100 and one["epoch"].iloc[-1] == 2999
    assert len(data) == 3 * len(one)
    assert (data["grad"] > 0).all()  # zeros clipped for the log scale
    assert (one["e0"].iloc[1:].to_numpy() == one["e1"].iloc[:-1].to_numpy()).all()  # no gaps
    assert len(json.dumps(heat)) < 50_000  # compact, as sent to the browser
    valid(charts.grad_norm_lines(h))


# ---- activations -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["binary", "maxout"])
def test_activation_hist_bins_per_hidden_layer(results, kind):
    r = results[kind]
    acts = charts.hidden_activations(r.model, r.scaler.transform(r.X_train))
    assert [a.shape[1] for a in acts] == list(r.config.hidden)
    df = pd.DataFrame(data_of(valid(charts.activation_hist(acts, bins=30))))
    assert sorted(df["layer"].unique()) == list(range(1, len(acts) + 1))
    assert (df.groupby("layer").size() == 30).all()
    np.testing.assert_allclose(df.groupby("layer")["share"].sum(), 1.0)
    both = charts.activation_hist({"start": acts, "end": [2 * a for a in acts]})
    assert valid(both)["spec"]["encoding"]["color"]["field"] == "series"


def test_activation_hist_without_hidden_layer_says_so(results):
    r = results["linear"]
    acts = charts.hidden_activations(r.model, r.scaler.transform(r.X_train))
    assert acts == []
    spec = valid(charts.activation_hist(acts, labels={"no_hidden": "은닉층 없음"}))
    assert spec["mark"]["type"] == "text" and "은닉층 없음" in str(spec)


# ---- every chart -------------------------------------------------------------------------


def test_per_knob_charts_are_dicts_the_others_altair_charts(results):
    """The charts every knob change draws are plain dicts (no Altair objects: fast); the others
    stay Altair charts."""
    r = results["binary"]
    per_knob = [
        charts.decision_boundary(r),
        charts.loss_curves(r.history),
        charts.accuracy_curves(r.history),
        charts.grad_norm_lines(r.history),
        charts.grad_heatmap(r.history),
        charts.activation_hist(charts.hidden_activations(r.model, r.X_train)),
    ]
    assert all(type(c) is dict and c["$schema"] == alt.SCHEMA_URL for c in per_knob)
    assert type(charts.network_picture(r)) is dict
    assert isinstance(charts.scaler_lens(r.X_train, r.X_train, r.y_train), alt.TopLevelMixin)


def test_live_histories_of_one_row_or_none_still_chart():
    one = history(1)
    for chart in (charts.loss_curves(one), charts.grad_norm_lines(one), charts.grad_heatmap(one)):
        valid(chart)
    assert valid(charts.loss_curves(pd.DataFrame()))["mark"]["type"] == "text"
