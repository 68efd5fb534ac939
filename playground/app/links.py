"""The sidebar's settings as a link: what each bound widget accepts from a URL, the query of a
link to a setup, and the check of an opened link (values a widget cannot show are taken out
and named). The widgets themselves: playground/app/sidebar.py, which re-exports these."""

from __future__ import annotations

import math

import streamlit as st

from playground import config as cfg
from playground import data, features, preprocessing
from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.safe import md
from playground.config import SPANS, STEPS, RunConfig
from playground.nn import activations, initializers, losses, optimizers

DEFAULT = RunConfig()
# The width of hidden layer k ≥ 2 (None: as layer 1's, `width`), so that an older link with
# width × depth still means layers of one width.
LAYER_KEYS = tuple(f"width_{k}" for k in range(2, int(SPANS["depth"][1]) + 1))
DEFAULTS = {**DEFAULT.to_dict(), "width": DEFAULT.width, "depth": DEFAULT.depth}
DEFAULTS |= dict.fromkeys(LAYER_KEYS)
INTEGER_SPANS = ("width", "depth", "n_samples", "seed", *LAYER_KEYS)  # whole numbers in the URL


def layer_widths(width: int, depth: int, widths: dict) -> tuple[int, ...]:
    """`hidden` from the width of layer 1, the depth and {width_k: width or None (as layer 1)}."""
    return tuple(width if widths.get(k) is None else int(widths[k]) for k in _layers(depth))


def _layers(depth: int) -> list[str]:
    """The width keys of layers 1 … depth: width, width_2, …"""
    return ["width", *LAYER_KEYS][: max(int(depth), 0)]


def control_field(key: str) -> str:
    """The control whose values `key` takes (config.STEPS / SPANS): width_k takes width's."""
    return "width" if key in LAYER_KEYS else key


def field_label(key: str) -> str:
    """The name of the control `key`, in the page's language."""
    return t("layer_width", k=key.rsplit("_", 1)[1]) if key in LAYER_KEYS else t(key)


def fmt(v) -> str:
    """Numbers as on the slider and in the URL: 0.001, 1e-05, 3."""
    return f"{v:g}"


def all_hyper_keys() -> tuple[str, ...]:
    """Every optimizer hyper-parameter the sidebar can show (read from the registry's facts)."""
    return tuple(cfg.hyper_fields())


def hyper_keys(optimizer: str) -> list[str]:
    """The optimizer's hyper-parameters that the sidebar shows for `optimizer`: its facts'."""
    return [h.field for h in cfg.optimizer_facts(optimizer).hyper if h.field in DEFAULTS]


# What every bound widget accepts from a URL: key -> allowed text values, or a numeric range.
def url_spec() -> dict[str, tuple]:
    """Per key: ("options", labels) or ("range", lo, hi, is_int)."""
    names = {
        "scaler": preprocessing.NAMES,
        "loss": losses.NAMES,
        "activation": activations.NAMES,
        "initializer": initializers.NAMES,
        "optimizer": optimizers.NAMES,
        "dataset": data.NAMES,
    }
    spec: dict[str, tuple] = {
        k: ("options", [option_label(n) for n in v]) for k, v in names.items()
    }
    spec |= {k: ("options", [fmt(o) for o in STEPS[k]]) for k in ("init_scale", "learning_rate")}
    spec |= {k: ("options", [fmt(o) for o in STEPS[k]]) for k in ("batch_size", "epochs", "l2")}
    spec["l1"] = ("options", [fmt(o) for o in STEPS["l1"]])
    for key in ("width", "depth", "n_samples", "noise", "test_fraction", "seed", *LAYER_KEYS):
        spec[key] = ("range", *SPANS[control_field(key)][:2], key in INTEGER_SPANS)
    spec["features"] = ("multi", [features.LABELS[n] for n in features.NAMES])
    return spec | {key: ("range", *SPANS[key][:2], False) for key in all_hyper_keys()}


def widget_values(config: RunConfig) -> dict:
    """The sidebar's widget values (keys as the widgets) that show `config`; the optimizer's
    hyper-parameters only where the sidebar shows them for its optimizer."""
    skip = {"hidden", *all_hyper_keys()}
    values = {k: v for k, v in config.to_dict().items() if k not in skip}
    values |= {k: getattr(config, k) for k in hyper_keys(config.optimizer)}
    first = config.width or DEFAULTS["width"]
    rest = [None if w == first else w for w in config.hidden[1 : 1 + len(LAYER_KEYS)]]
    values |= dict(zip(LAYER_KEYS, rest + [None] * (len(LAYER_KEYS) - len(rest)), strict=True))
    return values | {"width": first, "depth": config.depth}


