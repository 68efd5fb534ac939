"""The playground's six per-knob charts, built as plain Vega-Lite dicts: valid against the v6
schema, equal to what the Altair builders they replaced gave (kept in altair_reference*.py), with
the right numbers in them, in English and in Korean, for a binary, a 3-class and a diverged run."""

from __future__ import annotations

import copy
import importlib
import json
import time

import altair_reference as ref
import numpy as np
import pandas as pd
import pytest
from chart_support import data_of, decode, normalize, schema_errors

from playground import charts, page_specs
from playground.config import RunConfig
from playground.experiment import run

CHARTS = ["boundary", "loss", "accuracy", "grad_lines", "grad_heatmap", "act_hist"]
KINDS = ["binary", "three", "diverged"]
SMALL = {"n_samples": 200, "epochs": 20}


def catalogue(lang: str) -> dict:
    return importlib.import_module(f"playground.app.locales.{lang}.common").MESSAGES


def labels_in(lang: str) -> tuple[dict, tuple[str, str]]:
    """The chart texts and the two activation series names the page passes, in `lang`."""
    m = catalogue(lang)
    labels = {k: m[f"chart.{k}"] for k in charts.DEFAULT_LABELS if f"chart.{k}" in m}
    labels["x"], labels["y"] = ("꽃잎 길이", "꽃잎 너비") if lang == "ko" else ("petal length", "y")
    return labels, (m["grad.acts.start"], m["grad.acts.end"])


@pytest.fixture(scope="module")
def runs() -> dict:
    nan = RunConfig(activation="linear", optimizer="sgd", learning_rate=10, init_scale=20,
                    hidden=(8,) * 5, **SMALL)  # fmt: skip
    return {
        "binary": run(RunConfig(dataset="moons", **SMALL)),
        "three": run(RunConfig(dataset="blobs", **SMALL)),
        "diverged": run(nan),  # its loss became NaN at epoch 1: that row is dropped
        "linear": run(RunConfig(dataset="moons", hidden=(), **SMALL)),
    }


def options(result, name: str) -> tuple:
    return dict(page_specs.defaults(result)).get(name, ())


def both(result, name: str, opts: tuple, lang: str) -> tuple[dict, dict]:
    """(new dict, the Altair reference's to_dict()) of one chart."""
    labels, when = labels_in(lang)
    new = page_specs.build(result, name, opts, labels, when)
    return new, ref.build(result, name, opts, labels, when).to_dict()


# ---- valid, and the same as before -----------------------------------------------------------


def test_the_diverged_run_is_one():
    r = run(RunConfig(activation="linear", optimizer="sgd", learning_rate=10, init_scale=20,
                      hidden=(8,) * 5, **SMALL))  # fmt: skip
    assert r.status == "diverged" and r.reason in ("nan", "inf") and len(r.history) == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", CHARTS)
def test_spec_is_valid_and_equals_the_altair_chart(runs, name, kind, lang):
    r = runs[kind]
    new, old = both(r, name, options(r, name), lang)
    assert schema_errors(new) == []
    assert normalize(new) == normalize(old)


@pytest.mark.parametrize("kind", ["binary", "three", "diverged", "linear"])
@pytest.mark.parametrize(
    ("name", "opts"),
    [("boundary", (0, True)), ("boundary", (-1, True)), ("loss", (True,)), ("act_hist", ())],
)
def test_other_options_equal_the_altair_chart(runs, kind, name, opts):
    """The first snapshot discretized (grid look-up), a log loss axis, no hidden layer."""
    new, old = both(runs[kind], name, opts, "ko")
    assert schema_errors(new) == []
    assert normalize(new) == normalize(old)


def test_long_histories_and_many_points_equal_the_altair_charts():
    """> 500 epochs (curves thinned), > 100 (heatmap thinned), zeros on a log axis, a NaN."""
    e = np.arange(1200)
    h = pd.DataFrame({"epoch": e, "train_loss": 1 / (e + 1), "test_loss": 1 / (e + 1) + 0.01})
    h["train_accuracy"], h["test_accuracy"] = 1 - h["train_loss"], 1 - h["test_loss"]
    for l in (1, 2, 3, 4):
        h[f"grad_norm_{l}"] = 10.0 ** (-l) * (1 + np.sin(e))
    h.loc[0, ["train_loss", "grad_norm_1"]] = 0.0
    h.loc[7, ["train_loss", "grad_norm_2"]] = np.nan  # a NaN epoch: null in the data, as before
    pairs = [
        (charts.loss_curves(h, log_scale=True), ref.loss_curves(h, log_scale=True)),
        (charts.loss_curves(h), ref.loss_curves(h)),
        (charts.accuracy_curves(h), ref.accuracy_curves(h)),
        (charts.grad_norm_lines(h), ref.grad_norm_lines(h)),
        (charts.grad_heatmap(h), ref.grad_heatmap(h)),
    ]
    for new, old in pairs:
        assert schema_errors(new) == []
        assert normalize(new) == normalize(old.to_dict())
    rows = data_of(pairs[1][0], pairs[1][0]["layer"][0])
    assert [r["value"] for r in rows if r["epoch"] == 7][0] is None  # the train row of epoch 7
    big = run(RunConfig(dataset="moons", n_samples=4000, epochs=1))  # 3000 of 4000 points drawn
    new, old = charts.decision_boundary(big), ref.decision_boundary(big)
    assert normalize(new) == normalize(old.to_dict())
    assert len(data_of(new, new["layer"][1])) == 3000


