"""The decision boundary: a probability image of the plane with the train and test points on top,
misclassified ones marked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.images import boundary_png
from playground.charts.style import PALETTE, Array, Labels, merged_labels
from playground.charts.vegalite import message_spec, n, q, table, top_level


def extent(centres: Array) -> tuple[float, float]:
    """Outer edges of evenly spaced pixel centres."""
    half = (centres[-1] - centres[0]) / (len(centres) - 1) / 2
    return float(centres[0] - half), float(centres[-1] + half)


def round_to_span(a: Array, digits: int = 4) -> Array:
    """Round to `digits` significant digits of the data's range (max − min): a smaller JSON."""
    a = np.asarray(a, dtype=np.float64)
    span = float(np.nanmax(a) - np.nanmin(a)) if a.size else 0.0
    decimals = digits - int(np.floor(np.log10(span))) if span > 0 else digits
    return np.round(a, max(decimals, 0))


def image_layer(url: str, x: tuple[float, float], y: tuple[float, float], lab: dict) -> alt.Chart:
    df = pd.DataFrame({"url": [url], "x": [x[0]], "x2": [x[1]], "y": [y[0]], "y2": [y[1]]})
    scale = {"nice": False, "zero": False}
    return (
        alt.Chart(df)
        .mark_image(aspect=False, smooth=True)
        .encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=list(x), **scale), title=lab["x"]),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=alt.Scale(domain=list(y), **scale), title=lab["y"]),
            y2="y2:Q",
            url="url:N",
        )
    )


def _predicted(result: Any, X: Array, index: int) -> Array:
    """Predicted labels of X: from the model at the final snapshot, else the nearest grid cell."""
    n_snap = len(result.snapshots)
    if index % n_snap == n_snap - 1 and result.status == "ok":
        with np.errstate(all="ignore"):
            p = result.model.forward(result.scaler.transform(X))
    else:
        gx, gy = result.grid.x, result.grid.y
        j = np.clip(np.rint((X[:, 0] - gx[0]) / (gx[1] - gx[0])), 0, len(gx) - 1).astype(int)
        i = np.clip(np.rint((X[:, 1] - gy[0]) / (gy[1] - gy[0])), 0, len(gy) - 1).astype(int)
        p = result.snapshots[index][i * len(gx) + j]
    return (p[:, 0] > 0.5).astype(int) if p.shape[1] == 1 else np.argmax(p, axis=1)


def point_columns(result: Any, snapshot_index: int, lab: dict, max_points: int) -> dict:
    """Columns x, y, class, set, wrong of the train then test points (a fixed random sample of
    `max_points` beyond that, the rows `DataFrame.sample(max_points, random_state=0)` picks)."""
    X = np.concatenate([result.X_train, result.X_test])
    y = np.concatenate([result.y_train, result.y_test])
    n_train = len(result.X_train)
    wrong = _predicted(result, X, snapshot_index) != y  # both sets in one pass
    # rounded per set, as drawn before (each set's own span)
    xs = np.concatenate([round_to_span(X[:n_train, 0]), round_to_span(X[n_train:, 0])])
    ys = np.concatenate([round_to_span(X[:n_train, 1]), round_to_span(X[n_train:, 1])])
    sets = np.array([lab["train"], lab["test"]], dtype=object)[(np.arange(len(X)) >= n_train) * 1]
    keep = slice(None)
    if len(X) > max_points:
        keep = np.random.RandomState(0).choice(len(X), max_points, replace=False)
    names = np.asarray(result.class_names, dtype=object)
    return {
        "x": xs[keep],
        "y": ys[keep],
        "class": names[y[keep]],
        "set": sets[keep],
        "wrong": wrong[keep],
    }


def boundary_points(
    result: Any, snapshot_index: int = -1, labels: Labels = None, max_points: int = 3000
) -> pd.DataFrame:
    """Train and test points in original units: x, y, class, set (label text), wrong (bool)."""
    cols = point_columns(result, snapshot_index, merged_labels(labels), max_points)
    return pd.DataFrame(cols)


