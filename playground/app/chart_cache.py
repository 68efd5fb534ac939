"""Vega-Lite specs cached across reruns and sessions.

The playground's own charts are built as plain dicts (a few ms); others are Altair charts, whose
`to_dict` costs 20–100 ms per chart. Either way a rerun that shows an already-trained run should
not pay that again. Specs are keyed by what determines them (run key, chart, options, language)
and shown with `st.vega_lite_chart`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

import streamlit as st
from cachetools import LRUCache

from playground.app.i18n import lang
from playground.page_specs import steady_names, with_arrow_datasets

MAX_SPECS = 400  # ≈ 50 KB each: ≲ 20 MB across all sessions


class SpecCache:
    """A thread-safe LRU of Vega-Lite spec dicts: `cachetools.LRUCache` behind a lock."""

    def __init__(self, max_entries: int = MAX_SPECS) -> None:
        self.max_entries = max_entries
        self._items: LRUCache[Hashable, dict] = LRUCache(maxsize=max_entries)
        self._lock = threading.Lock()

    def put(self, key: Hashable, spec: dict) -> None:
        spec = with_arrow_datasets(spec)  # outside the lock
        with self._lock:
            self._items[key] = spec  # the least recently used goes beyond max_entries

    def get_or_build(self, key: Hashable, build: Callable[[], dict | object]) -> dict:
        with self._lock:
            spec = self._items.get(key)  # a hit becomes the most recently used
        if spec is not None:
            return spec
        # outside the lock (other sessions need not wait); the unit tests validate every chart
        spec = with_arrow_datasets(as_spec(build()))
        self.put(key, spec)  # (already converted: put keeps it as it is)
        return spec


def as_spec(chart: dict | object) -> dict:
    """A Vega-Lite dict as it is, an Altair chart as its dict (not validated again)."""
    return chart if isinstance(chart, dict) else chart.to_dict(validate=False)


@st.cache_resource
def spec_cache() -> SpecCache:
    return SpecCache()


def run_key(result) -> Hashable | None:
    """What identifies a cached run (its config, plus the upload's hash); None if uncached."""
    return result.extra.get("key")


def show(where, run_key: Hashable, name: str, build: Callable[[], object], *options, **kw):
    """Draw chart `name` of the run `run_key` with `options` in `where` (st or a column);
    `run_key` None means do not cache (e.g. a run still being trained step by step). Returns
    what `vega_lite_chart` returns (the selection state with `on_select`)."""
    if run_key is None:
        spec = as_spec(build())
    else:
        spec = spec_cache().get_or_build((run_key, name, options, lang()), build)
    # the same dataset names from run to run: the browser swaps the rows rather than
    # building the chart anew when only the data changed
    spec = steady_names(spec, name)
    return where.vega_lite_chart(spec, width=kw.pop("width", "stretch"), **kw)
