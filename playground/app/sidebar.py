"""The sidebar: the seven tuning points ①–⑦, then data and training. Widget keys are the
RunConfig field names (width and depth make `hidden`), bound to the URL."""

from __future__ import annotations

import streamlit as st

from playground import config as cfg
from playground import data, features, preprocessing
from playground.app import dataset_notes, upload
from playground.app.i18n import option_label, t
from playground.app.links import (  # noqa: F401  (re-exported: pages and tests use sidebar.*)
    DEFAULT,
    DEFAULTS,
    LAYER_KEYS,
    all_hyper_keys,
    check_url,
    config_from_values,
    field_label,
    fmt,
    hyper_keys,
    url_problem_text,
    url_query,
    url_spec,
    widget_values,
    write_setup_after_switch,
)
from playground.app.safe import md
from playground.config import SPANS, STEPS, RunConfig, for_controls
from playground.nn import activations, initializers, losses, optimizers

# Every control's values are defined once, in config.STEPS / config.SPANS (links, setup files,
# presets and exercises are checked against the same definitions).
LR_OPTIONS = list(STEPS["learning_rate"])
INIT_SCALE_OPTIONS = list(STEPS["init_scale"])
BATCH_OPTIONS = list(STEPS["batch_size"])
EPOCH_OPTIONS = list(STEPS["epochs"])
L2_OPTIONS = list(STEPS["l2"])
L1_OPTIONS = list(STEPS["l1"])
WIDTH_RANGE, DEPTH_RANGE = SPANS["width"][:2], SPANS["depth"][:2]
N_SAMPLES_RANGE, NOISE_RANGE = SPANS["n_samples"][:2], SPANS["noise"][:2]
TEST_RANGE = SPANS["test_fraction"][:2]
SEED_RANGE = SPANS["seed"][:2]
BIND = {"bind": "query-params"}


def _initial(key: str, **default):
    """The widget's default: always the app's default (RunConfig), whatever session state holds.

    A widget bound with bind="query-params" leaves a value out of the URL exactly when it
    equals the widget's own default (the frontend compares with the default in the widget's
    proto; the server drops such a param too). A fresh session without the param gets the
    app's default, so the widget's default must BE the app's default: had we passed none
    (e.g. because a preset already put a value in session state), the default would become
    the first option or the minimum, and a link with SGD, zeros, depth 0… would reopen with
    the app's defaults. Passing a default while session state holds the key is fine: the state
    wins, and Streamlit at most logs a one-time warning."""
    return default


def _off(key: str, extra: bool = False) -> bool:
    """Disabled: by `extra`, or locked by an instructor's exercise link."""
    return extra or key in st.session_state.get("locked_controls", ())


def keep_state() -> None:
    """Carry the widget values over from the last page: Streamlit forgets a widget's value when
    a page without it runs; assigning a key before its widget renders keeps it."""
    for key in (*DEFAULTS, "width", "depth"):
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _select(key: str, options, section_help: str | None = None, default=None, **kw):
    kw["disabled"] = _off(key, kw.pop("disabled", False))
    return st.selectbox(
        t(key),
        options,
        **_initial(key, index=list(options).index(DEFAULTS[key] if default is None else default)),
        format_func=option_label,
        key=key,
        help=section_help or t(f"{key}.help"),
        **BIND,
        **kw,
    )


def _steps(key: str, options, **kw):
    kw["disabled"] = _off(key, kw.pop("disabled", False))
    return st.select_slider(
        t(key),
        options,
        **_initial(key, value=DEFAULTS[key]),
        format_func=fmt,
        key=key,
        **BIND,
        **kw,
    )


def _features() -> int:
    """The feature inputs (①) as toggles; returns how many are on (the input layer's size)."""
    chosen = st.pills(
        t("features"),
        features.NAMES,
        selection_mode="multi",
        **_initial("features", default=list(DEFAULTS["features"])),
        format_func=features.LABELS.get,
        key="features",
        help=t("features.help"),
        disabled=_off("features"),
        **BIND,
    )
    if not chosen:
        st.caption(
            t("features.none", default=", ".join(features.LABELS[n] for n in DEFAULT.features))
        )
    return len(chosen or DEFAULT.features)


