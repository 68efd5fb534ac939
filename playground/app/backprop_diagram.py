"""The back-propagation page's pictures of one step: the network as a Graphviz diagram with the
step's numbers, and the table of those numbers per sample, node or parameter."""

from __future__ import annotations

import numpy as np
import pandas as pd

from playground import backprop
from playground.app.backprop_formulas import SUB, X_TOY, Y_TOY, flat, num, param_names, sample_terms
from playground.app.i18n import t

FORWARD, BACKWARD = "#0877bd", "#f59322"  # the playground's blue and orange


def sample_label(i: int) -> str:
    return f"#{i + 1} ({X_TOY[i, 0]:g}, {X_TOY[i, 1]:g}) → {Y_TOY[i]}"


def node_names(hidden: int) -> list[str]:
    return [f"h{j}".translate(SUB) for j in range(1, hidden + 1)] + ["ŷ"]


def table(walk: backprop.Walkthrough, phase: int, samples: list[int]) -> pd.DataFrame:
    """The numbers of one step: forward (z, a per node), error (per sample), backward (∂L/∂a and
    δ per node), update (each parameter before, its gradient, after)."""
    hidden, out = walk.layers
    m = hidden.z.shape[1]
    rows_of = [sample_label(i) for i in samples]
    if phase == 1:
        return pd.DataFrame(
            {
                t("bp.sample"): rows_of,
                "x₁": walk.X[:, 0],
                "x₂": walk.X[:, 1],
                "y": walk.Y[:, 0],
                "ŷ": walk.prediction[:, 0],
                "ŷ − y": walk.error[:, 0],
                t("bp.term"): sample_terms(walk),
            }
        )
    if phase == 3:
        names = [n.translate(SUB) for n in param_names(m)]
        old = flat([hidden.W, hidden.b, out.W, out.b])
        grad, new = flat(walk.grads), flat(walk.new_params)
        return pd.DataFrame(
            {t("bp.parameter"): names, t("bp.old"): old, t("bp.gradient"): grad, t("bp.new"): new}
        )
    first, second = ("z", "a") if phase == 0 else ("∂L/∂a", "δ = ∂L/∂z")
    pick = (lambda lay: (lay.z, lay.a)) if phase == 0 else (lambda lay: (lay.grad_a, lay.delta))
    (h1, h2), (o1, o2) = pick(hidden), pick(out)
    v1, v2 = np.column_stack([h1, o1]), np.column_stack([h2, o2])
    nodes = node_names(m)
    return pd.DataFrame(
        {
            t("bp.sample"): [r for r in rows_of for _ in nodes],
            t("bp.node"): nodes * len(samples),
            first: v1.ravel(),
            second: v2.ravel(),
        }
    )


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
    nodes = {f"x{k}": ([f"x{k}".translate(SUB) + f" = {num(x[k - 1])}"], "#f2f2f2") for k in (1, 2)}
    for j in range(m):
        name = f"h{j + 1}".translate(SUB)
        if phase == 2:
            share = hidden.share[j]
            lines = [name, f"δ = {num(hidden.delta[i, j])}", f"{t('bp.share')} {share:.0%}"]
            nodes[f"h{j + 1}"] = (lines, _blend(BACKWARD, 0.15 + 0.6 * share))
        elif phase == 3:
            lines = [name, f"b: {num(hidden.b[j])} → {num(hidden.b_new[j])}"]
            nodes[f"h{j + 1}"] = (lines, "#f2f2f2")
        else:
            lines = [name, f"z = {num(hidden.z[i, j])}", f"h = {num(hidden.a[i, j])}"]
            nodes[f"h{j + 1}"] = (lines, _blend(FORWARD, 0.25) if phase == 0 else "#f2f2f2")
    p = walk.prediction[i, 0]
    if phase == 0:
        out_lines, fill = ["ŷ", f"z = {num(out.z[i, 0])}", f"ŷ = {num(p)}"], _blend(FORWARD, 0.25)
    elif phase == 1:
        out_lines = [
            "ŷ",
            f"ŷ = {num(p)}, y = {y:g}",
            f"ŷ − y = {num(p - y)}",
            f"L = {num(walk.loss)}",
        ]
        fill = _blend(BACKWARD, 0.5)
    elif phase == 2:
        out_lines, fill = ["ŷ", f"δ = {num(out.delta[i, 0])}"], _blend(BACKWARD, 0.75)
    else:
        out_lines, fill = ["ŷ", f"c: {num(out.b[0])} → {num(out.b_new[0])}"], "#f2f2f2"
    nodes["o"] = (out_lines, fill)
    return nodes


def _edge_label(phase: int, old: float, grad: float, new: float, name: str) -> str:
    if phase == 2:
        return f"∂L/∂{name} = {num(grad)}"
    if phase == 3:
        return f"{name}: {num(old)} → {num(new)}"
    return f"{name} = {num(old)}"


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
