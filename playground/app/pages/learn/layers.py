"""⑦ Number of layers: the parameter count, and a sweep over the depth."""

from __future__ import annotations

import streamlit as st

from playground.app import state
from playground.app.i18n import t
from playground.app.layout import latex
from playground.app.pages.learn.common import heading
from playground.app.pages.learn.sweeps import DEPTH_WIDTH, picture

DEPTHS = (0, 1, 2, 3, 4)


def n_params(hidden: tuple[int, ...], n_in: int = 2, n_out: int = 1) -> int:
    sizes = [n_in, *hidden, n_out]
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:], strict=False))


def params_caption(n_in: int = 2, n_out: int = 1) -> str:
    counts = " · ".join(
        t("learn.7.layers", d=d, n=n_params((DEPTH_WIDTH,) * d, n_in, n_out)) for d in DEPTHS
    )
    return t("learn.7.params", n_in=n_in, n_out=n_out, width=DEPTH_WIDTH, list=counts)


def render() -> None:
    st.markdown(t("learn.7.text"))
    heading("learn.formulas")
    latex(r"P = \sum_{l=1}^{L} (n_{l-1} + 1)\, n_l")
    heading("learn.picture")
    picture("depth", DEPTHS, ("spiral", "circles", "xor"), state.LEARN_DEPTH_DATA)
    st.caption(params_caption())
