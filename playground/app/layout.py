"""Layout from a phone (390 px) to a desktop: one small style sheet, formulas that wrap between
their parts instead of running off the screen, and content drawn two ways (wide / narrow) where
one drawing cannot serve both widths (the back-propagation diagram and its formulas).

Streamlit stacks `st.columns` below 640 px; `NARROW` is the same width, so a page whose columns
stack also shows its narrow variants.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import streamlit as st

NARROW = 640  # px: below this width the "narrow" variants show and the "wide" ones hide
CIRCLED = dict(zip("1234567", "①②③④⑤⑥⑦", strict=True))  # the seven tuning points' marks

CSS = f"""<style>
/* Korean breaks lines between words, not inside them (keep-all leaves English as it was);
   a word longer than the line still breaks rather than overflow. Streamlit sets its own
   word-break on headings and paragraphs, hence the elements and !important. */
:is([data-testid="stMain"], [data-testid="stSidebar"])
  :is(h1, h2, h3, h4, h5, h6, p, li, td, th, label, summary) {{
  word-break: keep-all !important;
  overflow-wrap: break-word !important;
}}
/* a formula's box clips at its edges (overflow hidden): room for a fraction's numerator, a hat
   and an italic letter's overhang, which KaTeX draws a few pixels outside its line box */
.katex-display {{ padding: 0.4em 0.1em; }}
@media (max-width: {NARROW - 0.02}px) {{
  [class*="st-key-wide_"] {{ display: none !important; }}
  /* a formula still wider than the screen wraps after a relation or an operator */
  .katex-display > .katex {{ white-space: normal; }}
  /* markdown tables (e.g. the initializer formulas of ④): tighter cells, smaller text */
  [data-testid="stMarkdownContainer"] table {{ font-size: 0.8rem; }}
  [data-testid="stMarkdownContainer"] th, [data-testid="stMarkdownContainer"] td {{
    padding: 0.25rem 0.35rem;
  }}
}}
@media (min-width: {NARROW}px) {{
  [class*="st-key-narrow_"] {{ display: none !important; }}
}}
</style>"""


def style() -> None:
    """Add the style sheet to the page (once per script run; it takes no room)."""
    st.html(CSS)


@contextmanager
def wide(name: str):
    """A container shown only at NARROW px and wider (`name`: unique on the page)."""
    with st.container(key=f"wide_{name}") as box:
        yield box


@contextmanager
def narrow(name: str):
    """A container shown only below NARROW px (`name`: unique on the page)."""
    with st.container(key=f"narrow_{name}") as box:
        yield box


# ---- formulas ------------------------------------------------------------------------------

_QQUAD = re.compile(r"\\qquad(?![a-zA-Z])")
_QUAD = re.compile(r"\\q?quad(?![a-zA-Z])")
_OPEN = re.compile(r"\\(?:left|begin)(?![a-zA-Z])")
_CLOSE = re.compile(r"\\(?:right|end)(?![a-zA-Z])")
_LEADS = (r"\Rightarrow", r"\Leftrightarrow", r"\implies", r"\iff", r"\to")


def _split(tex: str, gap: re.Pattern) -> list[str]:
    r"""`tex` cut at every top-level match of `gap` (not inside braces, \left…\right or
    \begin…\end), stripped, empty pieces dropped."""
    pieces, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        ch = tex[i]
        if ch == "\\":
            if depth == 0 and (m := gap.match(tex, i)):
                pieces.append(tex[start:i])
                start = i = m.end()
                continue
            depth += bool(_OPEN.match(tex, i)) - bool(_CLOSE.match(tex, i))
            i += 2  # the backslash and the character it escapes ("\{", "\\")
            continue
        depth += (ch == "{") - (ch == "}")
        i += 1
    pieces.append(tex[start:])
    return [p.strip() for p in pieces if p.strip()]


def formula_parts(tex: str) -> list[str]:
    r"""A display formula cut at its top-level `\quad` / `\qquad` gaps into parts that can stand
    alone: a comma stays with the part before it, a lone arrow (`\Rightarrow`) joins the part
    after it. Gaps inside braces, `\left…\right` or `\begin…\end` are kept.

    >>> formula_parts(r"a = 1,\quad b = 2 \quad\Rightarrow\quad c")
    ['a = 1,', 'b = 2', '\\Rightarrow c']
    """
    merged: list[str] = []
    for part in _split(tex, _QUAD):
        if merged and merged[-1] in _LEADS:
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def formula_groups(tex: str) -> list[list[str]]:
    r"""The formula's `\qquad`-separated groups (separate statements), each cut into its
    `formula_parts`.

    >>> formula_groups(r"a = 1,\quad b = 2 \qquad c = 3")
    [['a = 1,', 'b = 2'], ['c = 3']]
    """
    return [formula_parts(group) for group in _split(tex, _QQUAD)]


def latex(tex: str) -> None:
    r"""A display formula whose groups and parts (`formula_groups`) sit side by side on a wide
    screen and wrap, centred, where they do not fit: a phone breaks a line between two
    statements (`\qquad`) before it breaks one inside a statement (`\quad`)."""
    groups = formula_groups(tex)
    if sum(map(len, groups)) < 2:
        st.latex(tex)
        return
    center = {"horizontal": True, "horizontal_alignment": "center", "vertical_alignment": "center"}
    row = st.container(**center, gap="medium")
    for parts in groups:
        box = row.container(**center, gap="small", width="content") if len(groups) > 1 else row
        for part in parts:
            box.latex(part, width="content")
