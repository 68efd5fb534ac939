"""page_specs.steady_names: the page's charts keep their dataset names from run to run, so a
knob change that only changes the data leaves the spec text alone (the browser swaps the rows
instead of building the chart anew)."""

from __future__ import annotations

import json

from playground import page_specs
from playground.charts import DEFAULT_LABELS
from playground.config import RunConfig
from playground.experiment import run


def _names(node) -> set[str]:
    """Every dataset name the spec refers to ({"data": {"name": ...}})."""
    if isinstance(node, dict):
        found = {node["data"]["name"]} if isinstance(node.get("data"), dict) else set()
        found.discard(None)
        return found.union(*(_names(v) for k, v in node.items() if k != "datasets"))
    if isinstance(node, list):
        return set().union(*(_names(v) for v in node))
    return set()


def _specs(config: RunConfig) -> dict:
    result = run(config)
    labels = dict(DEFAULT_LABELS)
    return {
        name: page_specs.build(result, name, opts, labels, ("a", "b"))
        for name, opts in page_specs.defaults(result)
    }


def test_a_changed_activation_keeps_the_spec_text_and_changes_the_rows():
    before = _specs(RunConfig(epochs=20, seed=3))
    after = _specs(RunConfig(epochs=20, seed=3, activation="relu"))
    for name in ("boundary", "accuracy", "grad_lines", "grad_heatmap", "act_hist"):
        a, b = (page_specs.steady_names(s[name], name) for s in (before, after))
        assert set(a["datasets"]) == set(b["datasets"]) == _names(a) == _names(b), name
        assert all(k.startswith(f"{name}_") for k in a["datasets"]), name
        strip = lambda s: json.dumps({k: v for k, v in s.items() if k != "datasets"})  # noqa: E731
        assert strip(a) == strip(b), name  # same text: the browser keeps its chart
        assert a["datasets"] != b["datasets"], name  # new rows
        # without the renaming the text differs (content-named datasets): a new chart
        assert strip(before[name]) != strip(after[name]), name


def test_steady_names_keeps_the_rows_and_their_order():
    spec = _specs(RunConfig(epochs=5))["boundary"]
    steady = page_specs.steady_names(spec, "boundary")
    assert list(steady["datasets"].values()) == list(spec["datasets"].values())
    assert list(steady["datasets"]) == [f"boundary_{i}" for i in range(len(spec["datasets"]))]
    assert page_specs.steady_names({"mark": "point"}, "x") == {"mark": "point"}  # no datasets
