"""Playground page through AppTest: every option in both languages, shared links (valid and
invalid), divergence, the "look closer" views, and the message catalogues."""

from __future__ import annotations

import importlib
import pkgutil
import string

import pytest

import playground.app
from playground import data, preprocessing
from playground.app import i18n
from playground.app.i18n import EN, KO, OPTION_LABELS
from playground.app.locales.glossary import FORMATTER  # picks Korean particles
from playground.app.pages.playground import _loss_text, accuracy_text
from playground.app.safe import md
from playground.config import RunConfig
from playground.experiment import run
from playground.nn import activations, initializers, losses, optimizers

CAT = {"en": EN, "ko": KO}
SELECTS = {
    "scaler": preprocessing.NAMES,
    "loss": losses.for_task("classification"),  # regression: tests/app/test_regression_pages.py
    "activation": activations.NAMES,
    "initializer": initializers.NAMES,
    "optimizer": optimizers.NAMES,
    "dataset": data.NAMES,
}
METRIC_KEYS = [
    "metric.train_loss",
    "metric.test_loss",
    "metric.train_acc",
    "metric.test_acc",
    "metric.epochs",
    "metric.time",
    "metric.params",
]


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def url_warnings(at, lang: str = "en") -> list[str]:
    """The page's "this link's value is not valid" warnings."""
    before_field = CAT[lang]["url.invalid"].split("{field}")[0]
    return [w.value for w in at.warning if w.value.startswith(before_field)]


def expect_metrics(at, config: RunConfig, lang: str = "en") -> None:
    """The page shows exactly what `run(config)` gives (same config → same history)."""
    result = run(config)
    last = result.final
    cat = CAT[lang]
    shown = metrics(at)
    assert list(shown) == [cat[k] for k in METRIC_KEYS]
    assert shown[cat["metric.train_loss"]] == _loss_text(last["train_loss"])
    assert shown[cat["metric.test_acc"]] == accuracy_text(last["test_accuracy"])
    assert shown[cat["metric.epochs"]] == str(int(last["epoch"]))
    assert shown[cat["metric.params"]] == f"{result.model.n_params():,}"


# the rounds stay on classification sets (regression: tests/app/test_regression_pages.py)
ROUNDS = SELECTS | {"dataset": tuple(n for n in data.NAMES if not data.get(n).regression)}


def option_rounds() -> list[dict[str, str]]:
    """Few reruns that together select every option of every selectbox once: round i sets
    each box to its option i (wrapping around for the shorter lists)."""
    n = max(len(names) for names in ROUNDS.values())
    return [{k: names[i % len(names)] for k, names in ROUNDS.items()} for i in range(n)]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_option_of_every_selectbox_renders(make_app, lang):
    at = make_app(lang=lang).run()
    assert not at.exception
    cat = CAT[lang]
    for key, names in SELECTS.items():
        box = at.selectbox(key=key)
        assert box.label == cat[key]
        assert box.options == [OPTION_LABELS.get(n, n) for n in names]  # language-neutral
    seen = {k: set() for k in SELECTS}
    for choice in option_rounds():
        for key, name in choice.items():
            at.selectbox(key=key).set_value(name)
        at.run()
        assert not at.exception, choice
        assert {k: at.selectbox(key=k).value for k in SELECTS} == choice
        # Trained, not refused ("could not be trained") — diverging is allowed.
        refused = cat["error.run"].split("{error}")[0]
        assert not [e.value for e in at.error if e.value.startswith(refused)], choice
        expect_metrics(at, RunConfig(epochs=10, n_samples=100, **choice), lang)
        assert at.title[0].value == cat["app.title"]
        for key, name in choice.items():
            seen[key].add(name)
    assert seen == {k: set(v) for k, v in ROUNDS.items()}


def test_english_page_has_english_labels(make_app):
    at = make_app().run()
    assert at.title[0].value == EN["app.title"]
    assert at.segmented_control(key="lang").value == "en"
    assert list(metrics(at)) == [EN[k] for k in METRIC_KEYS]
    subheaders = [s.value for s in at.subheader]
    assert [EN[f"sec.{i}"] for i in range(1, 8)] == subheaders[:7]
    assert at.segmented_control(key="view").options == [
        EN[f"view.{v}"] for v in ("gradients", "scaler", "network", "step", "export")
    ]
    assert not any(hangul(s) for s in subheaders)


