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


def table(columns: Mapping[str, Column]) -> tuple[str, list[dict]]:
    """(name, rows) of equally long columns (one dict per row; a scalar repeats on every row).
    The name is `data-` and an MD5 digest of the columns: it changes with the content."""
    size = max((len(v) for v in columns.values() if not _is_scalar(v)), default=1)
    lists = [_as_list(v, size) for v in columns.values()]
    names = list(columns)
    rows = [dict(zip(names, row, strict=True)) for row in zip(*lists, strict=True)]
    return _digest(columns), rows


def _is_scalar(v: Column) -> bool:
    return isinstance(v, str | int | float | bool | np.generic)


def _as_list(v: Column, size: int) -> list:
    if _is_scalar(v):
        return [v.item() if isinstance(v, np.generic) else v] * size
    return _plain(v) if isinstance(v, np.ndarray) else list(v)


def _digest(columns: Mapping[str, Column]) -> str:
    h = hashlib.md5(usedforsecurity=False)
    for name, v in columns.items():
        h.update(repr(name).encode())
        if isinstance(v, np.ndarray) and v.dtype.kind in "biuf":  # numbers: their bytes
            h.update(v.dtype.str.encode() + np.ascontiguousarray(v).tobytes())
        else:
            h.update(repr(v if _is_scalar(v) else list(v)).encode())
    return "data-" + h.hexdigest()


def top_level(spec: dict, *tables: tuple[str, list[dict]], **config: Any) -> tuple[dict, list]:
    """`spec` with `$schema`, the default view config (plus `config`) and `tables` ((name, rows)
    pairs from `table`) as named datasets; returns the spec and the `{"name": ...}` data
    references, in `tables`' order."""
    spec["config"] = {"view": dict(VIEW), **config}
    spec["$schema"] = SCHEMA
    spec["datasets"] = dict(tables)
    return spec, [{"name": name} for name, _ in tables]


def message_spec(text: str) -> dict:
    """One line of grey text (e.g. "no hidden layer"): `style.message` as a dict."""
    spec = {
        "mark": {"type": "text", "color": "gray", "fontSize": 14},
        "encoding": {"text": n("text")},
        "height": 60,
    }
    spec, (data,) = top_level(spec, table({"text": text}))
    spec["data"] = data
    return spec
