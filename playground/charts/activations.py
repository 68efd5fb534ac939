"""Histograms of the hidden layers' outputs (at the start and at the end of training)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from playground.charts.style import PALETTE, POSITIVE, Array, Labels, merged_labels, message


def hidden_activations(model: Any, X: Array) -> list[Array]:
    """Each hidden layer's outputs (n, units) for scaled inputs X (empty with no hidden layer)."""
    with np.errstate(all="ignore"):
        return model.forward_cache(np.asarray(X, dtype=np.float64))[1][1:]


def _hist_rows(acts: Mapping[str, Sequence[Array]], bins: int) -> pd.DataFrame:
    """Histogram bins per (series, layer), shared bin edges within a layer."""
    rows = []
    n_layers = max(len(v) for v in acts.values())
    for l in range(n_layers):
        values = {s: np.ravel(a[l])[np.isfinite(np.ravel(a[l]))] for s, a in acts.items()}
        pooled = np.concatenate(list(values.values()))
        lo, hi = (pooled.min(), pooled.max()) if pooled.size else (0.0, 1.0)
        edges = np.histogram_bin_edges(pooled, bins, (lo, hi) if hi > lo else (lo - 0.5, lo + 0.5))
        for s, v in values.items():
            counts = np.histogram(v, edges)[0]
            rows.append(
                pd.DataFrame(
                    {
                        "series": s,
                        "layer": l + 1,
                        "lo": edges[:-1],
                        "hi": edges[1:],
                        "share": counts / max(v.size, 1),
                    }
                )
            )
    return pd.concat(rows, ignore_index=True)


def activation_hist(
    acts_by_layer: Sequence[Array] | Mapping[str, Sequence[Array]],
    labels: Labels = None,
    title: str | None = None,
    bins: int = 30,
    columns: int = 2,
) -> alt.Chart | alt.FacetChart:
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
    alt.FacetChart : one panel per layer (a text chart when there is no hidden layer).
    """
    lab = merged_labels(labels)
    acts = acts_by_layer if isinstance(acts_by_layer, Mapping) else {"": acts_by_layer}
    if not acts or max(len(v) for v in acts.values()) == 0:
        return message(lab["no_hidden"])
    df = _hist_rows(acts, bins)
    df["panel"] = [lab["layer_n"].format(n=l) for l in df["layer"]]
    overlay = len(acts) > 1
    chart = (
        alt.Chart(df)
        .mark_rect(opacity=0.6 if overlay else 0.9, color=POSITIVE)
        .encode(
            x=alt.X("lo:Q", title=lab["activation"]),
            x2="hi:Q",
            y=alt.Y("share:Q", title=lab["share"], axis=alt.Axis(format="%"), stack=None),
            tooltip=[
                alt.Tooltip("lo:Q", format=".3g"),
                alt.Tooltip("hi:Q", format=".3g"),
                alt.Tooltip("share:Q", title=lab["share"], format=".1%"),
            ],
        )
        .properties(width=130, height=100)
    )
    if overlay:
        chart = chart.encode(
            color=alt.Color(
                "series:N",
                title=lab["series"],
                scale=alt.Scale(domain=list(acts), range=list(PALETTE)),
                legend=alt.Legend(orient="top"),
            )
        )
    order = [lab["layer_n"].format(n=l) for l in sorted(df["layer"].unique())]
    return chart.facet(
        facet=alt.Facet("panel:N", sort=order, title=None),
        columns=columns,
        title=title if title is not None else lab["activation_title"],
    ).resolve_scale(x="independent")
