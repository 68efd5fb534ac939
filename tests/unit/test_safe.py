"""safe.md: an outside value can never become Markdown (link, image, HTML, LaTeX, directive)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.app.safe import MAX_SHOWN, md

UNESCAPED = re.compile(r"(?<!\\)[\[\]()<>!`*_$:#|~]")


@pytest.mark.parametrize(
    "value, shown",
    [
        (
            "[click me](https://evil.example/phish)",
            "\\[click me\\]\\(https\u2060\\:\\/\\/evil\\.example\\/phish\\)",
        ),
        (
            "www.evil.com a@b.com",
            "www\u2060\\.evil\\.com a\u2060\\@b\\.com",
        ),
        ("![x](https://e.x/i.png)", "\\!\\[x\\]\\(https\u2060\\:\\/\\/e\\.x\\/i\\.png\\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("$x^2$", r"\$x\^2\$"),
        (":red[alarm] :material/home:", r"\:red\[alarm\] \:material\/home\:"),
        ("line1\nline2\r\n# h", r"line1 line2 \# h"),
        ("ReLU", "ReLU"),
        ("한국어 이름", "한국어 이름"),
        (4.5, r"4\.5"),
    ],
)
def test_known_values(value, shown):
    assert md(value) == shown


def test_long_values_are_cut():
    assert md("a" * 500) == "a" * (MAX_SHOWN - 1) + "…"


@settings(max_examples=300, derandomize=True)
@given(st.text(max_size=200))
def test_no_markdown_character_is_left_unescaped(value):
    shown = md(value)
    # removing the escapes gives back the (one-line, cut) text: nothing else was changed
    assert "\n" not in shown and "\r" not in shown
    plain = re.sub(r"\\.", "", shown.replace("\u2060", ""))
    assert UNESCAPED.sub("", plain) == plain
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", shown)
    assert not re.search(r"(?i)https?\\?:|www\\?\.|\w\\?@", shown)  # no autolink pattern