def test_empty_history_and_no_hidden_layer_say_so_as_before():
    for new, old in [
        (charts.loss_curves(pd.DataFrame()), ref.loss_curves(pd.DataFrame())),
        (charts.activation_hist([], {"no_hidden": "은닉층 없음"}), ref.activation_hist([], {})),
    ]:
        assert schema_errors(new) == [] and new["mark"]["type"] == "text"
        assert normalize(new)["mark"] == normalize(old.to_dict())["mark"]
    assert data_of(new) == [{"text": "은닉층 없음"}]


# ---- the comparison and the validation can fail ----------------------------------------------


def test_a_swapped_column_or_colour_is_caught(runs):
    r = runs["binary"]
    new, old = both(r, "boundary", options(r, "boundary"), "en")
    wrong = copy.deepcopy(new)
    for row in data_of(wrong, wrong["layer"][1]):
        row["x"], row["y"] = row["y"], row["x"]
    assert normalize(wrong) != normalize(old)
    new, old = both(r, "loss", (False,), "en")
    wrong = copy.deepcopy(new)
    wrong["layer"][0]["encoding"]["color"]["scale"]["range"].reverse()  # train orange, test blue
    assert normalize(wrong) != normalize(old)
    wrong = copy.deepcopy(new)
    wrong["layer"][0]["encoding"]["y"]["field"] = "epoch"  # y from the wrong column
    assert normalize(wrong) != normalize(old)


def test_an_invalid_spec_is_caught(runs):
    spec = page_specs.build(runs["three"], "grad_lines", (), {}, ("a", "b"))
    assert schema_errors(spec) == []
    for path, bad in [(("mark", "type"), "lines"), (("encoding", "x", "type"), "quant")]:
        wrong = copy.deepcopy(spec)
        node = wrong
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = bad
        assert schema_errors(wrong) != []
    wrong = copy.deepcopy(spec)
    data_of(wrong)[0]["g1"] = float("nan")  # JSON has no NaN
    assert schema_errors(wrong) != []


# ---- the numbers in them ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_loss_curve_first_and_last_epochs(runs, kind):
    h = runs[kind].history
    spec = page_specs.build(runs[kind], "loss", (False,), *labels_in("ko"))
    rows = data_of(spec, spec["layer"][0])
    train = [r for r in rows if r["split"] == "학습"]
    test = [r for r in rows if r["split"] == "테스트"]
    assert len(train) == len(test) == len(h)
    assert (train[0]["epoch"], test[-1]["epoch"]) == (0, int(h["epoch"].iloc[-1]))
    assert train[0]["value"] == pytest.approx(h["train_loss"].iloc[0], rel=1e-4)
    assert test[-1]["value"] == pytest.approx(h["test_loss"].iloc[-1], rel=1e-4)
    best = data_of(spec, spec["layer"][2])[0]
    assert best["epoch"] == int(h["epoch"].iloc[int(np.argmin(h["test_loss"]))])
    assert best["text"] == f"테스트 비용 최저: 에포크 {best['epoch']}"
    assert all(np.isfinite(r["value"]) for r in rows)  # the NaN row was dropped from history


@pytest.mark.parametrize("kind", KINDS)
def test_boundary_grid_size_and_probability_range(runs, kind):
    r = runs[kind]
    spec = page_specs.build(r, "boundary", options(r, "boundary"), {}, ("a", "b"))
    image = data_of(spec, spec["layer"][0])[0]
    n = len(r.grid.x)
    pixels = decode(image["url"])
    assert pixels.shape == (n, n, 3)
    probs = r.snapshots[len(r.snapshots) - 1]
    colors = np.round(charts.probability_colors(probs) * 255).astype(np.uint8)
    np.testing.assert_array_equal(pixels, colors.reshape(n, n, 3)[::-1])  # top row: max y
    assert (image["x"], image["x2"]) == charts.extent(r.grid.x)
    assert (image["y"], image["y2"]) == charts.extent(r.grid.y)
    if kind != "diverged":  # a trained run is sure of each class somewhere
        assert probs.min() < 0.05 and probs.max() > 0.95
    points = data_of(spec, spec["layer"][1])
    assert len(points) == len(r.X_train) + len(r.X_test)
    final = r.history.iloc[-1]
    wrong = (1 - final["train_accuracy"]) * len(r.X_train)
    wrong += (1 - final["test_accuracy"]) * len(r.X_test)
    assert sum(p["wrong"] for p in points) == round(wrong)


def test_the_default_charts_cost_a_few_milliseconds():
    """The goal is ≤ 20 ms CPU for a typical run's six default charts (benchmarks/charts.py
    measures it); Altair took about 300 ms. The bound leaves room for a loaded machine."""
    r = run(RunConfig())
    labels, when = labels_in("en")
    shown = page_specs.defaults(r)
    cpu = []
    for _ in range(3):
        start = time.process_time()
        specs = {key: page_specs.build(r, *key, labels, when) for key in shown}
        cpu.append(time.process_time() - start)
    assert len(specs) == 6 and min(cpu) < 0.06, cpu
    assert len(json.dumps(specs[("boundary", (len(r.snapshots) - 1, False))])) < 60_000


def test_the_spec_cache_keeps_a_dict_as_built_and_converts_an_altair_chart(runs):
    from playground.app.chart_cache import SpecCache

    built: list[str] = []
    cache = SpecCache(max_entries=4)
    r = runs["binary"]

    def build():
        built.append("loss")
        return charts.loss_curves(r.history)

    spec = cache.get_or_build("loss", build)
    assert cache.get_or_build("loss", build) is spec and built == ["loss"]
    lens = charts.scaler_lens(r.X_train, r.scaler.transform(r.X_train), r.y_train)  # Altair
    converted = cache.get_or_build("lens", lambda: lens)
    assert type(converted) is dict and converted["$schema"] == spec["$schema"]
