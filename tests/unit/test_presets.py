"""Every teaching preset really shows its lesson when it is run (history and diagnosis)."""

import math
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from playground import presets
from playground.app import i18n, sidebar
from playground.app.pages import learn as learn_page
from playground.diagnosis import delta_ratio, diagnose, gradient_ratio
from playground.experiment import run


@cache
def result(preset_id: str):
    return run(presets.get(preset_id).config)


def codes(r) -> set[str]:
    return {f.code for f in diagnose(r)}


def finding(r, code: str):
    found = [f for f in diagnose(r) if f.code == code]
    assert found, f"{code} not in {codes(r)}"
    return found[0]


# What each preset's run must be diagnosed with (its lesson), and what must not appear.
GRADIENT_TROUBLE = {"vanishing", "exploding", "unstable", "diverged", "dead", "symmetry"}
LESSONS = {
    "normalizer_circles": ({"normalizer"}, {"healthy", "underfitting"} | GRADIENT_TROUBLE),
    "standard_circles": ({"healthy"}, set()),
    "mse_saturated": ({"saturated", "underfitting"}, {"healthy", "vanishing", "unstable"}),
    "ce_saturated": ({"saturated"}, {"underfitting", "vanishing", "unstable", "healthy"}),
    "deep_sigmoid": ({"vanishing", "underfitting"}, {"healthy", "exploding", "unstable", "dead"}),
    "deep_sigmoid_adam": ({"vanishing"}, {"healthy", "underfitting", "unstable", "dead"}),
    "zero_init": ({"symmetry"}, {"healthy", "vanishing", "dead"}),
    "large_weights": ({"exploding"}, {"healthy", "vanishing", "unstable"}),
    "lr_too_high": ({"diverged"}, {"healthy", "unstable", "underfitting"}),
    "full_batch_gd": ({"underfitting"}, {"healthy", "unstable"} | GRADIENT_TROUBLE),
    "minibatch_sgd": ({"healthy"}, set()),
    "too_few_nodes": ({"underfitting"}, {"healthy", "overfitting"} | GRADIENT_TROUBLE),
    "too_many_nodes": ({"overfitting"}, {"healthy", "underfitting"} | GRADIENT_TROUBLE),
}


def test_every_preset_has_a_lesson_and_texts_in_both_languages():
    assert set(LESSONS) == set(presets.BY_ID)
    for p in presets.PRESETS:
        for lang in ("en", "ko"):
            cat = i18n.CATALOGUES[lang]
            assert cat.get(f"learn.preset.{p.key}") and cat.get(f"learn.preset.{p.key}.about")


@pytest.mark.parametrize("preset_id", list(LESSONS))
def test_diagnosis_shows_the_lesson(preset_id):
    expected, forbidden = LESSONS[preset_id]
    found = codes(result(preset_id))
    assert expected <= found, found
    assert not (forbidden & found), found


def test_full_batch_gd_is_told_to_take_more_steps():
    advice = finding(result("full_batch_gd"), "underfitting").params["advice"]
    assert advice[:2] == ("epochs_up", "batch_down")  # more steps first, then capacity


def test_too_few_nodes_is_told_to_add_nodes():
    assert "width_up" in finding(result("too_few_nodes"), "underfitting").params["advice"]


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


def test_deep_sigmoid_under_sgd_vanishes_and_stays_at_chance():
    r = result("deep_sigmoid")
    h = r.history
    assert r.config.optimizer == "sgd" and r.config.activation == "sigmoid"
    assert 3e-4 < delta_ratio(h, 0) < 3e-3  # "about a thousandth" (the preset's text)
    assert abs(h["train_loss"].iloc[-1] - math.log(2)) < 0.01  # stays at ln 2
    assert 0.4 <= h["train_accuracy"].iloc[-1] <= 0.6  # chance
    vanishing = finding(r, "vanishing")
    assert not vanishing.params["compensates"] and not vanishing.params["learned"]


def test_the_adam_twin_learns_through_the_same_vanishing_gradient():
    sgd, adam = result("deep_sigmoid"), result("deep_sigmoid_adam")
    # the same network (one click apart): only the optimizer and its usual learning rate differ
    assert replace(sgd.config, optimizer="adam", learning_rate=0.01) == adam.config
    assert delta_ratio(adam.history, 0) == delta_ratio(sgd.history, 0)  # same start, same δ
    assert adam.final["train_accuracy"] >= 0.9
    assert adam.final["train_loss"] < 0.2 * sgd.final["train_loss"]
    vanishing = finding(adam, "vanishing")
    assert vanishing.params["compensates"] and vanishing.params["optimizer"] == "adam"
    assert "deep_sigmoid_adam" in learn_page.SECTION_PRESETS["3"]


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
