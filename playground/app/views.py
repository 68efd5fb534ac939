"""The "look closer" views under the main charts: gradient flow, scaler lens, network, steps.

Only the chosen view is computed (a segmented control, not tabs).
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground import charts
from playground.app.chart_cache import run_key, show
from playground.app.i18n import option_label, t
from playground.experiment import finish, prepare
from playground.nn.losses import output_activation

VIEWS = ("gradients", "scaler", "network", "step")


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
    show(st, key, "act_hist", lambda: _activation_hist(result, labels))


def _activation_hist(result, labels):
    X = result.scaler.transform(result.X_train)
    start = prepare(result.config).trainer.net  # the same initial weights (same seed)
    acts = {
        t("grad.acts.start"): charts.hidden_activations(start, X),
        t("grad.acts.end"): charts.hidden_activations(result.model, X),
    }
    return charts.activation_hist(acts, labels)


def scaler_lens(result, labels) -> None:
    st.caption(t("scaler.caption", scaler=option_label(result.config.scaler)))
    show(st, run_key(result), "scaler_lens", lambda: _scaler_lens(result, labels))


def _scaler_lens(result, labels):
    X_scaled = result.scaler.transform(result.X_train)
    return charts.scaler_lens(result.X_train, X_scaled, result.y_train, labels, result.class_names)


def network(result, labels) -> None:
    st.caption(t("network.caption"))
    st.graphviz_chart(charts.network_dot(result.model, labels), width="stretch")
    if result.model.n_layers > 1 and st.toggle(t("network.units"), key="show_units"):
        show(
            st,
            run_key(result),
            "units",
            lambda: charts.neuron_thumbnails(result, labels),
            width="content",
        )


def _steps(n: int) -> None:
    trainer = st.session_state["stepper"].trainer
    for _ in range(n):
        trainer.step_epoch()


def _reset_steps() -> None:
    st.session_state.pop("stepper", None)


def step_mode(result, labels) -> None:
    """Train the current setup one epoch at a time; the model stays in this session."""
    st.caption(t("step.caption"))
    state = st.session_state.get("stepper")
    if state is None or state.config != result.config:
        state = st.session_state["stepper"] = prepare(result.config)
    trainer = state.trainer
    c = st.container(horizontal=True)
    # callbacks run before the script, so the buttons' disabled state is already up to date
    c.button(t("step.one"), disabled=trainer.done, on_click=_steps, args=(1,), key="step_one")
    c.button(t("step.ten"), disabled=trainer.done, on_click=_steps, args=(10,), key="step_ten")
    c.button(t("step.reset"), on_click=_reset_steps, key="step_reset")
    st.markdown(t("step.state", epoch=trainer.epoch, epochs=trainer.epochs))
    partial = finish(state)
    net = trainer.net
    probs = output_activation(net.logits(trainer.grid), net.output).astype(np.float32)
    partial.snapshots = probs[None]
    partial.snapshot_epochs = [trainer.epoch]
    c1, c2 = st.columns(2)
    c1.altair_chart(charts.decision_boundary(partial, labels=labels), width="stretch")
    c2.altair_chart(charts.loss_curves(partial.history, labels=labels), width="stretch")
    c2.altair_chart(charts.grad_norm_lines(partial.history, labels=labels), width="stretch")


def render(result, labels) -> None:
    view = st.segmented_control(
        t("view.label"),
        VIEWS,
        default="gradients",
        format_func=lambda v: t(f"view.{v}"),
        key="view",
    )
    {"gradients": gradients, "scaler": scaler_lens, "network": network, "step": step_mode}.get(
        view or "gradients"
    )(result, labels)
