"""Links keep everything (AppTest, the real app): every URL-bound widget's first and last value
survives "copy the link, open it in a fresh session"; Learn's "Try it" and an exercise's start
put their whole setup into the URL; any page path accepts `?lang=`, /playground included.

How Streamlit (1.67) treats a widget bound with bind="query-params": it leaves a value out of
the URL exactly when it equals the widget's own default (the `default` of the widget's proto),
and a fresh session without the parameter gets that default. So the widget's default must be
the app's default (RunConfig), never the first option or the minimum, whatever session state
holds; `test_every_bound_widget_has_the_apps_default_as_its_own` checks exactly that.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.navigation.page import calc_hash
from streamlit.testing.v1 import AppTest

from playground import exercises, presets
from playground.app import i18n, sidebar
from playground.app.i18n import EN, KO, OPTION_LABELS
from playground.config import RunConfig, choices
from playground.nn import losses

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
SMALL = {"epochs": "10", "n_samples": "100"}  # short runs, as in conftest.py

SELECTS = choices()  # every selectbox: its option names, from the registries
# on the default (classification) set; a regression set's losses: tests/app/test_regression_pages.py
SELECTS["loss"] = losses.for_task("classification")
STEPS = {  # select sliders
    "init_scale": sidebar.INIT_SCALE_OPTIONS,
    "learning_rate": sidebar.LR_OPTIONS,
    "batch_size": sidebar.BATCH_OPTIONS,
    "epochs": sidebar.EPOCH_OPTIONS,
    "l2": sidebar.L2_OPTIONS,
    "l1": sidebar.L1_OPTIONS,
}
SLIDERS = ("width", "depth", "n_samples", "noise", "test_fraction")
NUMBER_INPUTS = ("seed", *sidebar.all_hyper_keys(), *sidebar.LAYER_KEYS)
# A hyper-parameter's input is drawn only for optimizers that use it; layer k's width from depth k.
NEEDS = {"momentum": {"optimizer": "Momentum"}, "alpha": {"optimizer": "RMSProp"}}
NEEDS |= {k: {"depth": k.split("_")[1]} for k in sidebar.LAYER_KEYS}
PILLS = ("features",)  # several values at once: tests/app/test_layer_widths.py


def ends(key: str) -> tuple:
    """The first and the last value of the widget `key` (its options, steps or range)."""
    if key in SELECTS:
        return SELECTS[key][0], SELECTS[key][-1]
    if key in STEPS:
        return STEPS[key][0], STEPS[key][-1]
    kind, lo, hi, whole = sidebar.url_spec()[key]
    return (int(lo), int(hi)) if whole else (float(lo), float(hi))


def widget(at: AppTest, key: str):
    if key in SELECTS:
        return at.selectbox(key=key)
    if key in STEPS:
        return at.select_slider(key=key)
    return at.slider(key=key) if key in SLIDERS else at.number_input(key=key)


def shown_config(at: AppTest) -> RunConfig:
    """The RunConfig the session's sidebar describes (what its run trains)."""
    return sidebar.config_from_values(at.session_state)


def config_value(config: RunConfig, key: str):
    if key in sidebar.LAYER_KEYS:  # the width of hidden layer k
        return config.hidden[int(key.split("_")[1]) - 1]
    return getattr(config, key)  # width and depth are properties of RunConfig


