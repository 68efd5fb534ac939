"""The lessons say what the code does: every number a text quotes comes from the constant the code
uses, and every claim about a picture or a run is checked on that picture or run (issue 8, item 2).
Each test names the error it keeps from coming back."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from playground import surfaces
from playground.advice import adaptive
from playground.app import i18n
from playground.app.i18n import option_label
from playground.app.pages import backprop as backprop_page
from playground.app.pages import optimizer_lab
from playground.app.pages.learn import (
    activation,
    gradients,
    layers,
    nodes,
    optimizer,
    preprocessing,
    sweeps,
)
from playground.config import RunConfig
from playground.nn import activations, initializers
from playground.nn.train import SATURATION

LANGS = ("en", "ko")


@pytest.fixture(params=LANGS)
def lang(request, monkeypatch):
    """Render t() in each language (t reads the language from i18n.lang)."""
    monkeypatch.setattr(i18n, "lang", lambda: request.param)
    return request.param


def _text(key: str, lang: str) -> str:
    return i18n.CATALOGUES[lang][key]


# ---- ⑤ gradient descent on w²: the caption says what the path does, for every η offered ----------
EXPECTED_GD = {  # η → what w does (factor 1 − 2η per step)
    0.05: "one_side",  # × 0.9
    0.1: "one_side",  # × 0.8
    0.3: "one_side",  # × 0.4
    0.5: "one_step",  # × 0: lands on 0
    0.7: "zigzag",  # × −0.4
    0.9: "zigzag",  # × −0.8
    1.0: "bounce",  # × −1: 1, −1, 1, … forever
    1.05: "diverge",  # × −1.1
}


def test_every_rate_offered_is_in_the_table():
    assert set(optimizer.GD_RATES) == set(EXPECTED_GD)


@pytest.mark.parametrize("lr", optimizer.GD_RATES)
def test_gd_behaviour_is_read_from_the_path(lr):
    w = optimizer.gd_path(lr)
    kind = optimizer.gd_behaviour(w)
    assert kind == EXPECTED_GD[lr]
    flips = np.sign(w[1:]) != np.sign(w[:-1])
    if kind == "one_side":
        assert not flips.any() and 0 < w[-1] < w[0]
    if kind == "zigzag":
        assert flips.all() and abs(w[-1]) < abs(w[0])
    if kind == "bounce":
        assert list(w[:4]) == [1.0, -1.0, 1.0, -1.0] and abs(w[-1]) == 1.0
    if kind == "diverge":
        assert abs(w[-1]) > 3 * abs(w[0])


@pytest.mark.parametrize("lr", optimizer.GD_RATES)
def test_gd_caption_says_what_the_picture_shows(lr, lang):
    caption = optimizer.gd_caption(lr)
    w = optimizer.gd_path(lr)
    kind = EXPECTED_GD[lr]
    behaviour = _text(f"learn.5.gd.{kind}", lang).split("{")[0]
    assert behaviour in caption
    assert f"{1 - 2 * lr:.2g}" in caption  # the factor of this η
    if kind in ("one_side", "zigzag", "diverge"):
        assert f"w = {w[-1]:.3g}" in caption  # the last point of the path
    # the old caption: "below 0.5 it creeps, up to 1 it zigzags but converges"
    assert "creeps" not in caption and "converge" not in caption and "수렴" not in caption


# ---- the thresholds quoted by the gradient verdicts are the ones the verdict uses --------------
def _quoted(text: str) -> float:
    fraction = re.search(r"1/(\d+(?:\.\d+)?)", text)
    if fraction:
        return 1 / float(fraction.group(1))
    return float(re.search(r"(\d+(?:\.\d+)?)\s*(?:×|배)", text).group(1))


@pytest.mark.parametrize("kind", ["vanishing", "exploding"])
def test_verdict_texts_quote_the_thresholds_the_verdict_uses(kind, lang):
    """The exploding text said "over 1000×" while the code flagged from 100×."""
    limit = _quoted(gradients.gradient_text(kind, 1.0))
    inside, outside = (limit * 0.99, limit * 1.01)
    if kind == "exploding":
        inside, outside = outside, inside
    assert gradients.gradient_verdict(inside) == kind
    assert gradients.gradient_verdict(outside) != kind


@pytest.mark.parametrize("kind", ["vanishing_step", "exploding_step"])
def test_step_size_verdicts_quote_their_thresholds(kind, lang):
    """A gradient tiny (or huge) in every layer alike: the ratio cannot see it, the step can."""
    limit = gradients.TINY_STEP if kind == "vanishing_step" else gradients.HUGE_STEP
    assert f"{limit:g}" in gradients.gradient_text(kind, 0.5)
    inside, outside = (0.9, 1.1) if kind == "vanishing_step" else (1.1, 0.9)
    assert gradients.gradient_verdict(0.5, np.full(4, limit * inside)) == kind
    assert gradients.gradient_verdict(0.5, np.full(4, limit * outside)) == "healthy"


@pytest.mark.parametrize(
    ("activation", "scale", "initializer", "kind"),
    [
        ("sigmoid", 0.1, "glorot_uniform", "vanishing"),
        ("tanh", 0.1, "glorot_uniform", "vanishing"),  # every layer ~1e-6: caught by both
        ("tanh", 1.0, "glorot_uniform", "healthy"),
        ("relu", 1.0, "he_normal", "healthy"),
        ("relu", 4.0, "he_normal", "exploding"),
    ],
)
def test_gradient_picture_agrees_with_the_diagnosis(activation, scale, initializer, kind):
    """The Learn picture measures what the diagnosis measures (δ ratio, step sizes)."""
    from playground import diagnosis

    h = gradients.start_signal(activation, scale, 6, 8, initializer)
    ratio, steps = diagnosis.delta_ratio(h), diagnosis.step_sizes(h)
    assert gradients.gradient_verdict(ratio, steps) == kind


def test_growing_text_quotes_its_threshold(lang):
    limit = _quoted(gradients.gradient_text("growing", 50.0).split("(")[1].split(",")[1])
    assert gradients.gradient_verdict(limit * 1.01) == "growing"
    assert gradients.gradient_verdict(limit * 0.99) == "healthy"


NUMBER_FREE = (  # texts whose numbers all come from placeholders (formulas aside)
    "learn.gradients.vanishing",
    "learn.gradients.exploding",
    "learn.gradients.growing",
    "learn.gradients.caption",
    "learn.3.saturated",
    "learn.4.caption",
    "learn.6.sweep",
    "learn.7.sweep",
    "learn.7.params",
)


@pytest.mark.parametrize("key", NUMBER_FREE)
def test_quoted_numbers_come_from_placeholders(key):
    for lang in LANGS:
        text = re.sub(r"\{[^{}]*\}", "", _text(key, lang))
        assert not re.findall(r"\d", text), (lang, text)


def test_captions_quote_the_code_constants(lang):
    assert f"{100 * SATURATION:g} %" in i18n.t("learn.3.saturated", pct=f"{100 * SATURATION:g}")
    w1, w2 = activation.MAXOUT_W
    assert f"max({w1:g}x, {w2:g}x)" in activation.maxout_caption()
    c = RunConfig()
    for key, values in (("learn.6.sweep", nodes.WIDTHS), ("learn.7.sweep", layers.DEPTHS)):
        caption = sweeps.sweep_caption(key, "circles", values)
        for quoted in (sweeps.SWEEP_EPOCHS, values[0], values[-1]):
            assert str(quoted) in caption
        assert option_label(c.activation) in caption and option_label(c.optimizer) in caption
    counts = [layers.n_params((sweeps.DEPTH_WIDTH,) * d) for d in layers.DEPTHS]
    assert all(str(n) in layers.params_caption() for n in counts)
    assert counts[:2] == [3, (2 + 1) * 8 + (8 + 1) * 1]


def test_activation_formulas_use_the_registry_constants():
    leaky, elu = activations.get("leaky_relu").facts, activations.get("elu").facts
    assert f"\\max({activations.LEAKY_SLOPE:g}z" in leaky.formula
    assert f"{activations.LEAKY_SLOPE:g} & z \\le 0" in leaky.derivative
    assert f"\\alpha = {activations.ELU_ALPHA:g}" in elu.formula
    assert r"z \ge 0" in elu.formula and "z < 0" in elu.formula  # the slide's cases
    x = np.array([-1e-9, 0.0, 1e-9])
    f, df = activation.activation_curve("elu", x)
    assert f[1] == 0.0 and df[1] == 1.0  # at 0 the slide's cases and the code's agree


# ---- claims that were false ------------------------------------------------------------------
def test_large_weights_saturate_into_vanishing_not_exploding():
    """“too large → grow or saturate (exploding)”: saturation drives f′ → 0, which is vanishing."""
    en = _text("learn.4.text", "en")
    saturation = next(s for s in en.split(". ") if "saturate" in s)
    assert "vanish" in saturation and "exploding" not in saturation.split("saturate")[1]
    ko = _text("learn.4.text", "ko")
    assert "포화되는 곳에서는 f′ → 0이 되어 결국 기울기가 사라집니다" in ko
    for lang in LANGS:
        assert "f′ ≈ 0" in _text("init_scale.help", lang)
    sig = activations.get("sigmoid")
    z = np.array([[8.0]])
    assert sig.df(z, sig.f(z))[0, 0] < SATURATION * sig.peak  # a saturated unit passes ~0 back


def test_adagrad_shrinks_the_step_of_large_past_gradients():
    """AdaGrad was said to slow down parameters “that already moved a lot”."""
    assert "whose past gradients were large" in _text("learn.5.text", "en")
    assert "moved a lot" not in _text("learn.5.text", "en")
    assert "지난 기울기가 컸던 파라미터" in _text("learn.5.text", "ko")


def test_standardization_does_not_keep_the_shape():
    X, Xs, _ = preprocessing.scaled_features("breast_cancer", "standard")
    assert abs(X[:, 0].std() / X[:, 1].std() - 1) > 1 and np.allclose(Xs.std(axis=0), 1)
    assert "keeps the shape" not in _text("learn.1.text", "en")
    assert "데이터 모양은 그대로 둡니다" not in _text("learn.1.text", "ko")


def test_slide_vs_standard_note(lang):
    note = _text("learn.4.slide", lang)
    for formula in ("√(6/(n_in + n_out))", "√(2/(n_in + n_out))", "√2·√(6/(n_in + n_out))"):
        assert formula in note
    assert "√(6/n_in)" in note and "√(2/n_in)" in note and "σ²" in note
    i, o = 64, 32
    scale = {e.name: e.scale for e in initializers.entries()}
    assert scale["glorot_normal"](i, o) == np.sqrt(2 / (i + o))
    assert scale["he_normal"](i, o) == np.sqrt(2 / i)
    assert scale["he_uniform"](i, o) == np.sqrt(6 / i)
    # Glorot normal's σ² is the variance of U(−r, r), r²/3, as the note says
    r = scale["glorot_uniform"](i, o)
    assert np.isclose(scale["glorot_normal"](i, o) ** 2, r**2 / 3)


# ---- optimizer lab: the surface texts against the lab's own runs --------------------------------
def test_valley_text_quotes_the_labs_own_run(lang):
    """It said AdaGrad moves about η per step; the run shows 1.4e-3 shrinking to 2e-5. Every
    adaptive optimizer of the registry is named with its own first and last step."""
    s = surfaces.get("valley")
    text = optimizer_lab.about("valley")
    shown = [n for n in optimizer_lab.optimizers.NAMES if adaptive(n)]
    assert shown == ["adagrad", "rmsprop", "adam", "adamw"]  # AdaGrad, RMSProp, Adam, AdamW
    for name in shown:
        first, last = optimizer_lab.step_lengths(surfaces.path(s, name, s.lr, s.steps))
        assert f"{option_label(name)} {first:.1e} → {last:.1e}" in text
    assert f"({', '.join(option_label(n) for n in shown)})" in text  # SGD, Momentum: not
    first, last = optimizer_lab.step_lengths(surfaces.path(s, "adagrad", s.lr, s.steps))
    assert np.isclose(first, np.sqrt(2) * s.lr, rtol=0.01)  # AdaGrad moves each weight by η
    assert last < first / 10  # and its steps keep shrinking
    reached = [
        option_label(n)
        for n in optimizer_lab.optimizers.NAMES
        if surfaces.which_minimum(s, surfaces.final_point(surfaces.path(s, n, s.lr, s.steps)))
    ]
    assert reached and f": {', '.join(reached)}." in text
    assert "about η per step" not in text


def test_bowl_text_thresholds_and_claims_hold(lang):
    s = surfaces.get("bowl")
    text = optimizer_lab.about("bowl")
    c = surfaces.BOWL_C
    zigzag, diverge = 1 / c, 2 / c
    assert f"η > {zigzag:g}" in text and f"η > {diverge:g}" in text

    def w2(lr):
        return surfaces.path(s, "sgd", lr, 30, start=(0.0, 1.0))[:, 1]

    assert np.all(w2(zigzag * 0.9) >= 0) and np.any(w2(zigzag * 1.1) < 0)
    assert surfaces.stopped_at(surfaces.path(s, "sgd", diverge * 0.98, 400)) is None
    assert surfaces.stopped_at(surfaces.path(s, "sgd", diverge * 1.1, 400)) is not None
    ends = {
        n: surfaces.which_minimum(s, surfaces.final_point(surfaces.path(s, n, s.lr, s.steps)))
        for n in ("rmsprop", "adagrad")
    }
    assert ends == {"rmsprop": "global", "adagrad": None}


def test_saddle_and_wells_texts_hold():
    s = surfaces.get("saddle")
    exact = surfaces.path(s, "sgd", s.lr, s.steps, start=(-2.5, 0.0))
    assert np.all(exact[:, 1] == 0)  # exact gradients never leave the ridge
    noisy = surfaces.path(s, "sgd", s.lr, s.steps, (-2.5, 0.0), 0.3, np.random.default_rng(0))
    assert abs(noisy[-1, 1]) > 0.5  # noisy ones slide off to a minimum
    wells = surfaces.get("local_global")
    end = {
        n: surfaces.minimum(
            wells,
            surfaces.which_minimum(wells, surfaces.final_point(surfaces.path(wells, n, 0.02, 200))),
        ).kind
        for n in ("sgd", "momentum")
    }
    assert end == {"sgd": "local", "momentum": "global"}


def test_lab_summary_has_first_and_last_step(lang):
    s = surfaces.get("valley")
    paths = {"adagrad": surfaces.path(s, "adagrad", s.lr, s.steps)}
    row = optimizer_lab.summary(s, paths).iloc[0]
    first, last = optimizer_lab.step_lengths(paths["adagrad"])
    assert row[i18n.t("lab.first_step")] == first and row[i18n.t("lab.last_step")] == last


# ---- back-propagation: step 4 does not promise a lower loss -----------------------------------
def test_backprop_update_caption_follows_the_loss():
    """“The error on the same samples is now lower” is false when η is too large."""
    settings = dict(activation="relu", hidden=2, seed=0, loss="cross_entropy", samples=[0, 1, 2, 3])
    rose = backprop_page.walk_at({**settings, "lr": 5.0}, 4)
    fell = backprop_page.walk_at({**settings, "lr": 0.5}, 0)
    assert rose.loss_after > rose.loss and backprop_page.loss_change_key(rose) == "bp.loss_rose"
    assert fell.loss_after < fell.loss and backprop_page.loss_change_key(fell) == "bp.loss_change"
    assert "now lower." not in _text("bp.explain.3", "en")


# ---- the pages show it ------------------------------------------------------------------------
SCRIPT = f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
from playground.app.pages.learn import render
render()
"""


