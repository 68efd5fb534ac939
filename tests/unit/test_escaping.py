"""No message formats an outside value unescaped: a static check over every page module.

Values that come from outside the app (a link, a file name, a CSV header or cell, a JSON key, an
exception message that quotes them, a pin name the user typed) reach Markdown only through
`safe.md`. The check reads the source: every `t(...)` keyword that carries such a value, and every
Markdown element given an exception directly, must wrap it in `md(...)`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "playground" / "app"
# t() keywords that carry outside values: exception texts, file/pin names, link values, ids
OUTSIDE = {"error", "name", "value", "id", "a", "b", "values"}
# keywords whose values are built by the app only (checked by reading each call once)
INTERNAL_OK = {
    ("links.py", "values"),  # the allowed options, from config.STEPS / registries
    ("dataset_notes.py", "a"),  # scaler labels (option_label) the advice names
    ("dataset_notes.py", "b"),
    ("instructor.py", "values"),  # the room's lock values, each md()-escaped in locks_text
}
MARKDOWN = {"markdown", "caption", "info", "warning", "error", "success", "write", "toast"}


def _modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "locales" not in p.parts)


def _is_md(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) == "md"


def _mentions_exception(node: ast.AST) -> bool:
    """`e`, `str(e)`, or an f-string with `{e}` (the app names caught exceptions `e`)."""
    return any(isinstance(sub, ast.Name) and sub.id == "e" for sub in ast.walk(node))


def unescaped(path: Path) -> list[str]:
    out = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if getattr(func, "id", None) == "t":
            for kw in node.keywords:
                outside = kw.arg in OUTSIDE and (path.name, kw.arg) not in INTERNAL_OK
                if outside and not _is_md(kw.value):
                    out.append(f"{path.name}:{node.lineno} t(..., {kw.arg}=…) not escaped")
        elif isinstance(func, ast.Attribute) and func.attr in MARKDOWN:
            for arg in node.args:
                if not _is_md(arg) and _mentions_exception(arg) and not _only_t_call(arg):
                    out.append(f"{path.name}:{node.lineno} .{func.attr}(exception) not escaped")
    return out


def _only_t_call(node: ast.AST) -> bool:
    """t("key", error=md(e)) is checked by the t() rule above."""
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_outside_value_reaches_markdown_unescaped(path):
    assert unescaped(path) == []


def test_the_check_catches_an_unescaped_value(tmp_path):
    """The rule is not vacuous: each pattern it looks for is reported."""
    bad = tmp_path / "bad_page.py"
    bad.write_text(
        "def f(st, t, md, file, e):\n"
        "    st.info(t('x', name=file.name))\n"
        "    st.error(t('x', error=e))\n"
        "    st.error(str(e))\n"
        "    st.warning(f'bad: {e}')\n"
        "    st.info(t('x', name=md(file.name)))\n"
    )
    assert len(unescaped(bad)) == 4
