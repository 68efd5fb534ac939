"""Loss and accuracy curves per epoch (train and test), the best epoch marked."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.style import (
    HEIGHT,
    SPLIT_COLORS,
    TINY,
    Array,
    Labels,
    merged_labels,
    message,
)


def subsample_epochs(epochs: Array, n: int) -> Array:
    """Indices of at most n rows, evenly spread, always keeping the first and the last."""
    m = len(epochs)
    if m <= n:
        return np.arange(m)
    return np.unique(np.round(np.linspace(0, m - 1, n)).astype(int))


def significant(a: Array, digits: int = 5) -> Array:
    """Round every value to `digits` significant digits (a smaller JSON payload)."""
    return np.array([float(f"{v:.{digits}g}") for v in np.asarray(a, dtype=np.float64)])


def _field(name: str) -> str:
    """A data column name as a Vega-Lite field (dots and brackets would mean nesting)."""
    return name.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]")


def _best_marker(
    epoch: int, value: float, text: str, right: bool, top: bool = True
) -> alt.LayerChart:
    """A dashed vertical rule, a dot at (epoch, value) and a note at the top (or bottom) of the
    plot: accuracy curves end near 1.0, so their note goes to the bottom, where no line runs."""
    marker = alt.Chart(pd.DataFrame({"epoch": [epoch], "value": [value], "text": [text]}))
    marker = marker.encode(x="epoch:Q")
    return alt.layer(
        marker.mark_rule(color="#555", strokeDash=[3, 3]),
        marker.mark_point(filled=True, size=80, color=SPLIT_COLORS[1]).encode(y="value:Q"),
        marker.mark_text(
            align="right" if right else "left", dx=-5 if right else 5, fontSize=11, color="#444"
        ).encode(y=alt.value(8 if top else HEIGHT - 10), text="text:N"),
    )


def _curves(
    history: pd.DataFrame,
    columns: tuple[str, str],
    best: str,
    y_title: str,
    lab: dict,
    log_scale: bool = False,
    max_epochs: int = 500,
) -> alt.LayerChart:
    """Train and test lines over epochs; the best test epoch marked; hover shows both values."""
    test = history[columns[1]]
    best_row = history.loc[test.idxmin() if best == "min" else test.idxmax()]
    h = history.iloc[subsample_epochs(history["epoch"].to_numpy(), max_epochs)]
    splits = [lab["train"], lab["test"]]
    h = h.rename(columns=dict(zip(columns, splits, strict=True)))
    long = h.melt(id_vars="epoch", value_vars=splits, var_name="split", value_name="value")
    long["value"] = significant(long["value"].clip(lower=TINY) if log_scale else long["value"])
    if best == "max":
        y_scale = alt.Scale(domain=[0, 1])
    else:
        y_scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)
    x_axis = alt.Axis(format="d", tickMinStep=1)  # whole epochs, even for a 1-epoch history
    base = alt.Chart(long).encode(x=alt.X("epoch:Q", title=lab["epoch"], axis=x_axis))
    y_axis = alt.Axis(format=".0%" if best == "max" else "~g")
    lines = base.mark_line(strokeWidth=2).encode(
        y=alt.Y("value:Q", scale=y_scale, title=y_title, axis=y_axis),
        color=alt.Color(
            "split:N",
            scale=alt.Scale(domain=splits, range=list(SPLIT_COLORS)),
            legend=alt.Legend(orient="top", title=None),
        ),
        strokeDash=alt.StrokeDash(
            "split:N", scale=alt.Scale(domain=splits, range=[[1, 0], [6, 3]]), legend=None
        ),
    )
    hover = alt.selection_point(fields=["epoch"], nearest=True, on="pointerover", empty=False)
    fmt = ".1%" if best == "max" else ".4g"
    rule = (
        base.transform_pivot("split", value="value", groupby=["epoch"])
        .mark_rule(color="gray")
        .encode(
            opacity=alt.condition(hover, alt.value(0.4), alt.value(0)),
            tooltip=[
                alt.Tooltip("epoch:Q", title=lab["epoch"]),
                *(
                    alt.Tooltip(field=_field(s), type="quantitative", title=s, format=fmt)
                    for s in splits
                ),
            ],
        )
        .add_params(hover)
    )
    epoch, value = int(best_row["epoch"]), float(best_row[columns[1]])
    note = (
        f"{lab['best_loss' if best == 'min' else 'best_accuracy']}: {lab['epoch'].lower()} {epoch}"
    )
    right = epoch > (history["epoch"].iloc[0] + history["epoch"].iloc[-1]) / 2
    marker = _best_marker(
        epoch, max(value, TINY) if log_scale else value, note, right, top=best == "min"
    )
    return alt.layer(lines, rule, marker)


def loss_curves(
    history: pd.DataFrame, log_scale: bool = False, labels: Labels = None, max_epochs: int = 500
) -> alt.LayerChart | alt.Chart:
    """Train and test loss per epoch; a dashed rule and a dot at the lowest test loss.

    `log_scale`: a log y axis (values clipped to 1e-12 so a zero loss cannot break it).
    More than `max_epochs` rows are thinned evenly (the best epoch is always marked exactly).

    Parameters
    ----------
    history : `RunResult.history` (epoch, train_loss, test_loss, …); may be a live, partial one.
    log_scale : log y axis.
    labels : keys epoch, loss, train, test, best_loss, loss_title.
    max_epochs : most epochs sent to the browser.

    Returns
    -------
    alt.LayerChart : lines, hover rule, best-epoch marker (a text chart if history is empty).
    """
    lab = merged_labels(labels)
    if history.empty:
        return message(lab["no_data"])
    chart = _curves(
        history, ("train_loss", "test_loss"), "min", lab["loss"], lab, log_scale, max_epochs
    )
    return chart.properties(width="container", height=HEIGHT, title=lab["loss_title"])


def accuracy_curves(
    history: pd.DataFrame, labels: Labels = None, max_epochs: int = 500
) -> alt.LayerChart | alt.Chart:
    """Train and test accuracy per epoch (0–100 %); a dashed rule at the best test accuracy."""
    lab = merged_labels(labels)
    if history.empty:
        return message(lab["no_data"])
    cols = ("train_accuracy", "test_accuracy")
    chart = _curves(history, cols, "max", lab["accuracy"], lab, max_epochs=max_epochs)
    return chart.properties(width="container", height=HEIGHT, title=lab["accuracy_title"])
