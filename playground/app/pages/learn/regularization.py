"""L1 and L2 regularization: the penalties, their (sub)gradients, and a picture of the weights of
one setup trained three times (no penalty, L2, L1 at equal strength): how many end (near) zero."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from playground.app.i18n import t
from playground.app.layout import latex
from playground.app.pages.learn.common import heading
from playground.charts import weights as wcharts
from playground.config import RunConfig
from playground.experiment import run_many

L2_TEX = r"L_2 = \tfrac{1}{2}\,\lambda \sum_l \lVert W_l \rVert^2,\qquad \frac{\partial L_2}{\partial W} = \lambda\,W"
L1_TEX = r"L_1 = \lambda \sum_l \sum_{ij} |w_{ij}|,\qquad \frac{\partial L_1}{\partial w} = \lambda\,\mathrm{sign}(w)\ \ (0 \text{ at } w = 0)"
SETUP = RunConfig(epochs=200)  # the playground's default network on moons
STRENGTH = 0.003  # the same λ for L1 and L2 (a step of both sliders)


@st.cache_data(max_entries=1, show_spinner=False)
def comparison(strength: float = STRENGTH) -> list[tuple[str, list[float], float]]:
    """(penalty, the trained weights, test accuracy) for none, L2 and L1 at `strength`."""
    configs = [SETUP, replace(SETUP, l2=strength), replace(SETUP, l1=strength)]
    results = run_many(configs)
    return [
        (name, wcharts.weights(r.model).tolist(), float(r.final["test_accuracy"]))
        for name, r in zip(("none", "l2", "l1"), results, strict=True)
    ]


def render() -> None:
    st.markdown(t("learn.reg.text"))
    heading("learn.formulas")
    latex(L2_TEX)
    latex(L1_TEX)
    heading("learn.picture")
    runs = comparison()
    names = {key: t(f"learn.reg.{key}", strength=f"{STRENGTH:g}") for key, _, _ in runs}
    texts = {k: t(f"learn.reg.chart.{k}") for k in ("x", "y", "run")}
    texts["near_zero"] = t("learn.reg.chart.near_zero", tol=f"{wcharts.NEAR_ZERO:g}")
    chart = wcharts.magnitude_lines({names[k]: w for k, w, _ in runs}, texts)
    st.altair_chart(chart, width="stretch")
    for col, (key, w, accuracy) in zip(st.columns(len(runs)), runs, strict=True):
        col.metric(t("learn.reg.count", run=names[key]), f"{wcharts.near_zero(w)} / {len(w)}")
        col.caption(t("learn.reg.accuracy", accuracy=f"{accuracy:.0%}"))
    st.caption(t("learn.reg.caption", tol=f"{wcharts.NEAR_ZERO:g}", strength=f"{STRENGTH:g}"))
