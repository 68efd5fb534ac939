"""Back-propagation, one step per click: the slide's four steps with the actual numbers."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import streamlit as st

from playground import backprop
from playground.app import layout
from playground.app.i18n import option_label, t
from playground.nn.network import MLP

X_TOY = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_TOY = np.array([0, 1, 1, 0])
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "linear")
LR_OPTIONS = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0)
MAX_ITERATIONS = 500
FORWARD, BACKWARD = "#0877bd", "#f59322"  # the playground's blue and orange
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
F_TEX = {  # h = f(z) and f′(z) in LaTeX, {z} and {h} filled in
    "sigmoid": (r"\sigma({z})", r"h(1-h) = {h}(1-{h})"),
    "tanh": (r"\tanh({z})", r"1-h^2 = 1-{h}^2"),
    "relu": (r"\max(0,\ {z})", r"[\,z>0\,] = [\,{z}>0\,]"),
    "leaky_relu": (r"\max(0.1\cdot{z},\ {z})", r"1\ \text{{if}}\ z>0\ \text{{else}}\ 0.1"),
    "elu": (r"\mathrm{{ELU}}({z})", r"1\ \text{{if}}\ z>0\ \text{{else}}\ h+1"),
    "linear": (r"{z}", r"1"),
}


# ---- the network and its numbers ---------------------------------------------------------


def network(activation: str, hidden: int, seed: int) -> MLP:
    """The page's 2-hidden-1 network: Glorot-uniform weights from `seed`, zero biases."""
    return MLP([2, int(hidden), 1], activation, "sigmoid", "glorot_uniform", seed=int(seed))


