"""Optimizer lab: the project's optimizers walking on 2-D loss surfaces (tuning point ⑤).
Every optimizer of the registry can walk; its colour follows its place in the registry, its
update rule and description come from its facts."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, surfaces
from playground.advice import adaptive
from playground.app import state
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.nn import optimizers

LR_OPTIONS = (1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
NOISE_OPTIONS = (0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0)
DEFAULT_OPTIMIZERS = ["sgd", "momentum", "adam"]
GRADIENTS = ("exact", "noisy")  # GD: the exact gradient; SGD: the gradient plus noise
# one colour per optimizer, by its place in the registry: the playground's orange and blue, then
# Okabe-Ito and friends (a ninth optimizer starts the list again)
PALETTE = ("#f59322", "#0877bd", "#56b4e9", "#cc79a7", "#6a3d9a", "#009e73", "#8c564b", "#e6ab02")
SHADES = ("#ffffff", "#e9eef3", "#c9d4df", "#9fb0c2", "#72879d")  # low → high log-loss
CONTOURS = 12  # contour lines in the background image
MAX_POINTS = 150  # point markers per path
MAX_ROWS = 500  # chart rows per path (a longer path is thinned evenly)
STAR = "M0,-1.1L0.3,-0.35L1.1,-0.35L0.45,0.15L0.7,0.95L0,0.45L-0.7,0.95L-0.45,0.15L-1.1,-0.35L-0.3,-0.35Z"
SHAPES = ("global", "local", "saddle", "start"), (STAR, "diamond", "cross", "circle")


# ---- computation (cached) ----------------------------------------------------------------


@st.cache_data(max_entries=64, show_spinner=False)
def _paths(surface: str, names: tuple[str, ...], lr: float, steps: int, start, noise, seed):
    """{optimizer: points (steps+1, 2)}; every optimizer gets the same noise sequence."""
    return {
        n: surfaces.path(surface, n, lr, steps, start, noise, np.random.default_rng(seed))
        for n in names
    }


@st.cache_data(max_entries=8, show_spinner=False)
def _background(surface: str, size: int = 240) -> str:
    """log10(f − f_min + ε) over the box as one PNG, light (low) to dark (high), with contours."""
    s = surfaces.get(surface)
    _, _, F = surfaces.grid(s, size)
    gap = F - s.f_min
    v = np.log10(gap + 1e-3 * float(gap.max()) + 1e-12)
    v = (v - v.min()) / (v.max() - v.min())
    stops = np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in SHADES])
    pos = np.linspace(0.0, 1.0, len(SHADES))
    rgb = np.stack([np.interp(v, pos, stops[:, c]) for c in range(3)], axis=-1)
    level = np.floor(v * CONTOURS)
    edge = np.zeros_like(v, dtype=bool)
    edge[:, 1:] |= level[:, 1:] != level[:, :-1]
    edge[1:, :] |= level[1:, :] != level[:-1, :]
    rgb[edge] *= 0.82
    return charts.png_url(rgb[::-1])  # image row 0 = the top (largest w2)


# ---- charts ------------------------------------------------------------------------------


def color(name: str) -> str:
    """The optimizer's colour: by its place in the registry, the same whichever are chosen."""
    return PALETTE[optimizers.NAMES.index(name) % len(PALETTE)]


def _color(names: list[str], **legend) -> alt.Color:
    """One colour per optimizer, the same whichever others are chosen."""
    labels = [option_label(n) for n in names]
    colors = [color(n) for n in names]
    scale = alt.Scale(domain=labels, range=colors)
    return alt.Color(
        "optimizer:N", scale=scale, title=t("lab.optimizer"), legend=alt.Legend(**legend)
    )


def _image(url: str, x: tuple[float, float], y: tuple[float, float]) -> alt.Chart:
    """The background PNG stretched over the box (one mark_image, axes fixed to the box)."""
    df = pd.DataFrame({"url": [url], "x": [x[0]], "x2": [x[1]], "y": [y[0]], "y2": [y[1]]})
    fixed = {"nice": False, "zero": False}
    return (
        alt.Chart(df)
        .mark_image(aspect=False, smooth=True)
        .encode(
            x=alt.X("x:Q", scale=alt.Scale(domain=list(x), **fixed), title=t("lab.w1")),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=alt.Scale(domain=list(y), **fixed), title=t("lab.w2")),
            y2="y2:Q",
            url="url:N",
        )
    )


