"""Back-propagation, one step per click: the slide's four steps with the actual numbers, for
every element-wise activation of the registry."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground import backprop
from playground.app import layout, state
from playground.app.backprop_diagram import diagram, node_names, sample_label, table
from playground.app.backprop_formulas import (
    GENERAL_GRADS,
    X_TOY,
    Y_TOY,
    formula_rows,
    formulas,
    num,
    unbroken_products,
)
from playground.app.i18n import option_label, t
from playground.nn.network import MLP

LR_OPTIONS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0)
MAX_ITERATIONS = 500
FIRST = "sigmoid"  # the activation shown first, as on the slide


def network(activation: str, hidden: int, seed: int) -> MLP:
    """The page's 2-hidden-1 network: Glorot-uniform weights from `seed`, zero biases."""
    return MLP([2, int(hidden), 1], activation, "sigmoid", "glorot_uniform", seed=int(seed))


def walk_at(settings: dict, step: int) -> backprop.Walkthrough:
    """The walk-through of iteration step // 4 (the net after that many updates)."""
    net = network(settings["activation"], settings["hidden"], settings["seed"])
    X, y = X_TOY[settings["samples"]], Y_TOY[settings["samples"]]
    backprop.iterate(net, X, y, step // 4, settings["loss"], settings["lr"])
    return backprop.walkthrough(net, X, y, settings["loss"], settings["lr"])


def loss_change_key(walk: backprop.Walkthrough) -> str:
    """The caption of step 4: the cost fell ("bp.loss_change") or rose ("bp.loss_rose")."""
    return "bp.loss_rose" if walk.loss_after > walk.loss else "bp.loss_change"


def _show_formulas(walk: backprop.Walkthrough, phase: int, i: int) -> None:
    """Aligned on a wide screen; on a phone each equation on its own, wrapping after a sign
    when it is wider than the screen (an aligned block cannot wrap)."""
    with layout.wide("bp_formulas"):
        st.latex(formulas(walk, phase, i))
    with layout.narrow("bp_formulas"):
        for row in formula_rows(walk, phase, i):
            st.latex(unbroken_products(row))


# ---- page --------------------------------------------------------------------------------


def _reset() -> None:
    st.session_state[state.BP_STEP] = 0


def _move(by: int) -> None:
    st.session_state[state.BP_STEP] = int(
        np.clip(st.session_state.get(state.BP_STEP, 0) + by, 0, 4 * MAX_ITERATIONS - 1)
    )


def _settings() -> dict:
    c = st.columns([1.2, 1, 1.2, 1.4, 1])
    kw = {"on_change": _reset}
    names = backprop.activation_names()
    activation = c[0].selectbox(
        t("bp.activation"), names, index=names.index(FIRST), format_func=option_label,
        key=state.BP_ACTIVATION, **kw,
    )  # fmt: skip
    hidden = c[1].selectbox(t("bp.hidden"), (1, 2, 3), index=1, key=state.BP_HIDDEN, **kw)
    loss = c[2].selectbox(
        t("bp.loss"), backprop.LOSSES, format_func=option_label, key=state.BP_LOSS, **kw
    )
    lr = c[3].select_slider(
        t("bp.lr"), LR_OPTIONS, 0.5, format_func=lambda v: f"{v:g}", key=state.BP_LR, **kw
    )
    seed = c[4].number_input(t("bp.seed"), 0, 9999, 0, key=state.BP_SEED, **kw)
    samples = st.pills(
        t("bp.samples"), range(len(X_TOY)), selection_mode="multi", default=[1],
        format_func=sample_label, help=t("bp.samples.help"), key=state.BP_SAMPLES, **kw,
    )  # fmt: skip
    return {
        "activation": activation,
        "hidden": int(hidden),
        "loss": loss,
        "lr": float(lr),
        "seed": int(seed),
        "samples": sorted(samples),
    }


def _stepper(step: int) -> None:
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.markdown(f"**{t('bp.iteration', k=step // 4 + 1)}**", width="content")
    for k in range(4):
        text = t(f"bp.step.{k}")
        bar.markdown(
            f":blue-background[**{text}**]" if k == step % 4 else f":gray[{text}]", width="content"
        )
    buttons = st.container(horizontal=True)
    buttons.button(
        t("bp.back"),
        icon=":material/arrow_back:",
        on_click=_move,
        args=(-1,),
        disabled=step == 0,
        key=state.BP_BACK,
    )
    buttons.button(
        t("bp.next"),
        icon=":material/arrow_forward:",
        on_click=_move,
        args=(1,),
        type="primary",
        key=state.BP_NEXT,
    )
    buttons.button(
        t("bp.reset"), icon=":material/restart_alt:", on_click=_reset, key=state.BP_RESET
    )


def _shown(samples: list[int]) -> int:
    """Index (within the chosen samples) of the sample shown in the diagram and formulas."""
    if len(samples) == 1:
        return 0
    pick = st.segmented_control(
        t("bp.shown"), samples, default=samples[0], format_func=sample_label, key=state.BP_SHOWN
    )
    return samples.index(pick) if pick in samples else 0


def _notes(walk: backprop.Walkthrough, phase: int) -> None:
    if phase == 2:
        layout.latex(GENERAL_GRADS)
        share = walk.layers[0].share
        names = node_names(len(share))[:-1]
        shares = ", ".join(f"{n} {s:.0%}" for n, s in zip(names, share, strict=True))
        st.caption(t("bp.shares", shares=shares))
    if phase == 3:
        st.caption(t(loss_change_key(walk), before=num(walk.loss), after=num(walk.loss_after)))


def render() -> None:
    st.title(t("bp.title"))
    st.caption(t("bp.intro"))
    settings = _settings()
    if not settings["samples"]:
        st.warning(t("bp.pick"))
        return
    step = int(st.session_state.setdefault(state.BP_STEP, 0))
    _stepper(step)
    phase = step % 4
    walk = walk_at(settings, step)
    i = _shown(settings["samples"])
    st.info(t(f"bp.explain.{phase}"))
    st.markdown(f"**{t('bp.diagram')}**")
    with layout.wide("bp_diagram"):
        st.graphviz_chart(diagram(walk, phase, i), width="content")
    with layout.narrow("bp_diagram"):
        st.graphviz_chart(diagram(walk, phase, i, rankdir="TB"), width="stretch")
    note = {2: "bp.grads_note", 3: "bp.update_note"}.get(phase, "bp.weights_note")
    st.caption(t(note))
    st.markdown(f"**{t('bp.formulas')}**")
    _show_formulas(walk, phase, i)
    _notes(walk, phase)
    st.markdown(f"**{t('bp.table')}**")
    st.dataframe(table(walk, phase, settings["samples"]), hide_index=True, width="stretch")
