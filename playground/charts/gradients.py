"""Gradient flow: ‖∂L/∂W‖ per layer over the epochs, as lines and as a heatmap."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from playground.charts.curves import significant, subsample_epochs
from playground.charts.style import HEIGHT, TINY, VIRIDIS_SCHEME, Array, Labels, merged_labels
from playground.charts.vegalite import n, q, table, top_level


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


def _grad_columns_at(history: pd.DataFrame, rows: Array) -> tuple[Array, list[Array]]:
    """Epochs and ‖∂L/∂W_l‖ per layer (clipped to TINY, 4 significant digits) at `rows`."""
    epochs = history["epoch"].to_numpy()[rows]
    grads = [
        significant(np.clip(history[c].to_numpy(dtype=np.float64)[rows], TINY, None), 4)
        for c in grad_columns(history)
    ]
    return epochs, grads


def _grad_tooltip(lab: dict) -> list[dict]:
    return [
        n("layer", title=lab["layer"]),
        q("epoch", title=lab["epoch"]),
        q("grad", format=".3g", title=lab["grad_norm"]),
    ]


def grad_norm_lines(history: pd.DataFrame, labels: Labels = None, max_epochs: int = 500) -> dict:
    """Per-layer gradient norm ‖∂L/∂W_l‖ over epochs on a log y axis, one line per layer.

    Zeros are clipped to 1e-12; more than `max_epochs` rows are thinned evenly. The table is
    wide (epoch, g1 … gL); the browser folds it into rows (layer name, grad).
    """
    lab = merged_labels(labels)
    n_layers = len(grad_columns(history))
    rows = subsample_epochs(history["epoch"].to_numpy(), max_epochs)
    epochs, grads = _grad_columns_at(history, rows)
    wide = table({"epoch": epochs} | {f"g{l}": g for l, g in enumerate(grads, start=1)})
    names = [layer_name(l, n_layers, lab) for l in range(1, n_layers + 1)]
    spec = {
        "mark": {"type": "line", "strokeWidth": 2},
        "encoding": {
            "color": n(
                "layer",
                # two columns of "layer 1 (input side)" fit a phone; three did not
                legend={"columns": 2, "labelLimit": 0, "orient": "top", "title": None},
                scale={"domain": names, "scheme": VIRIDIS_SCHEME},
                title=lab["layer"],
            ),
            "tooltip": _grad_tooltip(lab),
            "x": q("epoch", title=lab["epoch"]),
            "y": q("grad", axis={"format": "~g"}, scale={"type": "log"}, title=lab["grad_norm"]),
        },
        "height": HEIGHT,
        "title": lab["grad_title"],
        "transform": [
            {"fold": [f"g{l}" for l in range(1, n_layers + 1)], "as": ["key", "grad"]},
            {"calculate": "toNumber(substring(datum.key, 1))", "as": "l"},
            {"calculate": f"{json.dumps(names, ensure_ascii=False)}[datum.l - 1]", "as": "layer"},
        ],
        "width": "container",
    }
    spec, (spec["data"],) = top_level(spec, wide)
    return spec


def grad_heatmap(history: pd.DataFrame, labels: Labels = None, max_columns: int = 100) -> dict:
    """Layer × epoch heatmap of ‖∂L/∂W_l‖ on a log colour scale, layer 1 (input side) at the bottom.

    At most `max_columns` epochs are shown (evenly spread, the value at that epoch); each cell
    reaches halfway to its neighbours, so the x axis stays in epochs. Zeros are clipped to 1e-12.
    """
    lab = merged_labels(labels)
    n_layers = len(grad_columns(history))
    rows = subsample_epochs(history["epoch"].to_numpy(), max_columns)
    epochs, grads = _grad_columns_at(history, rows)
    ep = epochs.astype(np.float64)
    edges = np.concatenate([[ep[0] - 0.5], (ep[1:] + ep[:-1]) / 2, [ep[-1] + 0.5]])
    layers = np.arange(1, n_layers + 1)
    # long rows built here, not by a Vega fold: fewer moving parts in the browser
    names = np.array([layer_name(l, n_layers, lab) for l in layers], dtype=object)
    long = table(
        {
            "epoch": np.tile(ep, n_layers),
            "e0": np.tile(edges[:-1], n_layers),
            "e1": np.tile(edges[1:], n_layers),
            "l": np.repeat(layers, len(ep)),
            "grad": np.concatenate(grads),
            "l0": np.repeat(layers - 0.5, len(ep)),
            "l1": np.repeat(layers + 0.5, len(ep)),
            "layer": np.repeat(names, len(ep)),
        }
    )
    # a bottom legend collapses the plot to zero height in Streamlit's renderer: keep it right
    legend = {"format": "~g", "gradientLength": 100, "orient": "right", "title": None}
    spec = {
        "mark": {"type": "rect", "strokeWidth": 0.5},
        "encoding": {
            "color": q(
                "grad",
                legend=legend | {"titleLimit": 200},
                scale={"scheme": "viridis", "type": "log"},
                title=lab["grad_norm"],
            ),
            "tooltip": _grad_tooltip(lab),
            "x": q(
                "e0",
                scale={"domain": [float(edges[0]), float(edges[-1])], "nice": False, "zero": False},
                title=lab["epoch"],
            ),
            "x2": {"field": "e1"},
            # quantitative rows (l ± 0.5), not a band scale: a band scale collapsed in the browser
            "y": q(
                "l0",
                axis={"format": "d", "grid": False, "values": layers.tolist()},
                scale={"domain": [0.5, n_layers + 0.5], "nice": False, "zero": False},
                title=lab["layer"],
            ),
            "y2": {"field": "l1"},
        },
        "height": min(120 + 30 * n_layers, 360),
        "title": lab["heatmap_title"],
        "width": "container",
    }
    spec, (spec["data"],) = top_level(spec, long)
    return spec