def _layer_widths(depth: int) -> None:
    """A width for each hidden layer after the first (empty: as layer 1)."""
    if depth < 2:
        return
    first = st.session_state.get("width", DEFAULTS["width"])
    lo, hi = WIDTH_RANGE
    st.caption(t("layer_widths", first=first))
    cols = st.columns(min(depth - 1, 3))
    for i, key in enumerate(LAYER_KEYS[: depth - 1]):
        cols[i % len(cols)].number_input(
            field_label(key),
            min_value=lo,
            max_value=hi,
            **_initial(key, value=None),
            step=1,
            key=key,
            placeholder=str(first),
            disabled=_off(key, _off("width")),
            **BIND,
        )


def _rules_of_thumb(n_in: int, n_out: int) -> None:
    st.caption(
        "  \n".join(
            [
                t("rules.title", n_in=n_in, n_out=n_out),
                "• " + t("rules.between", lo=min(n_in, n_out), hi=max(n_in, n_out)),
                "• " + t("rules.two_thirds", v=round(2 * n_in / 3 + n_out, 1)),
                "• " + t("rules.twice", v=2 * n_in),
                t("rules.note"),
            ]
        )
    )


def _loss() -> None:
    """② The losses that fit the data set's task (`losses.for_task`): mse and huber for a
    regression set. A kept loss that does not fit becomes the set's default (said once); that
    default is the widget's, so a link leaves it out as it leaves out cross entropy."""
    # the data set widget comes later: on a link's first run its value is still in the URL
    dataset = st.session_state.get("dataset") or st.query_params.get("dataset", DEFAULT.dataset)
    task = "classification" if upload.active() else cfg.task(dataset)
    names = losses.for_task(task)
    default = cfg.default_loss(dataset) if task == "regression" else DEFAULT.loss
    kept = st.session_state.get("loss", default)
    if kept not in names:
        st.session_state["loss"] = default
        if task == "regression":
            st.caption(t("reg.loss_changed", loss=option_label(default), dataset=dataset))
    help_ = t("reg.loss.help") if task == "regression" else None
    _select("loss", names, section_help=help_, default=default)


def _hyper(optimizer: str) -> None:
    own = {h.field: h.default for h in cfg.optimizer_facts(optimizer).hyper}
    with st.expander(t("hyper")):
        for key in hyper_keys(optimizer):
            default = DEFAULTS[key]
            lo, hi, step = SPANS[key]
            st.number_input(
                t(key),
                min_value=float(lo),
                max_value=float(hi),
                **_initial(key, value=default),
                format="%g",
                step=step,
                key=key,
                help=t(f"{key}.help"),
                placeholder=fmt(own[key]) if default is None else None,
                disabled=_off(key),
                **BIND,
            )


