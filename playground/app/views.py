"""The "look closer" views under the main charts: gradient flow, scaler lens, network, steps.

Only the chosen view is computed (a segmented control, not tabs).
"""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from playground import charts, codegen, data, export, features, page_specs
from playground.app import draw, sidebar, state, upload
from playground.app.chart_cache import run_key, show
from playground.app.downloads import button as download
from playground.app.i18n import EN, option_label, t
from playground.app.safe import md
from playground.experiment import finish, prepare
from playground.nn.losses import output_activation

VIEWS = ("gradients", "scaler", "network", "step", "export")


def chart_labels(config=None, tr=None) -> dict[str, str]:
    """Every chart text in the current language (or through `tr`, e.g. `EN.get`, outside a
    session); axes named after the data set's features (a RunConfig, or a RunResult, gives
    the data set; this session's upload, if any, replaces it)."""
    tr = t if tr is None else tr
    labels = {k: tr(f"chart.{k}") for k in charts.DEFAULT_LABELS if f"chart.{k}" in EN}
    if config is not None:
        config = getattr(config, "config", config)
        up = upload.active() if tr is t else None
        names = up.feature_names if up else data.get(config.dataset).feature_names
        labels["x"], labels["y"] = names
    return labels


def gradients(result, labels) -> None:
    st.caption(t("grad.caption"))
    c1, c2 = st.columns(2)
    h, key = result.history, run_key(result)
    show(c1, key, "grad_lines", lambda: charts.grad_norm_lines(h, labels=labels))
    c2.markdown(t("grad.heatmap"))
    show(c2, key, "grad_heatmap", lambda: charts.grad_heatmap(h, labels=labels))
    if result.model.n_layers < 2:
        st.info(t("grad.no_hidden"))
        return
    st.markdown(f"**{t('grad.acts')}**")
    when = (t("grad.acts.start"), t("grad.acts.end"))
    show(st, key, "act_hist", lambda: page_specs.activation_hist(result, labels, when))


def scaler_lens(result, labels) -> None:
    st.caption(t("scaler.caption", scaler=option_label(result.config.scaler)))
    if len(result.config.features) < 2:  # the lens draws two inputs against each other
        st.info(t("scaler.one_input"))
        return
    key = run_key(result)
    for side, col in enumerate(st.columns(2)):  # side by side; one under the other on a phone
        panel = functools.partial(_scaler_panel, result, labels, side)
        show(col, key, f"scaler_lens_{side}", panel, width="content")


def _scaler_panel(result, labels, side: int):
    X = features.before_scaler(result.scaler, result.X_train)  # feature inputs, if on
    X_scaled = result.scaler.transform(result.X_train)
    axes = {**labels, **features.titles(result.scaler)}
    return charts.scaler_panels(X, X_scaled, result.y_train, axes, result.class_names)[side]


def network(result, labels) -> None:
    """Every unit's map placed as the network; a click (or the picker) shows one unit large."""
    regression = result.model.output == "linear"  # the output is a value, not class colours
    st.caption(t("network.caption.regression" if regression else "network.caption"))
    labels = {**labels, **{k: t(f"chart.{k}") for k in charts.NETWORK_LABELS}}
    picture = functools.partial(charts.network_picture, result, labels)
    event = show(st, run_key(result), "network", picture, on_select="rerun",
                 selection_mode="unit", key=state.NET_PICTURE)  # fmt: skip
    uids = charts.unit_ids(result.model.sizes)
    clicked = _clicked(event)
    if clicked in uids and clicked != st.session_state.get(state.NET_CLICKED):
        st.session_state[state.NET_UNIT] = clicked  # the picker follows the click
    st.session_state[state.NET_CLICKED] = clicked
    if st.session_state.get(state.NET_UNIT) not in uids:
        st.session_state.pop(state.NET_UNIT, None)  # a unit of an earlier, larger network
    names = dict(zip(uids, charts.unit_titles(result, labels), strict=True))
    uid = st.selectbox(t("network.pick"), uids, index=None, format_func=names.get,
                       placeholder=t("network.pick_hint"), key=state.NET_UNIT)  # fmt: skip
    if uid is not None:
        _unit(result, labels, uid, names[uid])


def _clicked(event) -> str | None:
    """The uid of the unit clicked in the picture, if any."""
    picked = (getattr(event, "selection", None) or {}).get("unit") or []
    first = picked[0] if isinstance(picked, list) and picked else None
    return first.get("uid") if isinstance(first, dict) else None


