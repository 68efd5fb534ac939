"""The network: a Graphviz diagram with weights as edge colours, and one thumbnail per hidden unit
showing what it computes over the plane."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.activations import hidden_activations
from playground.charts.images import diverging_colors, grid_image, png_url
from playground.charts.style import NEGATIVE, POSITIVE, Array, Labels, merged_labels, message


def combined_weights(model: Any) -> list[Array]:
    """One (fan_in, fan_out) matrix per layer. Maxout layers have `pieces` columns per unit;
    of each unit's pieces we keep, per input, the weight with the largest |w| (signed)."""
    out, pieces = [], getattr(model.act, "pieces", 1)
    for l, W in enumerate(model.params[0::2]):
        W = np.nan_to_num(np.asarray(W, dtype=np.float64))
        if pieces > 1 and l < model.n_layers - 1:
            Wk = W.reshape(W.shape[0], -1, pieces)
            pick = np.abs(Wk).argmax(axis=2)[..., None]
            W = np.take_along_axis(Wk, pick, axis=2)[..., 0]
        out.append(W)
    return out


def _node_names(sizes: Sequence[int]) -> list[list[str]]:
    """Node ids per layer: x1.., h{l}_{j}, o1.."""
    names = [[f"x{i + 1}" for i in range(sizes[0])]]
    names += [[f"h{l}_{j + 1}" for j in range(s)] for l, s in enumerate(sizes[1:-1], start=1)]
    names.append([f"o{k + 1}" for k in range(sizes[-1])])
    return names


def _dot_nodes(names: list[list[str]], inputs: list[str], lab: dict) -> list[str]:
    """One cluster per layer (titled), one small circle per unit; inputs get their names."""
    lines, last = [], len(names) - 1
    for l, layer in enumerate(names):
        title = lab["input"] if l == 0 else lab["output"] if l == last else lab["hidden_n"]
        lines.append(
            f'  subgraph cluster_{l} {{ label="{_dot_text(title.format(n=l))}"; peripheries=0;'
        )
        for j, node in enumerate(layer):
            lines.append(
                f'    {node} [xlabel="{_dot_text(inputs[j])}"];' if l == 0 else f"    {node};"
            )
        lines.append("  }")
    return lines


def _dot_edges(names: list[list[str]], weights: list[Array]) -> list[str]:
    """One edge per weight: blue if w ≥ 0 else orange, pen width 0.3–5 by |w| / max |w|."""
    top = max((float(np.abs(W).max()) for W in weights if W.size), default=0.0) or 1.0
    lines = []
    for l, W in enumerate(weights):
        for i, src in enumerate(names[l]):
            for j, dst in enumerate(names[l + 1]):
                w = W[i, j]
                color = POSITIVE if w >= 0 else NEGATIVE
                width = 0.3 + 4.7 * abs(w) / top
                lines.append(f'  {src} -> {dst} [color="{color}", penwidth={width:.2f}];')
    return lines


def network_dot(model: Any, labels: Labels = None) -> str:
    """Graphviz DOT of the network (for `st.graphviz_chart`), left to right.

    One node per unit (x1…, h{l}_{j}, o{k}), one edge per weight, no edge labels. Edge colour:
    blue for w ≥ 0, orange for w < 0; pen width 0.3–5 in proportion to |w| / max |w| over the
    whole network, so a layer with tiny or huge weights stands out. Maxout: `combined_weights`.
    """
    lab = merged_labels(labels)
    d = model.sizes[0]
    inputs = (
        [lab["x"], lab["y"]] if d == 2 else [lab["input_node"].format(i=i + 1) for i in range(d)]
    )
    names = _node_names(model.sizes)
    header = [
        "digraph network {",
        '  rankdir=LR; splines=line; nodesep=0.08; ranksep=1.1; bgcolor="transparent"; '
        "fontsize=10;",
        '  node [shape=circle, width=0.22, fixedsize=true, label="", style=filled, '
        'fillcolor="#f2f2f2", color="#666666", fontsize=10];',
        "  edge [arrowhead=none];",
    ]
    body = _dot_nodes(names, inputs, lab) + _dot_edges(names, combined_weights(model))
    return "\n".join([*header, *body, "}"])


def _dot_text(text: str) -> str:
    return str(text).replace("\\", "\\\\").replace('"', '\\"')


# ---- neuron thumbnails -------------------------------------------------------------------


def unit_maps(result: Any, size: int = 30) -> list[Array]:
    """Every hidden layer's outputs (size², units) over a size × size grid of the plane."""
    gx = np.linspace(result.grid.x[0], result.grid.x[-1], size)
    gy = np.linspace(result.grid.y[0], result.grid.y[-1], size)
    xx, yy = np.meshgrid(gx, gy)
    points = np.column_stack([xx.ravel(), yy.ravel()])
    return hidden_activations(result.model, result.scaler.transform(points))


def _thumbnail(values: Array, size: int, title: str, px: int) -> alt.Chart:
    v = np.nan_to_num(values)
    top = float(np.abs(v).max())
    url = png_url(grid_image(diverging_colors(v / top if top > 0 else v), size))
    df = pd.DataFrame({"url": [url], "x": [0], "x2": [1], "y": [0], "y2": [1]})
    none = alt.Scale(domain=[0, 1], nice=False)
    return (
        alt.Chart(df, title=alt.TitleParams(title, fontSize=9, fontWeight="normal", offset=2))
        .mark_image(aspect=False, smooth=True)
        .encode(
            x=alt.X("x:Q", axis=None, scale=none),
            x2="x2:Q",
            y=alt.Y("y:Q", axis=None, scale=none),
            y2="y2:Q",
            url="url:N",
        )
        .properties(width=px, height=px, view=alt.ViewBackground(stroke=None))
    )


def neuron_thumbnails(
    result: Any,
    labels: Labels = None,
    max_units: int = 16,
    size: int = 30,
    px: int = 40,
    columns: int = 8,
) -> alt.VConcatChart | alt.Chart:
    """Each hidden unit's output over the plane, as in TensorFlow Playground.

    One small image per unit (at most `max_units` per layer), blue > 0, orange < 0, white 0,
    normalised per unit by its largest |output|; one row block per layer.

    Parameters
    ----------
    result : a `RunResult` (uses model, scaler and the grid's extent).
    labels : keys unit ("L{l}·u{j}"), no_hidden, thumbnails_title.
    max_units : thumbnails per layer at most.
    size : grid points per side of each map (the PNG is size × size).
    px : displayed width and height of a thumbnail.
    columns : thumbnails per row.

    Returns
    -------
    alt.VConcatChart : fixed size (use width="content"); a text chart with no hidden layer.
    """
    lab = merged_labels(labels)
    maps = unit_maps(result, size)
    if not maps:
        return message(lab["no_hidden"])
    blocks = []
    for l, a in enumerate(maps, start=1):
        thumbs = [
            _thumbnail(a[:, j], size, lab["unit"].format(l=l, j=j + 1), px)
            for j in range(min(a.shape[1], max_units))
        ]
        blocks.append(alt.concat(*thumbs, columns=columns, spacing=6))
    return alt.vconcat(*blocks, spacing=10, title=lab["thumbnails_title"])
