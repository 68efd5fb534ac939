"""③ Activation function: f and f′ of every activation in the registry, with its facts."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.pages.learn.common import BLUE, HEIGHT, ORANGE, RED, heading, show_entry
from playground.nn import activations
from playground.nn.train import SATURATION

MAXOUT_W = np.array([1.0, -0.5])  # the two pieces drawn for maxout: max(x, −0.5x)


def activation_curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f′(x) from playground.nn.activations (maxout: pieces w = (1, −0.5), b = 0)."""
    act = activations.get(name)
    if act.pieces > 1:
        z = x[:, None] * MAXOUT_W[None, :]  # (n, 2): the two pieces of one unit
        a = act.forward(z)
        grads = act.backward(z, a, np.ones_like(a))
        return a[:, 0], grads @ MAXOUT_W
    z = x[:, None]
    a = act.forward(z)
    return a[:, 0], act.df(z, a)[:, 0]


def maxout_caption() -> str:
    w1, w2 = (f"{w:g}" for w in MAXOUT_W)
    return t("learn.3.maxout", pieces=activations.MAXOUT_PIECES, w1=w1, w2=w2)


def render() -> None:
    st.markdown(t("learn.3.text"))
    name = st.segmented_control(
        t("learn.3.pick"),
        activations.NAMES,
        default="sigmoid",
        required=True,
        format_func=option_label,
        key=state.LEARN_ACTIVATION,
    )
    heading("learn.formulas")
    act = activations.get(name)
    show_entry(name, act.facts)
    heading("learn.picture")
    x = np.linspace(-5, 5, 401)
    f, df = activation_curve(name, x)
    long = pd.DataFrame(
        {
            "x": np.r_[x, x],
            "y": np.r_[f, df],
            "curve": [t("learn.3.f")] * len(x) + [t("learn.3.df")] * len(x),
        }
    )
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title=t("learn.3.x")),
            y=alt.Y("y:Q", title=None),
            color=alt.Color(
                "curve:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=t("learn.3.curve")
            ),
        )
    )
    layers = [lines]
    peak = act.peak
    if peak:
        sat = x[np.abs(df) < SATURATION * peak]
        if sat.size:
            band = pd.DataFrame(
                {
                    "x": [x.min(), sat[sat > 0].min() if (sat > 0).any() else x.max()],
                    "x2": [sat[sat < 0].max() if (sat < 0).any() else x.min(), x.max()],
                }
            )
            band["what"] = t("learn.3.saturated", pct=f"{100 * SATURATION:g}")
            layers.insert(
                0,
                alt.Chart(band)
                .mark_rect(opacity=0.12, color=RED)
                .encode(x="x:Q", x2="x2:Q", tooltip="what:N"),
            )
            st.caption(f":red[▮] {t('learn.3.saturated', pct=f'{100 * SATURATION:g}')}")
    st.altair_chart(
        alt.layer(*layers).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if act.pieces > 1:
        st.caption(maxout_caption())