def open_app(params: dict[str, str], page: str | None = None) -> AppTest:
    """A fresh session of the app at `/<page>?<params>` (not run yet)."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update(params)
    if page is not None:
        # AppTest.switch_page takes page files only; a page of st.navigation is known by the
        # hash of its url_path, which is what a browser's /<page> asks for.
        at._page_hash = calc_hash(page)
    return at


def url_holds(params: dict, key: str, value) -> bool:
    """Whether the URL parameters give `key` the value `value` (labels as the widgets show
    them: options by their language-neutral label, numbers as numbers)."""
    text = params.get(key)
    if text is None:
        return False
    if isinstance(value, str):
        return text == OPTION_LABELS.get(value, value)
    return float(text) == float(value)


CASES = [
    pytest.param(key, value, id=f"{key}={value}")
    for key in sidebar.url_spec()
    if key not in PILLS
    for value in ends(key)
]


def test_the_cases_cover_every_bound_widget():
    single = set(SELECTS) | set(STEPS) | set(SLIDERS) | set(NUMBER_INPUTS)
    assert set(sidebar.url_spec()) == single | set(PILLS)
    assert len(CASES) == 2 * (len(sidebar.url_spec()) - len(PILLS))


@pytest.mark.parametrize(("key", "value"), CASES)
def test_first_and_last_value_of_every_bound_widget_survive_a_link(key, value):
    start = {**SMALL, **NEEDS.get(key, {})}
    start.pop(key, None)
    one = open_app(start).run()
    assert not one.exception
    widget(one, key).set_value(value).run()
    one.run()  # a later rerun must keep it too (it used to drop first options here)
    assert not one.exception, one.exception
    assert config_value(shown_config(one), key) == value
    link = dict(one.query_params)
    default = sidebar.DEFAULTS[key]
    if value == default:  # a default is left out of the URL: a fresh session has it anyway
        assert key not in link, link
    else:
        assert url_holds(link, key, value), (key, value, link)

    two = open_app(link).run()  # the copied link, in a fresh browser
    assert not two.exception, two.exception
    assert widget(two, key).value == value
    assert config_value(shown_config(two), key) == value
    assert shown_config(two) == shown_config(one)  # and every other setting with it
    assert dict(two.query_params) == link  # the reopened page keeps the link as it was


@pytest.mark.parametrize(("lang", "browser"), [("ko", "en-US"), ("en", "ko-KR")])
def test_the_language_of_a_link_stays_in_it(lang, browser):
    """A link's language (here the one the browser would not pick) is used and stays in the
    URL through reruns, so the page's link can be copied again. (A user's click on the language
    control is written into the URL by the browser; tests/e2e/test_links.py checks that.)"""
    at = open_app({**SMALL, "lang": lang})
    at.context["locale"] = browser
    at.run()
    at.selectbox(key="activation").set_value("relu").run()
    at.run()
    assert not at.exception
    assert at.segmented_control(key="lang").value == lang
    assert at.title[0].value == i18n.CATALOGUES[lang]["app.title"]
    assert at.query_params.get("lang") == lang


def _check_own_defaults(at: AppTest, optimizer: str) -> None:
    d = sidebar.DEFAULTS
    for key, names in SELECTS.items():
        assert at.selectbox(key=key).proto.default == list(names).index(d[key]), key
    for key, options in STEPS.items():
        assert list(at.select_slider(key=key).proto.default) == [options.index(d[key])], key
    for key in SLIDERS:
        assert list(at.slider(key=key).proto.default) == [d[key]], key
    for key in ("seed", *sidebar.hyper_keys(optimizer)):
        box = at.number_input(key=key)
        if d[key] is None:
            assert not box.proto.HasField("default"), key
        else:
            assert box.proto.default == d[key], key


@pytest.mark.parametrize("optimizer", ["adam", "sgd", "momentum", "rmsprop"])
def test_every_bound_widget_has_the_apps_default_as_its_own(optimizer):
    """The widget's default decides what the URL leaves out; when session state holds every
    value (after any rerun, or a loaded preset) it must still be the app's default, not the
    first option or the minimum."""
    at = open_app(SMALL).run()
    _check_own_defaults(at, "adam")
    at.selectbox(key="optimizer").set_value(optimizer).run()
    at.run()
    _check_own_defaults(at, optimizer)


def test_a_link_to_the_first_option_of_everything():
    """The defect as reported: SGD, scaler none, linear, zeros, batch 0, 10 epochs, depth 0,
    width 1, noise 0… all at once, copied and reopened."""
    firsts = {k: ends(k)[0] for k in (*SELECTS, *STEPS, *SLIDERS)}
    one = open_app({"n_samples": "100"}).run()
    for key, value in firsts.items():
        if key != "n_samples":
            widget(one, key).set_value(value)
    one.run()
    one.run()
    assert not one.exception
    two = open_app(dict(one.query_params)).run()
    config = shown_config(two)
    for key, value in firsts.items():
        if key != "n_samples":
            assert widget(two, key).value == value, key
            if key != "width":  # no hidden layer (depth 0): the config has no width
                assert config_value(config, key) == value, key
    assert config == shown_config(one)
    assert config.hidden == ()


# ---- presets, "Try it", an exercise's start ---------------------------------------------------
@pytest.mark.parametrize("preset", presets.PRESETS, ids=lambda p: p.id)
def test_a_link_built_from_a_preset_reproduces_it(preset):
    at = open_app(sidebar.url_query(preset.config)).run()
    assert not at.exception
    assert shown_config(at) == preset.config


@pytest.mark.parametrize(
    ("section", "preset_id"),
    [("5", "full_batch_gd"), ("1", "normalizer_circles"), ("4", "zero_init")],
)
def test_try_it_puts_the_whole_setup_into_the_url(section, preset_id):
    preset = presets.get(preset_id)
    at = open_app({"epochs": "1000", "depth": "0", "lang": "ko"}, page="learn")
    at.session_state["learn_section"] = section
    at.run()
    assert not at.exception
    at.button(key=f"try_{section}_{preset_id}").click().run()
    assert not at.exception
    assert at.title[0].value == KO["app.title"]  # on the playground now, still in Korean
    link = dict(at.query_params)
    assert link == {**sidebar.url_query(preset.config), "lang": "ko"}  # not a bare "/"
    fresh = open_app(link).run()
    assert shown_config(fresh) == preset.config
    assert fresh.segmented_control(key="lang").value == "ko"


def test_an_exercise_start_puts_its_setup_into_the_url():
    ex = exercises.get("gd_sgd")
    at = open_app({"exercise": ex.id, "epochs": "1000"}, page="exercises").run()
    assert not at.exception
    at.button(key="ex_load").click().run()
    assert not at.exception
    assert at.title[0].value == EN["app.title"]
    link = dict(at.query_params)
    for key, text in sidebar.url_query(ex.start).items():
        assert link.get(key) == text, (key, link)
    assert ex.start.epochs == RunConfig().epochs and "epochs" not in link  # the 1000 is gone
    assert shown_config(open_app(link).run()) == ex.start


# ---- page paths accept ?lang= ----------------------------------------------------------------
PAGES = {  # url_path -> the key of its title in the catalogues
    "playground": "app.title",
    "learn": "learn.title",
    "exercises": "ex.title",
    "compare": "cmp.title",
    "sweep": "sw.title",
    "optimizer-lab": "lab.title",
    "backprop": "bp.title",
}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_path_accepts_lang(page, lang):
    at = open_app({**SMALL, "lang": lang}, page=page).run()
    assert not at.exception
    assert at.title[0].value == i18n.CATALOGUES[lang][PAGES[page]]
    assert at.query_params.get("lang") == lang or lang == i18n.locale_lang()


def test_playground_path_with_korean_and_settings_is_the_playground():
    """/playground?lang=ko&optimizer=SGD&depth=0 opens the playground in Korean with them."""
    at = open_app({"lang": "ko", "optimizer": "SGD", "depth": "0", **SMALL}, page="playground")
    at.run()
    assert not at.exception
    assert at.title[0].value == KO["app.title"] == "튜닝 플레이그라운드"
    config = shown_config(at)
    assert (config.optimizer, config.depth, config.epochs) == ("sgd", 0, 10)
    assert dict(at.query_params) == {"lang": "ko", "optimizer": "SGD", "depth": "0", **SMALL}
