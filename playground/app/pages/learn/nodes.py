"""⑥ Number of nodes: rules of thumb, and a sweep over the width of one hidden layer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from playground.app import state
from playground.app.i18n import t
from playground.app.layout import latex
from playground.app.pages.learn.common import heading
from playground.app.pages.learn.sweeps import picture

WIDTHS = (1, 2, 3, 4, 6, 8)
RULES_TEX = r"n_{out} \le n_{hidden} \le n_{in},\qquad n_{hidden} = \tfrac{2}{3}\,n_{in} + n_{out},\qquad n_{hidden} < 2\,n_{in}"


def render() -> None:
    st.markdown(t("learn.6.text"))
    heading("learn.formulas")
    latex(RULES_TEX)
    heading("learn.6.rules")
    rules = [
        (t("learn.6.rule.between"), "1 – 2"),
        (t("learn.6.rule.two_thirds"), "2/3 · 2 + 1 ≈ 2.3"),
        (t("learn.6.rule.twice"), "< 4"),
    ]
    st.table(
        pd.DataFrame(rules, columns=[t("learn.6.rule"), t("learn.6.nodes")]).set_index(
            t("learn.6.rule")
        )
    )
    heading("learn.picture")
    picture("width", WIDTHS, ("circles", "xor", "spiral"), state.LEARN_WIDTH_DATA)
