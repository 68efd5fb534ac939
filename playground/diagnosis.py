"""Plain-words diagnosis of a run: vanishing/exploding gradients, saturation, dead units,
divergence, over- and underfitting. Returns codes with numbers; the app words them per language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

VANISH_RATIO = 1e-3  # grad at layer 1 below this fraction of the last layer's: vanishing
EXPLODE_RATIO = 1e2  # above this multiple: exploding (the gradient grows 100× toward the input)
SATURATED = 0.5  # more than half of the sigmoid/tanh outputs in the flat tails
DEAD = 0.3  # more than 30 % of a layer's ReLU units never fire
OVERFIT_RISE = 1.2  # test loss 20 % above its best …
OVERFIT_MIN_RISE = 0.05  # … and by a visible amount (0.02 → 0.03 is noise, not overfitting)
OVERFIT_TRAIN_DROP = 0.8  # … while the train loss fell another 20 % since then


@dataclass(frozen=True)
class Finding:
    """One diagnosis: `code` names the message, `level` is "error" | "warning" | "info" | "ok"."""

    code: str
    level: str
    params: dict = field(default_factory=dict)


def _layers(history: pd.DataFrame, prefix: str) -> list[str]:
    return [c for c in history.columns if c.startswith(prefix)]


def gradient_ratio(history: pd.DataFrame, row: int = 0) -> float:
    """‖∂L/∂W_1‖ / ‖∂L/∂W_L‖ at `row`: ≪ 1 vanishing, ≫ 1 exploding (nan for one layer)."""
    cols = _layers(history, "grad_norm_")
    if len(cols) < 2:
        return float("nan")
    first, last = history[cols[0]].iloc[row], history[cols[-1]].iloc[row]
    if last > 0:
        return float(first / last)
    return float("inf") if first > 0 else float("nan")  # 0/0: no gradient anywhere


def _symmetric(model) -> bool:
    """Every hidden layer's units have identical incoming weights (e.g. zero initialization):
    they compute the same thing and get the same update forever."""
    hidden = model.params[0 : 2 * (model.n_layers - 1) : 2]
    return bool(hidden) and all(W.shape[1] > 1 and np.all(W[:, :1] == W) for W in hidden)


def diagnose(result) -> list[Finding]:
    """Findings for a RunResult, most serious first."""
    h = result.history
    out: list[Finding] = []
    if result.status == "diverged":
        out.append(
            Finding(
                "diverged",
                "error",
                {"epoch": result.diverged_epoch, "lr": result.config.learning_rate},
            )
        )
    ratio = gradient_ratio(h, 0)
    if _symmetric(result.model):
        out.append(Finding("symmetry", "warning", {}))
    elif np.isfinite(ratio) and ratio < VANISH_RATIO:
        out.append(Finding("vanishing", "warning", {"ratio": ratio}))
    elif ratio > EXPLODE_RATIO:
        out.append(Finding("exploding", "warning", {"ratio": ratio}))
    last = h.iloc[-1]
    # Saturation is a problem from the start (weights or inputs too large), or at the end when
    # the net has not learned; a well-trained net may saturate on well-separated data.
    rows = [h.iloc[0]] + ([last] if last["train_accuracy"] < 0.9 else [])
    sat = [(row[c], c) for row in rows for c in _layers(h, "act_saturated_") if row[c] > SATURATED]
    if sat:
        share, col = max(sat)
        out.append(
            Finding("saturated", "warning", {"layer": col.rsplit("_", 1)[1], "share": share})
        )
    for col in _layers(h, "act_dead_"):
        if last[col] > DEAD:
            out.append(
                Finding("dead", "warning", {"layer": col.rsplit("_", 1)[1], "share": last[col]})
            )
            break
    if len(h) > 10 and result.status == "ok":
        best = int(h["test_loss"].idxmin())
        best_test, best_train = h["test_loss"].iloc[best], h["train_loss"].iloc[best]
        rising = (
            last["test_loss"] > OVERFIT_RISE * best_test
            and last["test_loss"] - best_test > OVERFIT_MIN_RISE
            and best < len(h) - 5
        )
        if rising and last["train_loss"] < OVERFIT_TRAIN_DROP * best_train:
            out.append(Finding("overfitting", "warning", {"best": int(h["epoch"].iloc[best])}))
        chance = 1.0 / max(len(result.class_names), 2)
        if last["train_accuracy"] < chance + 0.15:
            scaler = result.config.scaler
            code = "normalizer" if scaler.startswith("normalizer") else "underfitting"
            out.append(Finding(code, "warning", {"acc": last["train_accuracy"], "scaler": scaler}))
    if not out:
        out.append(Finding("healthy", "ok", {"acc": last["test_accuracy"]}))
    return out
