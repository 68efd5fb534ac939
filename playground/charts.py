"""Altair chart builders: data in, chart out (no streamlit).

Every user-visible text comes from a `labels` mapping merged over `DEFAULT_LABELS`, so the app
can pass English or Korean; keys it does not pass fall back to the English defaults. Titles are
empty by default (the pages have their own headings); pass e.g. `{"loss_title": "..."}` to add one.

The decision boundary and the neuron thumbnails are small PNG images (`mark_image`) with the data
points layered on top: one image instead of thousands of rect marks keeps the payload small.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from PIL import Image

Array = np.ndarray
Labels = Mapping[str, str] | None

# Orange / blue as in TensorFlow Playground, then the Okabe-Ito colour-blind-safe colours.
PALETTE: tuple[str, ...] = (
    "#f59322",  # orange
    "#0877bd",  # blue
    "#009e73",  # bluish green
    "#cc79a7",  # reddish purple
    "#d55e00",  # vermillion
    "#56b4e9",  # sky blue
    "#e6c229",  # yellow (darkened so it shows on white)
    "#6a3d9a",  # purple
    "#8c564b",  # brown
    "#4d4d4d",  # dark grey
)
BACKGROUND = 0.6  # how strongly the boundary image shows a sure class (1: the full colour)
POSITIVE, NEGATIVE = PALETTE[1], PALETTE[0]  # weight signs and activation maps (blue > 0)
SPLIT_COLORS = ("#0877bd", "#f59322")  # train, test
TINY = 1e-12  # zeros are clipped to this before a log scale
HEIGHT = 300
VIRIDIS = alt.SchemeParams("viridis", extent=[0, 0.85])  # without the faint yellow end
# Charts must read on a 390 px phone (≈ 358 px of content): legends go above or below the plot
# (a legend beside it takes the plot's width), in few enough columns to fit that width, and never
# with a label cut short ("layer 3 (o…"): labelLimit 0 means no limit.
PHONE_WIDTH = 358
# Streamlit's theme sizes a chart with autosize "fit": its height then also holds the title, the
# axes and any legend above or below, and the plot is squeezed flat. With a legend above or below,
# "fit-x": the width is the column's, the height is the plot's (the legend adds to it); a fixed-size
# plot (square scatter panels) uses "pad": width and height are the plot's own.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
FIXED_SIZE = alt.AutoSizeParams(type="pad")

DEFAULT_LABELS: dict[str, str] = {
    # axes and legends
    "x": "x1",
    "y": "x2",
    "class": "class",
    "set": "set",
    "train": "train",
    "test": "test",
    "prediction": "prediction",
    "correct": "correct",
    "misclassified": "misclassified",
    "epoch": "epoch",
    "loss": "loss",
    "accuracy": "accuracy",
    "split": "split",
    "best_loss": "lowest test loss",
    "best_accuracy": "best test accuracy",
    "layer": "layer",
    "layer_n": "layer {n}",  # {n}: layer number
    "input_side": "input side",
    "output_side": "output side",
    "grad_norm": "gradient norm ‖∂L/∂W‖",
    "activation": "activation value",
    "share": "share of outputs",
    "series": "when",
    "unit": "L{l}·u{j}",  # thumbnail titles: {l} layer, {j} unit (both from 1)
    "no_hidden": "no hidden layer",
    "no_data": "no data yet",
    "before": "before scaling",
    "after": "after scaling",
    # graphviz
    "input": "input",
    "hidden_n": "hidden {n}",
    "output": "output",
    "input_node": "x{i}",  # used when there are more than two features
    # titles (empty: none)
    "boundary_title": "",
    "loss_title": "",
    "accuracy_title": "",
    "grad_title": "",
    "heatmap_title": "",
    "activation_title": "",
    "thumbnails_title": "",
}


def _labels(labels: Labels) -> dict[str, str]:
    """DEFAULT_LABELS updated with the caller's texts."""
    return {**DEFAULT_LABELS, **(labels or {})}


def _message(text: str) -> alt.Chart:
    """A chart holding one line of text (e.g. "no hidden layer")."""
    return (
        alt.Chart(pd.DataFrame({"text": [text]}))
        .mark_text(fontSize=14, color="gray")
        .encode(text="text:N")
        .properties(height=60)
    )


# ---- images ------------------------------------------------------------------------------


def _hex_rgb(colors: Sequence[str]) -> Array:
    """(k, 3) floats in 0..1 from '#rrggbb' strings."""
    return np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in colors])


