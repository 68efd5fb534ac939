"""Back-propagation: the four steps as formulas, and a link to the step-by-step page."""

from __future__ import annotations

import streamlit as st

from playground.app import navigation
from playground.app.i18n import t
from playground.app.layout import latex

BACKPROP_TEX = (
    r"z^{l} = a^{l-1} W^{l} + b^{l},\qquad a^{l} = f(z^{l}),\qquad a^{0} = x",
    r"L = \mathrm{CE}(\hat y, y),\qquad \delta^{L} = \frac{\partial L}{\partial z^{L}} = \hat y - y",
    r"\delta^{l} = \big(\delta^{l+1}\, W^{l+1\,\top}\big) \odot f'(z^{l}),\qquad \frac{\partial L}{\partial W^{l}} = a^{l-1\,\top}\,\delta^{l},\qquad \frac{\partial L}{\partial b^{l}} = \textstyle\sum \delta^{l}",
    r"W^{l} \leftarrow W^{l} - \eta\,\frac{\partial L}{\partial W^{l}}",
)


def render() -> None:
    st.markdown(t("learn.backprop.text"))
    for n, tex in enumerate(BACKPROP_TEX, start=1):
        st.markdown(t(f"learn.backprop.s{n}"))
        latex(tex)
    st.info(t("learn.backprop.page"), icon=":material/school:")
    navigation.link(navigation.BACKPROP, label=t("learn.backprop.link"))
