"""Twin runs: shared data and initial weights, the changed-settings table, disagreement, exports."""

import io
import json

import numpy as np
import pandas as pd
import pytest

from playground import compare
from playground.charts import compare as compare_charts
from playground.config import RunConfig
from playground.experiment import prepare, run

BASE = RunConfig(epochs=15, n_samples=200)


@pytest.fixture(scope="module")
def twins():
    return run(BASE), run(RunConfig(**{**BASE.to_dict(), "activation": "relu"}))


def test_twins_share_split_and_initial_weights(twins):
    a, b = twins
    np.testing.assert_array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert compare.same_initial_weights(a, b)
    # the initial weights really are those of run A's first history row
    net = prepare(a.config).trainer.net
    assert np.linalg.norm(net.params[0]) == pytest.approx(a.history["weight_norm_1"].iloc[0])


def test_other_initializer_or_seed_changes_initial_weights(twins):
    a, _ = twins
    for change in ({"initializer": "he_normal"}, {"seed": 1}, {"init_scale": 2.0}):
        other = run(RunConfig(**{**BASE.to_dict(), **change, "epochs": 1}))
        assert not compare.same_initial_weights(a, other), change


def test_changed_settings_lists_exactly_the_changed_fields():
    b = RunConfig(**{**BASE.to_dict(), "activation": "relu", "hidden": (4, 4, 4), "l2": 0.01})
    table = compare.changed_settings(BASE, b)
    assert sorted(table["setting"]) == ["activation", "hidden", "l2"]
    row = table.set_index("setting").loc["hidden"]
    assert (row["A"], row["B"]) == ("8,8", "4,4,4")
    assert compare.changed_settings(BASE, BASE).empty


def test_disagreement_is_where_predicted_classes_differ(twins):
    a, b = twins
    mask = compare.disagreement(a, b)
    pa = compare.predicted_classes(a.snapshots[-1])
    pb = compare.predicted_classes(b.snapshots[-1])
    np.testing.assert_array_equal(mask, pa != pb)
    assert not compare.disagreement(a, a).any()
    assert compare_charts.disagreement_chart(a, b).to_dict()["layer"]


def test_disagreement_needs_the_same_plane(twins):
    a, _ = twins
    other_data = run(RunConfig(**{**BASE.to_dict(), "seed": 3, "epochs": 1}))
    assert compare.disagreement(a, other_data) is None
    assert compare_charts.disagreement_chart(a, other_data) is None


def test_exports_round_trip(twins):
    a, b = twins
    results = {"A": a, "B": b}
    doc = json.loads(compare.export_json(results))
    assert RunConfig.from_dict(doc["B"]["config"]) == b.config
    assert doc["A"]["history"]["test_loss"] == a.history["test_loss"].tolist()
    df = pd.read_csv(io.StringIO(compare.export_csv(results)))
    assert df.columns[0] == "run" and len(df) == len(a.history) + len(b.history)
    table = compare.metrics_table(results)
    assert table["test_accuracy"].tolist() == [a.final["test_accuracy"], b.final["test_accuracy"]]
    spec = compare_charts.overlay_curves({"A": a.history, "B": b.history}, "loss").to_dict()
    assert spec["encoding"]["strokeDash"]["field"] == "split"
