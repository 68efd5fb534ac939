"""Download buttons whose file is built on the server, in memory (nothing is written to disk:
Streamlit keeps the bytes in its in-memory media store). A builder that fails (out of memory,
an OS error such as a full disk in a temporary file) gets a plain message in place of its
button, never a traceback; the other buttons still show."""

from __future__ import annotations

from collections.abc import Callable

from playground.app.i18n import t
from playground.app.safe import md


def button(container, label: str, build: Callable[[], object], file_name: str, mime: str, **kw):
    """`container.download_button(label, build(), file_name, mime, **kw)`, or a message."""
    try:
        data = build()
    except (OSError, MemoryError, ValueError) as e:
        reason = md(e.strerror if isinstance(e, OSError) and e.strerror else e or type(e).__name__)
        container.warning(
            t("budget.download_failed", name=md(file_name), error=md(reason, 300)),
            icon=":material/error:",
        )
        return None
    return container.download_button(label, data, file_name, mime, **kw)
