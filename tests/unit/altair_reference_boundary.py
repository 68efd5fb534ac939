"""The decision boundary as it was built with Altair before it became a plain dict
(playground/charts/boundary.py at 0076a1a, verbatim but for shortened docstrings; its image layer
is still the package's `image_layer`): part of the reference in `altair_reference`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from playground.charts.boundary import _predicted, extent, image_layer, round_to_span
from playground.charts.images import boundary_png
from playground.charts.style import FIT_WIDTH, PALETTE, Labels, merged_labels, message


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
    """The boundary at one snapshot as an image, train (●) and test (▲) points on top."""
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