def render() -> RunConfig:
    """Draw the sidebar; return the RunConfig it describes."""
    keep_state()
    sb = st.sidebar
    with sb:
        st.subheader(t("sec.1"))
        _select("scaler", preprocessing.NAMES)
        n_in = _features()
        st.subheader(t("sec.2"))
        _loss()
        st.subheader(t("sec.3"))
        _select("activation", activations.NAMES)
        st.subheader(t("sec.4"))
        _select("initializer", initializers.NAMES)
        _steps("init_scale", INIT_SCALE_OPTIONS, help=t("init_scale.help"))
        st.subheader(t("sec.5"))
        opt = _select("optimizer", optimizers.NAMES)
        _steps("learning_rate", LR_OPTIONS, help=t("learning_rate.help"))
        _steps("batch_size", BATCH_OPTIONS, help=t("batch_size.help"))
        _hyper(opt)
        info = data.get(st.session_state.get("dataset", DEFAULT.dataset))
        up = upload.active()
        n_classes = info.n_classes if up is None else len(up.class_names)
        st.subheader(t("sec.6"))
        st.slider(
            t("width"),
            *WIDTH_RANGE,
            **_initial("width", value=DEFAULTS["width"]),
            key="width",
            disabled=_off("width"),
            help=t("width.help"),
            **BIND,
        )
        _rules_of_thumb(n_in, 1 if n_classes <= 2 else n_classes)
        st.subheader(t("sec.7"))
        depth = st.slider(
            t("depth"),
            *DEPTH_RANGE,
            **_initial("depth", value=DEFAULTS["depth"]),
            key="depth",
            disabled=_off("depth"),
            help=t("depth.help"),
            **BIND,
        )
        _layer_widths(depth)
        st.subheader(t("sec.data"))
        upload.sidebar_uploader()
        uploaded = upload.active()
        _select("dataset", data.NAMES, disabled=uploaded is not None)
        dataset_notes.render()  # CSV files of the data-set folder left out, and why
        info = data.get(st.session_state.get("dataset", DEFAULT.dataset))
        if info.regression and uploaded is None:
            st.caption(t("reg.note"))
        st.slider(
            t("n_samples"),
            *N_SAMPLES_RANGE,
            **_initial("n_samples", value=DEFAULTS["n_samples"]),
            step=SPANS["n_samples"][2],
            key="n_samples",
            disabled=_off("n_samples", not info.uses_n_samples or uploaded is not None),
            **BIND,
        )
        st.slider(
            t("noise"),
            *NOISE_RANGE,
            **_initial("noise", value=DEFAULTS["noise"]),
            step=SPANS["noise"][2],
            key="noise",
            disabled=_off("noise", not info.uses_noise or uploaded is not None),
            **BIND,
        )
        if not (info.uses_noise and info.uses_n_samples):
            st.caption(t("not_applicable"))
        st.slider(
            t("test_fraction"),
            *TEST_RANGE,
            **_initial("test_fraction", value=DEFAULTS["test_fraction"]),
            step=SPANS["test_fraction"][2],
            key="test_fraction",
            disabled=_off("test_fraction"),
            **BIND,
        )
        st.number_input(
            t("seed"),
            *SEED_RANGE,
            **_initial("seed", value=DEFAULTS["seed"]),
            key="seed",
            help=t("seed.help"),
            disabled=_off("seed"),
            **BIND,
        )
        st.button(t("regenerate"), on_click=_next_seed, width="stretch", disabled=_off("seed"))
        st.subheader(t("sec.training"))
        _steps("epochs", EPOCH_OPTIONS)
        _steps("l2", L2_OPTIONS, help=t("l2.help"))
        _steps("l1", L1_OPTIONS, help=t("l1.help"))
    try:
        config = config_from_state()
    except ValueError as e:  # values that are valid alone but not together (Nesterov, momentum 0)
        st.error(t("sidebar.invalid", error=md(e, 300)), icon=":material/error:")
        st.stop()
    write_setup_after_switch(config)
    return config


def _next_seed() -> None:
    st.session_state["seed"] = int(st.session_state.get("seed", 0)) + 1


def config_from_state() -> RunConfig:
    """RunConfig from the widget values in session state (defaults for any not drawn)."""
    return config_from_values(st.session_state)


def load_config(config: RunConfig) -> None:
    """Put `config` into the sidebar's widgets (call before they render, e.g. from a button's
    on_click callback, then switch to the playground page). A config the sidebar cannot show as
    it is raises ValueError naming the setting (config.for_controls): nothing is snapped."""
    config = for_controls(config)
    s = st.session_state
    for key, value in config.to_dict().items():
        if key != "hidden":
            s[key] = value
    for key, value in widget_values(config).items():  # width, depth, width_2, …
        if key in LAYER_KEYS or key in ("width", "depth"):
            s[key] = value
    for key in all_hyper_keys():  # None: the optimizer's own default, shown as a placeholder
        if cfg.nullable(key) and s.get(key, 0) is None:
            del s[key]