def walk_at(settings: dict, step: int) -> backprop.Walkthrough:
    """The walk-through of iteration step // 4 (the net after that many updates)."""
    net = network(settings["activation"], settings["hidden"], settings["seed"])
    X, y = X_TOY[settings["samples"]], Y_TOY[settings["samples"]]
    backprop.iterate(net, X, y, step // 4, settings["loss"], settings["lr"])
    return backprop.walkthrough(net, X, y, settings["loss"], settings["lr"])


def loss_change_key(walk: backprop.Walkthrough) -> str:
    """The caption of step 4: the cost fell ("bp.loss_change") or rose ("bp.loss_rose")."""
    return "bp.loss_rose" if walk.loss_after > walk.loss else "bp.loss_change"


def param_names(hidden: int) -> list[str]:
    """w_ij (input i → hidden j), b_j, v_j (hidden j → output), c: the order of `new_params`."""
    m = range(1, hidden + 1)
    return (
        [f"w{i}{j}" for i in (1, 2) for j in m]
        + [f"b{j}" for j in m]
        + [f"v{j}" for j in m]
        + ["c"]
    )


def _flat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([np.ravel(a) for a in arrays])


def _sample_label(i: int) -> str:
    return f"#{i + 1} ({X_TOY[i, 0]:g}, {X_TOY[i, 1]:g}) → {Y_TOY[i]}"


def _nodes(hidden: int) -> list[str]:
    return [f"h{j}".translate(SUB) for j in range(1, hidden + 1)] + ["ŷ"]


def _sample_terms(walk: backprop.Walkthrough) -> np.ndarray:
    """Each sample's own loss ℓ (L is their mean)."""
    p, y = walk.prediction[:, 0], walk.Y[:, 0]
    if walk.loss_name == "mse":
        return (p - y) ** 2
    z = walk.layers[-1].z[:, 0]
    return np.logaddexp(0.0, z) - y * z  # −[y log p + (1 − y) log(1 − p)] from the logit


def table(walk: backprop.Walkthrough, phase: int, samples: list[int]) -> pd.DataFrame:
    """The numbers of one step: forward (z, a per node), error (per sample), backward (∂L/∂a and
    δ per node), update (each parameter before, its gradient, after)."""
    hidden, out = walk.layers
    m = hidden.z.shape[1]
    rows_of = [_sample_label(i) for i in samples]
    if phase == 1:
        return pd.DataFrame(
            {
                t("bp.sample"): rows_of,
                "x₁": walk.X[:, 0],
                "x₂": walk.X[:, 1],
                "y": walk.Y[:, 0],
                "ŷ": walk.prediction[:, 0],
                "ŷ − y": walk.error[:, 0],
                t("bp.term"): _sample_terms(walk),
            }
        )
    if phase == 3:
        names = [n.translate(SUB) for n in param_names(m)]
        old = _flat([hidden.W, hidden.b, out.W, out.b])
        grad, new = _flat(walk.grads), _flat(walk.new_params)
        return pd.DataFrame(
            {t("bp.parameter"): names, t("bp.old"): old, t("bp.gradient"): grad, t("bp.new"): new}
        )
    first, second = ("z", "a") if phase == 0 else ("∂L/∂a", "δ = ∂L/∂z")
    pick = (lambda lay: (lay.z, lay.a)) if phase == 0 else (lambda lay: (lay.grad_a, lay.delta))
    (h1, h2), (o1, o2) = pick(hidden), pick(out)
    v1, v2 = np.column_stack([h1, o1]), np.column_stack([h2, o2])
    nodes = _nodes(m)
    return pd.DataFrame(
        {
            t("bp.sample"): [r for r in rows_of for _ in nodes],
            t("bp.node"): nodes * len(samples),
            first: v1.ravel(),
            second: v2.ravel(),
        }
    )


# ---- formatting --------------------------------------------------------------------------


def _num(v: float) -> str:
    """A number for the diagram and the formulas: 3 decimals, or 2 significant digits if tiny."""
    v = float(v)
    if v != 0 and abs(v) < 5e-4:
        return f"{v:.1e}".replace("-", "−")
    return f"{v:.3f}".replace("-", "−")


def _tex(v: float, paren: bool = True) -> str:
    """A number in LaTeX; tiny ones as m·10^e; negative ones in parentheses (for products)
    unless `paren` is False."""
    v = float(v)
    if v != 0 and abs(v) < 5e-4:
        mant, exp = f"{v:.1e}".split("e")
        s = rf"{mant} \times 10^{{{int(exp)}}}"
    else:
        s = f"{v:.3f}"
    return f"({s})" if v < 0 and paren else s


# ---- diagram -----------------------------------------------------------------------------


def _node(name: str, lines: list[str], fill: str = "#f2f2f2", bold: bool = False) -> str:
    label = "\\n".join(lines)
    pen = 2.2 if bold else 1.0
    return f'  {name} [label="{label}", fillcolor="{fill}", penwidth={pen}];'


def _blend(color: str, strength: float) -> str:
    """`color` faded toward white (strength 0 → white, 1 → the colour)."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    s = float(np.clip(strength, 0.0, 1.0))
    return "#" + "".join(f"{round(255 - s * (255 - c)):02x}" for c in rgb)


def _node_lines(walk: backprop.Walkthrough, phase: int, i: int) -> dict[str, tuple[list, str]]:
    """Label lines and fill colour of every node for sample i at this phase."""
    hidden, out = walk.layers
    m = hidden.z.shape[1]
    x, y = walk.X[i], walk.Y[i, 0]
    nodes = {
        f"x{k}": ([f"x{k}".translate(SUB) + f" = {_num(x[k - 1])}"], "#f2f2f2") for k in (1, 2)
    }
    for j in range(m):
        name = f"h{j + 1}".translate(SUB)
        if phase == 2:
            share = hidden.share[j]
            lines = [name, f"δ = {_num(hidden.delta[i, j])}", f"{t('bp.share')} {share:.0%}"]
            nodes[f"h{j + 1}"] = (lines, _blend(BACKWARD, 0.15 + 0.6 * share))
        elif phase == 3:
            lines = [name, f"b: {_num(hidden.b[j])} → {_num(hidden.b_new[j])}"]
            nodes[f"h{j + 1}"] = (lines, "#f2f2f2")
        else:
            lines = [name, f"z = {_num(hidden.z[i, j])}", f"h = {_num(hidden.a[i, j])}"]
            nodes[f"h{j + 1}"] = (lines, _blend(FORWARD, 0.25) if phase == 0 else "#f2f2f2")
    p = walk.prediction[i, 0]
    if phase == 0:
        out_lines, fill = ["ŷ", f"z = {_num(out.z[i, 0])}", f"ŷ = {_num(p)}"], _blend(FORWARD, 0.25)
    elif phase == 1:
        out_lines = [
            "ŷ",
            f"ŷ = {_num(p)}, y = {y:g}",
            f"ŷ − y = {_num(p - y)}",
            f"L = {_num(walk.loss)}",
        ]
        fill = _blend(BACKWARD, 0.5)
    elif phase == 2:
        out_lines, fill = ["ŷ", f"δ = {_num(out.delta[i, 0])}"], _blend(BACKWARD, 0.75)
    else:
        out_lines, fill = ["ŷ", f"c: {_num(out.b[0])} → {_num(out.b_new[0])}"], "#f2f2f2"
    nodes["o"] = (out_lines, fill)
    return nodes


def _edge_label(phase: int, old: float, grad: float, new: float, name: str) -> str:
    if phase == 2:
        return f"∂L/∂{name} = {_num(grad)}"
    if phase == 3:
        return f"{name}: {_num(old)} → {_num(new)}"
    return f"{name} = {_num(old)}"


def diagram(walk: backprop.Walkthrough, phase: int, i: int, rankdir: str = "LR") -> str:
    """Graphviz DOT of the network with the numbers of this phase for sample i: values on a
    forward pass, δ and shares backward (arrows pointing back), old → new weights on update.
    `rankdir` "LR": inputs left, output right (a wide screen); "TB": inputs on top, output
    below (a phone: about a third of the width, so the numbers stay readable)."""
    hidden, out = walk.layers
    m = hidden.z.shape[1]
    sep = "nodesep=0.3; ranksep=1.3" if rankdir == "LR" else "nodesep=0.15; ranksep=0.9"
    lines = [
        "digraph backprop {",
        f'  rankdir={rankdir}; ordering=out; {sep}; bgcolor="transparent";',
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=13, '
        'color="#666666", margin="0.12,0.06"];',
        '  edge [fontname="sans-serif", fontsize=12, labelfloat=false];',
    ]
    for name, (text, fill) in _node_lines(walk, phase, i).items():
        lines.append(_node(name, text, fill, bold=(phase == 1 and name == "o")))
    color = BACKWARD if phase == 2 else FORWARD if phase == 0 else "#777777"
    direction = "back" if phase == 2 else "forward"
    edges = [
        (f"x{a + 1}", f"h{j + 1}", hidden, (a, j), f"w{a + 1}{j + 1}")
        for a in (0, 1)
        for j in range(m)
    ]
    edges += [(f"h{j + 1}", "o", out, (j, 0), f"v{j + 1}") for j in range(m)]
    for src, dst, lay, idx, name in edges:
        label = _edge_label(phase, lay.W[idx], lay.dW[idx], lay.W_new[idx], name.translate(SUB))
        lines.append(
            f'  {src} -> {dst} [label="{label}", color="{color}", fontcolor="{color}", dir={direction}];'
        )
    lines.append("}")
    return "\n".join(lines)


# ---- formulas ----------------------------------------------------------------------------


def _aligned(rows: list[str]) -> str:
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def _forward_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    hidden, out = walk.layers
    f = F_TEX[walk.activation][0]
    x, rows = walk.X[i], []
    for j in range(hidden.z.shape[1]):
        k = j + 1
        w1, w2, b = hidden.W[0, j], hidden.W[1, j], hidden.b[j]
        rows.append(
            rf"z_{k} &= w_{{1{k}}}x_1 + w_{{2{k}}}x_2 + b_{k} = {_tex(w1)}\cdot{_tex(x[0])} "
            rf"+ {_tex(w2)}\cdot{_tex(x[1])} + {_tex(b)} = {_tex(hidden.z[i, j], False)}"
        )
        rows.append(
            rf"h_{k} &= f(z_{k}) = {f.format(z=_tex(hidden.z[i, j], False))} = {_tex(hidden.a[i, j], False)}"
        )
    terms = " + ".join(
        rf"{_tex(v)}\cdot{_tex(h)}" for v, h in zip(out.W[:, 0], hidden.a[i], strict=True)
    )
    names = " + ".join(f"v_{j + 1}h_{j + 1}" for j in range(hidden.z.shape[1]))
    rows.append(rf"z_o &= {names} + c = {terms} + {_tex(out.b[0])} = {_tex(out.z[i, 0], False)}")
    rows.append(
        rf"\hat y &= \sigma(z_o) = \sigma({_tex(out.z[i, 0], False)}) = {_tex(walk.prediction[i, 0], False)}"
    )
    return rows


def _error_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    p, y, n = walk.prediction[i, 0], walk.Y[i, 0], walk.X.shape[0]
    ell = _sample_terms(walk)
    if walk.loss_name == "mse":
        rows = [rf"\ell &= (\hat y - y)^2 = ({_tex(p)} - {y:g})^2 = {_tex(ell[i])}"]
    else:
        rows = [
            rf"\ell &= -[\,y\log\hat y + (1-y)\log(1-\hat y)\,] = -[\,{y:g}\cdot\log {_tex(p)} "
            rf"+ {1 - y:g}\cdot\log {_tex(1 - p)}\,] = {_tex(ell[i])}"
        ]
    rows.append(rf"\hat y - y &= {_tex(p)} - {y:g} = {_tex(p - y, False)}")
    if n > 1:
        parts = " + ".join(_tex(v) for v in ell)
        rows.append(
            rf"L &= \tfrac{{1}}{{{n}}}\textstyle\sum_n \ell_n = \tfrac{{1}}{{{n}}}({parts}) = {_tex(walk.loss)}"
        )
    else:
        rows.append(rf"L &= \ell = {_tex(walk.loss)}")
    return rows


def _backward_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    hidden, out = walk.layers
    p, y, n = walk.prediction[i, 0], walk.Y[i, 0], walk.X.shape[0]
    d = out.delta[i, 0]
    if walk.loss_name == "mse":
        rows = [
            rf"\delta_o &= \tfrac{{\partial L}}{{\partial z_o}} = \tfrac{{2}}{{{n}}}(\hat y - y)\,\hat y(1-\hat y)"
            rf" = \tfrac{{2}}{{{n}}}\cdot{_tex(p - y)}\cdot{_tex(p)}\cdot{_tex(1 - p)} = {_tex(d, False)}"
        ]
    else:
        rows = [
            rf"\delta_o &= \tfrac{{\partial L}}{{\partial z_o}} = \tfrac{{\hat y - y}}{{{n}}}"
            rf" = \tfrac{{{_tex(p - y, False)}}}{{{n}}} = {_tex(d, False)}"
        ]
    fprime = F_TEX[walk.activation][1]
    for j in range(hidden.z.shape[1]):
        k, h = j + 1, hidden.a[i, j]
        slope = float(backprop.DERIVATIVES[walk.activation](hidden.z[i, j], h))
        rows.append(
            rf"\tfrac{{\partial L}}{{\partial h_{k}}} &= \delta_o v_{k} = {_tex(d)}\cdot{_tex(out.W[j, 0])}"
            rf" = {_tex(hidden.grad_a[i, j], False)}"
        )
        rows.append(
            rf"f'(z_{k}) &= {fprime.format(h=_tex(h), z=_tex(hidden.z[i, j], False))} = {_tex(slope, False)}"
        )
        rows.append(
            rf"\delta_{k} &= \tfrac{{\partial L}}{{\partial h_{k}}}\, f'(z_{k}) = "
            rf"{_tex(hidden.grad_a[i, j])}\cdot{_tex(slope)} = {_tex(hidden.delta[i, j], False)}"
        )
    return rows


GENERAL_GRADS = (
    r"\tfrac{\partial L}{\partial v_j} = \sum_n \delta_o h_j,\quad "
    r"\tfrac{\partial L}{\partial c} = \sum_n \delta_o,\quad "
    r"\tfrac{\partial L}{\partial w_{ij}} = \sum_n \delta_j x_i,\quad "
    r"\tfrac{\partial L}{\partial b_j} = \sum_n \delta_j,\quad "
    r"\text{share}_j = \frac{\sum_n |\delta_j|}{\sum_n \sum_k |\delta_k|}"
)


def _update_tex(walk: backprop.Walkthrough) -> list[str]:
    m = walk.layers[0].z.shape[1]
    names = param_names(m)
    old = _flat([walk.layers[0].W, walk.layers[0].b, walk.layers[1].W, walk.layers[1].b])
    grad, new = _flat(walk.grads), _flat(walk.new_params)
    rows = []
    for name, a, g, b in zip(names, old, grad, new, strict=True):
        sym = name[0] + (f"_{{{name[1:]}}}" if len(name) > 1 else "")
        rows.append(
            rf"{sym} &\leftarrow {sym} - \eta\,\tfrac{{\partial L}}{{\partial {sym}}} = {_tex(a, False)} - {walk.lr:g}\cdot{_tex(g)} = {_tex(b, False)}"
        )
    return rows


def formula_rows(walk: backprop.Walkthrough, phase: int, i: int) -> list[str]:
    """The equations of one step for sample i, with the actual numbers substituted: one LaTeX
    row each, "&" before the sign to align on."""
    if phase == 0:
        return _forward_tex(walk, i)
    if phase == 1:
        return _error_tex(walk, i)
    if phase == 2:
        return _backward_tex(walk, i)
    return _update_tex(walk)


def formulas(walk: backprop.Walkthrough, phase: int, i: int) -> str:
    """The LaTeX of one step for sample i: `formula_rows` aligned on their signs."""
    return _aligned(formula_rows(walk, phase, i))


_FACTOR = (  # a number, (number), \log number or \tfrac{…}{…}, as the rows above write them
    r"(?:\([^()]*\)|\\tfrac\{[^{}]*\}\{[^{}]*\}|\\log\s*(?:\([^()]*\)|[\d.]+)"
    r"|-?[\d.]+(?: \\times 10\^\{-?\d+\})?)"
)
_UNITS = (  # products of numbers, then (…), 0.3(…)², −[…] (not f(z), σ(z)): each unbreakable
    re.compile(rf"{_FACTOR}(?:\s*\\cdot\s*{_FACTOR})+"),
    re.compile(r"(?<![A-Za-z}'])[\d.]*\([^()]*\)(?:\^\{?\d+\}?)?|-?\[[^\[\]]*\]"),
)


def unbroken_products(row: str) -> str:
    r"""`row` without its "&", with every product of numbers and every bracket in braces: a
    formula that wraps on a phone then breaks after = or + between terms, never inside
    "(−0.564)·1.000" or "(1 − 0.257)".

    >>> unbroken_products(r"z &= (-0.5)\cdot 1.000 + 0.2(1-0.2) = 0.1")
    'z = {{(-0.5)}\\cdot 1.000} + {0.2(1-0.2)} = 0.1'
    """
    row = row.replace("&", "")
    for unit in _UNITS:
        row = unit.sub(lambda m: "{" + m.group(0) + "}", row)
    return row


def _show_formulas(walk: backprop.Walkthrough, phase: int, i: int) -> None:
    """Aligned on a wide screen; on a phone each equation on its own, wrapping after a sign
    when it is wider than the screen (an aligned block cannot wrap)."""
    with layout.wide("bp_formulas"):
        st.latex(formulas(walk, phase, i))
    with layout.narrow("bp_formulas"):
        for row in formula_rows(walk, phase, i):
            st.latex(unbroken_products(row))


# ---- page --------------------------------------------------------------------------------

STEP = "bp_step"  # session state: 0, 1, 2, 3 = iteration 1's four steps, 4 = iteration 2's first …


def _reset() -> None:
    st.session_state[STEP] = 0


def _move(by: int) -> None:
    st.session_state[STEP] = int(
        np.clip(st.session_state.get(STEP, 0) + by, 0, 4 * MAX_ITERATIONS - 1)
    )


def _settings() -> dict:
    c = st.columns([1.2, 1, 1.2, 1.4, 1])
    kw = {"on_change": _reset}
    activation = c[0].selectbox(
        t("bp.activation"), ACTIVATIONS, format_func=option_label, key="bp_activation", **kw
    )
    hidden = c[1].selectbox(t("bp.hidden"), (1, 2, 3), index=1, key="bp_hidden", **kw)
    loss = c[2].selectbox(
        t("bp.loss"), backprop.LOSSES, format_func=option_label, key="bp_loss", **kw
    )
    lr = c[3].select_slider(
        t("bp.lr"), LR_OPTIONS, 0.5, format_func=lambda v: f"{v:g}", key="bp_lr", **kw
    )
    seed = c[4].number_input(t("bp.seed"), 0, 9999, 0, key="bp_seed", **kw)
    samples = st.pills(
        t("bp.samples"), range(len(X_TOY)), selection_mode="multi", default=[1],
        format_func=_sample_label, help=t("bp.samples.help"), key="bp_samples", **kw,
    )  # fmt: skip
    return {
        "activation": activation,
        "hidden": int(hidden),
        "loss": loss,
        "lr": float(lr),
        "seed": int(seed),
        "samples": sorted(samples),
    }


def _stepper(step: int) -> None:
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.markdown(f"**{t('bp.iteration', k=step // 4 + 1)}**", width="content")
    for k in range(4):
        text = t(f"bp.step.{k}")
        bar.markdown(
            f":blue-background[**{text}**]" if k == step % 4 else f":gray[{text}]", width="content"
        )
    buttons = st.container(horizontal=True)
    buttons.button(
        t("bp.back"),
        icon=":material/arrow_back:",
        on_click=_move,
        args=(-1,),
        disabled=step == 0,
        key="bp_back",
    )
    buttons.button(
        t("bp.next"),
        icon=":material/arrow_forward:",
        on_click=_move,
        args=(1,),
        type="primary",
        key="bp_next",
    )
    buttons.button(t("bp.reset"), icon=":material/restart_alt:", on_click=_reset, key="bp_reset")


def _shown(samples: list[int]) -> int:
    """Index (within the chosen samples) of the sample shown in the diagram and formulas."""
    if len(samples) == 1:
        return 0
    pick = st.segmented_control(
        t("bp.shown"), samples, default=samples[0], format_func=_sample_label, key="bp_shown"
    )
    return samples.index(pick) if pick in samples else 0


def _notes(walk: backprop.Walkthrough, phase: int) -> None:
    if phase == 2:
        layout.latex(GENERAL_GRADS)
        share = walk.layers[0].share
        names = _nodes(len(share))[:-1]
        shares = ", ".join(f"{n} {s:.0%}" for n, s in zip(names, share, strict=True))
        st.caption(t("bp.shares", shares=shares))
    if phase == 3:
        st.caption(t(loss_change_key(walk), before=_num(walk.loss), after=_num(walk.loss_after)))


def render() -> None:
    st.title(t("bp.title"))
    st.caption(t("bp.intro"))
    settings = _settings()
    if not settings["samples"]:
        st.warning(t("bp.pick"))
        return
    step = int(st.session_state.setdefault(STEP, 0))
    _stepper(step)
    phase = step % 4
    walk = walk_at(settings, step)
    i = _shown(settings["samples"])
    st.info(t(f"bp.explain.{phase}"))
    st.markdown(f"**{t('bp.diagram')}**")
    with layout.wide("bp_diagram"):
        st.graphviz_chart(diagram(walk, phase, i), width="content")
    with layout.narrow("bp_diagram"):
        st.graphviz_chart(diagram(walk, phase, i, rankdir="TB"), width="stretch")
    note = {2: "bp.grads_note", 3: "bp.update_note"}.get(phase, "bp.weights_note")
    st.caption(t(note))
    st.markdown(f"**{t('bp.formulas')}**")
    _show_formulas(walk, phase, i)
    _notes(walk, phase)
    st.markdown(f"**{t('bp.table')}**")
    st.dataframe(table(walk, phase, settings["samples"]), hide_index=True, width="stretch")