@pytest.mark.parametrize("how", ["url", "locale", "switch"])
def test_korean_page_has_korean_labels(make_app, how):
    if how == "url":
        at = make_app(lang="ko").run()
    elif how == "locale":  # a Korean browser, no lang in the link
        at = make_app(context={"locale": "ko-KR"}).run()
    else:
        at = make_app().run()
        at.segmented_control(key="lang").set_value("ko").run()
    assert not at.exception
    assert at.segmented_control(key="lang").value == "ko"
    assert at.title[0].value == KO["app.title"] == "튜닝 플레이그라운드"
    assert list(metrics(at)) == [KO[k] for k in METRIC_KEYS]
    assert [s.value for s in at.subheader][:7] == [KO[f"sec.{i}"] for i in range(1, 8)]
    assert KO["sec.1"] == "① 입력 값 전처리"
    assert at.selectbox(key="activation").label == KO["activation"]
    assert at.select_slider(key="learning_rate").label == KO["learning_rate"]
    assert at.segmented_control(key="view").options == [
        KO[f"view.{v}"] for v in ("gradients", "scaler", "network", "step", "export")
    ]
    assert "**결정 경계**" in [m.value for m in at.markdown]
    # The diagnosis is worded in Korean too.
    alerts = [a.value for kind in ("success", "info", "warning", "error") for a in at.get(kind)]
    assert alerts and all(hangul(a) for a in alerts), alerts
    # Option labels stay language-neutral, so a Korean link works in English and back.
    assert at.selectbox(key="scaler").options[0] == "none"


def test_english_browser_locale_gives_english(make_app):
    at = make_app(context={"locale": "en-GB"}).run()
    assert at.segmented_control(key="lang").value == "en"
    assert at.title[0].value == EN["app.title"]


def test_url_restores_a_setup(make_app):
    at = make_app(activation="ReLU", depth="3", learning_rate="0.1", scaler="Normalizer (L2)")
    at.run()
    assert not at.exception
    assert url_warnings(at) == []
    assert at.selectbox(key="activation").value == "relu"
    assert at.selectbox(key="scaler").value == "normalizer_l2"
    assert at.slider(key="depth").value == 3
    assert at.slider(key="width").value == RunConfig().width
    assert at.select_slider(key="learning_rate").value == 0.1
    assert at.select_slider(key="epochs").value == 10
    config = RunConfig(
        activation="relu",
        hidden=(RunConfig().width,) * 3,
        learning_rate=0.1,
        scaler="normalizer_l2",
        epochs=10,
        n_samples=100,
    )
    expect_metrics(at, config)
    w = RunConfig().width  # 2 inputs → w → w → w → 1 output
    assert metrics(at)[EN["metric.params"]] == f"{(2 * w + w) + 2 * (w * w + w) + (w + 1):,}"