@pytest.mark.parametrize("lang", LANGS)
def test_learn_page_shows_the_computed_captions(lang):
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"], at.session_state["learn_section"] = lang, "5"
    at.session_state["learn_5_lr"] = 1.0
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(_text("learn.5.gd.bounce", lang).split("{")[0] in c for c in captions)
    at.session_state["learn_section"] = "4"
    at.run()
    assert _text("learn.4.slide", lang) in [c.value for c in at.caption]


# ---- the Try-it presets: the numbers their texts quote are their settings and their runs -------
def _numbers(key: str) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", i18n.EN[f"learn.preset.{key}.about"])]


def _n_train(c) -> int:
    return round(c.n_samples * (1 - c.test_fraction))


def test_preset_texts_quote_their_settings():
    from playground import presets

    cfg = {p.key: p.config for p in presets.PRESETS}
    assert _numbers("mse") == [cfg["mse"].init_scale, 50, 10]
    assert _numbers("ce") == [90, 10]
    assert _numbers("exploding")[:2] == [cfg["exploding"].hidden[0], cfg["exploding"].init_scale]
    assert _numbers("lr_high") == [cfg["lr_high"].learning_rate]
    assert _numbers("gd") == [cfg["gd"].epochs] * 2 and cfg["gd"].batch_size == 0
    sgd = cfg["sgd"]
    assert _numbers("sgd") == [sgd.batch_size, -(-_n_train(sgd) // sgd.batch_size), sgd.epochs]
    over = cfg["overfit"]
    assert _numbers("overfit")[:3] == [len(over.hidden), over.hidden[0], _n_train(over)]


@pytest.mark.slow
def test_preset_texts_quote_their_runs():
    from playground import presets
    from playground.diagnosis import gradient_ratio
    from playground.experiment import run

    def history(key):
        return run(next(p for p in presets.PRESETS if p.key == key).config).history

    mse, ce = history("mse"), history("ce")
    assert (mse.train_accuracy.iloc[:11] < 0.5).all()  # below 50 % for ten epochs
    assert ce.train_accuracy.iloc[10] > 0.9  # passes 90 % within ten epochs
    ratio = gradient_ratio(history("exploding"), 0)
    assert 200 / 1.5 < ratio < 200 * 1.5  # "about 200×"
    assert history("normalizer").test_accuracy.iloc[-1] <= 0.55  # no better than chance