def url_text(key: str, value) -> str:
    """`value` of the widget `key` as the widget writes it into the URL (an option's label, a
    step as on the slider, a number without a trailing .0; features: their labels)."""
    if key == "features":
        return [features.LABELS[n] for n in features.canonical(value)]
    if isinstance(value, str):
        return option_label(value)
    if url_spec()[key][0] == "options":
        return fmt(value)
    return str(int(value)) if float(value) == int(value) else str(value)


def url_query(config: RunConfig) -> dict[str, str | list[str]]:
    """The query parameters of a link to `config`: what the bound widgets write, i.e. every
    value that differs from its widget's default (a missing one means the default)."""
    defaults = DEFAULTS | {"loss": cfg.default_loss(config.dataset)}  # the loss widget's
    return {
        key: url_text(key, value)
        for key, value in widget_values(config).items()
        if key in url_spec() and value is not None and value != defaults[key]
    }


def url_value(key: str, text: str | list[str]):
    """The value a URL text stands for (an option's name, a number, the features' names), or
    None if it is none."""
    spec = url_spec()[key]
    if spec[0] == "multi":
        return _url_features(text)
    if spec[0] == "options":
        if isinstance(text, str) and (name := _option_name(key, text)) is not None:
            return name  # a registry name or a label, in any case (optimizer=sgd, =SGD)
        if text not in spec[1]:
            return None
        return float(text) if key in STEPS else text
    try:
        x = float(text)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _option_name(key: str, text: str) -> str | None:
    """The registry name a link's text for the option `key` means: the name (as DESIGN.md's
    RunConfig uses it) or the label the widget writes, whatever the letter case."""
    for name in cfg.choices().get(key, ()):
        if text.strip().lower() in (name.lower(), option_label(name).lower()):
            return name
    return None


def _url_features(text: str | list[str]) -> tuple[str, ...] | None:
    """The feature names a link gives, as repeated parameters (the widget writes its labels:
    features=x₁&features=x₁²) or comma-separated, by label or name; None if any is unknown or
    none is given."""
    by_text = {**{n: n for n in features.NAMES}, **{v: k for k, v in features.LABELS.items()}}
    items = [text] if isinstance(text, str) else list(text)
    parts = [p.strip() for item in items for p in str(item).split(",")]
    if not parts or any(p not in by_text for p in parts):
        return None
    return features.canonical(by_text[p] for p in parts)


def allowed_text(key: str) -> str:
    """What the control `key` accepts, in the page's language (from config.STEPS / SPANS)."""
    spec = url_spec()[key]
    if spec[0] == "multi":
        return t("allowed.features", values=", ".join(spec[1]))
    if spec[0] == "options":
        shown = spec[1] if len(spec[1]) <= 14 else [*spec[1][:6], "…", *spec[1][-2:]]
        return t("allowed.one_of", values=", ".join(shown))
    lo, hi = SPANS[control_field(key)][:2]
    if spec[3]:
        return t("allowed.whole", lo=int(lo), hi=int(hi))
    return t("allowed.range", lo=fmt(lo), hi=fmt(hi))


def _default_text(key: str) -> str:
    default = DEFAULTS.get(key)
    if key in LAYER_KEYS:
        return t("layer_width.default")
    if default is None:
        return t("allowed.optimizer_default")
    text = url_text(key, default)
    return ", ".join(text) if isinstance(text, list) else text


