"""The live run's charts on the Playground (app/live.py draws them): the boundary of the
current weights as colour cells, the loss and accuracy curves so far with each mid-run change
marked. Frame after frame a chart keeps its spec text and dataset names, so the browser swaps
the rows in (no new chart, no flicker).

Per frame only what changed is made: the curves and the trained result's table grow by whole
epochs, so within an epoch a frame reuses them (`Live.memo`) and the page leaves the curves as
they are; the boundary changes with every step and is made each frame.
"""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa

from playground import charts
from playground.charts.boundary import point_columns  # the columns decision_boundary draws
from playground.charts.images import probability_colors
from playground.charts.style import HEIGHT, merged_labels
from playground.charts.vegalite import table
from playground.experiment import RunResult

CURVE_POINTS = 200  # epochs per curve sent each frame (the trained view sends up to 500)
MAX_POINTS = 3000  # points drawn at most (charts.decision_boundary's default)
CELL = 2  # the live boundary draws every CELL-th grid point (30 × 30 cells: light to redraw)


def steady(spec: dict, prefix: str) -> dict:
    """`spec` with its datasets renamed `<prefix>_0`, `<prefix>_1`, … (in order): frame after
    frame the spec text stays the same, so the browser keeps its chart and swaps the rows in
    (content-named datasets would make it build a new chart each frame: a flicker)."""
    datasets = spec.pop("datasets", {})
    text = json.dumps(spec)
    renamed = {}
    for i, (name, rows) in enumerate(datasets.items()):
        text = text.replace(json.dumps(name), json.dumps(f"{prefix}_{i}"))
        renamed[f"{prefix}_{i}"] = arrow(rows)
    spec = json.loads(text)
    spec["datasets"] = renamed
    return spec


def arrow(rows: list[dict] | dict[str, np.ndarray]) -> pa.Table:
    """Rows (or columns) as an Arrow table, text dictionary-coded, floats as float32: a few
    times smaller and faster to send than what pandas makes of a list of dicts."""
    columns = rows if isinstance(rows, dict) else {k: [r[k] for r in rows] for k in rows[0]}
    out = {}
    for k, v in columns.items():
        a = pa.array(v)
        if pa.types.is_string(a.type):
            a = a.dictionary_encode().cast(pa.dictionary(pa.int16(), pa.string()))
        elif pa.types.is_floating(a.type):
            a = a.cast(pa.float32())
        out[k] = a
    return pa.table(out)


def _colors(res: RunResult, discretize: bool) -> dict[str, list[str]]:
    """The cells' colours (every CELL-th grid point, in grid order) from the last snapshot."""
    size = len(res.grid.x)
    gx, gy = res.grid.x[::CELL], res.grid.y[::CELL]
    probs = res.snapshots[-1].reshape(size, size, -1)[::CELL, ::CELL].reshape(len(gx) * len(gy), -1)
    if res.model.output == "linear":  # a regression run: its predicted values' colours
        rgb = charts.value_colors(probs, charts.value_scale(res))
    else:
        rgb = probability_colors(probs, discretize)
    codes = np.round(np.clip(rgb, 0, 1) * 255).astype(np.uint32) @ np.array([65536, 256, 1])
    return {"c": np.char.add("#", np.char.zfill(np.char.mod("%x", codes), 6)).tolist()}