def _toward_white(rgb: Array, strength: Array) -> Array:
    """Blend colours (n, 3) with white: strength 0 → white, 1 → the colour itself."""
    return 1.0 - np.clip(strength, 0.0, 1.0)[:, None] * (1.0 - rgb)


def diverging_colors(t: Array, neg: str = NEGATIVE, pos: str = POSITIVE) -> Array:
    """(n, 3) colours for values t in −1..1: `neg` at −1, white at 0, `pos` at +1."""
    t = np.nan_to_num(np.asarray(t, dtype=np.float64))
    c = _hex_rgb([neg, pos])
    return _toward_white(np.where((t > 0)[:, None], c[1], c[0]), np.abs(t))


def probability_colors(
    probs: Array,
    discretize: bool = False,
    palette: Sequence[str] = PALETTE,
    strength: float = BACKGROUND,
) -> Array:
    """(n, 3) colours in 0..1 for class probabilities (n, n_out).

    n_out = 1 (P(class 1)): class 0 colour ↔ white at 0.5 ↔ class 1 colour. n_out = K: the class
    colours mixed by probability, faded to white as the top probability falls toward 1/K.
    `discretize`: the predicted class's colour, nothing else. `strength` < 1 lightens every
    colour toward white, so points in the full class colours stand out on top.
    """
    p = np.nan_to_num(np.asarray(probs, dtype=np.float64), nan=0.5)
    if p.shape[1] == 1:
        p = np.column_stack([1.0 - p[:, 0], p[:, 0]])
    k = p.shape[1]
    rgb = _hex_rgb(palette[:k])
    if discretize:
        return _toward_white(rgb[np.argmax(p, axis=1)], np.full(len(p), strength))
    certainty = (p.max(axis=1) - 1.0 / k) / (1.0 - 1.0 / k)
    return _toward_white(p @ rgb, strength * certainty)


def png_url(rgb: Array, upscale: int = 1, smooth: bool = True) -> str:
    """A `data:image/png;base64,...` URL of an (h, w, 3) image with values in 0..1."""
    img = Image.fromarray(np.round(np.clip(rgb, 0, 1) * 255).astype(np.uint8))
    if upscale > 1:
        resample = Image.Resampling.BILINEAR if smooth else Image.Resampling.NEAREST
        img = img.resize((img.width * upscale, img.height * upscale), resample)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def grid_image(colors: Array, size: int) -> Array:
    """Row-major grid colours (size², 3), row i = y[i] ascending, to an image (top row = max y)."""
    return colors.reshape(size, size, 3)[::-1]


def boundary_png(
    probs: Array,
    size: int = 60,
    discretize: bool = False,
    palette: Sequence[str] = PALETTE,
    upscale: int = 1,
) -> str:
    """The class-probability grid (size², n_out) as one PNG data URL (size·upscale pixels square).

    Colours as in `probability_colors`. The chart's `mark_image(smooth=True)` lets the browser
    interpolate, so upscale = 1 (a ~3 KB PNG) looks as smooth as a 240 px one (~20 KB); if you
    upscale, it is bilinear, or nearest when discretized (so only the K class colours appear).

    Parameters
    ----------
    probs : (size², n_out) probabilities on `Grid.points` (row-major: i·size + j = (x[j], y[i])).
    size : grid points per side.
    discretize : hard arg-max colours instead of the probability blend.
    palette : class colours, class 0 first.
    upscale : pixels per grid point in the PNG.

    Returns
    -------
    str : `data:image/png;base64,...`; image row 0 is the top (max y), column 0 the min x.
    """
    rgb = grid_image(probability_colors(probs, discretize, palette), size)
    return png_url(rgb, upscale, smooth=not discretize)


# ---- decision boundary -------------------------------------------------------------------


def _extent(centres: Array) -> tuple[float, float]:
    """Outer edges of evenly spaced pixel centres."""
    half = (centres[-1] - centres[0]) / (len(centres) - 1) / 2
    return float(centres[0] - half), float(centres[-1] + half)


def _round(a: Array, digits: int = 4) -> Array:
    """Round to `digits` significant digits of the data's range (max − min): a smaller JSON."""
    a = np.asarray(a, dtype=np.float64)
    span = float(np.nanmax(a) - np.nanmin(a)) if a.size else 0.0
    decimals = digits - int(np.floor(np.log10(span))) if span > 0 else digits
    return np.round(a, max(decimals, 0))


