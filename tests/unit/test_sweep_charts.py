"""Sweep charts: a valid Vega-Lite spec for one knob, a grid, losses and small multiples."""

import pytest

from playground import sweep
from playground.charts import sweep as sweep_charts
from playground.config import RunConfig

BASE = RunConfig(epochs=8, n_samples=120)


@pytest.fixture(scope="module")
def one_knob():
    spec = sweep.SweepSpec(BASE, "learning_rate", (0.01, 0.1), seeds=2)
    return spec, sweep.run_sweep(spec, n_jobs=1)


def test_tuning_curve_has_one_point_per_value_and_a_seed_band(one_knob):
    spec, results = one_knob
    curve = sweep.tuning_curve(sweep.summarize(results, spec), "test_accuracy")
    chart = sweep_charts.tuning_curve(curve, "learning_rate", "acc", "lr")
    d = chart.to_dict()
    assert d["layer"][0]["mark"]["type"] == "area"  # the band over seeds
    assert d["layer"][1]["encoding"]["x"]["scale"]["type"] == "log"
    assert len(chart.data) == 2 and (curve["min"] <= curve["mean"]).all()


def test_categorical_knob_uses_error_bars():
    spec = sweep.SweepSpec(BASE, "activation", ("tanh", "relu"), seeds=2)
    df = sweep.summarize(sweep.run_sweep(spec, n_jobs=1), spec)
    d = sweep_charts.tuning_curve(sweep.tuning_curve(df), "activation", "acc", "act").to_dict()
    assert d["layer"][0]["mark"]["type"] == "rule"
    assert d["layer"][1]["encoding"]["x"]["type"] == "nominal"


def test_grid_heatmap_and_small_multiples():
    spec = sweep.SweepSpec(BASE, "activation", ("tanh", "relu"), "depth", (1, 2), seeds=1)
    results = sweep.run_sweep(spec, n_jobs=1)
    curve = sweep.tuning_curve(sweep.summarize(results, spec))
    heat = sweep_charts.heatmap(curve, "activation", "depth", "acc", ("a", "d"))
    heat.to_dict()
    assert len(heat.data) == 4 and set(heat.data["ink"]) <= {"white", "black"}

    def label(r):
        return f"{r.config.activation} {r.config.depth}"

    multiples = sweep_charts.boundaries(results, label)
    assert len(multiples.to_dict()["concat"]) == 4
    losses = sweep_charts.loss_curves(results, label, "loss", "epoch")
    losses.to_dict()
    assert losses.data["setting"].nunique() == 4
