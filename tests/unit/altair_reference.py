"""The six per-knob charts as they were built with Altair before they became plain dicts
(playground/charts at 0076a1a, verbatim but for shortened docstrings): the reference the new
builders must equal (tests/unit/test_chart_specs.py) and race (benchmarks/charts.py); the
boundary is in `altair_reference_boundary`."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from altair_reference_boundary import decision_boundary  # noqa: E402 (tests/unit on sys.path)

from playground.charts.curves import _field, significant, subsample_epochs
from playground.charts.gradients import grad_columns, layer_name
from playground.charts.style import (
    HEIGHT,
    PALETTE,
    POSITIVE,
    SPLIT_COLORS,
    TINY,
    VIRIDIS,
    Array,
    Labels,
    merged_labels,
    message,
)
from playground.experiment import initial_net


def _best_marker(
    epoch: int, value: float, text: str, right: bool, top: bool = True
) -> alt.LayerChart:
    """A dashed vertical rule, a dot at (epoch, value) and a note."""
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
    """Train and test loss per epoch; a dashed rule and a dot at the lowest test loss."""
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
    """Per-layer gradient norm ‖∂L/∂W_l‖ over epochs on a log y axis, one line per layer."""
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
    """Layer × epoch heatmap of ‖∂L/∂W_l‖ on a log colour scale, layer 1 at the bottom."""
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
    """Histograms of the hidden-unit outputs, one small panel per hidden layer."""
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


def hidden_activations(model: Any, X: Array) -> list[Array]:
    with np.errstate(all="ignore"):
        return model.forward_cache(np.asarray(X, dtype=np.float64))[1][1:]


def build(result, name: str, options: tuple, labels: dict, when: tuple[str, str]):
    """The Altair chart `name`, as `playground.page_specs.build` made it."""
    h = result.history
    if name == "boundary":
        return decision_boundary(result, *options, labels=labels)
    if name == "loss":
        return loss_curves(h, log_scale=options[0], labels=labels)
    if name == "accuracy":
        return accuracy_curves(h, labels=labels)
    if name == "grad_lines":
        return grad_norm_lines(h, labels=labels)
    if name == "grad_heatmap":
        return grad_heatmap(h, labels=labels)
    X = result.scaler.transform(result.X_train)
    start = initial_net(result)
    acts = {when[0]: hidden_activations(start, X), when[1]: hidden_activations(result.model, X)}
    return activation_hist(acts, labels)
