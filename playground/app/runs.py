"""Runs cached by config across sessions (bounded LRU), trained live when not cached."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

import streamlit as st

from playground.config import RunConfig
from playground.experiment import RunResult, finish, prepare

MAX_RUNS = 64  # cached results across all sessions (each ≲ 1 MB)


class RunCache:
    """A small thread-safe LRU of RunResults keyed by RunConfig (results are read-only)."""

    def __init__(self, max_entries: int = MAX_RUNS) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[object, RunResult] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, config) -> RunResult | None:
        with self._lock:
            result = self._items.get(config)
            if result is not None:
                self._items.move_to_end(config)
            return result

    def put(self, config, result: RunResult) -> None:
        with self._lock:
            self._items[config] = result
            self._items.move_to_end(config)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


@st.cache_resource
def run_cache() -> RunCache:
    return RunCache()


def train(
    config: RunConfig, on_progress=None, every: float = 0.5, upload=None, after: float = 0.8
) -> RunResult:
    """The cached result for `config`, or train it now; `on_progress(trainer)` once training has
    taken `after` seconds, then at most every `every` seconds (a progress bar and live charts
    for long runs only: a short run would spend more time drawing them than training).

    `upload`: an `Upload` (a user's CSV) replacing the config's data set; cached by its hash.
    """
    cache = run_cache()
    key = config if upload is None else (config, upload.digest)
    result = cache.get(key)
    if result is not None:
        return result
    start = time.perf_counter()
    last = start + after - every
    prepared = prepare(config, None if upload is None else upload.dataset)
    trainer = prepared.trainer
    while not trainer.done:
        trainer.step_epoch()
        now = time.perf_counter()
        if on_progress is not None and now - last > every:
            on_progress(trainer)
            last = now
    result = finish(prepared, time.perf_counter() - start)
    result.extra["key"] = key
    cache.put(key, result)
    return result
