"""The sidebar: the seven tuning points ①–⑦, then data and training. Widget keys are the
RunConfig field names (width and depth make `hidden`), bound to the URL."""

from __future__ import annotations

import math

import streamlit as st

from playground import config as cfg
from playground import data, preprocessing
from playground.app import dataset_notes, upload
from playground.app.i18n import option_label, t
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
WIDTH_RANGE, DEPTH_RANGE = SPANS["width"][:2], SPANS["depth"][:2]
N_SAMPLES_RANGE, NOISE_RANGE = SPANS["n_samples"][:2], SPANS["noise"][:2]
TEST_RANGE = SPANS["test_fraction"][:2]
SEED_RANGE = SPANS["seed"][:2]
DEFAULT = RunConfig()
DEFAULTS = {**DEFAULT.to_dict(), "width": DEFAULT.width, "depth": DEFAULT.depth}
BIND = {"bind": "query-params"}


def all_hyper_keys() -> tuple[str, ...]:
    """Every optimizer hyper-parameter the sidebar can show (read from the registry's facts)."""
    return tuple(cfg.hyper_fields())


def fmt(v) -> str:
    """Numbers as on the slider and in the URL: 0.001, 1e-05, 3."""
    return f"{v:g}"


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


def _select(key: str, options, section_help: str | None = None, **kw):
    kw["disabled"] = _off(key, kw.pop("disabled", False))
    return st.selectbox(
        t(key),
        options,
        **_initial(key, index=list(options).index(DEFAULTS[key])),
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


# What every bound widget accepts from a URL: key -> allowed text values, or a numeric range.
def url_spec() -> dict[str, tuple]:
    """Per key: ("options", labels) or ("range", lo, hi, is_int)."""
    labels = lambda names: ("options", [option_label(n) for n in names])  # noqa: E731
    steps = lambda opts: ("options", [fmt(o) for o in opts])  # noqa: E731
    return {
        "scaler": labels(preprocessing.NAMES),
        "loss": labels(losses.NAMES),
        "activation": labels(activations.NAMES),
        "initializer": labels(initializers.NAMES),
        "optimizer": labels(optimizers.NAMES),
        "dataset": labels(data.NAMES),
        "init_scale": steps(INIT_SCALE_OPTIONS),
        "learning_rate": steps(LR_OPTIONS),
        "batch_size": steps(BATCH_OPTIONS),
        "epochs": steps(EPOCH_OPTIONS),
        "l2": steps(L2_OPTIONS),
        "width": ("range", *WIDTH_RANGE, True),
        "depth": ("range", *DEPTH_RANGE, True),
        "n_samples": ("range", *N_SAMPLES_RANGE, True),
        "noise": ("range", *NOISE_RANGE, False),
        "test_fraction": ("range", *TEST_RANGE, False),
        "seed": ("range", *SEED_RANGE, True),
        **{key: ("range", *SPANS[key][:2], False) for key in all_hyper_keys()},
    }


def widget_values(config: RunConfig) -> dict:
    """The sidebar's widget values (keys as the widgets) that show `config`; the optimizer's
    hyper-parameters only where the sidebar shows them for its optimizer."""
    skip = {"hidden", *all_hyper_keys()}
    values = {k: v for k, v in config.to_dict().items() if k not in skip}
    values |= {k: getattr(config, k) for k in hyper_keys(config.optimizer)}
    return values | {"width": config.width or DEFAULTS["width"], "depth": config.depth}


def url_text(key: str, value) -> str:
    """`value` of the widget `key` as the widget writes it into the URL (an option's label, a
    step as on the slider, a number without a trailing .0)."""
    if isinstance(value, str):
        return option_label(value)
    if url_spec()[key][0] == "options":
        return fmt(value)
    return str(int(value)) if float(value) == int(value) else str(value)


def url_query(config: RunConfig) -> dict[str, str]:
    """The query parameters of a link to `config`: what the bound widgets write, i.e. every
    value that differs from its widget's default (a missing one means the default)."""
    return {
        key: url_text(key, value)
        for key, value in widget_values(config).items()
        if key in url_spec() and value is not None and value != DEFAULTS[key]
    }


def _url_value(key: str, text: str):
    """The value a URL text stands for (an option's name, a number), or None if it is none."""
    spec = url_spec()[key]
    if spec[0] == "options":
        if text not in spec[1]:
            return None
        names = {option_label(n): n for n in cfg.choices().get(key, ())}
        return names.get(text, float(text) if key in STEPS else text)
    try:
        x = float(text)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def allowed_text(key: str) -> str:
    """What the control `key` accepts, in the page's language (from config.STEPS / SPANS)."""
    spec = url_spec()[key]
    if spec[0] == "options":
        shown = spec[1] if len(spec[1]) <= 14 else [*spec[1][:6], "…", *spec[1][-2:]]
        return t("allowed.one_of", values=", ".join(shown))
    lo, hi = SPANS[key][:2]
    if spec[3]:
        return t("allowed.whole", lo=int(lo), hi=int(hi))
    return t("allowed.range", lo=fmt(lo), hi=fmt(hi))


def _default_text(key: str) -> str:
    default = DEFAULTS.get(key)
    if default is None:
        return t("allowed.optimizer_default")
    return url_text(key, default)


def invalid_url_values(params: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(key, value, allowed, default) for each URL parameter the widgets cannot show: checked
    against the one definition of each control (cfg.control_value_ok)."""
    bad = []
    for key in url_spec():
        if key not in params:
            continue
        value = _url_value(key, params[key])
        field = key if key in STEPS or key in SPANS or key in cfg.choices() else None
        if value is None or (field and not cfg.control_value_ok(field, value)):
            bad.append((key, params[key], None))
    return bad


def _combination_problem(params: dict[str, str]) -> tuple[str, str, str] | None:
    """A URL whose values are each valid but not together (e.g. Nesterov with momentum 0): the
    field RunConfig names, its value and RunConfig's reason."""
    values = {
        k: v for k in params if k in url_spec() if (v := _url_value(k, params[k])) is not None
    }
    try:
        config_from_values(values)
    except ValueError as e:
        key = str(e).split(":", 1)[0]
        if key in params and key in url_spec():
            return key, params[key], str(e).split(":", 1)[1].strip()
    return None


def check_url() -> None:
    """Once per session, before any widget reads the URL: take out every value the widgets
    cannot show (so none reaches a widget, and a reload does not repeat it), and remember each,
    so the page can say which value, why, and what it uses instead."""
    if "url_seen" in st.session_state:
        return
    st.session_state["url_seen"] = True
    params = {k: st.query_params[k] for k in st.query_params}
    bad = invalid_url_values(params)
    for key, *_ in bad:
        params.pop(key)
    for _ in range(len(all_hyper_keys())):  # each round settles one field
        problem = _combination_problem(params)
        if problem is None:
            break
        bad.append(problem)
        params.pop(problem[0])
    for key, *_ in bad:
        del st.query_params[key]
    if bad:
        _forget_initial_url_values()
    st.session_state["url_checked"] = bad


def url_problem_text(key: str, value: str, reason: str | None) -> str:
    """The warning for a link value the page did not use: field, value, what is allowed, and
    the default used instead (in the page's language; the value shown as text)."""
    if reason is None:
        allowed = allowed_text(key)
    else:  # the optimizer refused it (RunConfig passes on its reason, in English)
        default = option_label(DEFAULT.optimizer)
        allowed = t("allowed.together", optimizer=md(st.query_params.get("optimizer", default)))
    return t("url.invalid", field=t(key), value=md(value), allowed=allowed,
             default=_default_text(key))  # fmt: skip


def _forget_initial_url_values() -> None:
    """Bound widgets seed themselves from the URL as it was when the session started, not from
    st.query_params; a value such as seed=inf would raise inside the widget. Make the current
    (cleaned) parameters the initial ones. Streamlit has no public call for this (1.67);
    tests/app/test_fuzz_url.py fails if this stops working."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        with ctx.session_state.query_params() as qp:
            qp.set_initial_query_params_from_current()


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


def hyper_keys(optimizer: str) -> list[str]:
    """The optimizer's hyper-parameters that the sidebar shows for `optimizer`: its facts'."""
    return [h.field for h in cfg.optimizer_facts(optimizer).hyper if h.field in DEFAULTS]


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
        st.subheader(t("sec.2"))
        _select("loss", losses.NAMES)
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
        _rules_of_thumb(2, 1 if n_classes <= 2 else n_classes)
        st.subheader(t("sec.7"))
        st.slider(
            t("depth"),
            *DEPTH_RANGE,
            **_initial("depth", value=DEFAULTS["depth"]),
            key="depth",
            disabled=_off("depth"),
            help=t("depth.help"),
            **BIND,
        )
        st.subheader(t("sec.data"))
        upload.sidebar_uploader()
        uploaded = upload.active()
        _select("dataset", data.NAMES, disabled=uploaded is not None)
        dataset_notes.render()  # CSV files of the data-set folder left out, and why
        info = data.get(st.session_state.get("dataset", DEFAULT.dataset))
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
    try:
        return config_from_state()
    except ValueError as e:  # values that are valid alone but not together (Nesterov, momentum 0)
        st.error(t("sidebar.invalid", error=md(e, 300)), icon=":material/error:")
        st.stop()


def _next_seed() -> None:
    st.session_state["seed"] = int(st.session_state.get("seed", 0)) + 1


def config_from_state() -> RunConfig:
    """RunConfig from the widget values in session state (defaults for any not drawn)."""
    return config_from_values(st.session_state)


def config_from_values(s) -> RunConfig:
    """RunConfig from widget values keyed like the widgets (a mapping such as session state;
    defaults for keys it lacks)."""
    get = lambda k: s[k] if k in s else DEFAULTS[k]  # noqa: E731
    values = {k: get(k) for k in RunConfig.__dataclass_fields__ if k != "hidden"}
    values["hidden"] = (int(get("width")),) * int(get("depth"))
    used = hyper_keys(values["optimizer"])
    for key in all_hyper_keys():  # the optimizer's own default where it has none to show
        if key not in used and cfg.nullable(key):
            values[key] = None
    return RunConfig(**values)


def load_config(config: RunConfig) -> None:
    """Put `config` into the sidebar's widgets (call before they render, e.g. from a button's
    on_click callback, then switch to the playground page). A config the sidebar cannot show as
    it is raises ValueError naming the setting (config.for_controls): nothing is snapped."""
    config = for_controls(config)
    s = st.session_state
    for key, value in config.to_dict().items():
        if key != "hidden":
            s[key] = value
    s["width"], s["depth"] = (config.width or DEFAULTS["width"]), config.depth
    for key in ("eps", "weight_decay"):
        if s.get(key, 0) is None:
            del s[key]
