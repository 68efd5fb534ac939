"""Loss and accuracy curves per epoch (train and test), the best epoch marked."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from playground.charts.style import HEIGHT, SPLIT_COLORS, TINY, Array, Labels, merged_labels
from playground.charts.vegalite import message_spec, n, q, table, top_level

# The hover selection and the view it lives in, named as Streamlit renames Altair's generated
# names ("param_91e0…" → "param_1"), so the browser gets the spec it got from Altair.
HOVER, HOVER_VIEW = "param_1", "view_1"


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


def _best_marker(epoch: int, value: float, text: str, right: bool, top: bool = True) -> dict:
    """A dashed vertical rule, a dot at (epoch, value) and a note at the top (or bottom) of the
    plot: accuracy curves end near 1.0, so their note goes to the bottom, where no line runs.
    Its one row is set as `data` by the caller."""
    x = {"x": q("epoch")}
    note = {"type": "text", "align": "right" if right else "left", "color": "#444"}
    note |= {"dx": -5 if right else 5, "fontSize": 11}
    return {
        "layer": [
            {"mark": {"type": "rule", "color": "#555", "strokeDash": [3, 3]}, "encoding": x},
            {
                "mark": {"type": "point", "color": SPLIT_COLORS[1], "filled": True, "size": 80},
                "encoding": x | {"y": q("value")},
            },
            {
                "mark": note,
                "encoding": {"text": n("text")} | x | {"y": {"value": 8 if top else HEIGHT - 10}},
            },
        ]
    }


CHANGE_COLOR = "#8e44ad"  # a setting changed mid-run (live play): not a split's colour


def _change_layer(changes: Sequence[tuple[float, str]], mid: float) -> tuple[dict, tuple]:
    """A solid purple rule at each epoch where a setting changed mid-run, its label across
    the top of the plot (inside it: Streamlit fits the whole chart into its height, so a label
    sticking out would squeeze the plot), right of the rule in the first half of the epochs,
    left of it in the second. Returns the layer and its rows (a `table`)."""
    x = {"x": q("epoch")}
    layers = [{"mark": {"type": "rule", "color": CHANGE_COLOR, "strokeWidth": 1.5}, "encoding": x}]
    for right in (False, True):
        text = {"type": "text", "align": "right" if right else "left", "dx": -3 if right else 3}
        text |= {"color": CHANGE_COLOR, "fontSize": 10, "baseline": "top", "limit": 160}
        layers.append(
            {
                "transform": [{"filter": "datum.right" if right else "!datum.right"}],
                "mark": text,
                "encoding": {"text": n("text")} | x | {"y": {"value": 22}},
            }
        )
    epochs = [float(e) for e, _ in changes]
    texts = [c for _, c in changes]
    return {"layer": layers}, table(
        {"epoch": epochs, "text": texts, "right": [bool(e > mid) for e in epochs]}
    )


def _long_rows(
    history: pd.DataFrame, columns: tuple[str, str], splits: list[str], log: bool, max_epochs: int
) -> tuple[str, list[dict]]:
    """epoch, split, value: the train rows, then the test rows, at most `max_epochs` each."""
    rows = subsample_epochs(history["epoch"].to_numpy(), max_epochs)
    epochs = history["epoch"].to_numpy()[rows]
    values = np.concatenate([history[c].to_numpy(dtype=np.float64)[rows] for c in columns])
    value = significant(np.clip(values, TINY, None) if log else values)
    split = np.repeat(np.array(splits, dtype=object), len(rows))
    return table({"epoch": np.concatenate([epochs, epochs]), "split": split, "value": value})


def _curves(
    history: pd.DataFrame,
    columns: tuple[str, str],
    best: str,
    y_title: str,
    lab: dict,
    log_scale: bool = False,
    max_epochs: int = 500,
    changes: Sequence[tuple[float, str]] = (),
) -> dict:
    """Train and test lines over epochs; the best test epoch marked; hover shows both values;
    `changes`: (epoch, label) of settings changed mid-run, each a labelled rule."""
    test = history[columns[1]].to_numpy(dtype=np.float64)
    r2 = columns[1] == "test_r2"  # R² (regression): 1 at best, unbounded below
    best_row = int(np.nanargmin(test) if best == "min" else np.nanargmax(test))
    splits = [lab["train"], lab["test"]]
    long = _long_rows(history, columns, splits, log_scale, max_epochs)
    if r2:  # down to −1 at most (a worse start is clamped), else from 0
        low = -1.0 if np.nanmin(history[list(columns)].to_numpy(dtype=np.float64)) < 0 else 0.0
        y_scale: dict = {"domain": [low, 1], "clamp": True}
    elif best == "max":
        y_scale = {"domain": [0, 1]}
    else:
        y_scale = {"type": "log"} if log_scale else {"zero": False}
    x = q("epoch", axis={"format": "d", "tickMinStep": 1}, title=lab["epoch"])  # whole epochs
    split_scale = {"domain": splits}
    lines = {
        "mark": {"type": "line", "strokeWidth": 2},
        "encoding": {
            "color": n(
                "split",
                legend={"orient": "top", "title": None},
                scale=split_scale | {"range": list(SPLIT_COLORS)},
            ),
            "strokeDash": n("split", legend=None, scale=split_scale | {"range": [[1, 0], [6, 3]]}),
            "x": x,
            "y": q(
                "value",
                axis={"format": ".0%" if best == "max" and not r2 else "~g"},
                scale=y_scale,
                title=y_title,
            ),
        },
    }
    fmt = ".3f" if r2 else ".1%" if best == "max" else ".4g"
    rule = {
        "mark": {"type": "rule", "color": "gray"},
        "encoding": {
            "opacity": {"condition": {"param": HOVER, "value": 0.4, "empty": False}, "value": 0},
            "tooltip": [
                q("epoch", title=lab["epoch"]),
                *(q(_field(s), format=fmt, title=s) for s in splits),
            ],
            "x": x,
        },
        "name": HOVER_VIEW,
        "transform": [{"pivot": "split", "value": "value", "groupby": ["epoch"]}],
    }
    epoch, value = int(history["epoch"].iloc[best_row]), float(test[best_row])
    what = "best_r2" if r2 else "best_loss" if best == "min" else "best_accuracy"
    note = f"{lab[what]}: {lab['epoch'].lower()} {epoch}"
    right = epoch > (history["epoch"].iloc[0] + history["epoch"].iloc[-1]) / 2
    value = max(value, TINY) if log_scale else value
    marker = _best_marker(epoch, value, note, right, top=best == "min")
    spec = {
        "layer": [lines, rule, marker],
        "params": [
            {
                "name": HOVER,
                "select": {
                    "type": "point",
                    "fields": ["epoch"],
                    "nearest": True,
                    "on": "pointerover",
                },
                "views": [HOVER_VIEW],
            }
        ],
    }
    marker_row = table({"epoch": epoch, "value": value, "text": note})
    tables = [long, marker_row]
    if changes:
        mid = (history["epoch"].iloc[0] + history["epoch"].iloc[-1]) / 2
        change, rows = _change_layer(changes, mid)
        spec["layer"].append(change)
        tables.append(rows)
    spec, refs = top_level(spec, *tables)
    lines["data"] = rule["data"] = refs[0]
    marker["data"] = refs[1]
    if changes:
        change["data"] = refs[2]
    return spec


def _sized(spec: dict, title: str) -> dict:
    spec |= {"height": HEIGHT, "title": title, "width": "container"}
    return spec


def loss_curves(
    history: pd.DataFrame,
    log_scale: bool = False,
    labels: Labels = None,
    max_epochs: int = 500,
    changes: Sequence[tuple[float, str]] = (),
) -> dict:
    """Train and test loss per epoch; a dashed rule and a dot at the lowest test loss.

    `log_scale`: a log y axis (values clipped to 1e-12 so a zero loss cannot break it).
    More than `max_epochs` rows are thinned evenly (the best epoch is always marked exactly).

    Parameters
    ----------
    history : `RunResult.history` (epoch, train_loss, test_loss, …); may be a live, partial one.
    log_scale : log y axis.
    labels : keys epoch, loss, train, test, best_loss, loss_title.
    max_epochs : most epochs sent to the browser.
    changes : (epoch, label) of settings changed mid-run (live play): a labelled rule each.

    Returns
    -------
    dict : a Vega-Lite spec: lines, hover rule, best-epoch marker (a text chart if history is
        empty).
    """
    lab = merged_labels(labels)
    if history.empty:
        return message_spec(lab["no_data"])
    columns = ("train_loss", "test_loss")
    chart = _curves(history, columns, "min", lab["loss"], lab, log_scale, max_epochs, changes)
    return _sized(chart, lab["loss_title"])


def accuracy_curves(
    history: pd.DataFrame,
    labels: Labels = None,
    max_epochs: int = 500,
    changes: Sequence[tuple[float, str]] = (),
) -> dict:
    """Train and test accuracy per epoch (0–100 %); a dashed rule at the best test accuracy;
    `changes` as in `loss_curves`. A regression run's history (train_r2, test_r2): R² instead
    (from −1 at most, up to 1)."""
    lab = merged_labels(labels)
    if history.empty:
        return message_spec(lab["no_data"])
    r2 = "test_r2" in history.columns
    cols = ("train_r2", "test_r2") if r2 else ("train_accuracy", "test_accuracy")
    title = lab["r2" if r2 else "accuracy"]
    chart = _curves(history, cols, "max", title, lab, False, max_epochs, changes)
    return _sized(chart, lab["accuracy_title"])