def _cells(res: RunResult, spec: dict, discretize: bool) -> None:
    """Replace the boundary's PNG (layer 0) by one rect per grid cell: a browser loads a new
    image asynchronously and shows nothing meanwhile (a flicker at every frame); rects are drawn
    at once. The cells travel as their colours alone (dictionary-coded, in grid order): ~8 KB."""
    image = spec["layer"][0]
    spec["datasets"].pop(image["data"]["name"])
    gx, gy = res.grid.x[::CELL], res.grid.y[::CELL]
    name = "cells"
    spec["datasets"][name] = _colors(res, discretize)  # row k = cell (k // size, k % size)
    dx, dy = float(gx[1] - gx[0]), float(gy[1] - gy[0])  # (a hair wider: no seams)
    at = lambda v, d, k: f"{v - d / 2!r} + datum.{k} * {d!r}"  # noqa: E731
    raw = {"type": "nominal", "scale": None, "field": "c"}  # the colour itself, no legend
    enc = image["encoding"]
    spec["layer"][0] = {
        "data": {"name": name},
        "mark": {"type": "rect"},
        "transform": [
            {"window": [{"op": "row_number", "as": "k"}]},
            {"calculate": f"(datum.k - 1) % {len(gx)}", "as": "j"},
            {"calculate": f"floor((datum.k - 1) / {len(gx)})", "as": "i"},
            {"calculate": at(float(gx[0]), dx, "j"), "as": "x"},
            {"calculate": f"datum.x + {dx * 1.04!r}", "as": "x2"},
            {"calculate": at(float(gy[0]), dy, "i"), "as": "y"},
            {"calculate": f"datum.y + {dy * 1.04!r}", "as": "y2"},
        ],
        "encoding": {
            "x": enc["x"],
            "x2": enc["x2"],
            "y": enc["y"],
            "y2": enc["y2"],
            "color": raw,
            "stroke": raw,
        },  # fmt: skip
    }


def boundary(live, res: RunResult, labels: dict, discretize: bool) -> dict:
    """The boundary of the current weights (as cells, `_cells`); the last stepped batch's
    points ringed. The spec text is made once (`Live.memo`); a frame while playing makes only
    its two datasets: the points (which are misclassified now) and the cells' colours."""
    key = ("boundary", discretize, tuple(sorted(labels.items())))
    ringed = live.batch is not None and len(live.batch)
    made = live.memo.get("boundary", (None,))
    if made[0] == key and not ringed:
        spec = json.loads(made[1])
        points = point_columns(res, -1, merged_labels(labels), MAX_POINTS)
        spec["datasets"] = {
            "live_boundary_0": arrow(points),
            "live_boundary_1": arrow(_colors(res, discretize)),
        }
        return spec
    spec = charts.decision_boundary(
        res, discretize=discretize, labels=labels, max_points=MAX_POINTS
    )
    if "layer" in spec:
        _cells(res, spec, discretize)
    if (
        not ringed
        and res.model.output != "linear"
        and list(spec.get("datasets", ()))[-1:] == ["cells"]
        and len(spec["datasets"]) == 2
    ):
        spec = steady(spec, "live_boundary")  # [points, cells]: what the frames above make
        text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
        live.memo["boundary"] = (key, text)
        return spec
    idx = live.batch
    if idx is None or not len(idx) or "layer" not in spec:
        return steady(spec, "live_boundary")
    X = res.X_train[idx]
    name, rows = table({"x": X[:, 0], "y": X[:, 1]})
    spec["datasets"][name] = rows
    ring = {"type": "point", "shape": "circle", "filled": False, "size": 260}
    ring |= {"stroke": "#111111", "strokeWidth": 2.2, "opacity": 1}
    enc = {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}}
    spec["layer"].append({"data": {"name": name}, "mark": ring, "encoding": enc})
    return steady(spec, "live_boundary")


def curves(live, res: RunResult, labels: dict, log: bool) -> tuple[dict, dict]:
    """Loss and accuracy so far, each change marked. The same pair (the same objects) as the
    last frame's while no epoch was added and nothing else they show changed."""
    h = res.history
    key = ("curves", len(h), res.status, log, tuple(live.changes), tuple(sorted(labels.items())))
    if live.memo.get("curves", (None,))[0] == key:
        return live.memo["curves"][1]
    specs = (
        steady(charts.loss_curves(h, log, labels, CURVE_POINTS, live.changes), "live_loss"),
        steady(charts.accuracy_curves(h, labels, CURVE_POINTS, live.changes), "live_accuracy"),
    )
    for spec in specs:  # SVG, as short runs get (Streamlit turns long ones into a canvas)
        spec["usermeta"] = {"embedOptions": {"renderer": "svg"}}
        for part in spec["layer"][2]["layer"]:  # the best epoch's note at the plot's bottom
            y = part["encoding"].get("y", {})
            if y.get("value") == HEIGHT - 10:  # (in pixels from the top, it squeezed the plot)
                part["encoding"]["y"] = {"expr": "height - 10"}
    live.memo["curves"] = (key, specs)
    return specs
