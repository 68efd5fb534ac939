"""Learn page: the seven tuning points ①–⑦, back-propagation and vanishing / exploding
gradients, one section at a time: a short explanation, the formulas, a small live picture
computed with the playground's own code, and "Try it" buttons that load a teaching preset."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground import charts, data, presets
from playground.app import navigation, sidebar
from playground.app.i18n import option_label, t
from playground.app.layout import latex
from playground.app.runs import train
from playground.config import RunConfig
from playground.diagnosis import (
    EXPLODE_RATIO,
    HUGE_STEP,
    TINY_STEP,
    VANISH_RATIO,
    delta_ratio,
    step_sizes,
)
from playground.nn import activations, initializers, optimizers
from playground.nn.network import MLP, one_hot
from playground.nn.train import SATURATION
from playground.preprocessing import make_scaler

CIRCLED = dict(zip("1234567", "①②③④⑤⑥⑦", strict=True))
SECTIONS = ("1", "2", "3", "4", "5", "6", "7", "backprop", "gradients")
SECTION_PRESETS = {
    "1": ("normalizer_circles", "standard_circles"),
    "2": ("mse_saturated", "ce_saturated"),
    "3": ("deep_sigmoid", "deep_sigmoid_adam"),
    "4": ("zero_init", "large_weights"),
    "5": ("lr_too_high", "full_batch_gd", "minibatch_sgd"),
    "6": ("too_few_nodes", "too_many_nodes"),
    "7": ("too_many_nodes", "deep_sigmoid"),
    "backprop": (),
    "gradients": ("deep_sigmoid", "large_weights"),
}
BLUE, RED, ORANGE, GREY = "#0877bd", "#d62728", "#f59322", "#888888"
HEIGHT = 260
# Settings of the pictures; the captions quote them through t(...) placeholders.
GD_START, GD_STEPS = 1.0, 12  # ⑤: gradient descent on L(w) = w² from w = 1, 12 steps
GD_RATES = (0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 1.05)  # ⑤: the learning rates offered
INIT_SEED = 0  # ④: the seed of the weight histogram
SWEEP_EPOCHS, SWEEP_SAMPLES = 150, 300  # ⑥ ⑦: the sweeps (other settings: RunConfig defaults)
WIDTHS, DEPTHS, DEPTH_WIDTH = (1, 2, 3, 4, 6, 8), (0, 1, 2, 3, 4), 8  # ⑥ widths, ⑦ depths
GRAD_DATA, GRAD_SAMPLES = "moons", 200  # gradients: the data of the fresh network


# ---- formulas (LaTeX, the same in both languages) ------------------------------------------------
STANDARDIZE = r"z = \frac{x - \mu}{\sigma}"
P_NORM = r"\lVert x \rVert_p = \Big(\sum_{i=1}^{n} |x_i|^p\Big)^{1/p},\quad \lVert x \rVert_1 = \sum_i |x_i|,\quad \lVert x \rVert_2 = \sqrt{\textstyle\sum_i x_i^2},\quad \lVert x \rVert_\infty = \max_i |x_i|"
NORMALIZE = r"\mathrm{Normalization}(x) = \frac{x}{\lVert x \rVert_p}"
CROSS_ENTROPY = r"H(p, q) = -\sum_x p(x)\,\log q(x) \qquad H(p, q) = -\int p(x)\,\log q(x)\,dx"
BINARY_CE = r"L_{\mathrm{CE}} = -\big[y \log \hat y + (1 - y)\log(1 - \hat y)\big],\quad \frac{\partial L_{\mathrm{CE}}}{\partial z} = \hat y - y \qquad L_{\mathrm{MSE}} = (\hat y - y)^2,\quad \frac{\partial L_{\mathrm{MSE}}}{\partial z} = 2(\hat y - y)\,\sigma'(z)"
LEAKY, ELU_A = activations.LEAKY_SLOPE, activations.ELU_ALPHA
SELU_L, SELU_A = activations.SELU_LAMBDA, activations.SELU_ALPHA
ACTIVATION_TEX = {
    "linear": (r"f(x) = x", r"f'(x) = 1"),
    "sigmoid": (
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        r"\sigma'(x) = \sigma(x)\,\big(1 - \sigma(x)\big)",
    ),
    "tanh": (r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", r"\tanh'(x) = 1 - \tanh^2(x)"),
    "relu": (r"f(x) = \max(0, x)", r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}"),
    "leaky_relu": (
        rf"f(x) = \max({LEAKY:g}x,\ x)",
        rf"f'(x) = \begin{{cases}} 1 & x > 0 \\ {LEAKY:g} & x \le 0 \end{{cases}}",
    ),
    "elu": (  # the slide's cases (x ≥ 0 / x < 0); f and f′ agree with x > 0 / x ≤ 0 at 0
        rf"f(x) = \begin{{cases}} x & x \ge 0 \\ \alpha\,(e^{{x}} - 1) & x < 0 \end{{cases}}\quad (\alpha = {ELU_A:g})",
        r"f'(x) = \begin{cases} 1 & x \ge 0 \\ f(x) + \alpha & x < 0 \end{cases}",
    ),
    "maxout": (
        r"f(x) = \max(w_1^{\top}x + b_1,\ w_2^{\top}x + b_2)",
        r"\frac{\partial f}{\partial x} = w_k,\quad k = \arg\max_j\,(w_j^{\top}x + b_j)",
    ),
    "selu": (
        rf"f(x) = \lambda \begin{{cases}} x & x > 0 \\ \alpha\,(e^{{x}} - 1) & x \le 0 \end{{cases}}\quad (\lambda \approx {SELU_L:.4f},\ \alpha \approx {SELU_A:.4f})",
        r"f'(x) = \begin{cases} \lambda & x > 0 \\ f(x) + \lambda\alpha & x \le 0 \end{cases}",
    ),
    "gelu": (
        r"f(x) = \tfrac{1}{2}x\,\big(1 + \tanh u\big),\quad u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)",
        r"f'(x) = \tfrac{1}{2}(1 + \tanh u) + \tfrac{1}{2}x\,(1 - \tanh^2 u)\,\sqrt{2/\pi}\,(1 + 3\cdot 0.044715\,x^2)",
    ),
    "swish": (r"f(x) = x\,\sigma(x)", r"f'(x) = \sigma(x)\,\big(1 + x\,(1 - \sigma(x))\big)"),
    "softplus": (r"f(x) = \log(1 + e^{x})", r"f'(x) = \sigma(x)"),
}
INIT_ROWS = (  # (method, uniform range r, normal spread σ), as in playground/nn/initializers.py
    (
        "Glorot (Xavier)",
        r"r = \sqrt{6/(n_{in} + n_{out})}",
        r"\sigma = \sqrt{2/(n_{in} + n_{out})}",
    ),
    ("He", r"r = \sqrt{6/n_{in}}", r"\sigma = \sqrt{2/n_{in}}"),
    ("LeCun", r"r = \sqrt{3/n_{in}}", r"\sigma = \sqrt{1/n_{in}}"),
    ("random", r"r = 0.05", r"\sigma = 0.05"),
)
# (distribution, spread as a function of (n_in, n_out)), as in playground/nn/initializers.py
INIT_SPREAD = {
    "zeros": ("zeros", lambda i, o: 0.0),
    "random_normal": ("normal", lambda i, o: 0.05),
    "random_uniform": ("uniform", lambda i, o: 0.05),
    "glorot_normal": ("normal", lambda i, o: np.sqrt(2 / (i + o))),
    "glorot_uniform": ("uniform", lambda i, o: np.sqrt(6 / (i + o))),
    "he_normal": ("normal", lambda i, o: np.sqrt(2 / i)),
    "he_uniform": ("uniform", lambda i, o: np.sqrt(6 / i)),
    "lecun_normal": ("normal", lambda i, o: np.sqrt(1 / i)),
    "lecun_uniform": ("uniform", lambda i, o: np.sqrt(3 / i)),
}
RULES_TEX = r"n_{out} \le n_{hidden} \le n_{in},\qquad n_{hidden} = \tfrac{2}{3}\,n_{in} + n_{out},\qquad n_{hidden} < 2\,n_{in}"
GD_TEX = r"\theta \leftarrow \theta - \eta\, g,\qquad g = \frac{1}{|B|}\sum_{i \in B} \nabla_\theta\, \ell_i(\theta)"
OPTIMIZER_TEX = {
    "sgd": r"\theta \leftarrow \theta - \eta\, g",
    "momentum": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\, v",
    "nesterov": r"v \leftarrow \mu v + g,\qquad \theta \leftarrow \theta - \eta\,(g + \mu v)",
    "adagrad": r"G \leftarrow G + g^2,\qquad \theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{G} + \epsilon}",
    "rmsprop": r"s \leftarrow \alpha s + (1 - \alpha)\, g^2,\qquad \theta \leftarrow \theta - \eta\,\frac{g}{\sqrt{s} + \epsilon}",
    "adam": r"m \leftarrow \beta_1 m + (1 - \beta_1) g,\quad v \leftarrow \beta_2 v + (1 - \beta_2) g^2,\quad \hat m = \frac{m}{1 - \beta_1^t},\quad \hat v = \frac{v}{1 - \beta_2^t},\quad \theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
    "adamw": r"\theta \leftarrow \theta\,(1 - \eta\lambda),\qquad \theta \leftarrow \theta - \eta\,\frac{\hat m}{\sqrt{\hat v} + \epsilon}",
}
BACKPROP_TEX = (
    r"z^{l} = a^{l-1} W^{l} + b^{l},\qquad a^{l} = f(z^{l}),\qquad a^{0} = x",
    r"L = \mathrm{CE}(\hat y, y),\qquad \delta^{L} = \frac{\partial L}{\partial z^{L}} = \hat y - y",
    r"\delta^{l} = \big(\delta^{l+1}\, W^{l+1\,\top}\big) \odot f'(z^{l}),\qquad \frac{\partial L}{\partial W^{l}} = a^{l-1\,\top}\,\delta^{l},\qquad \frac{\partial L}{\partial b^{l}} = \textstyle\sum \delta^{l}",
    r"W^{l} \leftarrow W^{l} - \eta\,\frac{\partial L}{\partial W^{l}}",
)
GRADIENT_TEX = r"\frac{\partial L}{\partial a^{1}} = \delta^{L}\, W^{L\top} \prod_{l=2}^{L-1} \mathrm{diag}\big(f'(z^{l})\big)\, W^{l\top} \quad\Rightarrow\quad \Big\lVert \frac{\partial L}{\partial W^{1}} \Big\rVert \sim \prod_l \lVert W^{l} \rVert\, \lvert f'(z^{l}) \rvert"


# ---- data for the pictures (pure functions) ------------------------------------------------------
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
    """|∂L/∂z| at a sigmoid output for y = 1: cross entropy ŷ − 1, MSE 2(ŷ − 1)·ŷ(1 − ŷ)."""
    s = activations.get("sigmoid").f(z)
    ce, mse = np.abs(s - 1), np.abs(2 * (s - 1) * s * (1 - s))
    return pd.DataFrame(
        {
            "z": np.r_[z, z],
            "grad": np.r_[ce, mse],
            "loss": [option_label("cross_entropy")] * len(z) + [option_label("mse")] * len(z),
        }
    )


MAXOUT_W = np.array([1.0, -0.5])  # the two pieces drawn for maxout: max(x, −0.5x)


def activation_curve(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f(x) and f′(x) from playground.nn.activations (maxout: pieces w = (1, −0.5), b = 0)."""
    act = activations.get(name)
    if act.df is None:
        z = x[:, None] * MAXOUT_W[None, :]  # (n, 2): the two pieces of one unit
        a = act.forward(z)
        grads = act.backward(z, a, np.ones_like(a))
        return a[:, 0], grads @ MAXOUT_W
    z = x[:, None]
    a = act.forward(z)
    return a[:, 0], act.df(z, a)[:, 0]


