"""Altair charts of a sweep: tuning curves with seed bands, a two-knob heatmap, every loss curve
coloured by its knob value, and small multiples of the decision boundaries. No Streamlit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.boundary import extent
from playground.charts.curves import significant
from playground.charts.heatmap import value_png, value_scale
from playground.charts.images import boundary_png
from playground.charts.style import FIXED_SIZE, NEGATIVE, PALETTE, POSITIVE, message

if TYPE_CHECKING:
    from playground.experiment import RunResult

LOG_KNOBS = {"learning_rate", "init_scale", "l2", "eps", "weight_decay"}


def _knob_axis(df: pd.DataFrame, knob: str, title: str) -> alt.X:
    """Numeric knobs on a (log) quantitative axis; names and tuples as ordered categories."""
    if pd.api.types.is_numeric_dtype(df[knob]) and not pd.api.types.is_bool_dtype(df[knob]):
        positive = (df[knob] > 0).all()
        scale = alt.Scale(type="log") if knob in LOG_KNOBS and positive else alt.Scale(zero=False)
        return alt.X(f"{knob}:Q", title=title, scale=scale, axis=alt.Axis(format="~g"))
    return alt.X(f"{knob}:N", title=title, sort=list(dict.fromkeys(df[knob])))


def tuning_curve(curve: pd.DataFrame, knob: str, metric_title: str, knob_title: str) -> alt.Chart:
    """Mean of the metric per knob value, with a band (or error bar) from min to max over seeds.

    curve: `sweep.tuning_curve(df)` (knob, mean, std, min, max, count, diverged).
    """
    x = _knob_axis(curve, knob, knob_title)
    base = alt.Chart(curve).encode(x=x)
    y = alt.Y("mean:Q", title=metric_title, scale=alt.Scale(zero=False))
    tooltip = [
        knob,
        alt.Tooltip("mean:Q", format=".4g"),
        alt.Tooltip("min:Q", format=".4g"),
        alt.Tooltip("max:Q", format=".4g"),
        "count:Q",
        "diverged:Q",
    ]
    if x.to_dict()["type"] == "quantitative":
        spread = base.mark_area(opacity=0.25, color=PALETTE[1]).encode(y="min:Q", y2="max:Q")
        line = base.mark_line(point=True, color=PALETTE[1]).encode(y=y, tooltip=tooltip)
    else:
        spread = base.mark_rule(strokeWidth=2, color=PALETTE[1]).encode(y="min:Q", y2="max:Q")
        line = base.mark_point(filled=True, size=80, color=PALETTE[1]).encode(y=y, tooltip=tooltip)
    return alt.layer(spread, line).properties(width="container", height=280)


def heatmap(
    curve: pd.DataFrame, knob1: str, knob2: str, metric_title: str, titles: tuple[str, str]
) -> alt.Chart:
    """Two knobs: the mean metric in each cell, with the value written in it."""
    lo, hi = curve["mean"].min(), curve["mean"].max()
    curve = curve.assign(ink=np.where(curve["mean"] < (lo + hi) / 2, "white", "black"))
    base = alt.Chart(curve).encode(
        x=alt.X(f"{knob1}:O", title=titles[0], sort=list(dict.fromkeys(curve[knob1]))),
        y=alt.Y(f"{knob2}:O", title=titles[1], sort=list(dict.fromkeys(curve[knob2]))),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("mean:Q", title=metric_title, scale=alt.Scale(scheme="viridis")),
        tooltip=[knob1, knob2, alt.Tooltip("mean:Q", format=".4g"), "count:Q"],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("mean:Q", format=".3g"),
        color=alt.Color("ink:N", scale=None),  # white on viridis' dark low end, black on its top
    )
    return alt.layer(cells, text).properties(
        width="container", height=min(60 + 40 * curve[knob2].nunique(), 420)
    )


def loss_curves(results: list[RunResult], label_of, title: str, epoch_title: str) -> alt.Chart:
    """Every run's test loss over epochs, coloured by its knob setting (`label_of(result)`)."""
    frames = []
    for i, r in enumerate(results):
        h = r.history
        step = max(1, len(h) // 200)
        frames.append(
            pd.DataFrame(
                {
                    "epoch": h["epoch"].iloc[::step],
                    "loss": h["test_loss"].iloc[::step],
                    "setting": label_of(r),
                    "run": i,
                }
            )
        )
    df = pd.concat(frames, ignore_index=True)
    df["loss"] = significant(df["loss"].to_numpy())
    order = list(dict.fromkeys(df["setting"]))
    return (
        alt.Chart(df)
        .mark_line(opacity=0.7, strokeWidth=1.5)
        .encode(
            x=alt.X("epoch:Q", title=epoch_title, axis=alt.Axis(format="d")),
            y=alt.Y("loss:Q", title=title, scale=alt.Scale(type="log"), axis=alt.Axis(format="~g")),
            color=alt.Color(
                "setting:N", sort=order, title=None, legend=alt.Legend(orient="top", columns=4)
            ),
            detail="run:N",
            tooltip=["setting:N", "epoch:Q", alt.Tooltip("loss:Q", format=".4g")],
        )
        .properties(width="container", height=300)
    )


def boundary_panels(results: list[RunResult], label_of, px: int = 150) -> list[alt.LayerChart]:
    """Each setting's decision boundary (its first seed) with the data on top: one chart per run
    with a snapshot, its plot exactly px × px. A page lays them out in a wrapping row (as many
    per line as fit: two on a phone); `boundaries` joins them into one chart."""
    return [p.properties(autosize=FIXED_SIZE) for p in _panels(results, label_of, px)]


def _panels(results: list[RunResult], label_of, px: int) -> list[alt.LayerChart]:
    panels = []
    for r in results:
        if len(r.snapshots) == 0:
            continue
        regression = "test_r2" in r.history  # the predicted value, points by their target
        half = value_scale(r) if regression else 1.0  # the value colours' ± range
        if regression:
            url = value_png(np.asarray(r.snapshots[-1]), len(r.grid.x), half)
        else:
            url = boundary_png(r.snapshots[-1], len(r.grid.x))
        x, y = extent(r.grid.x), extent(r.grid.y)
        scale = {"nice": False, "zero": False}
        img = alt.Chart(
            pd.DataFrame({"url": [url], "x": [x[0]], "x2": [x[1]], "y": [y[0]], "y2": [y[1]]})
        )
        img = img.mark_image(aspect=False).encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=list(x), **scale), axis=None),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=alt.Scale(domain=list(y), **scale), axis=None),
            y2="y2:Q",
            url="url:N",
        )
        n = min(len(r.y_train), 300)
        pts = pd.DataFrame(
            {"x": r.X_train[:n, 0], "y": r.X_train[:n, 1], "c": r.y_train[:n].astype(str)}
        )
        colour = alt.Color(
            "c:N",
            scale=alt.Scale(
                domain=[str(k) for k in range(len(r.class_names))], range=list(PALETTE)
            ),
            legend=None,
        )
        if regression:
            pts["c"] = r.y_train[:n]
            values = alt.Scale(
                domain=[-half, 0, half], range=[NEGATIVE, "#ffffff", POSITIVE], interpolate="rgb"
            )
            colour = alt.Color("c:Q", scale=values, legend=None)
        dots = (
            alt.Chart(pts)
            .mark_circle(size=8, opacity=0.8, stroke="white", strokeWidth=0.3)
            .encode(
                x="x:Q",
                y="y:Q",
                color=colour,
            )
        )
        score = "test_r2" if regression else "test_accuracy"
        acc = r.history[score].iloc[-1] if len(r.history) else np.nan
        title = f"{label_of(r)} · " + (f"R² {acc:.2f}" if regression else f"{acc:.0%}")
        panels.append(
            alt.layer(img, dots).properties(
                width=px, height=px, title=alt.TitleParams(title, fontSize=11)
            )
        )
    return panels


def boundaries(results: list[RunResult], label_of, columns: int = 4, px: int = 150) -> alt.Chart:
    """`boundary_panels` as one chart of `columns` per row (fixed width: 4 × 150 px is wider
    than a phone, where a page should lay out the panels itself)."""
    panels = _panels(results, label_of, px)
    if not panels:
        return message("—")
    return alt.concat(*panels, columns=columns).resolve_scale(color="independent")