def _points_layer(class_names: list[str], palette: Sequence[str], lab: dict) -> dict:
    wrong = "datum.wrong"
    verdict = [lab["correct"], lab["misclassified"]]
    return {
        "mark": {"type": "point", "filled": True, "opacity": 1},
        "encoding": {
            "color": n(
                "class",
                scale={"domain": list(class_names), "range": list(palette[: len(class_names)])},
                title=lab["class"],
            ),
            "shape": n(
                "set",
                scale={"domain": [lab["train"], lab["test"]], "range": ["circle", "triangle-up"]},
                title=lab["set"],
            ),
            "size": {"condition": {"test": wrong, "value": 90}, "value": 45},
            "stroke": n(
                "prediction",
                legend={"symbolFillColor": "#bbbbbb", "symbolStrokeWidth": 2},
                scale={"domain": verdict, "range": ["white", "black"]},
                title=lab["prediction"],
            ),
            "strokeWidth": {"condition": {"test": wrong, "value": 2.0}, "value": 0.7},
            "tooltip": [
                n("class", title=lab["class"]),
                n("set", title=lab["set"]),
                n("prediction", title=lab["prediction"]),
                q("x", title=lab["x"]),
                q("y", title=lab["y"]),
            ],
            "x": q("x"),
            "y": q("y"),
        },
        "transform": [
            {
                "calculate": f"datum.wrong ? {json.dumps(verdict[1])} : {json.dumps(verdict[0])}",
                "as": "prediction",
            }
        ],
    }


def _image_spec(x: tuple[float, float], y: tuple[float, float], lab: dict) -> dict:
    """`image_layer`'s encoding as a dict (its one row goes to the datasets)."""
    scale = {"nice": False, "zero": False}
    return {
        "mark": {"type": "image", "aspect": False, "smooth": True},
        "encoding": {
            "url": n("url"),
            "x": q("x", scale={"domain": list(x), **scale}, title=lab["x"]),
            "x2": {"field": "x2"},
            "y": q("y", scale={"domain": list(y), **scale}, title=lab["y"]),
            "y2": {"field": "y2"},
        },
    }


def decision_boundary(
    result: Any,
    snapshot_index: int = -1,
    discretize: bool = False,
    labels: Labels = None,
    palette: Sequence[str] = PALETTE,
    max_points: int = 3000,
) -> dict:
    """The boundary at one snapshot as an image, train (●) and test (▲) points on top.

    `snapshot_index` indexes `result.snapshots` (epochs in `result.snapshot_epochs`).
    Misclassified points get a thick black outline: judged by the model itself at the final
    snapshot of a run that did not diverge, by the snapshot's nearest grid cell otherwise.
    At most `max_points` points are drawn (a fixed random sample beyond that).

    Parameters
    ----------
    result : a `playground.experiment.RunResult`.
    snapshot_index, discretize, labels, palette, max_points : as above; labels keys used:
        x, y, class, set, train, test, prediction, correct, misclassified, boundary_title.

    Returns
    -------
    dict : a Vega-Lite spec, image + points, width "container", a 340 px high plot with the
        legends below it (a text chart if the run has no snapshot).
    """
    lab = merged_labels(labels)
    grid = result.grid
    if len(result.snapshots) == 0:
        return message_spec(lab["no_data"])
    url = boundary_png(result.snapshots[snapshot_index], len(grid.x), discretize, palette)
    points = point_columns(result, snapshot_index, lab, max_points)
    # class, set and prediction side by side, each a short column: fits a phone's width
    layer = _points_layer(result.class_names, palette, lab)
    return plane_chart(grid, url, points, layer, lab, "vertical")


def plane_chart(grid: Any, url: str, points: dict, layer: dict, lab: dict, legends: str) -> dict:
    """The plane as an image (`url`, spanning `grid`) with `points` (columns) drawn by `layer`
    on top, 340 px high, the legends below (`legends`: "vertical" or "horizontal" each): the
    decision boundary's chart and the regression value map's (heatmap.py)."""
    x, y = extent(grid.x), extent(grid.y)
    image = table({"url": url, "x": x[0], "x2": x[1], "y": y[0], "y2": y[1]})
    layers = [_image_spec(x, y, lab), layer]
    spec = {
        "layer": layers,
        "autosize": {"contains": "padding", "type": "fit-x"},  # style.FIT_WIDTH
        "height": 340,
        "title": lab["boundary_title"],
        "width": "container",
    }
    legend = {"direction": legends, "labelLimit": 0, "orient": "bottom"}
    spec, refs = top_level(spec, image, table(points), legend=legend)
    for part, ref in zip(layers, refs, strict=True):
        part["data"] = ref
    return spec
