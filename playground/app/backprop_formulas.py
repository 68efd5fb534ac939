"""Back-propagation's formulas with the walk-through's numbers filled in (the back-propagation
page): one LaTeX row per equation, numbers formatted for a phone as for a wide screen. Each
activation's h = f(z) and f′(z) rows come from its registry entry (`Activation.worked`)."""

from __future__ import annotations

import re

import numpy as np

from playground import backprop
from playground.nn import activations

X_TOY = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_TOY = np.array([0, 1, 1, 0])
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def param_names(hidden: int) -> list[str]:
    """w_ij (input i → hidden j), b_j, v_j (hidden j → output), c: the order of `new_params`."""
    m = range(1, hidden + 1)
    return (
        [f"w{i}{j}" for i in (1, 2) for j in m]
        + [f"b{j}" for j in m]
        + [f"v{j}" for j in m]
        + ["c"]
    )


def flat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([np.ravel(a) for a in arrays])


def sample_terms(walk: backprop.Walkthrough) -> np.ndarray:
    """Each sample's own loss ℓ (L is their mean)."""
    p, y = walk.prediction[:, 0], walk.Y[:, 0]
    if walk.loss_name == "mse":
        return (p - y) ** 2
    z = walk.layers[-1].z[:, 0]
    return np.logaddexp(0.0, z) - y * z  # −[y log p + (1 − y) log(1 − p)] from the logit


def num(v: float) -> str:
    """A number for the diagram and the formulas: 3 decimals, or 2 significant digits if tiny."""
    v = float(v)
    if v != 0 and abs(v) < 5e-4:
        return f"{v:.1e}".replace("-", "−")
    return f"{v:.3f}".replace("-", "−")


def tex(v: float, paren: bool = True) -> str:
    """A number in LaTeX; tiny ones as m·10^e; negative ones in parentheses (for products)
    unless `paren` is False."""
    v = float(v)
    if v != 0 and abs(v) < 5e-4:
        mant, exp = f"{v:.1e}".split("e")
        s = rf"{mant} \times 10^{{{int(exp)}}}"
    else:
        s = f"{v:.3f}"
    return f"({s})" if v < 0 and paren else s


def _aligned(rows: list[str]) -> str:
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def _forward_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    hidden, out = walk.layers
    f = activations.get(walk.activation).worked[0]
    x, rows = walk.X[i], []
    for j in range(hidden.z.shape[1]):
        k = j + 1
        w1, w2, b = hidden.W[0, j], hidden.W[1, j], hidden.b[j]
        rows.append(
            rf"z_{k} &= w_{{1{k}}}x_1 + w_{{2{k}}}x_2 + b_{k} = {tex(w1)}\cdot{tex(x[0])} "
            rf"+ {tex(w2)}\cdot{tex(x[1])} + {tex(b)} = {tex(hidden.z[i, j], False)}"
        )
        rows.append(
            rf"h_{k} &= f(z_{k}) = {f.format(z=tex(hidden.z[i, j], False))} = {tex(hidden.a[i, j], False)}"
        )
    terms = " + ".join(
        rf"{tex(v)}\cdot{tex(h)}" for v, h in zip(out.W[:, 0], hidden.a[i], strict=True)
    )
    names = " + ".join(f"v_{j + 1}h_{j + 1}" for j in range(hidden.z.shape[1]))
    rows.append(rf"z_o &= {names} + c = {terms} + {tex(out.b[0])} = {tex(out.z[i, 0], False)}")
    rows.append(
        rf"\hat y &= \sigma(z_o) = \sigma({tex(out.z[i, 0], False)}) = {tex(walk.prediction[i, 0], False)}"
    )
    return rows


def _error_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    p, y, n = walk.prediction[i, 0], walk.Y[i, 0], walk.X.shape[0]
    ell = sample_terms(walk)
    if walk.loss_name == "mse":
        rows = [rf"\ell &= (\hat y - y)^2 = ({tex(p)} - {y:g})^2 = {tex(ell[i])}"]
    else:
        rows = [
            rf"\ell &= -[\,y\log\hat y + (1-y)\log(1-\hat y)\,] = -[\,{y:g}\cdot\log {tex(p)} "
            rf"+ {1 - y:g}\cdot\log {tex(1 - p)}\,] = {tex(ell[i])}"
        ]
    rows.append(rf"\hat y - y &= {tex(p)} - {y:g} = {tex(p - y, False)}")
    if n > 1:
        parts = " + ".join(tex(v) for v in ell)
        rows.append(
            rf"L &= \tfrac{{1}}{{{n}}}\textstyle\sum_n \ell_n = \tfrac{{1}}{{{n}}}({parts}) = {tex(walk.loss)}"
        )
    else:
        rows.append(rf"L &= \ell = {tex(walk.loss)}")
    return rows


def _backward_tex(walk: backprop.Walkthrough, i: int) -> list[str]:
    hidden, out = walk.layers
    p, y, n = walk.prediction[i, 0], walk.Y[i, 0], walk.X.shape[0]
    d = out.delta[i, 0]
    if walk.loss_name == "mse":
        rows = [
            rf"\delta_o &= \tfrac{{\partial L}}{{\partial z_o}} = \tfrac{{2}}{{{n}}}(\hat y - y)\,\hat y(1-\hat y)"
            rf" = \tfrac{{2}}{{{n}}}\cdot{tex(p - y)}\cdot{tex(p)}\cdot{tex(1 - p)} = {tex(d, False)}"
        ]
    else:
        rows = [
            rf"\delta_o &= \tfrac{{\partial L}}{{\partial z_o}} = \tfrac{{\hat y - y}}{{{n}}}"
            rf" = \tfrac{{{tex(p - y, False)}}}{{{n}}} = {tex(d, False)}"
        ]
    act = activations.get(walk.activation)
    fprime = act.worked[1]
    for j in range(hidden.z.shape[1]):
        k, h = j + 1, hidden.a[i, j]
        slope = float(act.df(np.asarray(hidden.z[i, j]), np.asarray(h)))
        rows.append(
            rf"\tfrac{{\partial L}}{{\partial h_{k}}} &= \delta_o v_{k} = {tex(d)}\cdot{tex(out.W[j, 0])}"
            rf" = {tex(hidden.grad_a[i, j], False)}"
        )
        rows.append(
            rf"f'(z_{k}) &= {fprime.format(h=tex(h), z=tex(hidden.z[i, j], False))} = {tex(slope, False)}"
        )
        rows.append(
            rf"\delta_{k} &= \tfrac{{\partial L}}{{\partial h_{k}}}\, f'(z_{k}) = "
            rf"{tex(hidden.grad_a[i, j])}\cdot{tex(slope)} = {tex(hidden.delta[i, j], False)}"
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
    old = flat([walk.layers[0].W, walk.layers[0].b, walk.layers[1].W, walk.layers[1].b])
    grad, new = flat(walk.grads), flat(walk.new_params)
    rows = []
    for name, a, g, b in zip(names, old, grad, new, strict=True):
        sym = name[0] + (f"_{{{name[1:]}}}" if len(name) > 1 else "")
        rows.append(
            rf"{sym} &\leftarrow {sym} - \eta\,\tfrac{{\partial L}}{{\partial {sym}}} = {tex(a, False)} - {walk.lr:g}\cdot{tex(g)} = {tex(b, False)}"
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
