"""Histograms of the hidden layers' outputs (at the start and at the end of training)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from playground.charts.style import PALETTE, POSITIVE, Array, Labels, merged_labels
from playground.charts.vegalite import message_spec, n, q, table, top_level


def hidden_activations(model: Any, X: Array) -> list[Array]:
    """Each hidden layer's outputs (n, units) for scaled inputs X (empty with no hidden layer)."""
    with np.errstate(all="ignore"):
        return model.forward_cache(np.asarray(X, dtype=np.float64))[1][1:]


def _hist_columns(acts: Mapping[str, Sequence[Array]], bins: int) -> dict[str, Array]:
    """Histogram bins per (layer, series): columns series, layer, lo, hi, share; bin edges are
    shared by the series of one layer."""
    parts: dict[str, list] = {"series": [], "layer": [], "lo": [], "hi": [], "share": []}
    n_layers = max(len(v) for v in acts.values())
    for l in range(n_layers):
        values = {s: np.ravel(a[l])[np.isfinite(np.ravel(a[l]))] for s, a in acts.items()}
        pooled = np.concatenate(list(values.values()))
        lo, hi = (pooled.min(), pooled.max()) if pooled.size else (0.0, 1.0)
        edges = np.histogram_bin_edges(pooled, bins, (lo, hi) if hi > lo else (lo - 0.5, lo + 0.5))
        for s, v in values.items():
            counts = np.histogram(v, edges)[0]
            parts["series"].append(np.full(bins, s, dtype=object))
            parts["layer"].append(np.full(bins, l + 1))
            parts["lo"].append(edges[:-1])
            parts["hi"].append(edges[1:])
            parts["share"].append(counts / max(v.size, 1))
    return {k: np.concatenate(v) for k, v in parts.items()}


def activation_hist(
    acts_by_layer: Sequence[Array] | Mapping[str, Sequence[Array]],
    labels: Labels = None,
    title: str | None = None,
    bins: int = 30,
    columns: int = 2,
) -> dict:
    """Histograms of the hidden-unit outputs, one small panel per hidden layer.

    Bars show the share of all outputs of the layer that fall in each bin (np.histogram).

    Parameters
    ----------
    acts_by_layer : a list of (n, units) arrays (see `hidden_activations`), or a mapping
        series name → such a list (e.g. {"start": …, "end": …}) to overlay several in colour.
    labels : keys activation, share, layer_n, series, no_hidden, activation_title.
    title : chart title (default labels["activation_title"]).
    bins : bins per layer (shared by the series of one layer).
    columns : panels per row (2 fit a phone's width: 130 px panels).

    Returns
    -------
    dict : a faceted Vega-Lite spec, one panel per layer (a text chart with no hidden layer).
    """
    lab = merged_labels(labels)
    acts = acts_by_layer if isinstance(acts_by_layer, Mapping) else {"": acts_by_layer}
    if not acts or max(len(v) for v in acts.values()) == 0:
        return message_spec(lab["no_hidden"])
    cols = _hist_columns(acts, bins)
    n_layers = int(cols["layer"].max())
    panels = np.array([lab["layer_n"].format(n=l) for l in range(1, n_layers + 1)], dtype=object)
    cols["panel"] = panels[cols["layer"] - 1]
    overlay = len(acts) > 1
    encoding = {
        "tooltip": [
            q("lo", format=".3g"),
            q("hi", format=".3g"),
            q("share", format=".1%", title=lab["share"]),
        ],
        "x": q("lo", title=lab["activation"]),
        "x2": {"field": "hi"},
        "y": q("share", axis={"format": "%"}, stack=None, title=lab["share"]),
    }
    if overlay:
        encoding["color"] = n(
            "series",
            legend={"orient": "top"},
            scale={"domain": list(acts), "range": list(PALETTE)},
            title=lab["series"],
        )
    mark = {"type": "rect", "color": POSITIVE, "opacity": 0.6 if overlay else 0.9}
    spec = {
        "facet": n("panel", sort=panels.tolist(), title=None),
        "spec": {"mark": mark, "encoding": encoding, "height": 100, "width": 130},
        "columns": columns,
        "resolve": {"scale": {"x": "independent"}},
        "title": title if title is not None else lab["activation_title"],
    }
    spec, (spec["data"],) = top_level(spec, table(cols))
    return spec
