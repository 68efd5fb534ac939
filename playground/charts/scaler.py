"""① The scaler lens: the data before and after scaling, side by side."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.boundary import round_to_span
from playground.charts.style import (
    FIXED_SIZE,
    NEGATIVE,
    PALETTE,
    POSITIVE,
    Array,
    Labels,
    merged_labels,
)


def scaler_panels(
    X_train: Array,
    X_scaled: Array,
    y: Array,
    labels: Labels = None,
    class_names: Sequence[str] | None = None,
    palette: Sequence[str] = PALETTE,
    size: int = 250,
) -> tuple[alt.Chart, alt.Chart]:
    """The training data before and after the scaler: two scatter charts, same colours.

    Parameters
    ----------
    X_train, X_scaled : (n, 2) training features in original and in scaled units.
    y : (n,) int labels, or float targets of a regression (coloured by value).
    labels : keys x, y, class, before, after (the panel titles).
    class_names : legend names of the classes (default "0", "1", …).
    size : width and height of each plot in pixels (fixed: a "container" width would squeeze
        the height, which then also holds the legend). 250 px and the legend below fit a phone;
        a page puts the two in columns (side by side, stacked on a phone).

    Returns
    -------
    (alt.Chart, alt.Chart) : before, after; each plot exactly size × size (autosize "pad"),
        the class legend below it.
    """
    lab = merged_labels(labels)
    if np.issubdtype(np.asarray(y).dtype, np.floating):  # regression targets: by their value
        column, values, color = _by_value(np.asarray(y), lab)
    else:
        k = int(np.max(y)) + 1 if len(y) else 1
        names = list(class_names) if class_names is not None else [str(c) for c in range(k)]
        column, values = "class", [names[c] for c in y]
        color = alt.Color(
            "class:N",
            scale=alt.Scale(domain=names, range=list(palette[: len(names)])),
            title=lab["class"],
            legend=alt.Legend(orient="bottom"),
        )

    def panel(X: Array, title: str) -> alt.Chart:
        df = pd.DataFrame(
            {
                "x": round_to_span(X[:, 0]),
                "y": round_to_span(X[:, 1]),
                column: values,
            }
        )
        return (
            alt.Chart(df, title=title)
            .mark_circle(size=25, opacity=0.8)
            .encode(
                x=alt.X("x:Q", title=lab["x"], scale=alt.Scale(zero=False)),
                y=alt.Y("y:Q", title=lab["y"], scale=alt.Scale(zero=False)),
                color=color,
            )
            .properties(width=size, height=size, autosize=FIXED_SIZE)
        )

    return panel(X_train, lab["before"]), panel(X_scaled, lab["after"])


def _by_value(y: Array, lab: dict) -> tuple[str, Array, alt.Color]:
    """Regression targets y (n,): the column, its values and their colour, the value map's
    diverging scale (orange < 0 < blue, symmetric about 0)."""
    m = max(float(np.max(np.abs(y))) if len(y) else 1.0, 1e-9)
    scale = alt.Scale(domain=[-m, 0.0, m], range=[NEGATIVE, "#eeeeee", POSITIVE], interpolate="rgb")
    legend = alt.Legend(orient="bottom")
    return "target", y, alt.Color("target:Q", scale=scale, title=lab["target_value"], legend=legend)


def scaler_lens(
    X_train: Array,
    X_scaled: Array,
    y: Array,
    labels: Labels = None,
    class_names: Sequence[str] | None = None,
    palette: Sequence[str] = PALETTE,
) -> alt.HConcatChart:
    """`scaler_panels` side by side in one chart (250 × 250 each, independent axes): for a
    notebook or an export. A page shows the two panels in columns instead: this fixed-width
    pair is wider than a phone."""
    panels = scaler_panels(X_train, X_scaled, y, labels, class_names, palette)
    before, after = (p.copy() for p in panels)
    before.autosize = after.autosize = alt.Undefined  # a top-level property only
    return alt.hconcat(before, after).resolve_scale(x="independent", y="independent")
