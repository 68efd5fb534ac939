"""⑤ Optimizer: gradient descent on w², and every optimizer's update rule from the registry."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground.app import navigation, state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.pages.learn.common import GREY, HEIGHT, RED, heading, show_entry
from playground.config import RunConfig
from playground.nn import optimizers

GD_START, GD_STEPS = 1.0, 12  # gradient descent on L(w) = w² from w = 1, 12 steps
GD_RATES = (0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 1.05)  # the learning rates offered
GD_TEX = r"\theta \leftarrow \theta - \eta\, g,\qquad g = \frac{1}{|B|}\sum_{i \in B} \nabla_\theta\, \ell_i(\theta)"


def gd_path(lr: float, steps: int = GD_STEPS, w0: float = GD_START) -> np.ndarray:
    """Gradient descent on L(w) = w² from w0: w ← w − η·2w."""
    w = [w0]
    for _ in range(steps):
        w.append(w[-1] - lr * 2 * w[-1])
    return np.array(w)


def gd_behaviour(w: np.ndarray) -> str:
    """What a path of gradient descent on w² does, read from the path itself: "one_step" (lands
    on 0), "one_side" (|w| shrinks, no sign change), "zigzag" (|w| shrinks, the sign flips),
    "bounce" (|w| stays, the sign flips) or "diverge" (|w| grows)."""
    size, flips = np.abs(w), np.sign(w[1:]) != np.sign(w[:-1])
    if size[1] == 0:
        return "one_step"
    if np.all(size[1:] < size[:-1]):
        return "zigzag" if flips.all() else "one_side"
    return "bounce" if np.allclose(size, size[0]) else "diverge"


def gd_caption(lr: float) -> str:
    """The caption under the ⑤ picture: the step rule and what this η's path does."""
    w = gd_path(lr)
    kw = {"w0": f"{w[0]:g}", "lr": f"{lr:g}", "steps": len(w) - 1, "w_end": f"{w[-1]:.3g}"}
    rule = t("learn.5.steps_caption", factor=f"{1 - 2 * lr:.2g}", **kw)
    return f"{rule} {t(f'learn.5.gd.{gd_behaviour(w)}', **kw)}"


def render() -> None:
    st.markdown(t("learn.5.text"))
    heading("learn.formulas")
    latex(GD_TEX)
    st.caption(t("learn.5.batch"))
    name = st.segmented_control(
        t("learn.5.pick"),
        optimizers.NAMES,
        default=RunConfig().optimizer,
        required=True,
        format_func=option_label,
        key=state.LEARN_OPTIMIZER,
    )
    facts = optimizers.get(name).facts
    show_entry(name, facts)
    defaults = ", ".join(f"{t(h.field)} = {h.default:g}" for h in facts.hyper)
    st.caption(t("learn.5.defaults", defaults=defaults or "—"))
    heading("learn.picture")
    lr = st.select_slider(t("learn.5.lr"), GD_RATES, 0.3, key=state.LEARN_LR)
    w = gd_path(lr)
    curve_w = np.linspace(-1.6, 1.6, 161)
    bowl = (
        alt.Chart(pd.DataFrame({"w": curve_w, "L": curve_w**2}))
        .mark_line(color=GREY)
        .encode(
            x=alt.X(
                "w:Q",
                title=t("learn.5.weight"),
                scale=alt.Scale(domain=[-1.6, 1.6], clamp=True, nice=False),
            ),
            y=alt.Y("L:Q", title=t("learn.5.loss"), scale=alt.Scale(domain=[0, 2.6], clamp=True)),
        )
    )
    path = pd.DataFrame({"w": w, "L": w**2, "step": range(len(w))})
    walk = (
        alt.Chart(path)
        .mark_line(point=alt.OverlayMarkDef(color=RED), color=RED)
        .encode(
            x="w:Q", y="L:Q", order="step:Q", tooltip=["step:Q", alt.Tooltip("w:Q", format=".3f")]
        )
    )
    st.altair_chart(
        alt.layer(bowl, walk).properties(height=HEIGHT, width="container"), width="stretch"
    )
    st.caption(gd_caption(lr))
    st.info(t("learn.5.lab"), icon=":material/explore:")
    navigation.link(navigation.OPTIMIZER_LAB, label=t("learn.5.lab_link"))
