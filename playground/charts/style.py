"""What every chart shares: the palette, sizes for a phone, and the default texts (`DEFAULT_LABELS`,
merged with a caller's `labels` by `merged_labels`). No Streamlit."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

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
VIRIDIS_SCHEME = {"name": "viridis", "extent": [0, 0.85]}  # without the faint yellow end
VIRIDIS = alt.SchemeParams(**VIRIDIS_SCHEME)
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
    "r2": "R²",  # regression runs: R² in place of accuracy, the predicted value's map
    "best_r2": "best test R²",
    "target_value": "target",
    "predicted": "prediction",
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


def merged_labels(labels: Labels) -> dict[str, str]:
    """DEFAULT_LABELS updated with the caller's texts."""
    return {**DEFAULT_LABELS, **(labels or {})}


def message(text: str) -> alt.Chart:
    """A chart holding one line of text (e.g. "no hidden layer")."""
    return (
        alt.Chart(pd.DataFrame({"text": [text]}))
        .mark_text(fontSize=14, color="gray")
        .encode(text="text:N")
        .properties(height=60)
    )