def maxout_caption() -> str:
    w1, w2 = (f"{w:g}" for w in MAXOUT_W)
    return t("learn.3.maxout", pieces=activations.MAXOUT_PIECES, w1=w1, w2=w2)


def initial_weights(name: str, fan_in: int, fan_out: int) -> np.ndarray:
    return initializers.get(name)((fan_in, fan_out), np.random.default_rng(INIT_SEED)).ravel()


def gd_path(lr: float, steps: int = GD_STEPS, w0: float = GD_START) -> np.ndarray:
    """Gradient descent on L(w) = w² from w0: w ← w − η·2w."""
    w = [w0]
    for _ in range(steps):
        w.append(w[-1] - lr * 2 * w[-1])
    return np.array(w)


def gd_behaviour(w: np.ndarray) -> str:
    """What a path of gradient descent on w² does, read from the path itself: "one_step" (lands
    on 0), "one_side" (|w| shrinks, no sign change), "zigzag" (|w| shrinks, the sign flips),
    "bounce" (|w| stays, the sign flips) or "diverge" (|w| grows)."""
    size, flips = np.abs(w), np.sign(w[1:]) != np.sign(w[:-1])
    if size[1] == 0:
        return "one_step"
    if np.all(size[1:] < size[:-1]):
        return "zigzag" if flips.all() else "one_side"
    return "bounce" if np.allclose(size, size[0]) else "diverge"