def invalid_url_values(params: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(key, value, allowed, default) for each URL parameter the widgets cannot show: checked
    against the one definition of each control (cfg.control_value_ok)."""
    bad = []
    for key in url_spec():
        if key not in params:
            continue
        value = url_value(key, params[key])
        field = control_field(key)
        field = field if field in STEPS or field in SPANS or field in cfg.choices() else None
        if value is None or (field and not cfg.control_value_ok(field, value)):
            bad.append((key, params[key], None))
    return bad


def _combination_problem(params: dict[str, str]) -> tuple[str, str, str] | None:
    """A URL whose values are each valid but not together (e.g. Nesterov with momentum 0): the
    field RunConfig names, its value and RunConfig's reason."""
    values = {k: v for k in params if k in url_spec() if (v := url_value(k, params[k])) is not None}
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
    if state.URL_SEEN in st.session_state:
        return
    st.session_state[state.URL_SEEN] = True
    params = {k: st.query_params[k] for k in st.query_params}
    if "features" in params:  # repeated: features=x₁&features=x₁²
        params["features"] = st.query_params.get_all("features")
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
    labels = _features_as_written(params) if "features" in params else None
    if labels is not None:  # names or commas: as the widget writes them, so it reads them
        st.query_params["features"] = labels
    names = _names_as_written(params)  # e.g. optimizer=sgd -> SGD, the label the widget reads
    for key, text in names.items():
        st.query_params[key] = text
    if bad or labels is not None or names:
        _forget_initial_url_values()
    bad = [(k, ", ".join(v) if isinstance(v, list) else v, r) for k, v, r in bad]
    st.session_state[state.URL_CHECKED] = bad


def _names_as_written(params: dict) -> dict[str, str]:
    """The link's option values that are valid but not written as the widget writes them (a
    registry name such as `sgd`, or another letter case), as the widget's labels."""
    out = {}
    for key, text in params.items():
        if key in cfg.choices() and isinstance(text, str):
            name = _option_name(key, text)
            if name is not None and option_label(name) != text:
                out[key] = option_label(name)
    return out


def _features_as_written(params: dict) -> list[str] | None:
    """The link's features as the widget writes them (labels, repeated), if they are valid and
    the link has them otherwise (e.g. features=x1sq,x2sq); else None."""
    names = url_value("features", params["features"])
    if names is None:
        return None
    given = params["features"]
    given = [given] if isinstance(given, str) else list(given)
    return None if set(given) <= set(features.LABELS.values()) else url_text("features", names)


def url_problem_text(key: str, value: str, reason: str | None) -> str:
    """The warning for a link value the page did not use: field, value, what is allowed, and
    the default used instead (in the page's language; the value shown as text)."""
    default_text = _default_text(key)
    if reason is None:
        allowed = allowed_text(key)
    elif key == "loss":  # a loss that does not fit the link's data set (tasks.check_task)
        dataset = st.query_params.get("dataset", DEFAULT.dataset)
        fit = ", ".join(option_label(n) for n in losses.for_task(cfg.task(dataset)))
        allowed = t("reg.url.loss", dataset=md(dataset), losses=fit)
        default_text = option_label(cfg.default_loss(dataset))
    else:  # the optimizer refused it (RunConfig passes on its reason, in English)
        default = option_label(DEFAULT.optimizer)
        allowed = t("allowed.together", optimizer=md(st.query_params.get("optimizer", default)))
    return t("url.invalid", field=field_label(key), value=md(value), allowed=allowed,
             default=default_text)  # fmt: skip


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


def config_from_values(s) -> RunConfig:
    """RunConfig from widget values keyed like the widgets (a mapping such as session state;
    defaults for keys it lacks)."""
    get = lambda k: s[k] if k in s else DEFAULTS[k]  # noqa: E731
    values = {k: get(k) for k in RunConfig.__dataclass_fields__ if k != "hidden"}
    widths = {k: get(k) for k in LAYER_KEYS}
    values["hidden"] = layer_widths(int(get("width")), int(get("depth")), widths)
    values["features"] = get("features") or DEFAULTS["features"]  # none on: the sidebar says so
    values["loss"] = s.get("loss")  # None: the data set's default
    used = hyper_keys(values["optimizer"])
    for key in all_hyper_keys():  # the optimizer's own default where it has none to show
        if key not in used and cfg.nullable(key):
            values[key] = None
    return RunConfig(**values)


def write_setup_after_switch(config: RunConfig) -> None:
    """On the first run of a page after a switch from another page, put `config` back into the
    address. Streamlit drops the bound parameters on a page switch, and a bound widget writes
    its value again only when it changes: a reload there, or a link copied from there, lost the
    setup. Later runs leave the address to the widgets."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    page, last = ctx.page_script_hash, st.session_state.get(state.SETUP_PAGE)
    st.session_state[state.SETUP_PAGE] = page
    if last is None or last == page:
        return
    want = url_query(config)
    with ctx.session_state.query_params() as qp:
        have = {k: qp.get_all(k) for k in qp if k in url_spec()}
        wanted = {k: [v] if isinstance(v, str) else list(v) for k, v in want.items()}
        if have == wanted:
            return
        for key in have.keys() - wanted.keys():
            qp.discard_param_no_forward_msg(key)
        for key, value in want.items():
            qp.set_with_no_forward_msg(key, value)
        qp._send_query_param_msg()
