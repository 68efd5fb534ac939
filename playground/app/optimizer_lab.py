"""Optimizer lab: the project's optimizers walking on 2-D loss surfaces (tuning point ⑤)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, surfaces
from playground.app import i18n
from playground.app.i18n import option_label, t
from playground.nn import optimizers

EN = {
    "lab.nav": "Optimizer lab",
    "lab.title": "Optimizer lab: paths on a loss surface",
    "lab.intro": "Every optimizer starts from the same point and follows the gradient of a loss "
    "with two weights, using the playground's own optimizers (torch.optim's update rules and "
    "default settings). The background is the loss on a log scale (darker = higher).",
    "lab.surface": "Loss surface",
    "lab.surface.valley": "Narrow valley (Rosenbrock)",
    "lab.surface.bowl": "Bowl",
    "lab.surface.saddle": "Saddle point",
    "lab.surface.local_global": "Local and global minima",
    "lab.about.valley": "f = (1 − w₁)² + 100 (w₂ − w₁²)²: a long, curved, narrow valley whose "
    "floor falls only gently toward the minimum at (1, 1). The walls are steep, so the gradient "
    "points mostly across the valley: plain gradient descent needs a small learning rate not to "
    "bounce out, and then crawls along the floor. Momentum builds up speed along the floor; the "
    "adaptive optimizers (AdaGrad, RMSProp, Adam) move about η per step whatever the gradient's size.",
    "lab.about.bowl": "f = ½ (w₁² + 4 w₂²): a bowl four times as curved along w₂ as along w₁, "
    "with one minimum at (0, 0). Plain gradient descent multiplies the distance along w₂ by "
    "(1 − 4η) each step: it zig-zags for η > 0.25 and diverges for η > 0.5. AdaGrad's steps keep "
    "shrinking as its sum of squared gradients grows; RMSProp forgets old gradients and does not slow down.",
    "lab.about.saddle": "f = ½ w₁² + ¼ w₂⁴ − ½ w₂²: at (0, 0) the surface is a saddle, lowest "
    "along w₁ but highest along w₂. The gradient vanishes there, so gradient descent almost stops "
    "before it slides off to one of the two equally deep minima (0, ±1). Start exactly on the "
    "ridge (w₂ = 0) and exact gradients never leave it; noisy (SGD) gradients do, to a random side.",
    "lab.about.local_global": "Four wells, tilted so that the one near (−1, −1) is the deepest: "
    "the global minimum. The other three are local minima. From the default start, gradient "
    "descent rolls into the nearest well and stays there; momentum carries enough speed over the "
    "ridges to reach the deepest one. Try other start points and learning rates.",
    "lab.optimizers": "Optimizers",
    "lab.lr": "Learning rate η",
    "lab.steps": "Steps",
    "lab.start_x": "Start w₁",
    "lab.start_y": "Start w₂",
    "lab.gradient": "Gradient",
    "lab.gradient.exact": "Exact (GD)",
    "lab.gradient.noisy": "Noisy (SGD)",
    "lab.gradient.help": "Exact: gradient descent on the full data. Noisy: stochastic gradient "
    "descent, whose mini-batch gradient scatters around the exact one; here the exact gradient "
    "plus Gaussian noise of scale σ.",
    "lab.noise": "Noise scale σ",
    "lab.seed": "Noise seed",
    "lab.noise.caption": "Every optimizer gets the same noise sequence (seed {seed}), so the "
    "paths differ only by the optimizer.",
    "lab.pick": "Choose at least one optimizer.",
    "lab.paths": "Paths on the surface",
    "lab.curve": "Loss per step",
    "lab.summary": "Where each optimizer ended",
    "lab.w1": "w₁",
    "lab.w2": "w₂",
    "lab.optimizer": "Optimizer",
    "lab.step": "Step",
    "lab.loss": "Loss",
    "lab.gap": "Loss − lowest loss (log)",
    "lab.landmark": "Landmark",
    "lab.kind.global": "global minimum",
    "lab.kind.local": "local minimum",
    "lab.kind.saddle": "saddle point",
    "lab.kind.start": "start",
    "lab.final_loss": "Final loss",
    "lab.final_point": "Final point",
    "lab.ends_in": "Ends in",
    "lab.diverged": "Diverged",
    "lab.none": "not at a minimum (yet)",
    "lab.at.global": "global {point}",
    "lab.at.local": "local {point}",
    "lab.stopped": "diverged at step {step}",
    "lab.divergence": "{names} diverged: the step grew until the point left the plot far behind. "
    "A smaller learning rate keeps them on the surface.",
}
KO = {
    "lab.nav": "최적화 실험실",
    "lab.title": "최적화 실험실: 손실 곡면 위의 경로",
    "lab.intro": "모든 최적화 알고리즘이 같은 점에서 출발해, 가중치 두 개짜리 손실 함수의 기울기를 "
    "따라 움직입니다. 플레이그라운드가 학습에 쓰는 최적화 코드(torch.optim과 같은 갱신 규칙과 기본 "
    "설정) 그대로입니다. 배경은 로그 눈금의 손실입니다 (어두울수록 높음).",
    "lab.surface": "손실 곡면",
    "lab.surface.valley": "좁은 골짜기 (로젠브록)",
    "lab.surface.bowl": "그릇",
    "lab.surface.saddle": "안장점",
    "lab.surface.local_global": "극솟값과 최솟값",
    "lab.about.valley": "f = (1 − w₁)² + 100 (w₂ − w₁²)²: 길고 휘어진 좁은 골짜기이며, 바닥은 "
    "(1, 1)의 최솟값을 향해 아주 완만하게 내려갑니다. 벽이 가팔라서 기울기는 대부분 골짜기를 가로지르는 "
    "쪽을 가리킵니다. 그래서 경사하강법은 튕겨 나가지 않으려면 학습률이 작아야 하고, 그러면 바닥을 따라 "
    "기어가듯 나아갑니다. 모멘텀은 바닥을 따라 속도를 붙여 가고, 적응형 알고리즘(아다그라드, 알엠에스프롭, "
    "아담)은 기울기의 크기와 상관없이 한 걸음에 대략 η만큼 움직입니다.",
    "lab.about.bowl": "f = ½ (w₁² + 4 w₂²): w₂ 방향으로 w₁ 방향보다 네 배 더 휜 그릇이며, 최솟값은 "
    "(0, 0) 하나입니다. 경사하강법은 한 걸음마다 w₂ 방향의 거리에 (1 − 4η)를 곱합니다: η > 0.25이면 "
    "지그재그로 움직이고, η > 0.5이면 발산합니다. 아다그라드는 기울기 제곱의 합이 커지면서 걸음이 계속 "
    "작아지고, 알엠에스프롭은 오래된 기울기를 잊어버려 느려지지 않습니다.",
    "lab.about.saddle": "f = ½ w₁² + ¼ w₂⁴ − ½ w₂²: (0, 0)은 안장점으로, w₁ 방향으로는 가장 낮고 "
    "w₂ 방향으로는 가장 높습니다. 그곳에서는 기울기가 0이 되므로 경사하강법은 거의 멈췄다가, 똑같이 깊은 "
    "두 최솟값 (0, ±1) 중 한쪽으로 미끄러져 내려갑니다. 능선 위(w₂ = 0)에서 정확히 출발하면 정확한 "
    "기울기로는 영영 벗어나지 못하지만, 잡음 섞인 기울기(확률적 경사하강법)는 무작위한 쪽으로 벗어납니다.",
    "lab.about.local_global": "네 개의 우물을 기울여, (−1, −1) 근처의 우물이 가장 깊도록 만들었습니다: "
    "이것이 최솟값(전역 최솟값)이고, 나머지 셋은 극솟값(지역 최솟값)입니다. 기본 출발점에서 경사하강법은 "
    "가장 가까운 우물로 굴러 들어가 머무르고, 모멘텀은 속도가 붙어 능선을 넘어 가장 깊은 우물까지 "
    "갑니다. 출발점과 학습률을 바꿔 보세요.",
    "lab.optimizers": "최적화 알고리즘",
    "lab.lr": "학습률 η",
    "lab.steps": "걸음 수",
    "lab.start_x": "출발점 w₁",
    "lab.start_y": "출발점 w₂",
    "lab.gradient": "기울기",
    "lab.gradient.exact": "정확한 기울기 (경사하강법)",
    "lab.gradient.noisy": "잡음 섞인 기울기 (확률적 경사하강법)",
    "lab.gradient.help": "정확한 기울기: 전체 데이터로 계산하는 경사하강법. 잡음 섞인 기울기: 확률적 "
    "경사하강법으로, 미니배치의 기울기가 정확한 기울기 주위에 흩어집니다. 여기서는 정확한 기울기에 "
    "크기 σ인 가우스 잡음을 더합니다.",
    "lab.noise": "잡음 크기 σ",
    "lab.seed": "잡음 시드",
    "lab.noise.caption": "모든 최적화 알고리즘이 같은 잡음 수열(시드 {seed})을 받으므로, 경로의 차이는 "
    "오직 최적화 알고리즘에서 나옵니다.",
    "lab.pick": "최적화 알고리즘을 하나 이상 고르세요.",
    "lab.paths": "곡면 위의 경로",
    "lab.curve": "걸음별 손실",
    "lab.summary": "각 최적화 알고리즘의 도착점",
    "lab.w1": "w₁",
    "lab.w2": "w₂",
    "lab.optimizer": "최적화 알고리즘",
    "lab.step": "걸음",
    "lab.loss": "손실",
    "lab.gap": "손실 − 가장 낮은 손실 (로그)",
    "lab.landmark": "표시",
    "lab.kind.global": "최솟값",
    "lab.kind.local": "극솟값",
    "lab.kind.saddle": "안장점",
    "lab.kind.start": "출발점",
    "lab.final_loss": "최종 손실",
    "lab.final_point": "최종 위치",
    "lab.ends_in": "도착한 곳",
    "lab.diverged": "발산",
    "lab.none": "(아직) 어느 극솟값에도 닿지 않음",
    "lab.at.global": "최솟값 {point}",
    "lab.at.local": "극솟값 {point}",
    "lab.stopped": "{step}걸음째에 발산",
    "lab.divergence": "{names}: 발산했습니다. 걸음이 점점 커져 점이 그림 밖 멀리까지 날아갔습니다. "
    "학습률을 낮추면 곡면 위에 머무릅니다.",
}
i18n.register(EN, KO)

LR_OPTIONS = (1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)
NOISE_OPTIONS = (0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0)
DEFAULT_OPTIMIZERS = ["sgd", "momentum", "adam"]
GRADIENTS = ("exact", "noisy")  # GD: the exact gradient; SGD: the gradient plus noise
COLORS = {  # the playground's orange and blue, then Okabe-Ito and friends
    "sgd": "#f59322",
    "momentum": "#0877bd",
    "nesterov": "#56b4e9",
    "adagrad": "#cc79a7",
    "rmsprop": "#6a3d9a",
    "adam": "#009e73",
    "adamw": "#8c564b",
}
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


def _color(names: list[str], **legend) -> alt.Color:
    """One colour per optimizer, the same whichever others are chosen."""
    labels = [option_label(n) for n in names]
    colors = [COLORS.get(n, charts.PALETTE[-1]) for n in names]
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
    base = alt.Chart(df).encode(x="w1:Q", y="w2:Q", color=_color(names), tooltip=tooltip)
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
            ),
            tooltip=[
                alt.Tooltip("kind:N", title=t("lab.landmark")),
                alt.Tooltip("w1:Q", title=t("lab.w1"), format=".3f"),
                alt.Tooltip("w2:Q", title=t("lab.w2"), format=".3f"),
            ],
        )
    )
    return alt.layer(image, lines, dots, marks).properties(width="container", height=460)


def _loss_chart(df: pd.DataFrame, names) -> alt.Chart:
    return (
        alt.Chart(df)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("step:Q", title=t("lab.step")),
            y=alt.Y(
                "gap:Q", scale=alt.Scale(type="log"), axis=alt.Axis(format="~g"), title=t("lab.gap")
            ),
            color=_color(names, orient="top", columns=4, title=None),
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


def summary(s: surfaces.Surface, paths: dict) -> pd.DataFrame:
    """One row per optimizer: final loss, final point, which minimum, diverged?"""
    rows = []
    for name, p in paths.items():
        w = surfaces.final_point(p)
        rows.append(
            {
                t("lab.optimizer"): option_label(name),
                t("lab.final_loss"): float(surfaces.losses(s, w)),
                t("lab.final_point"): _point(w),
                t("lab.ends_in"): _where(s, p),
                t("lab.diverged"): surfaces.stopped_at(p) is not None,
            }
        )
    return pd.DataFrame(rows)


# ---- page --------------------------------------------------------------------------------


def _controls() -> dict:
    name = st.selectbox(
        t("lab.surface"),
        surfaces.NAMES,
        format_func={n: t(f"lab.surface.{n}") for n in surfaces.NAMES}.get,
        key="lab_surface",
    )
    s = surfaces.get(name)
    names = st.multiselect(
        t("lab.optimizers"),
        optimizers.NAMES,
        DEFAULT_OPTIMIZERS,
        format_func=option_label,
        key="lab_optimizers",
    )
    lr = st.select_slider(
        t("lab.lr"), LR_OPTIONS, s.lr, format_func=lambda v: f"{v:g}", key=f"lab_lr_{name}"
    )
    steps = st.slider(t("lab.steps"), 10, 2000, s.steps, 10, key=f"lab_steps_{name}")
    x0, x1, y0, y1 = s.box
    c1, c2 = st.columns(2)
    sx = c1.number_input(t("lab.start_x"), x0, x1, s.start[0], 0.1, "%.2f", key=f"lab_x_{name}")
    sy = c2.number_input(t("lab.start_y"), y0, y1, s.start[1], 0.1, "%.2f", key=f"lab_y_{name}")
    gradient = st.radio(
        t("lab.gradient"),
        GRADIENTS,
        format_func={g: t(f"lab.gradient.{g}") for g in GRADIENTS}.get,
        help=t("lab.gradient.help"),
        key="lab_gradient",
    )
    noise, seed = 0.0, 0
    if gradient == "noisy":
        c1, c2 = st.columns(2)
        noise = c1.select_slider(
            t("lab.noise"),
            NOISE_OPTIONS,
            s.noise,
            format_func=lambda v: f"{v:g}",
            key=f"lab_noise_{name}",
        )
        seed = int(c2.number_input(t("lab.seed"), 0, 9999, 0, key="lab_seed"))
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


def render() -> None:
    st.title(t("lab.title"))
    st.caption(t("lab.intro"))
    left, right = st.columns([1, 2.2], gap="large")
    with left:
        c = _controls()
    s, names = c["surface"], c["names"]
    with right:
        st.info(t(f"lab.about.{s.name}"), icon=":material/landscape:")
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
        column_config={t("lab.final_loss"): st.column_config.NumberColumn(format="%.4g")},
    )  # fmt: skip