def _unit(result, labels, uid: str, name: str) -> None:
    """One unit large (its own colour scale) beside its incoming weights and bias."""
    c, j = charts.parse_uid(uid, result.model.sizes)
    values = charts.unit_values(result, step=1)[c][:, j]
    span = charts.finite_range(values)
    if span is None:  # a diverged run: no finite output anywhere
        st.markdown(t("network.no_output", name=md(name)))
    else:
        low, high = span
        st.markdown(t("network.unit_range", name=md(name), low=f"{low:.3g}", high=f"{high:.3g}",
                      top=f"{max(-low, high):.3g}"))  # fmt: skip
    left, right = st.columns(2)
    key = run_key(result)
    show(left, key, f"unit_map_{uid}", lambda: charts.unit_map(result, uid, labels),
         width="content")  # fmt: skip
    if c == 0:
        right.info(t("network.input_unit"))
        return
    _, bias = charts.incoming(result.model, c, j)
    right.markdown(t("network.bias", bias=", ".join(f"{b:.4f}" for b in bias)))
    if len(bias) > 1:
        right.caption(t("network.maxout"))
    show(right, key, f"unit_in_{uid}", lambda: charts.incoming_chart(result, uid, labels),
         width="content")  # fmt: skip


def _steps(n: int) -> None:
    trainer = st.session_state[state.STEPPER].trainer
    for _ in range(n):
        trainer.step_epoch()


def _reset_steps() -> None:
    st.session_state.pop(state.STEPPER, None)


def step_mode(result, labels) -> None:
    """Train the current setup one epoch at a time; the model stays in this session."""
    st.caption(t("step.caption"))
    stepper = st.session_state.get(state.STEPPER)
    if stepper is None or stepper.config != result.config:
        stepper = st.session_state[state.STEPPER] = prepare(result.config)
    trainer = stepper.trainer
    c = st.container(horizontal=True)
    # callbacks run before the script, so the buttons' disabled state is already up to date
    c.button(t("step.one"), disabled=trainer.done, on_click=_steps, args=(1,), key=state.STEP_ONE)
    c.button(t("step.ten"), disabled=trainer.done, on_click=_steps, args=(10,), key=state.STEP_TEN)
    c.button(t("step.reset"), on_click=_reset_steps, key=state.STEP_RESET)
    st.markdown(t("step.state", epoch=trainer.epoch, epochs=trainer.epochs))
    partial = finish(stepper)
    net = trainer.net
    probs = output_activation(net.logits(trainer.grid), net.output).astype(np.float32)
    partial.snapshots = probs[None]
    partial.snapshot_epochs = [trainer.epoch]
    c1, c2 = st.columns(2)
    c1.vega_lite_chart(charts.decision_boundary(partial, labels=labels), width="stretch")
    c2.vega_lite_chart(charts.loss_curves(partial.history, labels=labels), width="stretch")
    c2.vega_lite_chart(charts.grad_norm_lines(partial.history, labels=labels), width="stretch")


def _load_setup() -> None:
    """on_change of the setup uploader: put a valid JSON setup into the sidebar widgets."""
    file = st.session_state.get(state.SETUP_FILE)
    if file is None:
        return
    try:
        raw, points = draw.split_setup(file.getvalue())  # a drawing travels as "points"
        sidebar.load_config(export.config_from_upload(raw))
        draw.use(points)
        st.session_state[state.SETUP_MESSAGE] = ("ok", t("export.loaded", name=md(file.name)))
    except ValueError as e:
        st.session_state[state.SETUP_MESSAGE] = ("error", t("export.bad_setup", error=md(e, 400)))


def downloads(result, labels) -> None:
    """The setup, history, weights and the same training as PyTorch/Keras/sklearn code."""
    st.caption(t("export.caption"))
    c = st.container(horizontal=True)
    # built in memory; a builder that fails gets words in place of its button (downloads.py)
    download(c, t("export.setup"), lambda: draw.setup_json(result.config), "setup.json",
             "application/json", icon=":material/settings:")  # fmt: skip
    download(c, t("export.history"), lambda: export.history_csv(result), "history.csv",
             "text/csv", icon=":material/table:")  # fmt: skip
    download(c, t("export.weights"), lambda: export.weights_npz(result), codegen.NPZ_NAME,
             "application/octet-stream", icon=":material/download:")  # fmt: skip
    st.file_uploader(t("export.upload"), type=["json"], key=state.SETUP_FILE, on_change=_load_setup)
    if msg := st.session_state.pop(state.SETUP_MESSAGE, None):
        (st.success if msg[0] == "ok" else st.error)(msg[1])
    st.markdown(f"**{t('export.code')}**")
    st.caption(t("export.code_caption", npz=codegen.NPZ_NAME))
    builders = {"PyTorch": codegen.pytorch_script, "Keras": codegen.keras_script,
                "scikit-learn": codegen.sklearn_script}  # fmt: skip
    lib = st.segmented_control(
        t("export.framework"), list(builders), default="PyTorch", key=state.CODE_LIB
    )
    code = builders[lib or "PyTorch"](result.config)
    st.code(code, language="python")
    st.download_button(
        t("export.script"), code, f"train_{(lib or 'pytorch').lower()}.py", "text/x-python"
    )


def render(result, labels) -> None:
    view = st.segmented_control(
        t("view.label"),
        VIEWS,
        default="gradients",
        format_func=lambda v: t(f"view.{v}"),
        key=state.VIEW,
    )
    {
        "gradients": gradients,
        "scaler": scaler_lens,
        "network": network,
        "step": step_mode,
        "export": downloads,
    }.get(view or "gradients")(result, labels)
