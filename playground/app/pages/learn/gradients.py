"""Vanishing and exploding gradients: the error signal δ per layer of a fresh network, judged
with the diagnosis's own rules and thresholds."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground import data
from playground.app import sidebar, state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.pages.learn.common import BLUE, HEIGHT, heading
from playground.diagnosis import (
    EXPLODE_RATIO,
    HUGE_STEP,
    TINY_STEP,
    VANISH_RATIO,
    delta_ratio,
    step_sizes,
)
from playground.nn import activations
from playground.nn.network import MLP, one_hot
from playground.preprocessing import make_scaler

GRAD_DATA, GRAD_SAMPLES = "moons", 200  # the data of the fresh network
FIRST = "sigmoid"  # the activation shown first: its gradient vanishes
GRADIENT_TEX = r"\frac{\partial L}{\partial a^{1}} = \delta^{L}\, W^{L\top} \prod_{l=2}^{L-1} \mathrm{diag}\big(f'(z^{l})\big)\, W^{l\top} \quad\Rightarrow\quad \Big\lVert \frac{\partial L}{\partial W^{1}} \Big\rVert \sim \prod_l \lVert W^{l} \rVert\, \lvert f'(z^{l}) \rvert"


def start_signal(
    activation: str, init_scale: float, depth: int, width: int, initializer: str
) -> pd.DataFrame:
    """Epoch 0 of a fresh MLP on GRAD_SAMPLES standardized points, as one history row the way
    training records it: grad_norm_l = ‖∂L/∂W_l‖, weight_norm_l = ‖W_l‖, delta_norm_l = RMS over
    the samples of ‖∂ℓ_i/∂z_l‖ (the error signal δ_l), for l = 1 … depth + 1."""
    X, y = data.make_dataset(GRAD_DATA, GRAD_SAMPLES, 0.2, 0)
    X = make_scaler("standard").fit_transform(X)
    net = MLP(
        [2, *([width] * depth), 1],
        activation,
        "sigmoid",
        initializer,
        init_scale=init_scale,
        seed=0,
    )
    deltas: list[np.ndarray] = []
    with np.errstate(all="ignore"):
        net.loss_into_grads(X, one_hot(y, 1), "cross_entropy", 0.0, deltas)
        grads = net.loss_and_grads(X, y)[1]
    row = {}
    for l in range(net.n_layers):
        row[f"grad_norm_{l + 1}"] = float(np.linalg.norm(grads[2 * l]))
        row[f"weight_norm_{l + 1}"] = float(np.linalg.norm(net.params[2 * l]))
        row[f"delta_norm_{l + 1}"] = float(np.linalg.norm(deltas[-1 - l])) * np.sqrt(len(X))
    return pd.DataFrame([row])


def gradient_norms(
    activation: str, init_scale: float, depth: int, width: int, initializer: str
) -> np.ndarray:
    """‖∂L/∂W_l‖ for l = 1 … depth + 1 of a fresh MLP (see `start_signal`)."""
    h = start_signal(activation, init_scale, depth, width, initializer)
    return np.array([h[f"grad_norm_{l}"].iloc[0] for l in range(1, depth + 2)])


GROWING_RATIO = 10  # first/last above this (but not exploding yet): "growing toward the input"


def gradient_verdict(ratio: float, steps: np.ndarray | None = None) -> str:
    """The verdict with the diagnosis's rules and thresholds, from the δ ratio ‖δ₁‖/‖δ_L‖ and
    the step sizes ‖∂L/∂W_l‖/‖W_l‖: "exploding", "exploding_step" (every layer's step huge),
    "vanishing", "vanishing_step" (every layer's step tiny), "growing" or "healthy"."""
    steps = np.array([]) if steps is None else steps[np.isfinite(steps)]
    if ratio > EXPLODE_RATIO:
        return "exploding"
    if steps.size and steps.min() > HUGE_STEP:
        return "exploding_step"
    if ratio < VANISH_RATIO:
        return "vanishing"
    if steps.size and steps.max() < TINY_STEP:
        return "vanishing_step"
    return "growing" if ratio > GROWING_RATIO else "healthy"


def gradient_text(kind: str, ratio: float) -> str:
    """The verdict in words; each threshold quoted is the one `gradient_verdict` used."""
    limit = {
        "vanishing": f"1/{1 / VANISH_RATIO:g}",
        "exploding": f"{EXPLODE_RATIO:g}",
        "vanishing_step": f"{TINY_STEP:g}",
        "exploding_step": f"{HUGE_STEP:g}",
    }
    return t(
        f"learn.gradients.{kind}",
        limit=limit.get(kind, f"{GROWING_RATIO:g}"),
        ratio=f"{ratio:.0f}",
    )


def render() -> None:
    st.markdown(t("learn.gradients.text", peak=f"{activations.get(FIRST).peak:g}"))
    heading("learn.formulas")
    latex(GRADIENT_TEX)
    heading("learn.picture")
    c1, c2, c3, c4 = st.columns(4)
    act = c1.selectbox(
        t("learn.gradients.activation"),
        activations.NAMES,
        index=activations.NAMES.index(FIRST),
        format_func=option_label,
        key=state.LEARN_G_ACT,
    )
    scale = c2.select_slider(
        t("learn.gradients.scale"),
        sidebar.INIT_SCALE_OPTIONS,
        0.1,
        format_func=sidebar.fmt,
        key=state.LEARN_G_SCALE,
    )
    depth = c3.slider(t("learn.gradients.depth"), 1, 6, 6, key=state.LEARN_G_DEPTH)
    width = c4.select_slider(t("learn.gradients.width"), (8, 16, 32), 8, key=state.LEARN_G_WIDTH)
    init = activations.get(act).init  # the initializer that suits it (its registry entry's)
    h = start_signal(act, scale, depth, width, init)
    norms = np.array([h[f"delta_norm_{l}"].iloc[0] for l in range(1, depth + 2)])
    df = pd.DataFrame({"layer": np.arange(1, len(norms) + 1), "norm": np.maximum(norms, 1e-30)})
    st.altair_chart(
        alt.Chart(df)
        .mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=2.5, color=BLUE)
        .encode(
            x=alt.X("layer:O", title=t("learn.gradients.layer"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "norm:Q",
                title=t("learn.gradients.norm"),
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format=".0e", tickCount=6),
            ),
            tooltip=["layer:O", alt.Tooltip("norm:Q", format=".2e")],
        )
        .properties(height=HEIGHT, width="container"),
        width="stretch",
    )
    ratio = delta_ratio(h)
    st.metric(t("learn.gradients.ratio"), f"{ratio:.1e}")
    kind = gradient_verdict(ratio, step_sizes(h))
    show = {"growing": st.info, "healthy": st.success}
    icon = {"healthy": "check_circle"}.get(kind, f"trending_{'down' if 'van' in kind else 'up'}")
    show.get(kind, st.warning)(gradient_text(kind, ratio), icon=f":material/{icon}:")
    st.caption(
        t("learn.gradients.caption", init=option_label(init), n=GRAD_SAMPLES, dataset=GRAD_DATA)
    )
