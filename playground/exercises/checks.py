"""The checks a step's goal is made of: each takes an `Attempt` and returns a `Criterion` (passed
or not, with the measured value); the factories (`test_acc(0.9)`, …) return such checks."""

from __future__ import annotations

import numpy as np

from playground.diagnosis import delta_ratio, diagnose
from playground.exercises.model import (
    PER_FEATURE,
    Attempt,
    Check,
    Criterion,
    Step,
    changed_controls,
    pct,
    relative_gradient,
    units_identical,
    updates_per_epoch,
)


def converged(a: Attempt) -> Criterion:
    return Criterion("ex.c.converged", a.result.status == "ok", {"status": a.result.status})


def test_acc(at_least: float) -> Check:
    def check(a):
        v = float(a.result.final["test_accuracy"])
        return Criterion("ex.c.test_acc", v >= at_least, {"target": pct(at_least), "value": pct(v)})

    return check


def train_acc_by(at_least: float, epoch: int) -> Check:
    def check(a):
        h = a.result.history
        hits = np.flatnonzero(h["train_accuracy"].to_numpy() >= at_least)
        first = int(h["epoch"].iloc[hits[0]]) if hits.size else None
        ok = first is not None and first <= epoch
        value = "—" if first is None else str(first)
        return Criterion(
            "ex.c.train_acc_by", ok, {"target": pct(at_least), "epoch": str(epoch), "value": value}
        )

    return check


def train_loss_at_most(x: float) -> Check:
    def check(a):
        v = float(a.result.final["train_loss"])
        return Criterion("ex.c.train_loss", v <= x, {"target": f"{x:g}", "value": f"{v:.3f}"})

    return check


def delta_between(lo: float, hi: float) -> Check:
    """‖δ₁‖ / ‖δ_L‖ at epoch 0 within [lo, hi] (0 or inf for one-sided): how much of the output
    layer's error signal back-propagation carries to the first layer (the diagnosis's ratio)."""

    def check(a):
        h = a.result.history
        v = delta_ratio(h, 0) if len(h) else float("nan")
        ok = bool(np.isfinite(v) and lo <= v <= hi)
        key = "ex.c.delta_below" if lo == 0 else "ex.c.delta_above" if hi == np.inf else ""
        return Criterion(
            key or "ex.c.delta", ok, {"lo": f"{lo:g}", "hi": f"{hi:g}", "value": f"{v:.2g}"}
        )

    return check


# A healthy gradient keeps the error signal within 10× of its size from the output layer to
# layer 1. Measured (6 × 8, Glorot/He, epoch 0): tanh 0.53, ReLU 0.29, Leaky ReLU 0.26, ELU 0.56,
# SELU 2.0; sigmoid 6 × 8 1.6e-4 (vanishing); f′(0) = ½ activations (GELU, Swish, Softplus)
# 0.02–0.05, i.e. about ½ per layer. The diagnosis only warns beyond 1e-2 … 1e2 (VANISH_RATIO,
# EXPLODE_RATIO); a fix aims for the band healthy nets reach.
HEALTHY_DELTA = (0.1, 10.0)
# ‖∂L/∂W₁‖ / ‖W₁‖ at epoch 0 at least this: layer 1 actually moves. Healthy nets above: 0.04–0.15;
# every layer's gradient shrunk alike (tanh 6 × 8 with weights × 0.1): 2.7e-6.
MIN_STEP = 1e-3


def gradient_flows(lo: float = HEALTHY_DELTA[0], hi: float = HEALTHY_DELTA[1]) -> Check:
    """A healthy gradient at epoch 0: the error signal reaching layer 1 is between `lo` and `hi`
    times the output layer's, and layer 1's gradient is not tiny against its weights (catches a
    gradient shrunk alike in every layer)."""

    def check(a):
        h = a.result.history
        ratio, size = delta_ratio(h, 0), relative_gradient(h, 0)
        ok = bool(np.isfinite(ratio) and lo <= ratio <= hi and np.isfinite(size))
        ok = ok and size >= MIN_STEP
        params = {"lo": f"{lo:g}", "hi": f"{hi:g}", "rel": f"{MIN_STEP:g}"}
        return Criterion(
            "ex.c.flows", ok, {**params, "ratio": f"{ratio:.2g}", "size": f"{size:.1e}"}
        )

    return check


def not_saturated(at_most: float = 0.5) -> Check:
    """At epoch 0, at most `at_most` of hidden layer 1's outputs sit in a flat tail."""

    def check(a):
        h = a.result.history
        v = float(h["act_saturated_1"].iloc[0]) if "act_saturated_1" in h else 0.0
        return Criterion(
            "ex.c.not_saturated", v <= at_most, {"target": pct(at_most), "value": pct(v)}
        )

    return check


