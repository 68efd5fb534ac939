"""② Cost function: cross entropy between two distributions, and what each loss's gradient does
at a saturated sigmoid output (every loss of the registry, with its formula and description)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.pages.learn.common import BLUE, HEIGHT, PALETTE, RED, heading, show_entry
from playground.nn import losses

CROSS_ENTROPY = r"H(p, q) = -\sum_x p(x)\,\log q(x) \qquad H(p, q) = -\int p(x)\,\log q(x)\,dx"
BINARY_CE = r"L_{\mathrm{CE}} = -\big[y \log \hat y + (1 - y)\log(1 - \hat y)\big],\quad \frac{\partial L_{\mathrm{CE}}}{\partial z} = \hat y - y \qquad L_{\mathrm{MSE}} = (\hat y - y)^2,\quad \frac{\partial L_{\mathrm{MSE}}}{\partial z} = 2(\hat y - y)\,\sigma'(z)"


def gaussian(x: np.ndarray, mu: float, sigma: float) -> np.ndarray:
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


def cross_entropy_numeric(
    distance: float, sigma_q: float = 1.0
) -> tuple[pd.DataFrame, float, float]:
    """p = N(0, 1), q = N(distance, σ_q²) on a grid; H(p, q) and H(p) in nats by −Σ p log q Δx."""
    x = np.linspace(-6, 10, 1601)
    p, q = gaussian(x, 0, 1), gaussian(x, distance, sigma_q)
    dx = x[1] - x[0]
    h_pq = float(
        -np.sum(p * (-0.5 * ((x - distance) / sigma_q) ** 2 - np.log(sigma_q * np.sqrt(2 * np.pi))))
        * dx
    )
    h_p = float(-np.sum(p * (-0.5 * x**2 - np.log(np.sqrt(2 * np.pi)))) * dx)
    df = pd.DataFrame(
        {"x": np.r_[x, x], "density": np.r_[p, q], "dist": ["p"] * len(x) + ["q"] * len(x)}
    )
    return df[(df.x > -4.5) & (df.x < 8.5)].iloc[::4], h_pq, h_p


def output_gradients(z: np.ndarray) -> pd.DataFrame:
    """|∂ℓ/∂z| of one sample at a sigmoid output for y = 1, for every loss of the registry,
    from the loss entry itself (cross entropy: 1 − ŷ; MSE: 2(1 − ŷ)·ŷ(1 − ŷ); hinge: 1 while
    z < 1). A loss that takes no sigmoid output is left out. Long rows: z, grad, loss."""
    Z = z[:, None]
    frames = []
    for entry in losses.entries():
        try:
            _, dz = entry(Z, np.ones_like(Z), "sigmoid")  # ∂(mean over samples)/∂z
        except ValueError:
            continue
        grad = np.abs(dz[:, 0]) * len(z)
        frames.append(pd.DataFrame({"z": z, "grad": grad, "loss": option_label(entry.name)}))
    return pd.concat(frames, ignore_index=True)


def render() -> None:
    st.markdown(t("learn.2.text"))
    heading("learn.formulas")
    latex(CROSS_ENTROPY)
    name = st.segmented_control(
        t("learn.2.pick"),
        losses.NAMES,
        default=losses.NAMES[0],
        required=True,
        format_func=option_label,
        key=state.LEARN_LOSS,
    )
    show_entry(name, losses.get(name).facts)
    heading("learn.picture")
    c1, c2 = st.columns(2)
    d = c1.slider(t("learn.2.distance"), 0.0, 4.0, 2.5, 0.1, key=state.LEARN_DISTANCE)
    s = c2.slider(t("learn.2.sigma"), 0.5, 2.0, 1.0, 0.1, key=state.LEARN_SIGMA)
    df, h_pq, h_p = cross_entropy_numeric(d, s)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("learn.2.h_pq"), t("learn.2.nats", v=f"{h_pq:.3f}"))
    m2.metric(t("learn.2.h_p"), t("learn.2.nats", v=f"{h_p:.3f}"))
    m3.metric(t("learn.2.kl"), t("learn.2.nats", v=f"{h_pq - h_p:.3f}"))
    chart = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("density:Q", title=t("learn.density")),
            color=alt.Color(
                "dist:N", scale=alt.Scale(domain=["p", "q"], range=[BLUE, RED]), title=None
            ),
        )
        .properties(height=HEIGHT, width="container")
    )
    st.altair_chart(chart, width="stretch")
    st.caption(t("learn.2.caption"))
    st.markdown(f"**{t('learn.2.grad_title')}**")
    latex(BINARY_CE)
    g = output_gradients(np.linspace(-8, 8, 161))
    names = list(dict.fromkeys(g["loss"]))
    st.altair_chart(
        alt.Chart(g)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("z:Q", title=t("learn.2.logit")),
            y=alt.Y("grad:Q", title=t("learn.2.grad")),
            color=alt.Color(
                "loss:N",
                scale=alt.Scale(domain=names, range=list(PALETTE[: len(names)])),
                title=t("learn.2.loss"),
            ),
        )
        .properties(height=220, width="container"),
        width="stretch",
    )
    st.caption(t("learn.2.grad_caption"))
