"""Twin runs: what changed between two setups, and where their predictions disagree.

No Streamlit here; the Compare page and its tests call these.
"""

from __future__ import annotations

import io
import json

import altair as alt
import numpy as np
import pandas as pd

from playground import charts
from playground.config import RunConfig, diff
from playground.experiment import RunResult, initial_net

RUN_COLORS = [
    "#0877bd",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#6a3d9a",
    "#e6c229",
    "#4d4d4d",
    "#8c564b",
]
DISAGREE, AGREE = np.array([0.84, 0.15, 0.16]), np.array([0.93, 0.94, 0.95])


def changed_settings(
    a: RunConfig, b: RunConfig, names: tuple[str, str] = ("A", "B"), text=None
) -> pd.DataFrame:
    """One row per setting that differs: the setting, its value in `a`, its value in `b`.

    The value columns are named after the runs compared (`names`, e.g. a pin's name and the
    current setup), never a fixed "A"/"B". `text(setting, value)` writes a value (default:
    str; layer widths as "8,8")."""
    if names[0] == names[1]:
        names = (names[0], f"{names[1]} (2)")
    text = text or _text
    rows = [(k, text(k, va), text(k, vb)) for k, (va, vb) in diff(a, b).items()]
    return pd.DataFrame(rows, columns=["setting", *names])


def _text(setting: str, v) -> str:
    return ",".join(map(str, v)) if isinstance(v, tuple) else str(v)


def same_initial_weights(a: RunResult, b: RunResult) -> bool:
    """True when both runs started from identical weights (same seed, initializer, scale, shape)."""
    wa, wb = initial_net(a).flat, initial_net(b).flat
    return wa.shape == wb.shape and bool(np.array_equal(wa, wb))


def predicted_classes(probs: np.ndarray) -> np.ndarray:
    """(g, n_out) probabilities → (g,) class labels."""
    return (probs[:, 0] > 0.5).astype(int) if probs.shape[1] == 1 else probs.argmax(axis=1)


def disagreement(a: RunResult, b: RunResult) -> np.ndarray | None:
    """(g,) bool: grid points where the final predictions differ; None if the grids differ
    (the runs saw different data, so the planes do not line up)."""
    if not (np.array_equal(a.grid.x, b.grid.x) and np.array_equal(a.grid.y, b.grid.y)):
        return None
    if len(a.snapshots) == 0 or len(b.snapshots) == 0:
        return None
    return predicted_classes(a.snapshots[-1]) != predicted_classes(b.snapshots[-1])


def disagreement_chart(a: RunResult, b: RunResult, labels: dict | None = None) -> alt.Chart | None:
    """The plane coloured red where A and B predict different classes, with the data on top."""
    mask = disagreement(a, b)
    if mask is None:
        return None
    size = len(a.grid.x)
    rgb = np.where(mask[:, None], DISAGREE, AGREE)
    url = charts.png_url(charts.grid_image(rgb, size), smooth=False)
    lab = charts._labels(labels)
    image = charts._image_layer(url, charts._extent(a.grid.x), charts._extent(a.grid.y), lab)
    X = np.vstack([a.X_train, a.X_test])
    pts = pd.DataFrame({"x": X[:, 0], "y": X[:, 1]})
    dots = alt.Chart(pts).mark_circle(size=12, color="#333", opacity=0.5).encode(x="x:Q", y="y:Q")
    return alt.layer(image, dots).properties(width="container", height=320)


def overlay_curves(
    histories: dict[str, pd.DataFrame], metric: str, labels: dict | None = None, log: bool = False
) -> alt.Chart:
    """Train (dashed) and test (solid) `metric` ("loss" | "accuracy") of several runs, by colour."""
    lab = charts._labels(labels)
    frames = []
    for name, h in histories.items():
        for split in ("train", "test"):
            frames.append(
                pd.DataFrame(
                    {
                        "epoch": h["epoch"],
                        "value": h[f"{split}_{metric}"],
                        "run": name,
                        "split": lab[split],
                    }  # fmt: skip
                )
            )
    df = pd.concat(frames, ignore_index=True)
    if log:
        df["value"] = df["value"].clip(lower=charts.TINY)
    y_scale = alt.Scale(type="log") if log else alt.Scale(zero=False)
    return (
        alt.Chart(df)
        .mark_line()
        .encode(
            x=alt.X("epoch:Q", title=lab["epoch"]),
            y=alt.Y("value:Q", title=lab[metric], scale=y_scale),
            color=alt.Color(
                "run:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(range=RUN_COLORS),
            ),
            strokeDash=alt.StrokeDash("split:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=["run:N", "split:N", "epoch:Q", alt.Tooltip("value:Q", format=".4g")],
        )
        .properties(width="container", height=260)
    )


def metrics_table(results: dict[str, RunResult]) -> pd.DataFrame:
    """Final metrics per run, one row each."""
    rows = []
    for name, r in results.items():
        last = r.final
        rows.append(
            {
                "run": name,
                "status": r.status,
                "epochs": int(last["epoch"]),
                "train_loss": last["train_loss"],
                "test_loss": last["test_loss"],
                "train_accuracy": last["train_accuracy"],
                "test_accuracy": last["test_accuracy"],
                "seconds": round(r.elapsed, 3),
            }  # fmt: skip
        )
    return pd.DataFrame(rows)


def export_json(results: dict[str, RunResult]) -> str:
    """Every run's config and history as one JSON document."""
    doc = {
        name: {
            "config": r.config.to_dict(),
            "status": r.status,
            "message": r.message,
            "history": r.history.to_dict(orient="list"),
        }  # fmt: skip
        for name, r in results.items()
    }
    return json.dumps(doc, indent=1)


def export_csv(results: dict[str, RunResult]) -> str:
    """All histories stacked, with a `run` column first."""
    frames = [r.history.assign(run=name) for name, r in results.items()]
    df = pd.concat(frames, ignore_index=True)
    df = df[["run", *[c for c in df.columns if c != "run"]]]
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return buf.getvalue()