def _shown_steps(n: int) -> np.ndarray:
    """At most about MAX_ROWS of the steps 0..n−1, always the last. The stride is odd, so a path
    that zig-zags from one step to the next still zig-zags in the chart."""
    stride = -(-n // MAX_ROWS)
    stride += 1 - stride % 2
    return np.unique(np.append(np.arange(0, n, stride), n - 1))


def _path_frame(s: surfaces.Surface, paths: dict) -> pd.DataFrame:
    """Long rows (optimizer, step, w1, w2, loss, gap) of the finite part of every path."""
    frames = []
    for name, p in paths.items():
        steps = _shown_steps(int(np.isfinite(p[:, 0]).sum()))
        frames.append(
            pd.DataFrame(
                {
                    "optimizer": option_label(name),
                    "step": steps,
                    "w1": np.round(p[steps, 0], 5),
                    "w2": np.round(p[steps, 1], 5),
                    "loss": surfaces.losses(s, p[steps]),
                }
            )
        )
    df = pd.concat(frames, ignore_index=True)
    row = df.groupby("optimizer").cumcount()
    df["dot"] = row % (-(-int(row.max() + 1) // MAX_POINTS)) == 0  # ≤ MAX_POINTS markers a path
    df["gap"] = np.maximum(df["loss"] - s.f_min, charts.TINY)
    return df


def _landmarks(s: surfaces.Surface, start) -> pd.DataFrame:
    rows = [(t(f"lab.kind.{m.kind}"), *m.point) for m in s.minima]
    rows += [(t("lab.kind.saddle"), *p) for p in s.saddles]
    rows.append((t("lab.kind.start"), *start))
    return pd.DataFrame(rows, columns=["kind", "w1", "w2"])


def _surface_chart(s: surfaces.Surface, df: pd.DataFrame, names, start) -> alt.LayerChart:
    x, y = s.box[:2], s.box[2:]
    image = _image(_background(s.name), x, y)
    tooltip = [
        alt.Tooltip("optimizer:N", title=t("lab.optimizer")),
        alt.Tooltip("step:Q", title=t("lab.step")),
        alt.Tooltip("w1:Q", title=t("lab.w1"), format=".3f"),
        alt.Tooltip("w2:Q", title=t("lab.w2"), format=".3f"),
        alt.Tooltip("loss:Q", title=t("lab.loss"), format=".4g"),
    ]
    below = {"orient": "bottom", "direction": "vertical"}  # the plot keeps a phone's full width
    base = alt.Chart(df).encode(x="w1:Q", y="w2:Q", color=_color(names, **below), tooltip=tooltip)
    lines = base.mark_line(clip=True, strokeWidth=2).encode(order="step:Q")
    dots = (
        base.transform_filter("datum.dot")
        .mark_point(clip=True, filled=True, size=18, opacity=0.9)
        .encode(order="step:Q")
    )
    present = {m.kind for m in s.minima} | ({"saddle"} if s.saddles else set()) | {"start"}
    kinds = [t(f"lab.kind.{k}") for k in SHAPES[0] if k in present]
    shapes = [shape for k, shape in zip(*SHAPES, strict=True) if k in present]
    marks = (
        alt.Chart(_landmarks(s, start))
        .mark_point(filled=True, size=220, stroke="black", strokeWidth=1.2, fill="white")
        .encode(
            x="w1:Q",
            y="w2:Q",
            shape=alt.Shape(
                "kind:N",
                scale=alt.Scale(domain=kinds, range=shapes),
                title=t("lab.landmark"),
                legend=alt.Legend(symbolSize=120, **below),  # the marks' 220 overlap the labels
            ),
            tooltip=[
                alt.Tooltip("kind:N", title=t("lab.landmark")),
                alt.Tooltip("w1:Q", title=t("lab.w1"), format=".3f"),
                alt.Tooltip("w2:Q", title=t("lab.w2"), format=".3f"),
            ],
        )
    )
    return alt.layer(image, lines, dots, marks).properties(  # legends below add to the height
        width="container", height=400, autosize=charts.FIT_WIDTH
    )


def _loss_chart(df: pd.DataFrame, names) -> alt.Chart:
    return (
        alt.Chart(df)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=t("lab.step")),
            y=alt.Y(
                "gap:Q", scale=alt.Scale(type="log"), axis=alt.Axis(format="~g"), title=t("lab.gap")
            ),
            color=_color(names, orient="top", columns=3, title=None),  # 3 fit a phone
            tooltip=[
                alt.Tooltip("optimizer:N", title=t("lab.optimizer")),
                alt.Tooltip("step:Q", title=t("lab.step")),
                alt.Tooltip("loss:Q", title=t("lab.loss"), format=".4g"),
            ],
        )
        .properties(width="container", height=260)
    )


# ---- table -------------------------------------------------------------------------------


def _point(w) -> str:
    """(w1, w2) to 2 decimals, without "-0.00"."""
    x, y = np.round(np.asarray(w, dtype=np.float64), 2) + 0.0
    return f"({x:.2f}, {y:.2f})"


def _where(s: surfaces.Surface, p: np.ndarray) -> str:
    stop = surfaces.stopped_at(p)
    if stop is not None:
        return t("lab.stopped", step=stop)
    label = surfaces.which_minimum(s, surfaces.final_point(p))
    if label is None:
        return t("lab.none")
    m = surfaces.minimum(s, label)
    return t(f"lab.at.{m.kind}", point=_point(m.point))


def step_lengths(p: np.ndarray) -> tuple[float, float]:
    """Length ‖w_t − w_{t−1}‖ of a path's first and last finite step."""
    lengths = np.linalg.norm(np.diff(p, axis=0), axis=1)
    lengths = lengths[np.isfinite(lengths)]
    return (float(lengths[0]), float(lengths[-1])) if lengths.size else (np.nan, np.nan)


def summary(s: surfaces.Surface, paths: dict) -> pd.DataFrame:
    """One row per optimizer: final loss, final point, which minimum, first and last step,
    diverged?"""
    rows = []
    for name, p in paths.items():
        w = surfaces.final_point(p)
        first, last = step_lengths(p)
        rows.append(
            {
                t("lab.optimizer"): option_label(name),
                t("lab.final_loss"): float(surfaces.losses(s, w)),
                t("lab.final_point"): _point(w),
                t("lab.ends_in"): _where(s, p),
                t("lab.first_step"): first,
                t("lab.last_step"): last,
                t("lab.diverged"): surfaces.stopped_at(p) is not None,
            }
        )
    return pd.DataFrame(rows)


# ---- the surface's text, with numbers from the lab's own runs --------------------------------


@st.cache_data(max_entries=8, show_spinner=False)
def default_runs(surface: str) -> dict:
    """{optimizer: path} of every optimizer with the surface's default η, steps and start."""
    s = surfaces.get(surface)
    return {n: surfaces.path(s, n, s.lr, s.steps) for n in optimizers.NAMES}


def about(surface: str) -> str:
    """The surface's explanation; the numbers it quotes are measured on `default_runs`."""
    s = surfaces.get(surface)
    kw = {"lr": f"{s.lr:g}", "steps": s.steps}
    if surface == "valley":
        runs = default_runs(surface)
        steps = {n: step_lengths(p) for n, p in runs.items() if adaptive(n)}
        kw["adaptive"] = ", ".join(option_label(n) for n in steps)
        kw["shrink"] = ", ".join(
            f"{option_label(n)} {a:.1e} → {b:.1e}" for n, (a, b) in steps.items()
        )
        reached = [n for n, p in runs.items() if surfaces.which_minimum(s, surfaces.final_point(p))]
        kw["reached"] = ", ".join(option_label(n) for n in reached)
    if surface == "bowl":
        c = surfaces.BOWL_C
        kw |= {"c": f"{c:g}", "zigzag": f"{1 / c:g}", "diverge": f"{2 / c:g}"}
    return t(f"lab.about.{surface}", **kw)


# ---- page --------------------------------------------------------------------------------


def _numbers(where, setting: str, options: tuple[float, ...], default: float, surface: str):
    """A select slider of numbers (lab.<setting>), kept per surface."""
    key = state.lab_setting(setting, surface)
    fmt = lambda v: f"{v:g}"  # noqa: E731
    return where.select_slider(t(f"lab.{setting}"), options, default, format_func=fmt, key=key)


def _controls() -> dict:
    name = st.selectbox(
        t("lab.surface"),
        surfaces.NAMES,
        format_func={n: t(f"lab.surface.{n}") for n in surfaces.NAMES}.get,
        key=state.LAB_SURFACE,
    )
    s = surfaces.get(name)
    names = st.multiselect(
        t("lab.optimizers"),
        optimizers.NAMES,
        DEFAULT_OPTIMIZERS,
        format_func=option_label,
        key=state.LAB_OPTIMIZERS,
    )
    lr = _numbers(st, "lr", LR_OPTIONS, s.lr, name)
    steps = st.slider(t("lab.steps"), 10, 2000, s.steps, 10, key=state.lab_setting("steps", name))
    x0, x1, y0, y1 = s.box
    c1, c2 = st.columns(2)
    sx = c1.number_input(
        t("lab.start_x"), x0, x1, s.start[0], 0.1, "%.2f", key=state.lab_setting("x", name)
    )
    sy = c2.number_input(
        t("lab.start_y"), y0, y1, s.start[1], 0.1, "%.2f", key=state.lab_setting("y", name)
    )
    gradient = st.radio(
        t("lab.gradient"),
        GRADIENTS,
        format_func={g: t(f"lab.gradient.{g}") for g in GRADIENTS}.get,
        help=t("lab.gradient.help"),
        key=state.LAB_GRADIENT,
    )
    noise, seed = 0.0, 0
    if gradient == "noisy":
        c1, c2 = st.columns(2)
        noise = _numbers(c1, "noise", NOISE_OPTIONS, s.noise, name)
        seed = int(c2.number_input(t("lab.seed"), 0, 9999, 0, key=state.LAB_SEED))
        st.caption(t("lab.noise.caption", seed=seed))
    return {
        "surface": s,
        "names": names,
        "lr": lr,
        "steps": int(steps),
        "start": (float(sx), float(sy)),
        "noise": float(noise),
        "seed": seed,
    }


def rules(names: list[str]) -> None:
    """Each chosen optimizer's update rule and description, from its registry facts."""
    with st.expander(t("lab.rules"), icon=":material/function:"):
        for name in names:
            facts = optimizers.get(name).facts
            kind = t("lab.adaptive") if adaptive(name) else t("lab.plain")
            st.markdown(f"**{option_label(name)}** ({kind}): {t(facts.text_key)}")
            latex(facts.formula)


def render() -> None:
    st.title(t("lab.title"))
    st.caption(t("lab.intro"))
    left, right = st.columns([1, 2.2], gap="large")
    with left:
        c = _controls()
    s, names = c["surface"], c["names"]
    with right:
        st.info(about(s.name), icon=":material/landscape:")
        if not names:
            st.warning(t("lab.pick"))
            return
        paths = _paths(s.name, tuple(names), c["lr"], c["steps"], c["start"], c["noise"], c["seed"])
        df = _path_frame(s, paths)
        st.markdown(f"**{t('lab.paths')}**")
        st.altair_chart(_surface_chart(s, df, names, c["start"]), width="stretch")
    gone = [option_label(n) for n, p in paths.items() if surfaces.stopped_at(p) is not None]
    if gone:
        st.warning(t("lab.divergence", names=", ".join(gone)), icon=":material/warning:")
    c1, c2 = st.columns([1, 1.6], gap="medium")
    c1.markdown(f"**{t('lab.curve')}**")
    c1.altair_chart(_loss_chart(df, names), width="stretch")
    c2.markdown(f"**{t('lab.summary')}**")
    c2.dataframe(
        summary(s, paths), hide_index=True, width="stretch",
        column_config={
            t(key): st.column_config.NumberColumn(format=fmt)
            for key, fmt in (("lab.final_loss", "%.4g"), ("lab.first_step", "%.1e"),
                             ("lab.last_step", "%.1e"))
        },
    )  # fmt: skip
    rules(names)