def gd_caption(lr: float) -> str:
    """The caption under the ⑤ picture: the step rule and what this η's path does."""
    w = gd_path(lr)
    kw = {"w0": f"{w[0]:g}", "lr": f"{lr:g}", "steps": len(w) - 1, "w_end": f"{w[-1]:.3g}"}
    rule = t("learn.5.steps_caption", factor=f"{1 - 2 * lr:.2g}", **kw)
    return f"{rule} {t(f'learn.5.gd.{gd_behaviour(w)}', **kw)}"


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


def sweep_caption(key: str, dataset: str, values: tuple[int, ...]) -> str:
    """The ⑥/⑦ caption with the sweep's real settings (RunConfig's defaults and the constants)."""
    c = RunConfig()
    return t(
        key, dataset=option_label(dataset), lo=values[0], hi=values[-1], width=DEPTH_WIDTH,
        activation=option_label(c.activation), optimizer=option_label(c.optimizer),
        epochs=SWEEP_EPOCHS,
    )  # fmt: skip


def params_caption(n_in: int = 2, n_out: int = 1) -> str:
    counts = " · ".join(
        t("learn.7.layers", d=d, n=n_params((DEPTH_WIDTH,) * d, n_in, n_out)) for d in DEPTHS
    )
    return t("learn.7.params", n_in=n_in, n_out=n_out, width=DEPTH_WIDTH, list=counts)


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


