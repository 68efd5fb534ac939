"""Gradient flow: ‖∂L/∂W‖ per layer over the epochs, as lines and as a heatmap."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.curves import significant, subsample_epochs
from playground.charts.style import HEIGHT, TINY, VIRIDIS, Array, Labels, merged_labels


def grad_columns(history: pd.DataFrame) -> list[str]:
    """grad_norm_1 … grad_norm_L in layer order."""
    cols = [c for c in history.columns if c.startswith("grad_norm_")]
    return sorted(cols, key=lambda c: int(c.rsplit("_", 1)[1]))


def layer_name(l: int, n_layers: int, lab: dict) -> str:
    """'layer 1 (input side)', 'layer 2', …, 'layer L (output side)'."""
    name = lab["layer_n"].format(n=l)
    if n_layers > 1 and l == 1:
        return f"{name} ({lab['input_side']})"
    if n_layers > 1 and l == n_layers:
        return f"{name} ({lab['output_side']})"
    return name


def gradient_ratio(history: pd.DataFrame) -> float:
    """Last epoch's ‖∂L/∂W_1‖ / ‖∂L/∂W_L‖ (≪ 1: vanishing toward the input, ≫ 1: exploding)."""
    cols = grad_columns(history)
    first, last = (float(history[c].iloc[-1]) for c in (cols[0], cols[-1]))
    return first / last if last > 0 else float("inf")


def _grad_wide(history: pd.DataFrame, rows: Array) -> pd.DataFrame:
    """epoch, g1 … gL (clipped to TINY, 4 significant digits) at the chosen rows."""
    cols = grad_columns(history)
    h = history.iloc[rows]
    wide = pd.DataFrame({"epoch": h["epoch"].to_numpy()})
    for l, c in enumerate(cols, start=1):
        wide[f"g{l}"] = significant(h[c].clip(lower=TINY), 4)
    return wide


def _layer_fold(chart: alt.Chart, n: int, lab: dict) -> alt.Chart:
    """Fold g1 … gL into rows (l, grad, layer name): long data built in the browser."""
    names = json.dumps([layer_name(l, n, lab) for l in range(1, n + 1)], ensure_ascii=False)
    return (
        chart.transform_fold([f"g{l}" for l in range(1, n + 1)], as_=["key", "grad"])
        .transform_calculate(l="toNumber(substring(datum.key, 1))")
        .transform_calculate(layer=f"{names}[datum.l - 1]")
    )


def _grad_tooltip(lab: dict) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("layer:N", title=lab["layer"]),
        alt.Tooltip("epoch:Q", title=lab["epoch"]),
        alt.Tooltip("grad:Q", title=lab["grad_norm"], format=".3g"),
    ]


def grad_norm_lines(
    history: pd.DataFrame, labels: Labels = None, max_epochs: int = 500
) -> alt.Chart:
    """Per-layer gradient norm ‖∂L/∂W_l‖ over epochs on a log y axis, one line per layer.

    Zeros are clipped to 1e-12; more than `max_epochs` rows are thinned evenly.
    """
    lab = merged_labels(labels)
    n = len(grad_columns(history))
    wide = _grad_wide(history, subsample_epochs(history["epoch"].to_numpy(), max_epochs))
    names = [layer_name(l, n, lab) for l in range(1, n + 1)]
    return (
        _layer_fold(alt.Chart(wide), n, lab)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("epoch:Q", title=lab["epoch"]),
            y=alt.Y(
                "grad:Q",
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format="~g"),
                title=lab["grad_norm"],
            ),
            color=alt.Color(
                "layer:N",
                scale=alt.Scale(domain=names, scheme=VIRIDIS),
                title=lab["layer"],
                # two columns of "layer 1 (input side)" fit a phone; three did not
                legend=alt.Legend(labelLimit=0, orient="top", columns=2, title=None),
            ),
            tooltip=_grad_tooltip(lab),
        )
        .properties(width="container", height=HEIGHT, title=lab["grad_title"])
    )


def grad_heatmap(history: pd.DataFrame, labels: Labels = None, max_columns: int = 100) -> alt.Chart:
    """Layer × epoch heatmap of ‖∂L/∂W_l‖ on a log colour scale, layer 1 (input side) at the bottom.

    At most `max_columns` epochs are shown (evenly spread, the value at that epoch); each cell
    reaches halfway to its neighbours, so the x axis stays in epochs. Zeros are clipped to 1e-12.
    """
    lab = merged_labels(labels)
    n = len(grad_columns(history))
    rows = subsample_epochs(history["epoch"].to_numpy(), max_columns)
    wide = _grad_wide(history, rows)
    ep = wide["epoch"].to_numpy(dtype=float)
    edges = np.concatenate([[ep[0] - 0.5], (ep[1:] + ep[:-1]) / 2, [ep[-1] + 0.5]])
    long = pd.concat(  # long rows built here, not by a Vega fold: fewer moving parts in the browser
        [
            pd.DataFrame(
                {"epoch": ep, "e0": edges[:-1], "e1": edges[1:], "l": l, "grad": wide[f"g{l}"]}
                | {"l0": l - 0.5, "l1": l + 0.5}
            ).assign(layer=layer_name(l, n, lab))
            for l in range(1, n + 1)
        ],
        ignore_index=True,
    )
    scale = alt.Scale(type="log", scheme="viridis")
    # a bottom legend collapses the plot to zero height in Streamlit's renderer: keep it right
    legend = alt.Legend(orient="right", gradientLength=100, titleLimit=200, format="~g", title=None)
    x_scale = alt.Scale(nice=False, zero=False, domain=[edges[0], edges[-1]])
    return (
        alt.Chart(long)
        .mark_rect(strokeWidth=0.5)
        .encode(
            x=alt.X("e0:Q", title=lab["epoch"], scale=x_scale),
            x2="e1:Q",
            # quantitative rows (l ± 0.5), not a band scale: a band scale collapsed in the browser
            y=alt.Y(
                "l0:Q",
                title=lab["layer"],
                scale=alt.Scale(domain=[0.5, n + 0.5], nice=False, zero=False),
                axis=alt.Axis(values=list(range(1, n + 1)), format="d", grid=False),
            ),
            y2="l1:Q",
            color=alt.Color("grad:Q", scale=scale, title=lab["grad_norm"], legend=legend),
            tooltip=_grad_tooltip(lab),
        )
        .properties(width="container", height=min(120 + 30 * n, 360), title=lab["heatmap_title"])
    )