INVALID = {  # key: (URL value, what is allowed as (catalogue key, its values), default shown)
    "epochs": (
        "abc",
        ("allowed.one_of", {"values": "10, 20, 50, 100, 200, 300, 500, 1000"}),
        "100",
    ),
    "activation": ("relu2", None, "tanh"),
    "learning_rate": ("7", None, "0.01"),
    "depth": ("99", ("allowed.whole", {"lo": "0", "hi": "6"}), "2"),
    "width": ("4.5", ("allowed.whole", {"lo": "1", "hi": "32"}), "8"),  # was: said 8, used 4
    "seed": ("inf", ("allowed.whole", {"lo": "0", "hi": "2147483647"}), "0"),  # was: a traceback
    "noise": ("1e309", ("allowed.range", {"lo": "0", "hi": "1"}), "0.2"),
    # was: "using the default, ." (an empty default)
    "eps": ("abc", ("allowed.range", {"lo": "0", "hi": "1"}), None),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_invalid_url_values_fall_back_with_one_warning_each(make_app, lang):
    at = make_app(n_samples="100", lang=lang, **{k: v for k, (v, _, _) in INVALID.items()})
    at.run()
    assert not at.exception
    cat = CAT[lang]
    warnings = url_warnings(at, lang)
    assert len(warnings) == len(INVALID), warnings
    for key, (value, allowed, default) in INVALID.items():
        matches = [w for w in warnings if f"“{cat[key]}”" in w]
        assert len(matches) == 1, (key, warnings)
        default = default or cat["allowed.optimizer_default"]
        assert md(value) in matches[0] and default in matches[0], matches[0]
        if allowed is not None:
            assert FORMATTER.format(cat[allowed[0]], **allowed[1]) in matches[0], matches[0]
        assert key not in at.query_params  # taken out of the address: a reload does not repeat it
    d = RunConfig()
    assert at.select_slider(key="epochs").value == d.epochs
    assert at.selectbox(key="activation").value == d.activation
    assert at.select_slider(key="learning_rate").value == d.learning_rate
    assert (at.slider(key="width").value, at.slider(key="depth").value) == (d.width, d.depth)
    assert at.number_input(key="seed").value == d.seed
    expect_metrics(at, RunConfig(n_samples=100), lang)
    # The link is checked once per session: later reruns never add warnings.
    at.selectbox(key="activation").set_value("relu").run()
    assert not at.exception
    assert url_warnings(at, lang) == []  # said once; the next rerun clears them


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_values_valid_alone_but_not_together_get_a_warning(make_app, lang):
    """Nesterov with momentum 0 (each fine alone) was a traceback from a link."""
    at = make_app(lang=lang, optimizer="Nesterov", momentum="0").run()
    assert not at.exception
    (warning,) = url_warnings(at, lang)
    assert f"“{CAT[lang]['momentum']}”" in warning and "Nesterov" in warning
    assert at.selectbox(key="optimizer").value == "nesterov"
    assert at.number_input(key="momentum").value == RunConfig().momentum
    assert "momentum" not in at.query_params and at.query_params["optimizer"] == "Nesterov"


def test_nesterov_momentum_zero_set_in_the_sidebar_is_a_message_not_a_traceback(make_app):
    at = make_app(optimizer="Nesterov").run()
    at.number_input(key="momentum").set_value(0.0).run()
    assert not at.exception
    assert any("Nesterov" in e.value for e in at.error), [e.value for e in at.error]


def test_a_valid_link_has_no_warning(make_app):
    at = make_app(activation="Leaky ReLU", optimizer="SGD", epochs="20", l2="0.001").run()
    assert url_warnings(at) == []
    assert at.selectbox(key="optimizer").value == "sgd"
    assert at.select_slider(key="l2").value == 0.001


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_divergence_shows_the_plain_words_error(make_app, lang):
    at = make_app(lang=lang, activation="Leaky ReLU", optimizer="SGD", learning_rate="10")
    at.run()
    assert not at.exception
    config = RunConfig(
        activation="leaky_relu", optimizer="sgd", learning_rate=10.0, epochs=10, n_samples=100
    )
    result = run(config)
    assert result.status == "diverged"
    cat = CAT[lang]
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors
    what = cat[f"diag.what.{result.reason or 'nan'}"]
    expected = cat["diag.diverged"].format(
        epoch=result.diverged_epoch, what=what, lr="10", optimizer="SGD", scale=""
    )
    assert errors[0] == expected
    # The charts still show the history up to that point.
    assert metrics(at)[cat["metric.epochs"]] == str(int(result.final["epoch"]))
    assert len(charts(at)) >= 3


def charts(at) -> list:
    return at.get("vega_lite_chart")


def test_view_gradients_without_hidden_layer(make_app):
    at = make_app(depth="0").run()
    assert not at.exception
    assert EN["grad.no_hidden"] in [i.value for i in at.info]
    assert metrics(at)[EN["metric.params"]] == "3"  # logistic regression: 2 weights + 1 bias


def _placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def _all_catalogues() -> dict[str, dict[str, str]]:
    """EN and KO after every app module has registered its own messages."""
    for mod in pkgutil.iter_modules(playground.app.__path__):
        try:
            importlib.import_module(f"playground.app.{mod.name}")
        except ImportError as e:
            pytest.fail(f"playground.app.{mod.name} does not import: {e}", pytrace=False)
    return i18n.CATALOGUES


def test_message_catalogues_have_the_same_keys_and_placeholders():
    cats = _all_catalogues()
    en, ko = cats["en"], cats["ko"]
    assert sorted(set(en) ^ set(ko)) == []
    mismatched = {
        k: (sorted(_placeholders(en[k])), sorted(_placeholders(ko[k])))
        for k in en
        if _placeholders(en[k]) != _placeholders(ko[k])
    }
    assert mismatched == {}
    untranslated = [k for k in en if not ko[k].strip()]
    assert untranslated == []


def test_every_label_the_sidebar_uses_exists_in_both_catalogues():
    keys = ["app.title", *METRIC_KEYS, *(f"sec.{i}" for i in range(1, 8)), "url.invalid"]
    keys += [*SELECTS, "init_scale", "learning_rate", "batch_size", "width", "depth", "epochs"]
    for cat in CAT.values():
        assert [k for k in keys if k not in cat] == []
