"""How big the weights are: every weight's |w|, largest first, one line per run on a log axis, with
the near-zero line (|w| < NEAR_ZERO). L1 regularization drives many weights to (almost) zero; L2
only shrinks them all. Data in, chart out (no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.style import FIT_WIDTH, PALETTE

Array = np.ndarray
NEAR_ZERO = 1e-3  # |w| below this counts as (near) zero
FLOOR = 1e-7  # smaller magnitudes (exact zeros too) are drawn at the bottom of the log axis


def weights(model) -> Array:
    """Every weight (not the biases) of an MLP, flattened: W_1, …, W_L."""
    return np.concatenate([np.ravel(W) for W in model.params[0::2]])


def near_zero(w: Array, tol: float = NEAR_ZERO) -> int:
    """How many of the weights `w` have |w| < tol."""
    return int(np.count_nonzero(np.abs(w) < tol))


def magnitude_lines(runs: Mapping[str, Array], texts: Mapping[str, str]) -> alt.LayerChart:
    """|w| of each run's weights (`runs`: name -> weights), sorted largest first, against the
    weight's rank; a dashed rule at NEAR_ZERO. `texts`: "x", "y", "run" (axis and legend titles)
    and "near_zero" (the rule's note)."""
    frames = []
    for name, w in runs.items():
        mag = np.sort(np.abs(np.asarray(w, dtype=np.float64)))[::-1]
        rank = np.arange(1, len(mag) + 1)
        frames.append(pd.DataFrame({"rank": rank, "w": np.maximum(mag, FLOOR), "run": name}))
    df = pd.concat(frames, ignore_index=True)
    colors = alt.Scale(domain=list(runs), range=list(PALETTE[: len(runs)]))
    lines = (
        alt.Chart(df)
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=alt.X("rank:Q", title=texts["x"]),
            y=alt.Y("w:Q", title=texts["y"], scale=alt.Scale(type="log", domain=[FLOOR, 10])),
            color=alt.Color(
                "run:N",
                scale=colors,
                title=texts["run"],
                legend=alt.Legend(orient="top", columns=2, labelLimit=0),  # fits a phone
            ),
            tooltip=["run:N", "rank:Q", alt.Tooltip("w:Q", format=".2e")],
        )
    )
    rule = pd.DataFrame({"w": [NEAR_ZERO], "note": [texts["near_zero"]]})
    line = alt.Chart(rule).mark_rule(strokeDash=[4, 3], color="#555").encode(y="w:Q")
    note = (
        alt.Chart(rule)
        .mark_text(align="left", dx=4, dy=-6, color="#444", fontSize=11)
        .encode(y="w:Q", x=alt.value(0), text="note:N")
    )
    chart = alt.layer(lines, line, note)
    return chart.properties(height=220, width="container", autosize=FIT_WIDTH)
