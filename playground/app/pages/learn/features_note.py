"""① The input is part of tuning: feature inputs (x₁², x₁x₂, sin x₁, …) computed before the
scaler, shown by one fact computed live: circles without a hidden layer, from (x₁, x₂) and from
(x₁², x₂²)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from playground.app.i18n import t
from playground.app.pages.learn.common import heading
from playground.config import RunConfig
from playground.experiment import run_many
from playground.features import LABELS

CIRCLES = RunConfig(dataset="circles", noise=0.1, hidden=(), epochs=60)
SQUARES = ("x1sq", "x2sq")


@st.cache_data(max_entries=1, show_spinner=False)
def accuracies() -> tuple[float, float]:
    """Test accuracy of a network without hidden layers on circles: from x₁, x₂; from x₁², x₂²."""
    plain, squares = run_many([CIRCLES, replace(CIRCLES, features=SQUARES)])
    return float(plain.final["test_accuracy"]), float(squares.final["test_accuracy"])


def render() -> None:
    heading("learn.features.title")
    st.markdown(t("learn.features.text"))
    plain, squares = accuracies()
    c1, c2 = st.columns(2)
    c1.metric(t("learn.features.from", inputs="x₁, x₂"), f"{plain:.0%}")
    inputs = ", ".join(LABELS[n] for n in SQUARES)
    c2.metric(t("learn.features.from", inputs=inputs), f"{squares:.0%}")
    st.caption(t("learn.features.caption"))
