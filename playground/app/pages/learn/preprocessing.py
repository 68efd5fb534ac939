"""① Input preprocessing: standardization per feature, the Normalizer per sample."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, data
from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.pages.learn import features_note
from playground.app.pages.learn.common import BLUE, RED, class_color, heading
from playground.preprocessing import make_scaler

STANDARDIZE = r"z = \frac{x - \mu}{\sigma}"
P_NORM = r"\lVert x \rVert_p = \Big(\sum_{i=1}^{n} |x_i|^p\Big)^{1/p},\quad \lVert x \rVert_1 = \sum_i |x_i|,\quad \lVert x \rVert_2 = \sqrt{\textstyle\sum_i x_i^2},\quad \lVert x \rVert_\infty = \max_i |x_i|"
NORMALIZE = r"\mathrm{Normalization}(x) = \frac{x}{\lVert x \rVert_p}"


def scaled_features(
    dataset: str, scaler: str, n: int = 300
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, X after `scaler` fitted on X, y) of a data set's training-size sample."""
    X, y = data.make_dataset(dataset, n, 0.2, 0)
    return X, make_scaler(scaler).fit(X).transform(X), y


def densities(X: np.ndarray, names: tuple[str, str], points: int = 120) -> pd.DataFrame:
    """Gaussian-kernel density of each column (Scott's bandwidth): feature, value, density."""
    rows = []
    for j, name in enumerate(names):
        x = X[:, j]
        sd = float(np.std(x)) or 1.0
        bw = 1.06 * sd * len(x) ** (-1 / 5)
        grid = np.linspace(x.min() - 2 * bw, x.max() + 2 * bw, points)
        dens = np.exp(-0.5 * ((grid[:, None] - x[None, :]) / bw) ** 2).mean(1) / (
            bw * np.sqrt(2 * np.pi)
        )
        rows.append(pd.DataFrame({"feature": name, "value": grid, "density": dens}))
    return pd.concat(rows, ignore_index=True)


def unit_ball(norm: str, points: int = 181) -> np.ndarray:
    """Points (points, 2) on the unit sphere of the L1, L2 or max norm."""
    a = np.linspace(0, 2 * np.pi, points)
    c, s = np.cos(a), np.sin(a)
    scale = {
        "l1": np.abs(c) + np.abs(s),
        "l2": np.ones_like(a),
        "max": np.maximum(np.abs(c), np.abs(s)),
    }
    return np.column_stack([c, s]) / scale[norm][:, None]


def render() -> None:
    st.markdown(t("learn.1.text"))
    heading("learn.formulas")
    for tex in (STANDARDIZE, P_NORM, NORMALIZE):
        latex(tex)
    heading("learn.picture")
    std_tab, norm_tab = st.tabs([t("learn.1.std_tab"), t("learn.1.norm_tab")])
    with std_tab:
        c1, c2 = st.columns(2)
        names = ("breast_cancer", "moons", "circles", "gaussians", "iris", "spiral")
        dataset = c1.selectbox(
            t("learn.dataset"), names, format_func=option_label, key=state.LEARN_DATA
        )
        scaler = c2.selectbox(
            t("learn.scaler"),
            ("standard", "minmax", "normalizer_l2", "none"),
            format_func=option_label,
            key=state.LEARN_SCALER,
        )
        X, Xs, _ = scaled_features(dataset, scaler)
        features = data.get(dataset).feature_names
        panels = []
        for title, values in (
            (t("learn.before"), X),
            (t("learn.after", scaler=option_label(scaler)), Xs),
        ):
            df = densities(values, features).rename(columns={"feature": t("learn.feature")})
            panels.append(
                alt.Chart(df, title=title)
                .mark_line()
                .encode(
                    x=alt.X("value:Q", title=t("learn.value")),
                    y=alt.Y("density:Q", title=t("learn.density")),
                    color=alt.Color(
                        f"{t('learn.feature')}:N",
                        scale=alt.Scale(range=[BLUE, RED]),
                        # one row above the plot: a legend below would take the plot's height
                        legend=alt.Legend(orient="top", titleOrient="left"),
                    ),
                )
                .properties(width="container", height=150, autosize=charts.FIT_WIDTH)
            )
        for col, panel in zip(st.columns(2), panels, strict=True):  # stacked on a phone
            col.altair_chart(panel, width="stretch")
        st.caption(t("learn.1.std_caption", dataset=option_label(dataset)))
    with norm_tab:
        c1, c2 = st.columns(2)
        dataset = c1.selectbox(
            t("learn.dataset"),
            ("circles", "moons", "gaussians", "xor"),
            format_func=option_label,
            key=state.LEARN_NORM_DATA,
        )
        norm = c2.segmented_control(
            t("learn.1.norm_pick"),
            ("l2", "l1", "max"),
            default="l2",
            required=True,
            key=state.LEARN_NORM,
        )
        X, Xn, y = scaled_features(dataset, f"normalizer_{norm}")
        for col, panel in zip(st.columns(2), _normalizer_charts(X, Xn, y, norm), strict=True):
            col.altair_chart(panel, width="content")
        r = np.linalg.norm(X, ord={"l1": 1, "l2": 2, "max": np.inf}[norm], axis=1)
        st.caption(t("learn.1.norm_caption", norm=norm, lo=f"{r.min():.2f}", hi=f"{r.max():.2f}"))
    features_note.render()  # the input is part of tuning: feature inputs


def _normalizer_charts(
    X: np.ndarray, Xn: np.ndarray, y: np.ndarray, norm: str
) -> tuple[alt.Chart, alt.LayerChart]:
    """Before and after the Normalizer: two square 260 px plots (a circle must look round), for
    two columns (side by side on a wide screen, one under the other on a phone), legends below."""
    cls = [str(c) for c in y]
    before = (
        alt.Chart(pd.DataFrame({"x": X[:, 0], "y": X[:, 1], "class": cls}), title=t("learn.before"))
        .mark_circle(size=18, opacity=0.7)
        .encode(x=alt.X("x:Q", title="x1"), y=alt.Y("y:Q", title="x2"), color=class_color(y))
        .properties(width=260, height=260, autosize=charts.FIXED_SIZE)
    )
    balls = pd.concat(
        [
            pd.DataFrame({"x": b[:, 0], "y": b[:, 1], "i": range(len(b)), "norm": name})
            for name in ("l1", "l2", "max")
            for b in [unit_ball(name)]
        ]
    )
    rings = (
        alt.Chart(balls)
        .mark_line(strokeDash=[4, 3], opacity=0.8)
        .encode(
            x=alt.X("x:Q", title="x1", scale=alt.Scale(domain=[-1.2, 1.2])),
            y=alt.Y("y:Q", title="x2", scale=alt.Scale(domain=[-1.2, 1.2])),
            order="i:Q",
            detail="norm:N",
            strokeDash=alt.StrokeDash(
                "norm:N", title=t("learn.1.ball"), legend=alt.Legend(orient="bottom")
            ),
        )
    )
    jitter = np.random.default_rng(0).normal(0, 0.01, Xn.shape)  # overlapping points stay visible
    after = (
        alt.Chart(
            pd.DataFrame({"x": Xn[:, 0] + jitter[:, 0], "y": Xn[:, 1] + jitter[:, 1], "class": cls})
        )
        .mark_circle(size=18, opacity=0.6)
        .encode(x="x:Q", y="y:Q", color=class_color(y))
    )
    right = alt.layer(
        rings, after, title=t("learn.after", scaler=f"Normalizer ({norm})")
    ).properties(width=260, height=260, autosize=charts.FIXED_SIZE)
    return before, right
