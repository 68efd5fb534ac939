"""Runs cached by config across sessions (bounded LRU), trained live when not cached."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures.process import BrokenProcessPool

import streamlit as st

from playground import remote
from playground.app.chart_cache import spec_cache
from playground.app.i18n import lang
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


LONG_RUN = 100_000  # epochs × samples above which a run trains here, with live charts


@st.cache_resource
def train_pool():
    """Worker processes for training (None: train in the session's thread)."""
    n = remote.workers()
    return remote.make_pool(n) if n else None


def train(
    config: RunConfig,
    on_progress=None,
    every: float = 0.5,
    upload=None,
    after: float = 0.8,
    labels: dict | None = None,
    when: tuple[str, str] = ("start", "end"),
) -> RunResult:
    """The cached result for `config`, or train it now.

    Short runs train in a worker process (both cores serve the room; the server's thread stays
    free), which also draws the page's default charts with `labels` into the spec cache. Long
    runs train here: `on_progress(trainer)` once training has taken `after` seconds, then at most
    every `every` seconds (a progress bar and live charts).

    `upload`: an `Upload` (a user's CSV) replacing the config's data set; cached by its hash.
    """
    cache = run_cache()
    key = config if upload is None else (config, upload.digest)
    result = cache.get(key)
    if result is not None:
        return result
    dataset = None if upload is None else upload.dataset
    pool = train_pool()
    if pool is not None and labels is not None and config.epochs * config.n_samples <= LONG_RUN:
        try:
            result, specs, trained = pool.submit(
                remote.train_and_draw, config, dataset, labels, when
            ).result()
        except (BrokenProcessPool, OSError):
            train_pool.clear()  # a dead worker: start a fresh pool next time, train here now
        else:
            result.elapsed = trained
            result.extra["key"] = key
            for (name, options), spec in specs.items():
                spec_cache().put((key, name, options, lang()), spec)
            cache.put(key, result)
            return result
    start = time.perf_counter()
    last = start + after - every
    prepared = prepare(config, dataset)
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
