"""What a run showed, for predictions: each function returns the index of the option (of the
exercise's `Prediction`) that the checked run showed."""

from __future__ import annotations

import numpy as np

from playground.diagnosis import delta_ratio
from playground.exercises.checks import loss_never_above_start, test_loss_below_base, weights_moved
from playground.exercises.model import Attempt, first_last, units_identical, updates_per_epoch


def _three_way(x: float, low: float, high: float) -> int:
    """0: x ≥ high (grew), 1: in between, 2: x ≤ low (shrank)."""
    return 0 if x >= high else 2 if x <= low else 1


def scaled_circles(a: Attempt) -> int:
    """0: every class at the same distance from the centre (overlap), 1: axes rescaled but the
    inner class stays inside, 2: nothing moved (no scaling)."""
    r = a.result
    X = np.asarray(r.X_train, dtype=float)
    Z = np.asarray(r.scaler.transform(X), dtype=float)
    if Z.shape == X.shape and np.allclose(Z, X):
        return 2
    radius = np.linalg.norm(Z - Z.mean(axis=0), axis=1)
    means = [radius[r.y_train == k].mean() for k in np.unique(r.y_train)]
    return 0 if min(means) / max(means) > 0.8 else 1


def saturated_share(a: Attempt) -> int:
    """Hidden layer 1 at epoch 0 in the flat tails: 0 under 10 %, 1 10–50 %, 2 over 50 %."""
    h = a.result.history
    v = float(h["act_saturated_1"].iloc[0]) if "act_saturated_1" in h else 0.0
    return 0 if v < 0.1 else 1 if v <= 0.5 else 2


def output_gradient_vs_base(a: Attempt) -> int:
    """The last layer's gradient at epoch 0 against the base run's: ≥3×, within, ≤⅓."""
    now = first_last(a.result.history, "grad_norm_")[1]
    before = first_last(a.base_result.history, "grad_norm_")[1]
    return _three_way(now / before if before > 0 else np.inf, 1 / 3, 3)


def first_gradient_vs_base(a: Attempt) -> int:
    """The first layer's gradient at epoch 0 against the base run's: ≥10×, within, ≤1/10."""
    now = first_last(a.result.history, "grad_norm_")[0]
    before = first_last(a.base_result.history, "grad_norm_")[0]
    return _three_way(now / before if before > 0 else np.inf, 0.1, 10)


def ratio_vs_base(a: Attempt) -> int:
    """The δ ratio at epoch 0 against the base run's: 0 fell ≥10×, 1 within, 2 grew ≥10×."""
    now, before = delta_ratio(a.result.history, 0), delta_ratio(a.base_result.history, 0)
    if not (np.isfinite(now) and np.isfinite(before)) or before <= 0:
        return 1
    return 2 - _three_way(now / before, 0.1, 10)


def zero_weights_fate(a: Attempt) -> int:
    """0: hidden layer 1 stayed at zero, 1: it moved but its units are identical, 2: they differ."""
    if not weights_moved(a).passed:
        return 0
    return 1 if units_identical(a.result.model) else 2


def loss_course(a: Attempt) -> int:
    """0: the train loss stayed below its start, 1: it rose above it at some epoch and then
    settled, 2: it blew up (the run diverged)."""
    if a.result.status != "ok":
        return 2
    return 0 if loss_never_above_start(a).passed else 1


def updates_in_run(a: Attempt) -> int:
    """Weight updates over the whole run: 0 at most 100, 1 up to 1000, 2 more."""
    n = updates_per_epoch(a.result) * a.result.config.epochs
    return 0 if n <= 100 else 1 if n <= 1000 else 2


def _weight_size(result) -> float:
    h = result.history
    return float(sum(h[c].iloc[-1] for c in h.columns if c.startswith("weight_norm_")))


def l2_effect(a: Attempt) -> int:
    """0: weights smaller and a lower final test loss than the base run, 1: smaller weights but
    a higher test loss, 2: the weights stayed about as large (within 10 %)."""
    if _weight_size(a.result) >= 0.9 * _weight_size(a.base_result):
        return 2
    return 0 if test_loss_below_base(a).passed else 1
