"""Loss and accuracy curves with mid-run changes marked (live play): a labelled rule each,
the label inside the plot on the side with room, the spec valid Vega-Lite."""

from __future__ import annotations

from chart_support import schema_errors

from playground import charts
from playground.config import RunConfig
from playground.experiment import run


def test_change_markers_in_the_curves():
    res = run(RunConfig(epochs=6, n_samples=100))
    plain = charts.loss_curves(res.history)
    marked = charts.loss_curves(res.history, changes=[(2, "a"), (3.5, "b")])
    assert len(marked["layer"]) == len(plain["layer"]) + 1
    assert marked["datasets"][marked["layer"][-1]["data"]["name"]] == [
        {"epoch": 2.0, "text": "a", "right": False},  # its label right of the rule
        {"epoch": 3.5, "text": "b", "right": True},  # past the middle (epoch 3): left of it
    ]
    acc = charts.accuracy_curves(res.history, changes=[(1, "c")])
    assert acc["datasets"][acc["layer"][-1]["data"]["name"]] == [
        {"epoch": 1.0, "text": "c", "right": False}
    ]
    assert schema_errors(marked) == [] and schema_errors(acc) == []