def n_params(hidden: tuple[int, ...], n_in: int = 2, n_out: int = 1) -> int:
    sizes = [n_in, *hidden, n_out]
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:], strict=False))


@st.cache_data(max_entries=16, show_spinner=False)
def sweep(dataset: str, field: str, values: tuple[int, ...]) -> pd.DataFrame:
    """Final train/test accuracy for hidden = (v,) (field "width") or (8,) * v ("depth")."""
    rows = []
    for v in values:
        hidden = (v,) if field == "width" else (DEPTH_WIDTH,) * v
        r = train(
            RunConfig(dataset=dataset, hidden=hidden, epochs=SWEEP_EPOCHS, n_samples=SWEEP_SAMPLES)
        )
        for split in ("train", "test"):
            rows.append({field: v, "split": split, "accuracy": float(r.final[f"{split}_accuracy"])})
    return pd.DataFrame(rows)


# ---- page plumbing -------------------------------------------------------------------------------
def playground_target() -> st.Page:
    """The playground page as registered with st.navigation (pages match by url_path)."""
    return navigation.target(navigation.PLAYGROUND)


def go_to(page: st.Page | None, config: RunConfig | None = None) -> None:
    """Switch to `page` (default: the playground) after a setup was loaded into the sidebar.

    `config`: that setup, when the current page does not draw the sidebar (the Learn page).
    The switch then puts it into the URL (`sidebar.url_query`): the playground's widgets are
    new there and Streamlit writes a value that only session state holds to the URL on a later
    rerun, so without it the address would be a bare `/` and a copied link would lose the
    setup. On a page that draws the sidebar (Exercises) its bound parameters cannot be set by a
    switch (Streamlit refuses) and need not be: the widgets keep their values across the switch
    and write them back. `query_params={}` avoids that refusal for the current parameters."""
    params = sidebar.url_query(config) if config is not None else {}
    try:
        st.switch_page(page or playground_target(), query_params=params)
    except StreamlitAPIException:  # a parameter bound on this page: let the widgets write it
        st.switch_page(page or playground_target(), query_params={})


