"""Outside values shown as text: anything from a link, a file name, a CSV header or cell, a JSON key
or a user's own words is escaped before it goes into Markdown (st.markdown, alerts, captions,
labels), so it can never become a link, an image, HTML, LaTeX, a colour or an icon.
"""

from __future__ import annotations

import re

MAX_SHOWN = 80  # characters of an outside value shown in a message; the rest is cut with "…"
# Every ASCII punctuation character may be backslash-escaped in CommonMark and then renders as
# itself; escaping all of them also breaks GFM autolinks (www., https://), LaTeX ($) and
# Streamlit's :colour[...] / :material/icon: directives.
_PUNCT = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_SPACE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")  # control characters and line breaks
# Escapes do not stop the browser's autolinking of bare addresses (seen in Chromium: an escaped
# "https\:\/\/evil.example" still became a link). A word joiner (U+2060, invisible) inside
# "https:", "www." and before "@" breaks the patterns that autolinking looks for.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)(?=\\[:.])|(?=\\@)")
JOINER = "\u2060"


def md(value: object, limit: int = MAX_SHOWN) -> str:
    """`value` as literal text inside Markdown: one line, at most `limit` characters, every ASCII
    punctuation character backslash-escaped. `md("[a](b)")` → `\\[a\\]\\(b\\)`."""
    text = _SPACE.sub(" ", str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _AUTOLINK.sub(lambda m: (m.group(1) or "") + JOINER, _PUNCT.sub(r"\\\1", text))
