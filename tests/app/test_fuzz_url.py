"""Property-based fuzzing of shared links (Hypothesis): whatever a URL carries, a fresh session
shows no exception and no Markdown link, image or HTML that came from the link.

The example budget is fixed and the search derandomized, so CI is repeatable and stays well under a
minute; values found by earlier fuzzing are kept as explicit `@example`s.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from playground.app import sidebar

# Keys a link may carry: every bound sidebar widget, plus the app's own parameters.
URL_KEYS = sorted({*sidebar.url_spec(), "lang", "exercise", "lock"})
HOSTILE = [
    "[click me](https://evil.example/phish)",
    "![x](https://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "https://evil.example",
    "inf",
    "-inf",
    "nan",
    "1e309",
    "4.5",
    "-1",
    "",
    "0x10",
    "**bold** _it_ `code` $x^2$ :red[red]",
    "\n# heading",
]
# A Markdown link or image whose brackets are not escaped, a raw HTML tag, or a bare URL.
_LINK = re.compile(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\s*(?<!\\)\(")
_HTML = re.compile(r"(?<!\\)<\s*(img|a|script|iframe)\b", re.I)
# escaped or not, a bare address is autolinked by the browser unless a word joiner breaks it
_URL = re.compile(r"https?\\?:|www\\?\.|[\w.]\\?@\w", re.I)


def _texts(at) -> list[str]:
    """Every Markdown-rendered text on the page: markdown, captions, alerts, titles."""
    kinds = ("markdown", "caption", "warning", "error", "info", "success", "title", "header")
    out = []
    for kind in kinds:
        out += [str(e.value) for e in getattr(at, kind)]
    return out


def check_page(at, value: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    hostile = bool(_LINK.search(value) or _HTML.search(value) or _URL.search(value))
    if not hostile:
        return
    for text in _texts(at):
        assert not _LINK.search(text), text
        assert not _HTML.search(text), text
        assert not _URL.search(text), text


values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(key=st.sampled_from(URL_KEYS), value=values)
@example(key="seed", value="inf")
@example(key="seed", value="1e309")
@example(key="activation", value="[click me](https://evil.example/phish)")
@example(key="activation", value="![x](https://evil.example/x.png)")
@example(key="exercise", value="[click me](https://evil.example/phish)")
@example(key="width", value="4.5")
@example(key="width_2", value="inf")
@example(key="width_3", value="0")
@example(key="features", value="")
@example(key="features", value="x1,,x2")
@example(key="features", value="x₁², [click me](https://evil.example/phish)")
@example(key="l1", value="0.02")
@example(key="eps", value="abc")
def test_any_single_url_value_is_safe(make_app, key, value):
    at = make_app(**{key: value}).run()
    check_page(at, value)


def test_nesterov_without_momentum_from_a_link_is_a_message(make_app):
    at = make_app(optimizer="Nesterov", momentum="0").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("momentum" in w.value.lower() for w in at.warning), [w.value for w in at.warning]
