"""What the Learn page's sections share: colours, headings, a registry entry's facts in words."""

from __future__ import annotations

import altair as alt
import numpy as np
import streamlit as st

from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.nn.facts import Facts

BLUE, RED, ORANGE, GREY, GREEN = "#0877bd", "#d62728", "#f59322", "#888888", "#009e73"
HEIGHT = 260
PALETTE = (BLUE, ORANGE, GREEN, RED, "#cc79a7", "#6a3d9a", "#56b4e9", "#8c564b", GREY)


def heading(key: str) -> None:
    st.markdown(f"#### {t(key)}")


def class_color(y: np.ndarray) -> alt.Color:
    return alt.Color(
        "class:N",
        scale=alt.Scale(range=[ORANGE, BLUE, GREEN]),
        title=t("learn.class"),
        legend=alt.Legend(orient="bottom"),  # below the plot: the plot keeps a phone's width
    )


def equivalents(facts: Facts) -> str:
    """ "PyTorch `…` · Keras `…` · scikit-learn `…`" from the entry's facts ("—": none)."""
    code = {k: f"`{v}`" if v else "—" for k, v in
            (("torch", facts.torch), ("keras", facts.keras), ("sklearn", facts.sklearn))}  # fmt: skip
    return t("learn.equivalents", **code)


def show_entry(name: str, facts: Facts, formula: bool = True) -> None:
    """A registry entry as the Learn page explains it: its formula (and f′ if it has one) unless
    not `formula`, its description and its equivalents in PyTorch, Keras and scikit-learn."""
    if formula:
        latex(facts.formula)
        if facts.derivative:
            latex(facts.derivative)
    st.markdown(f"**{option_label(name)}**: {t(facts.text_key)}")
    st.caption(equivalents(facts))
