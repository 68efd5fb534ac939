"""The playground page's charts for one run, by name, as Vega-Lite specs (no Streamlit).

The page draws these through its spec cache; a training worker process can build the default
ones right after training, so the web server's own (GIL-bound) thread does not have to.
"""

from __future__ import annotations

import json

from playground import charts
from playground.experiment import RunResult, initial_net


def activation_hist(result: RunResult, labels: dict, when: tuple[str, str]) -> dict:
    """Hidden-unit outputs at the start (same seed → same initial weights) and at the end."""
    X = result.scaler.transform(result.X_train)
    start = initial_net(result)
    acts = {
        when[0]: charts.hidden_activations(start, X),
        when[1]: charts.hidden_activations(result.model, X),
    }
    return charts.activation_hist(acts, labels)


def build(
    result: RunResult, name: str, options: tuple, labels: dict, when: tuple[str, str]
) -> dict:
    """The Vega-Lite spec of chart `name` with `options`, as the page shows it."""
    h = result.history
    if name == "boundary":
        idx, discretize = options
        return charts.decision_boundary(result, idx, discretize, labels=labels)
    if name == "loss":
        return charts.loss_curves(h, log_scale=options[0], labels=labels)
    if name == "accuracy":
        return charts.accuracy_curves(h, labels=labels)
    if name == "grad_lines":
        return charts.grad_norm_lines(h, labels=labels)
    if name == "grad_heatmap":
        return charts.grad_heatmap(h, labels=labels)
    if name == "act_hist":
        return activation_hist(result, labels, when)
    raise ValueError(f"Unknown chart {name!r}.")


def defaults(result: RunResult) -> list[tuple[str, tuple]]:
    """(name, options) of what a first look at a run shows: the page's default state."""
    last = len(result.snapshot_epochs) - 1
    shown = [("boundary", (last, False)), ("loss", (False,)), ("accuracy", ())]
    shown += [("grad_lines", ()), ("grad_heatmap", ())]
    if result.model.n_layers > 1:
        shown.append(("act_hist", ()))
    return shown


def with_arrow_datasets(spec: dict) -> dict:
    """`spec` with its named datasets (lists of records) as Arrow IPC bytes: what
    `st.vega_lite_chart` turns them into on every call, done once, where the spec is made (a
    training worker) or cached. The same bytes (tests/unit/test_caches.py), so the same chart."""
    data = spec.get("datasets")
    if not data or all(isinstance(v, bytes) for v in data.values()):
        return spec
    data = {k: v if isinstance(v, bytes) else arrow_bytes(v) for k, v in data.items()}
    return {**spec, "datasets": data}


def arrow_bytes(records: list[dict]) -> bytes:
    """Records as Streamlit serializes a chart's dataset: a pandas DataFrame, then an Arrow
    table, then the IPC stream (streamlit.dataframe_util, which this layer may not import)."""
    import pandas as pd
    import pyarrow as pa

    table = pa.Table.from_pandas(pd.DataFrame(records))
    sink = pa.BufferOutputStream()
    writer = pa.RecordBatchStreamWriter(sink, table.schema)
    writer.write_table(table)
    writer.close()
    return sink.getvalue().to_pybytes()


def default_specs(result: RunResult, labels: dict, when: tuple[str, str]) -> dict:
    """{(name, options): Vega-Lite dict} for `defaults(result)`, datasets as Arrow bytes."""
    return {
        (name, opts): with_arrow_datasets(build(result, name, opts, labels, when))
        for name, opts in defaults(result)
        if len(result.history)
    }


def steady_names(spec: dict, prefix: str) -> dict:
    """`spec` with its datasets renamed `<prefix>_0`, `<prefix>_1`, … in order. Named after
    their content, a new run's data made a new spec text, and the browser built the chart anew
    (parse, compile, dataflow: the most of a rerun's time in the browser); with the same names
    the spec text of a knob change is often the same, and the browser swaps the rows in."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
    renamed = {}
    for i, (name, rows) in enumerate(datasets.items()):
        text = text.replace(json.dumps(name), json.dumps(f"{prefix}_{i}"))
        renamed[f"{prefix}_{i}"] = rows
    out = json.loads(text)
    out["datasets"] = renamed
    return out