def units_differ(a: Attempt) -> Criterion:
    return Criterion("ex.c.units_differ", not units_identical(a.result.model), {})


def units_same(a: Attempt) -> Criterion:
    return Criterion("ex.c.units_same", units_identical(a.result.model), {})


def weights_moved(a: Attempt) -> Criterion:
    """Hidden layer 1's weights are no longer all zero after training."""
    moved = bool(np.abs(a.result.model.params[0]).max() > 0)
    return Criterion("ex.c.weights_moved", moved, {})


def finding(code: str, present: bool = True) -> Check:
    """The diagnosis reports `code` (or, with present=False, does not)."""

    def check(a):
        found = code in {f.code for f in diagnose(a.result)}
        return Criterion(f"ex.c.{'has' if present else 'no'}_{code}", found == present, {})

    return check


def setting(name: str, value, equal: bool = True) -> Check:
    """Setting `name` is (or, with equal=False, is not) `value`."""

    def check(a):
        v = getattr(a.result.config, name)
        ok = (v == value) == equal
        key = "ex.c.is" if equal else "ex.c.is_not"
        return Criterion(key, ok, {"controls": (name,), "target": str(value), "value": str(v)})

    return check


def per_feature_scaler(a: Attempt) -> Criterion:
    """The scaler works per feature (standardization or min-max), not per sample, not none."""
    v = a.result.config.scaler
    return Criterion("ex.c.per_feature", v in PER_FEATURE, {"value": v})


def at_least(name: str, x: float) -> Check:
    def check(a):
        v = getattr(a.result.config, name)
        return Criterion(
            "ex.c.at_least", v >= x, {"controls": (name,), "target": f"{x:g}", "value": f"{v:g}"}
        )

    return check


def max_size(width: int | None = None, depth: int | None = None, nodes: int | None = None):
    """At most `width` nodes per layer, `depth` hidden layers, `nodes` hidden nodes in all."""

    def check(a):
        c = a.result.config
        ok = (width is None or c.width <= width) and (depth is None or c.depth <= depth)
        ok = ok and (nodes is None or sum(c.hidden) <= nodes)
        shown = " × ".join(map(str, c.hidden)) or "0"
        if nodes is not None:
            return Criterion("ex.c.max_nodes", ok, {"target": str(nodes), "value": shown})
        return Criterion(
            "ex.c.max_size", ok, {"width": str(width), "depth": str(depth), "value": shown}
        )

    return check


def deeper_than_start(a: Attempt) -> Criterion:
    v, start = a.result.config.depth, a.start.depth
    return Criterion("ex.c.deeper", v > start, {"target": str(start), "value": str(v)})


def loss_never_above_start(a: Attempt) -> Criterion:
    """The train loss never rose above its value at epoch 0 (a step size the valley allows)."""
    loss = a.result.history["train_loss"].to_numpy()
    top = float(np.max(loss[1:])) if len(loss) > 1 else float(loss[0])
    ok = a.result.status == "ok" and top <= loss[0]
    return Criterion(
        "ex.c.loss_below_start", bool(ok), {"value": f"{top:.3g}", "start": f"{loss[0]:.3g}"}
    )


def mini_batches(a: Attempt) -> Criterion:
    n = updates_per_epoch(a.result)
    return Criterion("ex.c.mini_batches", n > 1, {"value": str(n)})


def full_batch(a: Attempt) -> Criterion:
    n = updates_per_epoch(a.result)
    return Criterion("ex.c.full_batch", n == 1, {"value": str(n)})


def test_loss_below_base(a: Attempt) -> Criterion:
    """The final test loss is lower than in the run of the step's base config."""
    v = float(a.result.final["test_loss"])
    before = float(a.base_result.final["test_loss"])
    return Criterion(
        "ex.c.test_loss_lower", v < before, {"value": f"{v:.3f}", "before": f"{before:.3f}"}
    )


def one_change(a: Attempt) -> Criterion:
    """Exactly one setting differs from the config that solved the previous step."""
    changed = changed_controls(a.previous, a.result.config) if a.previous is not None else ()
    return Criterion("ex.c.one_change", len(changed) == 1, {"changed": changed})


def only_changed(step: Step, a: Attempt) -> Criterion:
    bad = tuple(c for c in changed_controls(a.base, a.result.config) if c not in step.controls)
    key = "ex.c.only_previous" if step.base == "previous" else "ex.c.only"
    return Criterion(key, not bad, {"controls": step.controls, "changed": bad})
