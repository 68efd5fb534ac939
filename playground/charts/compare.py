"""Twin runs drawn: where two runs' predictions disagree on the plane, and several runs' curves
overlaid (train dashed, test solid, one colour per run)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.boundary import extent, image_layer
from playground.charts.images import grid_image, png_url
from playground.charts.style import TINY, merged_labels
from playground.compare import disagreement

if TYPE_CHECKING:
    from playground.experiment import RunResult

RUN_COLORS = [
    "#0877bd",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#6a3d9a",
    "#e6c229",
    "#4d4d4d",
    "#8c564b",
]
DISAGREE, AGREE = np.array([0.84, 0.15, 0.16]), np.array([0.93, 0.94, 0.95])


def disagreement_chart(a: RunResult, b: RunResult, labels: dict | None = None) -> alt.Chart | None:
    """The plane coloured red where A and B predict different classes, with the data on top."""
    mask = disagreement(a, b)
    if mask is None:
        return None
    size = len(a.grid.x)
    rgb = np.where(mask[:, None], DISAGREE, AGREE)
    url = png_url(grid_image(rgb, size), smooth=False)
    lab = merged_labels(labels)
    image = image_layer(url, extent(a.grid.x), extent(a.grid.y), lab)
    X = np.vstack([a.X_train, a.X_test])
    pts = pd.DataFrame({"x": X[:, 0], "y": X[:, 1]})
    dots = alt.Chart(pts).mark_circle(size=12, color="#333", opacity=0.5).encode(x="x:Q", y="y:Q")
    return alt.layer(image, dots).properties(width="container", height=320)


def overlay_curves(
    histories: dict[str, pd.DataFrame], metric: str, labels: dict | None = None, log: bool = False
) -> alt.Chart:
    """Train (dashed) and test (solid) `metric` ("loss" | "accuracy" | "r2") of several runs, by
    colour; runs without that metric (accuracy of a regression run) are left out."""
    lab = merged_labels(labels)
    frames = [pd.DataFrame({"epoch": [], "value": [], "run": [], "split": []})]
    for name, h in histories.items():
        for split in ("train", "test") if f"test_{metric}" in h else ():
            frames.append(
                pd.DataFrame(
                    {
                        "epoch": h["epoch"],
                        "value": h[f"{split}_{metric}"],
                        "run": name,
                        "split": lab[split],
                    }  # fmt: skip
                )
            )
    df = pd.concat(frames, ignore_index=True)
    if log:
        df["value"] = df["value"].clip(lower=TINY)
    y_scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    return (
        alt.Chart(df)
        .mark_line()
        .encode(
            x=alt.X("epoch:Q", title=lab["epoch"]),
            y=alt.Y("value:Q", title=lab[metric], scale=y_scale),
            color=alt.Color(
                "run:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(range=RUN_COLORS),
            ),
            strokeDash=alt.StrokeDash("split:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=["run:N", "split:N", "epoch:Q", alt.Tooltip("value:Q", format=".4g")],
        )
        .properties(width="container", height=260)
    )
