"""Phone layout helpers: formulas cut into parts that stand alone, and the back-propagation
rows a phone shows one by one. (What the browser draws: tests/e2e/test_phone.py.)"""

from __future__ import annotations

import re

import pytest
from registry_support import balanced

from playground.app import backprop_formulas
from playground.app.layout import CSS, NARROW, formula_groups, formula_parts
from playground.app.pages import backprop as backprop_page
from playground.app.pages.learn import (
    backprop,
    cost,
    gradients,
    nodes,
    optimizer,
    preprocessing,
)
from playground.nn import activations, initializers, losses, optimizers

CASES = r"f = \begin{cases} 1 \quad x \\ 0 \end{cases}"
GAP = re.compile(r"\\q?quad(?![a-zA-Z])")


def squash(tex: str) -> str:
    return re.sub(r"\s+", "", tex)


REGISTRY_FORMULAS = [  # every entry's facts (the Learn page and the lab show them)
    *(tex for e in activations.entries() for tex in (e.facts.formula, e.facts.derivative)),
    *(e.facts.formula for e in initializers.entries()),
    *(e.facts.formula for e in losses.entries()),
    *(e.facts.formula for e in optimizers.entries()),
]
LEARN_FORMULAS = [
    preprocessing.STANDARDIZE,
    preprocessing.P_NORM,
    preprocessing.NORMALIZE,
    cost.CROSS_ENTROPY,
    cost.BINARY_CE,
    nodes.RULES_TEX,
    optimizer.GD_TEX,
    gradients.GRADIENT_TEX,
    *REGISTRY_FORMULAS,
    *backprop.BACKPROP_TEX,
    backprop_formulas.GENERAL_GRADS,
]


@pytest.mark.parametrize("tex", LEARN_FORMULAS)
def test_parts_stand_alone_and_lose_nothing(tex):
    parts = formula_parts(tex)
    assert parts and all(balanced(p) for p in parts), parts
    # the parts are the formula without its top-level gaps: nothing dropped, nothing added
    kept = squash("".join(GAP.sub("", p) for p in parts))
    assert kept == squash(GAP.sub("", tex))


@pytest.mark.parametrize(
    ("tex", "groups"),
    [
        (r"z = \frac{x - \mu}{\sigma}", [[r"z = \frac{x - \mu}{\sigma}"]]),
        (r"a = 1,\quad b = 2 \qquad c = 3", [["a = 1,", "b = 2"], ["c = 3"]]),
        (r"a \quad\Rightarrow\quad b", [["a", r"\Rightarrow b"]]),
        # gaps inside a group, cases, \left…\right or \text stay where they are
        (CASES, [[CASES]]),
        (r"\left( a \quad b \right) \qquad c", [[r"\left( a \quad b \right)"], ["c"]]),
        (r"\text{if \quad not} \quad d", [[r"\text{if \quad not}", "d"]]),
        (r"\quadratic \quad e", [[r"\quadratic", "e"]]),  # a longer command is no gap
    ],
)
def test_groups_split_only_at_top_level_gaps(tex, groups):
    assert formula_groups(tex) == groups


def test_the_long_learn_formulas_split_where_a_reader_pauses():
    assert len(formula_parts(preprocessing.P_NORM)) == 4  # ‖x‖_p, ‖x‖_1, ‖x‖_2, ‖x‖_∞
    ce = formula_groups(cost.BINARY_CE)  # cross entropy and MSE, each with ∂/∂z
    assert [len(g) for g in ce] == [2, 2] and "CE" in ce[0][0] and "MSE" in ce[1][0]
    grad = formula_parts(gradients.GRADIENT_TEX)
    assert len(grad) == 2 and grad[1].startswith(r"\Rightarrow")
    assert len(formula_parts(optimizers.get("adam").facts.formula)) == 5


def test_wide_and_narrow_variants_hide_at_the_column_stacking_width():
    assert NARROW == 640  # Streamlit stacks st.columns below 640 px
    assert f"@media (max-width: {NARROW - 0.02}px)" in CSS and f"(min-width: {NARROW}px)" in CSS
    narrow_rules = CSS.split("@media (min-width")[1]
    assert '[class*="st-key-narrow_"]' in narrow_rules and "display: none" in narrow_rules
    assert "keep-all" in CSS  # Korean lines break between words


@pytest.mark.parametrize("hidden", [1, 3])
@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_backprop_rows_on_a_phone_keep_products_whole(hidden, loss):
    """Each narrow row is its aligned row without "&", with products and brackets in braces:
    the same text once the braces are gone, braces balanced, no "·" left at the top level."""
    settings = dict(activation="tanh", hidden=hidden, seed=0, samples=[0, 1, 2, 3], loss=loss,
                    lr=0.5)  # fmt: skip
    for step in range(4):
        walk = backprop_page.walk_at(settings, step)
        rows = backprop_formulas.formula_rows(walk, step, 1)
        assert backprop_formulas.formulas(walk, step, 1).count(r" \\ ") == len(rows) - 1
        for row in rows:
            narrow = backprop_formulas.unbroken_products(row)
            assert balanced(narrow) and "&" not in narrow
            assert squash(narrow.replace("{", "").replace("}", "")) == squash(
                row.replace("&", "").replace("{", "").replace("}", "")
            )
            depth = 0
            for i, ch in enumerate(narrow):  # every \cdot sits inside a brace group
                depth += (ch == "{") - (ch == "}")
                if narrow.startswith(r"\cdot", i):
                    assert depth > 0, narrow