def _try_it(section: str, target: st.Page | None) -> None:
    ids = SECTION_PRESETS[section]
    if not ids:
        return
    st.markdown(f"#### {t('learn.try')}")
    cols = st.columns(len(ids))
    for col, pid in zip(cols, ids, strict=True):
        preset = presets.get(pid)
        with col.container(border=True):
            st.markdown(f"**{t(f'learn.preset.{preset.key}')}**")
            st.caption(t(f"learn.preset.{preset.key}.about"))
            if st.button(
                t("learn.try_btn"),
                key=f"try_{section}_{pid}",
                icon=":material/play_arrow:",
                on_click=sidebar.load_config,
                args=(preset.config,),
            ):
                go_to(target, preset.config)


def _heading(key: str) -> None:
    st.markdown(f"#### {t(key)}")


def _class_color(y: np.ndarray) -> alt.Color:
    return alt.Color(
        "class:N",
        scale=alt.Scale(range=[ORANGE, BLUE, "#009e73"]),
        title=t("learn.class"),
        legend=alt.Legend(orient="bottom"),  # below the plot: the plot keeps a phone's width
    )


# ---- the sections ---------------------------------------------------------------------------------
def section_1(pages: dict) -> None:
    st.markdown(t("learn.1.text"))
    _heading("learn.formulas")
    for tex in (STANDARDIZE, P_NORM, NORMALIZE):
        latex(tex)
    _heading("learn.picture")
    std_tab, norm_tab = st.tabs([t("learn.1.std_tab"), t("learn.1.norm_tab")])
    with std_tab:
        c1, c2 = st.columns(2)
        names = ("breast_cancer", "moons", "circles", "gaussians", "iris", "spiral")
        dataset = c1.selectbox(
            t("learn.dataset"), names, format_func=option_label, key="learn_1_data"
        )
        scaler = c2.selectbox(
            t("learn.scaler"),
            ("standard", "minmax", "normalizer_l2", "none"),
            format_func=option_label,
            key="learn_1_scaler",
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
            key="learn_1_ndata",
        )
        norm = c2.segmented_control(
            t("learn.1.norm_pick"),
            ("l2", "l1", "max"),
            default="l2",
            required=True,
            key="learn_1_norm",
        )
        X, Xn, y = scaled_features(dataset, f"normalizer_{norm}")
        for col, panel in zip(st.columns(2), _normalizer_charts(X, Xn, y, norm), strict=True):
            col.altair_chart(panel, width="content")
        r = np.linalg.norm(X, ord={"l1": 1, "l2": 2, "max": np.inf}[norm], axis=1)
        st.caption(t("learn.1.norm_caption", norm=norm, lo=f"{r.min():.2f}", hi=f"{r.max():.2f}"))


def _normalizer_charts(
    X: np.ndarray, Xn: np.ndarray, y: np.ndarray, norm: str
) -> tuple[alt.Chart, alt.LayerChart]:
    """Before and after the Normalizer: two square 260 px plots (a circle must look round), for
    two columns (side by side on a wide screen, one under the other on a phone), legends below."""
    cls = [str(c) for c in y]
    before = (
        alt.Chart(pd.DataFrame({"x": X[:, 0], "y": X[:, 1], "class": cls}), title=t("learn.before"))
        .mark_circle(size=18, opacity=0.7)
        .encode(x=alt.X("x:Q", title="x1"), y=alt.Y("y:Q", title="x2"), color=_class_color(y))
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
        .encode(x="x:Q", y="y:Q", color=_class_color(y))
    )
    right = alt.layer(
        rings, after, title=t("learn.after", scaler=f"Normalizer ({norm})")
    ).properties(width=260, height=260, autosize=charts.FIXED_SIZE)
    return before, right


