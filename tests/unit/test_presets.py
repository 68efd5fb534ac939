"""Every teaching preset really shows its lesson when it is run (history and diagnosis)."""

import math
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from playground import presets
from playground.app import sidebar
from playground.diagnosis import diagnose, gradient_ratio
from playground.experiment import run


@cache
def result(preset_id: str):
    return run(presets.get(preset_id).config)


def codes(r) -> set[str]:
    return {f.code for f in diagnose(r)}


def steps(r) -> int:
    """Weight updates made: one per mini-batch (batch_size 0: one full batch) per epoch."""
    batch = r.config.batch_size or len(r.X_train)
    return r.config.epochs * math.ceil(len(r.X_train) / batch)


def on_sidebar(config) -> bool:
    """Each value is one the sidebar's widgets can show (so loading the preset is exact)."""
    c, hidden = config, config.hidden
    return (
        c.learning_rate in sidebar.LR_OPTIONS
        and c.init_scale in sidebar.INIT_SCALE_OPTIONS
        and c.batch_size in sidebar.BATCH_OPTIONS
        and c.epochs in sidebar.EPOCH_OPTIONS
        and c.l2 in sidebar.L2_OPTIONS
        and len(set(hidden)) <= 1
        and sidebar.DEPTH_RANGE[0] <= len(hidden) <= sidebar.DEPTH_RANGE[1]
        and all(sidebar.WIDTH_RANGE[0] <= h <= sidebar.WIDTH_RANGE[1] for h in hidden)
        and c.n_samples % 50 == 0
        and sidebar.N_SAMPLES_RANGE[0] <= c.n_samples <= sidebar.N_SAMPLES_RANGE[1]
        and round(c.noise / 0.05, 9).is_integer()
        and sidebar.NOISE_RANGE[0] <= c.noise <= sidebar.NOISE_RANGE[1]
        and round(c.test_fraction / 0.05, 9).is_integer()
        and sidebar.TEST_RANGE[0] <= c.test_fraction <= sidebar.TEST_RANGE[1]
    )


@pytest.mark.parametrize("preset", presets.PRESETS, ids=lambda p: p.id)
def test_preset_fits_the_sidebar(preset):
    assert preset.point in "1234567" and len(preset.point) == 1
    assert on_sidebar(preset.config)


def test_registry():
    assert len(presets.BY_ID) == len(presets.PRESETS)
    assert presets.get("zero_init").config.initializer == "zeros"
    assert [p.id for p in presets.for_point("5")][0] == "lr_too_high"
    with pytest.raises(ValueError, match="Valid presets"):
        presets.get("nope")


def test_normalizer_loses_the_radius_of_the_circles():
    bad, good = result("normalizer_circles"), result("standard_circles")
    assert replace(bad.config, scaler="standard") == good.config  # twins: one knob apart
    assert bad.final["test_accuracy"] <= 0.65
    assert good.final["test_accuracy"] >= 0.9
    assert "normalizer" in codes(bad)


def test_zero_init_keeps_the_units_of_a_layer_identical():
    r = result("zero_init")
    hidden_weights = r.model.params[0:-2:2]
    for W in hidden_weights:
        assert np.ptp(W, axis=1).max() < 1e-12  # every column (unit) the same
    assert np.abs(hidden_weights[0]).max() > 0.1  # they did learn, all in the same way
    assert "symmetry" in codes(r)


def test_deep_sigmoid_with_small_weights_vanishes():
    r = result("deep_sigmoid")
    h = r.history
    assert h["grad_norm_1"].iloc[0] / h[f"grad_norm_{r.model.n_layers}"].iloc[0] < 1e-3
    assert "vanishing" in codes(r)


def test_large_weights_make_the_gradient_grow_toward_the_input():
    r = result("large_weights")
    first = r.history.iloc[0]
    norms = [first[f"grad_norm_{l}"] for l in range(1, r.model.n_layers + 1)]
    assert gradient_ratio(r.history, 0) > 100
    assert "exploding" in codes(r)
    assert all(a > b for a, b in zip(norms, norms[1:], strict=False))  # grows layer by layer
    default = run(replace(r.config, init_scale=1.0, epochs=1))
    assert gradient_ratio(default.history, 0) < 10


def test_too_high_learning_rate_diverges_at_once():
    r = result("lr_too_high")
    assert r.status == "diverged" and r.diverged_epoch == 1
    assert "diverged" in codes(r)


def test_sgd_takes_more_steps_and_gets_lower_in_the_same_epochs():
    gd, sgd = result("full_batch_gd"), result("minibatch_sgd")
    assert gd.config.epochs == sgd.config.epochs
    assert replace(gd.config, batch_size=sgd.config.batch_size) == sgd.config
    assert steps(gd) == gd.config.epochs and steps(sgd) >= 10 * steps(gd)
    assert sgd.final["train_loss"] < 0.5 * gd.final["train_loss"]


def test_two_nodes_underfit_the_spiral():
    r = result("too_few_nodes")
    assert r.final["train_accuracy"] < 0.7
    assert "underfitting" in codes(r)


def test_wide_deep_net_on_little_noisy_data_overfits():
    r = result("too_many_nodes")
    h = r.history
    best = int(h["test_loss"].idxmin())
    assert h["test_loss"].iloc[-1] > 2 * h["test_loss"].iloc[best]  # test loss rose again
    assert h["train_loss"].iloc[-1] < 0.1 * h["train_loss"].iloc[best]  # while train fell
    assert "overfitting" in codes(r)


def test_cross_entropy_learns_faster_than_mse_from_a_saturated_start():
    mse, ce = result("mse_saturated"), result("ce_saturated")
    assert replace(mse.config, loss="cross_entropy") == ce.config
    assert mse.history["act_saturated_1"].iloc[0] > 0.5  # the start is saturated

    def first_epoch(r, acc=0.9):
        hits = np.flatnonzero(r.history["train_accuracy"].to_numpy() >= acc)
        return int(hits[0]) if hits.size else math.inf

    assert first_epoch(ce) <= 10
    assert first_epoch(mse) > 4 * first_epoch(ce)
    assert ce.final["train_accuracy"] > mse.final["train_accuracy"] + 0.05
