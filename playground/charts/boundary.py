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
from playground.charts.style import FIT_WIDTH, PALETTE, Array, Labels, merged_labels, message


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


def boundary_points(
    result: Any, snapshot_index: int = -1, labels: Labels = None, max_points: int = 3000
) -> pd.DataFrame:
    """Train and test points in original units: x, y, class, set (label text), wrong (bool)."""
    lab = merged_labels(labels)
    parts = []
    for X, y, name in (
        (result.X_train, result.y_train, "train"),
        (result.X_test, result.y_test, "test"),
    ):
        wrong = _predicted(result, X, snapshot_index) != y
        parts.append(
            pd.DataFrame(
                {
                    "x": round_to_span(X[:, 0]),
                    "y": round_to_span(X[:, 1]),
                    "class": [result.class_names[c] for c in y],
                    "set": lab[name],
                    "wrong": wrong,
                }
            )
        )
    df = pd.concat(parts, ignore_index=True)
    if len(df) > max_points:
        df = df.sample(max_points, random_state=0)
    return df


def _points_layer(
    df: pd.DataFrame, class_names: list[str], palette: Sequence[str], lab: dict
) -> alt.Chart:
    wrong = alt.datum.wrong
    verdict = [lab["correct"], lab["misclassified"]]
    return (
        alt.Chart(df)
        .transform_calculate(
            prediction=f"datum.wrong ? {json.dumps(verdict[1])} : {json.dumps(verdict[0])}"
        )
        .mark_point(filled=True, opacity=1)
        .encode(
            x="x:Q",
            y="y:Q",
            color=alt.Color(
                "class:N",
                scale=alt.Scale(domain=list(class_names), range=list(palette[: len(class_names)])),
                title=lab["class"],
            ),
            shape=alt.Shape(
                "set:N",
                scale=alt.Scale(
                    domain=[lab["train"], lab["test"]], range=["circle", "triangle-up"]
                ),
                title=lab["set"],
            ),
            stroke=alt.Stroke(
                "prediction:N",
                scale=alt.Scale(domain=verdict, range=["white", "black"]),
                title=lab["prediction"],
                legend=alt.Legend(symbolFillColor="#bbbbbb", symbolStrokeWidth=2),
            ),
            strokeWidth=alt.condition(wrong, alt.value(2.0), alt.value(0.7)),
            size=alt.condition(wrong, alt.value(90), alt.value(45)),
            tooltip=[
                alt.Tooltip("class:N", title=lab["class"]),
                alt.Tooltip("set:N", title=lab["set"]),
                alt.Tooltip("prediction:N", title=lab["prediction"]),
                alt.Tooltip("x:Q", title=lab["x"]),
                alt.Tooltip("y:Q", title=lab["y"]),
            ],
        )
    )


def decision_boundary(
    result: Any,
    snapshot_index: int = -1,
    discretize: bool = False,
    labels: Labels = None,
    palette: Sequence[str] = PALETTE,
    max_points: int = 3000,
) -> alt.LayerChart | alt.Chart:
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
    alt.LayerChart : image + points, width "container", a 340 px high plot with the legends
        below it (a text chart if the run has no snapshot).
    """
    lab = merged_labels(labels)
    grid = result.grid
    if len(result.snapshots) == 0:
        return message(lab["no_data"])
    url = boundary_png(result.snapshots[snapshot_index], len(grid.x), discretize, palette)
    df = boundary_points(result, snapshot_index, labels, max_points)
    image = image_layer(url, extent(grid.x), extent(grid.y), lab)
    points = _points_layer(df, result.class_names, palette, lab)
    return (
        alt.layer(image, points)
        .properties(width="container", height=340, title=lab["boundary_title"], autosize=FIT_WIDTH)
        # class, set and prediction side by side, each a short column: fits a phone's width
        .configure_legend(orient="bottom", direction="vertical", labelLimit=0)
    )