def _image_layer(url: str, x: tuple[float, float], y: tuple[float, float], lab: dict) -> alt.Chart:
    df = pd.DataFrame({"url": [url], "x": [x[0]], "x2": [x[1]], "y": [y[0]], "y2": [y[1]]})
    scale = {"nice": False, "zero": False}
    return (
        alt.Chart(df)
        .mark_image(aspect=False, smooth=True)
        .encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=list(x), **scale), title=lab["x"]),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=alt.Scale(domain=list(y), **scale), title=lab["y"]),
            y2="y2:Q",
            url="url:N",
        )
    )


def _predicted(result: Any, X: Array, index: int) -> Array:
    """Predicted labels of X: from the model at the final snapshot, else the nearest grid cell."""
    n_snap = len(result.snapshots)
    if index % n_snap == n_snap - 1 and result.status == "ok":
        with np.errstate(all="ignore"):
            p = result.model.forward(result.scaler.transform(X))
    else:
        gx, gy = result.grid.x, result.grid.y
        j = np.clip(np.rint((X[:, 0] - gx[0]) / (gx[1] - gx[0])), 0, len(gx) - 1).astype(int)
        i = np.clip(np.rint((X[:, 1] - gy[0]) / (gy[1] - gy[0])), 0, len(gy) - 1).astype(int)
        p = result.snapshots[index][i * len(gx) + j]
    return (p[:, 0] > 0.5).astype(int) if p.shape[1] == 1 else np.argmax(p, axis=1)


def boundary_points(
    result: Any, snapshot_index: int = -1, labels: Labels = None, max_points: int = 3000
) -> pd.DataFrame:
    """Train and test points in original units: x, y, class, set (label text), wrong (bool)."""
    lab = _labels(labels)
    parts = []
    for X, y, name in (
        (result.X_train, result.y_train, "train"),
        (result.X_test, result.y_test, "test"),
    ):
        wrong = _predicted(result, X, snapshot_index) != y
        parts.append(
            pd.DataFrame(
                {
                    "x": _round(X[:, 0]),
                    "y": _round(X[:, 1]),
                    "class": [result.class_names[c] for c in y],
                    "set": lab[name],
                    "wrong": wrong,
                }
            )
        )
    df = pd.concat(parts, ignore_index=True)
    if len(df) > max_points:
        df = df.sample(max_points, random_state=0)
    return df


def _points_layer(
    df: pd.DataFrame, class_names: list[str], palette: Sequence[str], lab: dict
) -> alt.Chart:
    wrong = alt.datum.wrong
    verdict = [lab["correct"], lab["misclassified"]]
    return (
        alt.Chart(df)
        .transform_calculate(
            prediction=f"datum.wrong ? {json.dumps(verdict[1])} : {json.dumps(verdict[0])}"
        )
        .mark_point(filled=True, opacity=1)
        .encode(
            x="x:Q",
            y="y:Q",
            color=alt.Color(
                "class:N",
                scale=alt.Scale(domain=list(class_names), range=list(palette[: len(class_names)])),
                title=lab["class"],
            ),
            shape=alt.Shape(
                "set:N",
                scale=alt.Scale(
                    domain=[lab["train"], lab["test"]], range=["circle", "triangle-up"]
                ),
                title=lab["set"],
            ),
            stroke=alt.Stroke(
                "prediction:N",
                scale=alt.Scale(domain=verdict, range=["white", "black"]),
                title=lab["prediction"],
                legend=alt.Legend(symbolFillColor="#bbbbbb", symbolStrokeWidth=2),
            ),
            strokeWidth=alt.condition(wrong, alt.value(2.0), alt.value(0.7)),
            size=alt.condition(wrong, alt.value(90), alt.value(45)),
            tooltip=[
                alt.Tooltip("class:N", title=lab["class"]),
                alt.Tooltip("set:N", title=lab["set"]),
                alt.Tooltip("prediction:N", title=lab["prediction"]),
                alt.Tooltip("x:Q", title=lab["x"]),
                alt.Tooltip("y:Q", title=lab["y"]),
            ],
        )
    )


