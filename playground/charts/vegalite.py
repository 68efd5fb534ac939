"""Plain Vega-Lite dicts, built without Altair objects: what the per-knob charts use.

Building the same chart with Altair costs 50–100 ms (object construction, deep copies, encoding
inference, pandas sanitizing); these helpers write the dict `Chart.to_dict()` would give: the
`$schema`, Altair's default view size in `config`, and every table as a named top-level dataset
(whose name is a digest of its content, as Altair's is, so new data makes a new spec and the
browser draws a new view rather than patching rows into the old one).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"  # altair.SCHEMA_URL (6.3)
VIEW = {"continuousWidth": 300, "continuousHeight": 300}  # Altair's default theme
Column = np.ndarray | Sequence[Any] | str | int | float | bool


def q(field: str, **kw: Any) -> dict:
    """A quantitative field encoding."""
    return {"field": field, "type": "quantitative", **kw}


def n(field: str, **kw: Any) -> dict:
    """A nominal field encoding."""
    return {"field": field, "type": "nominal", **kw}


def _plain(a: np.ndarray) -> list:
    """A NumPy column as Python values; NaN and ±inf become None (JSON null), as in Altair."""
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        return [v if math.isfinite(v) else None for v in a.tolist()]
    return a.tolist()


def table(columns: Mapping[str, Column]) -> list[dict]:
    """Rows (one dict per row) from equally long columns; a scalar repeats on every row."""
    size = max((len(v) for v in columns.values() if not _is_scalar(v)), default=1)
    lists = [
        [v] * size if _is_scalar(v) else _plain(v) if isinstance(v, np.ndarray) else list(v)
        for v in columns.values()
    ]
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*lists, strict=True)]


def _is_scalar(v: Column) -> bool:
    return isinstance(v, str | int | float | bool | np.generic)


def digest(rows: list[dict]) -> str:
    """A name for a table that changes with its content (`data-` and 32 hex digits)."""
    h = hashlib.md5(usedforsecurity=False)
    h.update(repr(rows).encode())
    return "data-" + h.hexdigest()


def top_level(spec: dict, *tables: list[dict], **config: Any) -> tuple[dict, list[dict]]:
    """`spec` with `$schema`, the default view config (plus `config`) and `tables` as named
    datasets; returns the spec and the `{"name": ...}` data references, in `tables`' order."""
    names = [digest(rows) for rows in tables]
    spec["config"] = {"view": dict(VIEW), **config}
    spec["$schema"] = SCHEMA
    spec["datasets"] = dict(zip(names, tables, strict=True))
    return spec, [{"name": name} for name in names]


def message_spec(text: str) -> dict:
    """One line of grey text (e.g. "no hidden layer"): `style.message` as a dict."""
    spec = {
        "mark": {"type": "text", "color": "gray", "fontSize": 14},
        "encoding": {"text": n("text")},
        "height": 60,
    }
    spec, (data,) = top_level(spec, [{"text": text}])
    spec["data"] = data
    return spec
