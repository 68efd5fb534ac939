"""Plain-words diagnosis of a run, grounded in the back-propagated error signal.

`diagnose(result)` returns findings (a code, a level, numbers), most serious first; the pages
word them per language (`app/locales/<lang>/diagnosis.py`). What it reads:

- the δ ratio, `delta_norm_1 / delta_norm_L` at epoch 0 (train.py): how much of the output
  layer's error signal δ = ∂L/∂z reaches the first layer. Back-propagation multiplies δ by
  f'(z)·Wᵀ once per layer, so factors below 1 shrink it toward the input (vanishing) and
  factors above 1 grow it (exploding);
- the step sizes ‖∂L/∂W_l‖ / ‖W_l‖ at epoch 0: each weight gradient against the weights it
  updates. Tiny in every layer, the whole network barely moves (uniform shrinkage: weights so
  small that the activations and δ are tiny everywhere, which a ratio of weight gradients
  cannot see); huge in every layer, the forward pass has exploded;
- the training loss curve (unstable, diverged), the activation statistics (saturated, dead),
  the weights (symmetry), and a reference classifier fitted on the same training split
  (underfitting: how far the network stays below what these data allow).

Each threshold names the measured case that sets it: `run(RunConfig(...))`, seed 0, unless a
range over seeds 0–9 is given. Advice comes as codes in `params["advice"]`, each a move the
sidebar can still make (`playground/advice.py`).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsClassifier

from playground.advice import adaptive, advise
from playground.nn import activations

# ---- gradient flow at the start (epoch 0) ------------------------------------------------------
# δ ratio below this: vanishing. Measured, seeds 0–9: sigmoid 5×8 (Glorot) 2.7e-4 … 1.1e-3;
# tanh 6×8 init scale 0.1: 1.1e-6; ReLU/He 6×8 ×0.3: 1e-4 … 1.2e-3. Healthy nets stay far above:
# tanh, ReLU/He, Leaky ReLU, ELU, SELU, maxout at 6×8: ≥ 0.14; sigmoid 2×8 (the default depth):
# 3.3e-2 … 0.12. Sigmoid at 3×8 (1.1e-2 … 2.6e-2) is the border: 4×8 (1.2e-3 … 8.6e-3) vanishes.
VANISH_RATIO = 1e-2
# δ ratio above this: exploding. Measured: ReLU/He ×3, 6×8: 120 … 1.4e3; ×4: 690 … 8.1e3; tanh
# 6×32 ×20 (the large-weights preset): 2.3e3. Healthy: ≤ 3.1 (linear 6×8), tanh ×2 6×8: ≤ 9.5.
EXPLODE_RATIO = 1e2
# Every layer's ‖∂L/∂W‖/‖W‖ below this: vanishing (uniform shrinkage). Measured: tanh 6×8
# ×0.1: ≤ 2.7e-6; ReLU/He 6×8 ×0.1: ≤ 9e-7; random normal (σ 0.05) 6×8: ≤ 5.3e-5. The smallest
# largest step of a healthy net: 4.5e-3 (Swish 6×8, seeds 0–9).
TINY_STEP = 1e-4
# Every layer's ‖∂L/∂W‖/‖W‖ above this: exploding (a step of learning rate 1 would replace every
# weight matrix). Measured: ReLU/He ×4 6×8: smallest layer 5 … 180 (initial loss 1.9e3); healthy
# nets' smallest layer ≤ 0.45 (linear 6×8, seeds 0–9).
HUGE_STEP = 1.0
# A vanishing run still learned when its final train loss is below this share of its start.
# Learned: sigmoid 5×8 with Adam lr 0.1: 0.39 (accuracy 0.88), momentum lr 0.1: 0.29, RMSProp
# lr 0.01: 0.13, AdaGrad lr 0.1: 0.21. Did not: the same net with SGD lr 0.1: 0.96 (stuck at
# ln 2); unscaled breast_cancer (tanh saturated by inputs in the hundreds) with Adam: 0.68, at
# accuracy 0.63 against the reference's 0.90.
LEARNED = 0.5

# ---- the loss curve -----------------------------------------------------------------------------
# Unstable: the train loss rose above UNSTABLE_RISE × its start at some epoch, or ended above
# UNSTABLE_END × its start. Measured: Adam lr 10 on circles: 0.76 → 17.1 (epoch 49) → 11.4; SGD
# lr 10 full batch on moons: 0.78 → 5.04 (epoch 8) → 0.097; tanh Adam lr 1: 0.78 → 2.71. The
# healthy runs of the test table never rise above their start. A run stuck at ln 2 drifts at most
# 3e-4 of its start above it (tanh and ReLU 6×8 ×0.1, zero init, seeds 0–4), so ending 1 % above
# its start is a real rise.
UNSTABLE_RISE = 2.0
UNSTABLE_END = 1.01
# An underfit whose loss jumped back up by more than this share of its start above its best so
# far is an underfit of too-large steps (advice: a smaller learning rate, not more capacity).
# Measured: tanh Adam lr 1, seeds 0–9: 0.50 … 3.0; plateaus (width 1 on circles, the spiral and
# spiral3 with the default net): ≤ 0.04; the default net on moons: ≤ 0.05.
BOUNCE = 0.2
# Still learning at the end: the last 20 % of the epochs made more than this share of the run's
# drop in train loss. Measured: SGD lr 1e-5: 0.20; SGD lr 1e-3: 0.13; spiral (default net):
# 0.18; plateaus: width 1 on circles 0.035, 2 nodes on the spiral 0.028, full-batch GD 0.007.
FALLING = 0.1

# ---- activations ------------------------------------------------------------------------------
# Saturated: more than this share of a bounded activation's outputs in its flat tails (f' below
# 5 % of its peak), at the start, or at the end of a run below 90 % train accuracy. Measured at
# the start: sigmoid ×20 (one layer, gaussians) 0.68 … 0.81, tanh ×5 0.50 … 0.83; the defaults
# (tanh, sigmoid) 0.00; at the end of healthy tanh runs (2×8, 6×8): ≤ 0.36.
SATURATED = 0.5
# Dead: more than this share of a flat-zero activation's units in one layer output 0 for every
# sample, and the net underfits (or the whole layer is dead: no gradient passes it at all). A
# healthy ReLU net has some: He 6×8 ends with 0.25 … 0.50 of a layer dead at accuracy ≥ 0.95.
# ReLU Adam lr 1: 0.88 … 1.0 dead at accuracy 0.50 … 0.79.
DEAD = 0.3

# ---- fit ----------------------------------------------------------------------------------------
# Underfitting: the train accuracy this far below the reference's (REFERENCE_K-nearest
# neighbours on the standardized training split). Measured gaps: healthy runs ≤ 0.01 (default
# moons 0.96 vs 0.963, xor 0.94 vs 0.925, iris 0.95 vs 0.958, circles 1.0 vs 0.995); a straight
# boundary on the moons (depth 0): 0.08; width 1 on circles: 0.34; 2 nodes on the spiral: 0.32.
UNDERFIT_GAP = 0.05
# The reference: 15 nearest neighbours, its training accuracy (the point itself among its 15
# neighbours inflates it little). Measured on the default splits: moons 0.963 (an RBF SVM: 0.953
# at C = 1, 0.970 at C = 10); spiral 0.93 (the RBF SVM at C = 1: 0.675, too smooth for the
# arms); labels that are pure noise: < 0.7. 400 samples: 3–9 ms, then cached; 16,000: 91 ms,
# hence at most REFERENCE_MAX samples.
REFERENCE_K = 15
REFERENCE_MAX = 1000
# Overfitting: the test loss ends OVERFIT_RISE × and OVERFIT_MIN_RISE above its best while the
# train loss fell below OVERFIT_TRAIN_DROP × its value at that epoch. Measured: 3×32 on 50 noisy
# training points: the test loss ends > 2× its best (epoch 47); defaults on moons, seeds 0–9:
# never; gaussians seed 8 (test loss 0.011 → 0.075 while train 0.003, one point grown
# over-confident): flagged, rightly.
OVERFIT_RISE = 1.2
OVERFIT_MIN_RISE = 0.05  # 0.02 → 0.03 is noise, not overfitting
OVERFIT_TRAIN_DROP = 0.8

ORDER = (
    "diverged", "unstable", "symmetry", "exploding", "vanishing", "normalizer", "dead",
    "saturated", "underfitting", "overfitting", "healthy",
)  # fmt: skip
# Findings that explain an underfit (saturation only when present from the start: at the end
# it is as often a symptom, e.g. a width-1 tanh layer pushed into its tails).
CAUSES = ("diverged", "unstable", "symmetry", "exploding", "vanishing", "dead", "saturated")


@dataclass(frozen=True)
class Finding:
    """One diagnosis: `code` names the message, `level` is "error" | "warning" | "info" | "ok";
    `params` holds its numbers and `advice`, a tuple of advice codes."""

    code: str
    level: str
    params: dict = field(default_factory=dict)


# ---- measurements -------------------------------------------------------------------------------
def n_layers(history: pd.DataFrame) -> int:
    """L: the number of weight layers with a `grad_norm_l` column."""
    L = 0
    while f"grad_norm_{L + 1}" in history:
        L += 1
    return L


def _ratio(history: pd.DataFrame, prefix: str, row: int) -> float:
    L = n_layers(history)
    if L < 2 or f"{prefix}{L}" not in history or len(history) <= row:
        return float("nan")
    first, last = history[f"{prefix}1"].iloc[row], history[f"{prefix}{L}"].iloc[row]
    if last > 0:
        return float(first / last)
    return float("inf") if first > 0 else float("nan")  # 0/0: no signal anywhere


def delta_ratio(history: pd.DataFrame, row: int = 0) -> float:
    """‖δ_1‖ / ‖δ_L‖ at `row`: the share of the output layer's error signal that reaches the
    first layer; ≪ 1 vanishing, ≫ 1 exploding (nan for a single layer)."""
    return _ratio(history, "delta_norm_", row)


def gradient_ratio(history: pd.DataFrame, row: int = 0) -> float:
    """‖∂L/∂W_1‖ / ‖∂L/∂W_L‖ at `row` (nan for a single layer)."""
    return _ratio(history, "grad_norm_", row)


def step_sizes(history: pd.DataFrame, row: int = 0) -> np.ndarray:
    """‖∂L/∂W_l‖ / ‖W_l‖ for l = 1 … L at `row` (inf: a zero matrix with a gradient)."""
    layers = range(1, n_layers(history) + 1)
    g = np.array([history[f"grad_norm_{l}"].iloc[row] for l in layers], dtype=np.float64)
    w = np.array([history[f"weight_norm_{l}"].iloc[row] for l in layers], dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return g / w


_REFERENCE: dict[bytes, float] = {}


def reference_accuracy(X: np.ndarray, y: np.ndarray) -> float:
    """Training accuracy of a REFERENCE_K-nearest-neighbour classifier on X standardized (its
    first REFERENCE_MAX samples): what a flexible, smooth model reaches on these data. Cached
    by the data's bytes; nan when it cannot be computed (non-finite values, a single class)."""
    X = np.ascontiguousarray(X[:REFERENCE_MAX], dtype=np.float64)
    y = np.ascontiguousarray(y[:REFERENCE_MAX])
    key = hashlib.blake2b(X.tobytes() + y.tobytes() + repr(X.shape).encode(), digest_size=16)
    key = key.digest()
    if key not in _REFERENCE:
        with np.errstate(all="ignore"):
            std = X.std(axis=0)
            Xs = (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
        value = float("nan")
        if len(y) > 1 and np.isfinite(Xs).all() and len(np.unique(y)) > 1:
            knn = KNeighborsClassifier(n_neighbors=min(REFERENCE_K, len(y)))
            value = float(knn.fit(Xs, y).score(Xs, y))
        if len(_REFERENCE) >= 256:
            _REFERENCE.pop(next(iter(_REFERENCE)))
        _REFERENCE[key] = value
    return _REFERENCE[key]


def _symmetric(model) -> bool:
    """Every hidden layer's units have identical incoming weights (e.g. zero initialization):
    they compute the same thing and get the same update forever."""
    hidden = model.params[0 : 2 * (model.n_layers - 1) : 2]
    return bool(hidden) and all(W.shape[1] > 1 and np.all(W[:, :1] == W) for W in hidden)


# ---- findings -----------------------------------------------------------------------------------
def _unstable(h: pd.DataFrame, config) -> Finding | None:
    loss = h["train_loss"].to_numpy()
    start, end, peak = loss[0], loss[-1], int(np.argmax(loss))
    if loss[peak] > UNSTABLE_RISE * start or end > UNSTABLE_END * start:
        params = {
            "start": float(start), "peak": float(loss[peak]), "end": float(end),
            "peak_epoch": int(h["epoch"].iloc[peak]), "rise": UNSTABLE_RISE,
            "lr": config.learning_rate, "advice": advise("unstable", config),
        }  # fmt: skip
        return Finding("unstable", "warning", params)
    return None


def _gradient(h: pd.DataFrame, config) -> Finding | None:
    """Vanishing or exploding at the start, from the δ ratio and the step sizes."""
    L = n_layers(h)
    if L < 2:
        return None
    ratio, steps = delta_ratio(h, 0), step_sizes(h, 0)
    finite = steps[np.isfinite(steps)]
    whole = finite.size == L
    params = {"ratio": ratio, "layers": L}
    if ratio > EXPLODE_RATIO or (whole and finite.min() > HUGE_STEP):
        by = "ratio" if ratio > EXPLODE_RATIO else "step"
        params |= {"limit": EXPLODE_RATIO, "step": float(finite.min()), "step_limit": HUGE_STEP}
        params |= {"by": by, "advice": advise("exploding", config)}
        return Finding("exploding", "warning", params)
    if ratio < VANISH_RATIO or (whole and finite.max() < TINY_STEP):
        loss = h["train_loss"].to_numpy()
        learned = bool(loss[-1] < LEARNED * loss[0])
        compensates = learned and adaptive(config.optimizer)
        params |= {
            "limit": VANISH_RATIO, "step": float(finite.max()) if finite.size else 0.0,
            "step_limit": TINY_STEP, "by": "ratio" if ratio < VANISH_RATIO else "step",
            "learned": learned, "compensates": compensates, "optimizer": config.optimizer,
            "advice": advise("vanishing", config),
        }  # fmt: skip
        return Finding("vanishing", "warning", params)
    return None


def _activation_findings(h: pd.DataFrame, config, symmetric: bool, fits: bool) -> list[Finding]:
    act, last, out = activations.get(config.activation), h.iloc[-1], []
    if act.flat_zero and not symmetric:
        dead = [(last[c], c) for c in h.columns if c.startswith("act_dead_") and last[c] > DEAD]
        if dead and (not fits or max(dead)[0] == 1.0):
            share, col = max(dead)
            params = {"layer": col.rsplit("_", 1)[1], "share": float(share)}
            out.append(Finding("dead", "warning", params | {"advice": advise("dead", config)}))
    if act.bounded:
        # A problem from the start (weights or inputs too large), or at the end when the net
        # has not learned; a well-trained net may saturate on well-separated data.
        score = last["train_r2"] if "train_r2" in last else last["train_accuracy"]  # R²: regression
        rows = [h.iloc[0]] + ([last] if score < 0.9 else [])
        cols = [c for c in h.columns if c.startswith("act_saturated_")]
        sat = [(i == 0, row[c], c) for i, row in enumerate(rows) for c in cols]
        sat = [x for x in sat if x[1] > SATURATED]
        if sat:
            at_start, share, col = max(sat)  # the start first: there it is a cause
            params = {"layer": col.rsplit("_", 1)[1], "share": float(share), "at_start": at_start}
            params["advice"] = advise("saturated", config)
            out.append(Finding("saturated", "warning", params))
    return out


def _reference(result) -> float:
    """The reference accuracy of the run's training split (chance plus a margin if none)."""
    ref = reference_accuracy(result.X_train, result.y_train)
    if math.isnan(ref):
        ref = 1.0 / max(len(result.class_names), 2) + 0.15 + UNDERFIT_GAP
    return ref


def _fit_findings(result, found: list[Finding]) -> list[Finding]:
    h, config = result.history, result.config
    last, out = h.iloc[-1], []
    if "train_accuracy" in h:
        acc, ref = float(last["train_accuracy"]), _reference(result)
    else:  # a regression run: no accuracy to hold against a reference (overfitting still counts)
        acc, ref = math.nan, math.nan
    gap = ref - acc
    if gap > UNDERFIT_GAP and config.scaler.startswith("normalizer"):
        seen = reference_accuracy(result.scaler.transform(result.X_train), result.y_train)
        if ref - seen > UNDERFIT_GAP:
            params = {"acc": acc, "ref": ref, "seen": seen, "k": REFERENCE_K}
            params["scaler"] = config.scaler
            out.append(Finding("normalizer", "warning", params | {"advice": ("standard",)}))
    if gap > UNDERFIT_GAP and not out:
        loss = h["train_loss"].to_numpy()
        drop, late = loss[0] - loss[-1], loss[int(0.8 * (len(loss) - 1))] - loss[-1]
        falling = bool(drop > 0 and late > FALLING * drop)
        best_so_far = np.minimum.accumulate(loss)[:-1]
        rises = np.append(loss[1:] - best_so_far, 0.0)  # above the best so far
        rose = bool(np.any(rises[:-1] > 0.1 * best_so_far))
        bounce = float(rises.max() / loss[0])
        causes = [f.code for f in found if f.params.get("at_start", True)]
        because = next((c for c in CAUSES if c in causes), None)
        params = {"acc": acc, "ref": ref, "gap": gap, "k": REFERENCE_K, "because": because}
        params |= {"bounce": bounce, "bouncing": bounce > BOUNCE and not because}
        flags = {"falling": falling, "rose": rose, "bouncing": params["bouncing"]}
        params["advice"] = () if because else advise("underfitting", config, **flags)
        out.append(Finding("underfitting", "info" if because else "warning", params))
    if len(h) > 10:
        best = int(h["test_loss"].idxmin())
        best_test, best_train = h["test_loss"].iloc[best], h["train_loss"].iloc[best]
        rising = (
            last["test_loss"] > OVERFIT_RISE * best_test
            and last["test_loss"] - best_test > OVERFIT_MIN_RISE
            and best < len(h) - 5
        )
        if rising and last["train_loss"] < OVERFIT_TRAIN_DROP * best_train:
            params = {"best": int(h["epoch"].iloc[best]), "advice": advise("overfitting", config)}
            out.append(Finding("overfitting", "warning", params))
    return out


def diagnose(result) -> list[Finding]:
    """Findings for a RunResult, most serious first (see ORDER); "healthy" when none."""
    h, config = result.history, result.config
    if h.empty:  # not even the starting point was finite
        params = {"epoch": 0, "lr": config.learning_rate, "reason": "nan"}
        return [Finding("diverged", "error", params)]
    out: list[Finding] = []
    if result.status == "diverged":
        params = {"epoch": result.diverged_epoch, "lr": config.learning_rate}
        out.append(Finding("diverged", "error", params | {"reason": result.reason or "nan"}))
    elif f := _unstable(h, config):
        out.append(f)
    symmetric = _symmetric(result.model)
    if symmetric:
        out.append(Finding("symmetry", "warning", {"advice": advise("symmetry", config)}))
    elif f := _gradient(h, config):
        out.append(f)
    fits = (
        "train_accuracy" not in h
        or h["train_accuracy"].iloc[-1] >= _reference(result) - UNDERFIT_GAP
    )
    out += _activation_findings(h, config, symmetric, fits)
    if result.status == "ok":
        out += _fit_findings(result, out)
    if not out:
        last = h.iloc[-1]
        if "test_r2" in last:  # a regression run: its test R² (3 decimals), no accuracy
            params = {"r2": round(float(last["test_r2"]), 3), "ratio": delta_ratio(h, 0)}
        else:
            params = {"acc": float(last["test_accuracy"]), "ratio": delta_ratio(h, 0)}
        params |= {"low": VANISH_RATIO, "high": EXPLODE_RATIO}
        out.append(Finding("healthy", "ok", params))
    return sorted(out, key=lambda f: ORDER.index(f.code))