def decision_boundary(
    result: Any,
    snapshot_index: int = -1,
    discretize: bool = False,
    labels: Labels = None,
    palette: Sequence[str] = PALETTE,
    max_points: int = 3000,
) -> alt.LayerChart | alt.Chart:
    """The boundary at one snapshot as an image, train (●) and test (▲) points on top.

    `snapshot_index` indexes `result.snapshots` (epochs in `result.snapshot_epochs`).
    Misclassified points get a thick black outline: judged by the model itself at the final
    snapshot of a run that did not diverge, by the snapshot's nearest grid cell otherwise.
    At most `max_points` points are drawn (a fixed random sample beyond that).

    Parameters
    ----------
    result : a `playground.experiment.RunResult`.
    snapshot_index, discretize, labels, palette, max_points : as above; labels keys used:
        x, y, class, set, train, test, prediction, correct, misclassified, boundary_title.

    Returns
    -------
    alt.LayerChart : image + points, width "container", a 340 px high plot with the legends
        below it (a text chart if the run has no snapshot).
    """
    lab = _labels(labels)
    grid = result.grid
    if len(result.snapshots) == 0:
        return _message(lab["no_data"])
    url = boundary_png(result.snapshots[snapshot_index], len(grid.x), discretize, palette)
    df = boundary_points(result, snapshot_index, labels, max_points)
    image = _image_layer(url, _extent(grid.x), _extent(grid.y), lab)
    points = _points_layer(df, result.class_names, palette, lab)
    return (
        alt.layer(image, points)
        .properties(width="container", height=340, title=lab["boundary_title"], autosize=FIT_WIDTH)
        # class, set and prediction side by side, each a short column: fits a phone's width
        .configure_legend(orient="bottom", direction="vertical", labelLimit=0)
    )


# ---- curves ------------------------------------------------------------------------------


def subsample_epochs(epochs: Array, n: int) -> Array:
    """Indices of at most n rows, evenly spread, always keeping the first and the last."""
    m = len(epochs)
    if m <= n:
        return np.arange(m)
    return np.unique(np.round(np.linspace(0, m - 1, n)).astype(int))


def _sig(a: Array, digits: int = 5) -> Array:
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
    long["value"] = _sig(long["value"].clip(lower=TINY) if log_scale else long["value"])
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
    lab = _labels(labels)
    if history.empty:
        return _message(lab["no_data"])
    chart = _curves(
        history, ("train_loss", "test_loss"), "min", lab["loss"], lab, log_scale, max_epochs
    )
    return chart.properties(width="container", height=HEIGHT, title=lab["loss_title"])


def accuracy_curves(
    history: pd.DataFrame, labels: Labels = None, max_epochs: int = 500
) -> alt.LayerChart | alt.Chart:
    """Train and test accuracy per epoch (0–100 %); a dashed rule at the best test accuracy."""
    lab = _labels(labels)
    if history.empty:
        return _message(lab["no_data"])
    cols = ("train_accuracy", "test_accuracy")
    chart = _curves(history, cols, "max", lab["accuracy"], lab, max_epochs=max_epochs)
    return chart.properties(width="container", height=HEIGHT, title=lab["accuracy_title"])


# ---- ① scaler lens -----------------------------------------------------------------------


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
    y : (n,) int labels.
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
    lab = _labels(labels)
    k = int(np.max(y)) + 1 if len(y) else 1
    names = list(class_names) if class_names is not None else [str(c) for c in range(k)]
    color = alt.Color(
        "class:N",
        scale=alt.Scale(domain=names, range=list(palette[: len(names)])),
        title=lab["class"],
        legend=alt.Legend(orient="bottom"),
    )

    def panel(X: Array, title: str) -> alt.Chart:
        df = pd.DataFrame(
            {"x": _round(X[:, 0]), "y": _round(X[:, 1]), "class": [names[c] for c in y]}
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


# ---- gradients ---------------------------------------------------------------------------


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
        wide[f"g{l}"] = _sig(h[c].clip(lower=TINY), 4)
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
    lab = _labels(labels)
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
    lab = _labels(labels)
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


# ---- activations -------------------------------------------------------------------------


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
    lab = _labels(labels)
    acts = acts_by_layer if isinstance(acts_by_layer, Mapping) else {"": acts_by_layer}
    if not acts or max(len(v) for v in acts.values()) == 0:
        return _message(lab["no_hidden"])
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


# ---- network diagram ---------------------------------------------------------------------


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
    lab = _labels(labels)
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
    lab = _labels(labels)
    maps = unit_maps(result, size)
    if not maps:
        return _message(lab["no_hidden"])
    blocks = []
    for l, a in enumerate(maps, start=1):
        thumbs = [
            _thumbnail(a[:, j], size, lab["unit"].format(l=l, j=j + 1), px)
            for j in range(min(a.shape[1], max_units))
        ]
        blocks.append(alt.concat(*thumbs, columns=columns, spacing=6))
    return alt.vconcat(*blocks, spacing=10, title=lab["thumbnails_title"])