def section_2(pages: dict) -> None:
    st.markdown(t("learn.2.text"))
    _heading("learn.formulas")
    latex(CROSS_ENTROPY)
    latex(BINARY_CE)
    _heading("learn.picture")
    c1, c2 = st.columns(2)
    d = c1.slider(t("learn.2.distance"), 0.0, 4.0, 2.5, 0.1, key="learn_2_d")
    s = c2.slider(t("learn.2.sigma"), 0.5, 2.0, 1.0, 0.1, key="learn_2_s")
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
    g = output_gradients(np.linspace(-8, 8, 161))
    st.altair_chart(
        alt.Chart(g)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("z:Q", title=t("learn.2.logit")),
            y=alt.Y("grad:Q", title=t("learn.2.grad")),
            color=alt.Color(
                "loss:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=t("learn.2.loss")
            ),
        )
        .properties(height=220, width="container"),
        width="stretch",
    )
    st.caption(t("learn.2.grad_caption"))


def section_3(pages: dict) -> None:
    st.markdown(t("learn.3.text"))
    names = [n for n in activations.NAMES if n in ACTIVATION_TEX]
    name = st.segmented_control(
        t("learn.3.pick"),
        names,
        default="sigmoid",
        required=True,
        format_func=option_label,
        key="learn_3_act",
    )
    _heading("learn.formulas")
    f_tex, df_tex = ACTIVATION_TEX[name]
    latex(f_tex)
    latex(df_tex)
    _heading("learn.picture")
    x = np.linspace(-5, 5, 401)
    f, df = activation_curve(name, x)
    long = pd.DataFrame(
        {
            "x": np.r_[x, x],
            "y": np.r_[f, df],
            "curve": [t("learn.3.f")] * len(x) + [t("learn.3.df")] * len(x),
        }
    )
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title=t("learn.3.x")),
            y=alt.Y("y:Q", title=None),
            color=alt.Color(
                "curve:N", scale=alt.Scale(range=[BLUE, ORANGE]), title=t("learn.3.curve")
            ),
        )
    )
    layers = [lines]
    peak = activations.get(name).peak
    if peak:
        sat = x[np.abs(df) < SATURATION * peak]
        if sat.size:
            band = pd.DataFrame(
                {
                    "x": [x.min(), sat[sat > 0].min() if (sat > 0).any() else x.max()],
                    "x2": [sat[sat < 0].max() if (sat < 0).any() else x.min(), x.max()],
                }
            )
            band["what"] = t("learn.3.saturated", pct=f"{100 * SATURATION:g}")
            layers.insert(
                0,
                alt.Chart(band)
                .mark_rect(opacity=0.12, color=RED)
                .encode(x="x:Q", x2="x2:Q", tooltip="what:N"),
            )
            st.caption(f":red[▮] {t('learn.3.saturated', pct=f'{100 * SATURATION:g}')}")
    st.altair_chart(
        alt.layer(*layers).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if name == "maxout":
        st.caption(maxout_caption())


def init_table() -> str:
    """Glorot / He / LeCun / random in a markdown table with inline LaTeX."""
    head = f"| {t('learn.4.method')} | {t('learn.4.uniform_col')} | {t('learn.4.normal_col')} |"
    rows = [head, "|---|---|---|"]
    for name, r, sigma in INIT_ROWS:
        label = t("learn.4.random") if name == "random" else name
        rows.append(f"| {label} | ${r}$ | ${sigma}$ |")
    return "\n".join(rows)


def section_4(pages: dict) -> None:
    st.markdown(t("learn.4.text"))
    _heading("learn.formulas")
    latex(r"W \sim U(-r,\ r) \qquad W \sim N(0,\ \sigma^2)")
    st.markdown(init_table())
    st.caption(t("learn.4.slide"))
    _heading("learn.picture")
    c1, c2, c3 = st.columns(3)
    name = c1.selectbox(
        t("learn.4.pick"),
        initializers.NAMES,
        index=initializers.NAMES.index("glorot_uniform"),
        format_func=option_label,
        key="learn_4_init",
    )
    fan_in = c2.select_slider(
        t("learn.4.fan_in"), (2, 4, 8, 16, 32, 64, 128, 256), 64, key="learn_4_in"
    )
    fan_out = c3.select_slider(
        t("learn.4.fan_out"), (1, 2, 4, 8, 16, 32, 64, 128, 256), 64, key="learn_4_out"
    )
    w = initial_weights(name, fan_in, fan_out)
    kind, spread = INIT_SPREAD[name][0], float(INIT_SPREAD[name][1](fan_in, fan_out))
    lim = max(spread * (3 if kind == "normal" else 1.2), 0.05)
    counts, edges = np.histogram(w, bins=41, range=(-lim, lim))
    hist = pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": counts})
    bars = (
        alt.Chart(hist)
        .mark_bar(color=BLUE if kind != "uniform" else ORANGE)
        .encode(
            x=alt.X("lo:Q", title=t("learn.4.weight"), scale=alt.Scale(domain=[-lim, lim])),
            x2="hi:Q",
            y=alt.Y("count:Q", title=t("learn.4.count")),
            y2=alt.datum(0),
        )
    )
    marks = (
        alt.Chart(pd.DataFrame({"v": [-spread, spread]}))
        .mark_rule(color=RED, strokeWidth=2)
        .encode(x="v:Q")
    )
    st.altair_chart(
        alt.layer(bars, marks).properties(height=HEIGHT, width="container"), width="stretch"
    )
    if kind == "normal":
        st.markdown(t("learn.4.normal", s=f"{spread:.4f}", m=f"{w.std():.4f}"))
    elif kind == "uniform":
        st.markdown(
            t("learn.4.uniform", s=f"{spread:.4f}", lo=f"{w.min():.4f}", hi=f"{w.max():.4f}")
        )
    else:
        st.markdown(t("learn.4.zeros"))
    st.caption(t("learn.4.caption", n=f"{w.size:,}", i=fan_in, o=fan_out, seed=INIT_SEED))


def section_5(pages: dict) -> None:
    st.markdown(t("learn.5.text"))
    _heading("learn.formulas")
    latex(GD_TEX)
    st.caption(t("learn.5.batch"))
    name = st.segmented_control(
        t("learn.5.pick"),
        optimizers.NAMES,
        default="adam",
        required=True,
        format_func=option_label,
        key="learn_5_opt",
    )
    latex(OPTIMIZER_TEX[name])
    if name == "adamw":
        st.caption(t("learn.5.adamw"))
    defaults = ", ".join(f"{k} = {v}" for k, v in optimizers.DEFAULTS[name].items())
    st.caption(t("learn.5.defaults", defaults=defaults or "—"))
    _heading("learn.picture")
    lr = st.select_slider(t("learn.5.lr"), GD_RATES, 0.3, key="learn_5_lr")
    w = gd_path(lr)
    curve_w = np.linspace(-1.6, 1.6, 161)
    bowl = (
        alt.Chart(pd.DataFrame({"w": curve_w, "L": curve_w**2}))
        .mark_line(color=GREY)
        .encode(
            x=alt.X(
                "w:Q",
                title=t("learn.5.weight"),
                scale=alt.Scale(domain=[-1.6, 1.6], clamp=True, nice=False),
            ),
            y=alt.Y("L:Q", title=t("learn.5.loss"), scale=alt.Scale(domain=[0, 2.6], clamp=True)),
        )
    )
    path = pd.DataFrame({"w": w, "L": w**2, "step": range(len(w))})
    walk = (
        alt.Chart(path)
        .mark_line(point=alt.OverlayMarkDef(color=RED), color=RED)
        .encode(
            x="w:Q", y="L:Q", order="step:Q", tooltip=["step:Q", alt.Tooltip("w:Q", format=".3f")]
        )
    )
    st.altair_chart(
        alt.layer(bowl, walk).properties(height=HEIGHT, width="container"), width="stretch"
    )
    st.caption(gd_caption(lr))
    st.info(t("learn.5.lab"), icon=":material/explore:")
    if pages.get("optimizer_lab") is not None:
        st.page_link(
            pages["optimizer_lab"], label=t("learn.5.lab_link"), icon=":material/arrow_forward:"
        )


def _sweep_chart(df: pd.DataFrame, field: str, title_key: str) -> alt.Chart:
    return (
        alt.Chart(df)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X(f"{field}:O", title=t(title_key), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("accuracy:Q", title=t("learn.accuracy"), scale=alt.Scale(domain=[0.4, 1.0])),
            color=alt.Color(
                "split:N",
                scale=alt.Scale(domain=["train", "test"], range=[BLUE, ORANGE]),
                legend=alt.Legend(
                    title=t("learn.split"),
                    labelExpr=f"datum.label == 'train' ? '{t('learn.train')}' : '{t('learn.test')}'",
                ),
            ),
        )
        .properties(height=240, width="container")
    )


def section_6(pages: dict) -> None:
    st.markdown(t("learn.6.text"))
    _heading("learn.formulas")
    latex(RULES_TEX)
    _heading("learn.6.rules")
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
    _heading("learn.picture")
    dataset = st.segmented_control(
        t("learn.dataset"),
        ("circles", "xor", "spiral"),
        default="circles",
        required=True,
        format_func=option_label,
        key="learn_6_data",
    )
    with st.spinner():
        df = sweep(dataset, "width", WIDTHS)
    st.altair_chart(_sweep_chart(df, "width", "learn.6.width"), width="stretch")
    st.caption(sweep_caption("learn.6.sweep", dataset, WIDTHS))


def section_7(pages: dict) -> None:
    st.markdown(t("learn.7.text"))
    _heading("learn.formulas")
    latex(r"P = \sum_{l=1}^{L} (n_{l-1} + 1)\, n_l")
    _heading("learn.picture")
    dataset = st.segmented_control(
        t("learn.dataset"),
        ("spiral", "circles", "xor"),
        default="spiral",
        required=True,
        format_func=option_label,
        key="learn_7_data",
    )
    with st.spinner():
        df = sweep(dataset, "depth", DEPTHS)
    st.altair_chart(_sweep_chart(df, "depth", "learn.7.depth"), width="stretch")
    st.caption(sweep_caption("learn.7.sweep", dataset, DEPTHS))
    st.caption(params_caption())


def section_backprop(pages: dict) -> None:
    st.markdown(t("learn.backprop.text"))
    for n, tex in enumerate(BACKPROP_TEX, start=1):
        st.markdown(t(f"learn.backprop.s{n}"))
        latex(tex)
    if pages.get("backprop") is not None:
        st.info(t("learn.backprop.page"), icon=":material/school:")
        st.page_link(
            pages["backprop"], label=t("learn.backprop.link"), icon=":material/arrow_forward:"
        )


def section_gradients(pages: dict) -> None:
    st.markdown(t("learn.gradients.text", peak=f"{activations.get('sigmoid').peak:g}"))
    _heading("learn.formulas")
    latex(GRADIENT_TEX)
    _heading("learn.picture")
    c1, c2, c3, c4 = st.columns(4)
    act = c1.selectbox(
        t("learn.gradients.activation"),
        ("sigmoid", "tanh", "relu", "leaky_relu", "elu"),
        format_func=option_label,
        key="learn_g_act",
    )
    scale = c2.select_slider(
        t("learn.gradients.scale"),
        sidebar.INIT_SCALE_OPTIONS,
        0.1,
        format_func=sidebar.fmt,
        key="learn_g_scale",
    )
    depth = c3.slider(t("learn.gradients.depth"), 1, 6, 6, key="learn_g_depth")
    width = c4.select_slider(t("learn.gradients.width"), (8, 16, 32), 8, key="learn_g_width")
    init = "he_normal" if act in ("relu", "leaky_relu") else "glorot_uniform"
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


RENDER = {
    "1": section_1, "2": section_2, "3": section_3, "4": section_4, "5": section_5,
    "6": section_6, "7": section_7, "backprop": section_backprop, "gradients": section_gradients,
}  # fmt: skip


def render(
    playground_page: st.Page | None = None,
    optimizer_lab_page: st.Page | None = None,
    backprop_page: st.Page | None = None,
) -> None:
    """The Learn page. The page objects are those registered in streamlit_app.py: "Try it"
    switches to `playground_page` (by default a page with url_path "playground"); the others
    are linked from ⑤ and from back-propagation when given."""
    st.title(t("learn.title"))
    st.caption(t("learn.intro"))
    section = st.segmented_control(
        t("learn.pick"),
        SECTIONS,
        default="1",
        required=True,
        format_func={s: t(f"learn.sec.{s}") for s in SECTIONS}.get,  # labels of this run
        key="learn_section",
    )
    st.subheader(t(f"learn.sec.{section}"))
    RENDER[section]({"optimizer_lab": optimizer_lab_page, "backprop": backprop_page})
    _try_it(section, playground_page)
