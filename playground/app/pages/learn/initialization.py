"""④ Weight initialization: every initializer of the registry, its formula and a histogram of
the weights it draws for one layer."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.pages.learn.common import BLUE, HEIGHT, ORANGE, RED, heading, show_entry
from playground.config import RunConfig
from playground.nn import initializers

INIT_SEED = 0  # the seed of the weight histogram
LAWS = r"W \sim U(-r,\ r) \qquad W \sim N(0,\ \sigma^2)"


def initial_weights(name: str, fan_in: int, fan_out: int) -> np.ndarray:
    return initializers.get(name)((fan_in, fan_out), np.random.default_rng(INIT_SEED)).ravel()


def init_table() -> str:
    """Every initializer of the registry and the distribution it draws from (its facts'
    formula), in a markdown table with inline LaTeX."""
    rows = [f"| {t('learn.4.method')} | {t('learn.4.formula')} |", "|---|---|"]
    for entry in initializers.entries():
        rows.append(f"| {option_label(entry.name)} | ${entry.facts.formula}$ |")
    return "\n".join(rows)


def render() -> None:
    st.markdown(t("learn.4.text"))
    heading("learn.formulas")
    latex(LAWS)
    st.markdown(init_table())
    st.caption(t("learn.4.slide"))
    heading("learn.picture")
    c1, c2, c3 = st.columns(3)
    name = c1.selectbox(
        t("learn.4.pick"),
        initializers.NAMES,
        index=initializers.NAMES.index(RunConfig().initializer),
        format_func=option_label,
        key=state.LEARN_INIT,
    )
    fan_in = c2.select_slider(
        t("learn.4.fan_in"), (2, 4, 8, 16, 32, 64, 128, 256), 64, key=state.LEARN_FAN_IN
    )
    fan_out = c3.select_slider(
        t("learn.4.fan_out"), (1, 2, 4, 8, 16, 32, 64, 128, 256), 64, key=state.LEARN_FAN_OUT
    )
    entry = initializers.get(name)
    show_entry(name, entry.facts, formula=False)
    w = initial_weights(name, fan_in, fan_out)
    kind, spread = entry.distribution, float(entry.scale(fan_in, fan_out))
    lim = max(spread * (3 if kind == "normal" else 1.2), 0.05)
    counts, edges = np.histogram(w, bins=41, range=(-lim, lim))
    hist = pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": counts})
    bars = (
        alt.Chart(hist)
        .mark_bar(color=BLUE if kind != "uniform" else ORANGE)
        .encode(
            x=alt.X("lo:Q", title=t("learn.4.weight"), scale=alt.Scale(domain=[-lim, lim])),
            x2="hi:Q",
            y=alt.Y("count:Q", title=t("learn.4.count")),
            y2=alt.datum(0),
        )
    )
    marks = (
        alt.Chart(pd.DataFrame({"v": [-spread, spread]}))
        .mark_rule(color=RED, strokeWidth=2)
        .encode(x="v:Q")
    )
    st.altair_chart(
        alt.layer(bars, marks).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if kind == "normal":
        st.markdown(t("learn.4.normal", s=f"{spread:.4f}", m=f"{w.std():.4f}"))
    elif kind == "uniform":
        st.markdown(
            t("learn.4.uniform", s=f"{spread:.4f}", lo=f"{w.min():.4f}", hi=f"{w.max():.4f}")
        )
    else:
        st.markdown(t("learn.4.zeros"))
    st.caption(t("learn.4.caption", n=f"{w.size:,}", i=fan_in, o=fan_out, seed=INIT_SEED))
