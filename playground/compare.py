"""Twin runs: what changed between two setups, and where their predictions disagree.

No Streamlit here; the Compare page and its tests call these.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd

from playground.config import RunConfig, diff
from playground.experiment import RunResult, initial_net


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
    (the runs saw different data, so the planes do not line up) or a run is a regression (no
    classes to disagree on)."""
    if "linear" in (a.model.output, b.model.output):
        return None
    if not (np.array_equal(a.grid.x, b.grid.x) and np.array_equal(a.grid.y, b.grid.y)):
        return None
    if len(a.snapshots) == 0 or len(b.snapshots) == 0:
        return None
    return predicted_classes(a.snapshots[-1]) != predicted_classes(b.snapshots[-1])


_METRICS = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", "train_r2",
            "test_r2"]  # fmt: skip


def metrics_table(results: dict[str, RunResult]) -> pd.DataFrame:
    """Final metrics per run, one row each."""
    rows = []
    for name, r in results.items():
        last = r.final.reindex(_METRICS)  # a regression run has R², not accuracy: NaN there
        rows.append(
            {
                "run": name,
                "status": r.status,
                "epochs": int(last["epoch"]),
                "train_loss": last["train_loss"],
                "test_loss": last["test_loss"],
                "train_accuracy": last["train_accuracy"],
                "test_accuracy": last["test_accuracy"],
                "train_r2": last["train_r2"],
                "test_r2": last["test_r2"],
                "seconds": round(r.elapsed, 3),
            }  # fmt: skip
        )
    table = pd.DataFrame(rows)
    return table.dropna(axis=1, how="all")  # the accuracy or R² columns no run has


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
