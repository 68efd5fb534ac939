"""Runs a room will ask for, trained before anyone asks, while the server is idle.

The default setup, every one-knob change from it that the sidebar offers for the named knobs
(data set, scaler, loss, activation, initializer, optimizer) and for the learning rate, width
and depth, each preset, and each exercise's start and solution steps: about a hundred short
runs. One thread per server process trains them one at a time in the short-run worker pool,
only after no session has asked for a run for `IDLE_SECONDS`, and puts each in the run cache
with its default charts in English (other languages are drawn when first asked: a few ms).
A session that asks for one of them meanwhile gets it from the cache, or waits for it
(`runs.InFlight`). Runs above `budget.LONG_SECONDS` are left out.

$PLAYGROUND_WARMUP=0 turns it off (the tests do); without a worker pool there is none.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace

import streamlit as st

from playground import budget, config, presets, remote
from playground.app import runs
from playground.app.chart_cache import spec_cache
from playground.app.i18n import EN
from playground.app.views import chart_labels
from playground.config import RunConfig
from playground.exercises import EXERCISES

ENV = "PLAYGROUND_WARMUP"
IDLE_SECONDS = 2.0
NAMED = ("dataset", "scaler", "loss", "activation", "initializer", "optimizer")
WIDTHS, DEPTHS = (2, 4, 16, 32), (0, 1, 3, 4)


def setups() -> list[RunConfig]:
    """The runs to train ahead, most asked-for first, each once, short ones only."""
    base = RunConfig()
    out = [base]
    for ex in EXERCISES:
        out += [ex.start, *ex.solution]
    out += [p.config for p in presets.PRESETS]
    choices = config.choices()
    for field in NAMED:
        out += [_with(base, **{field: v}) for v in choices[field]]
    out += [_with(base, learning_rate=v) for v in config.STEPS["learning_rate"]]
    depth = len(base.hidden)
    out += [_with(base, hidden=(w,) * depth) for w in WIDTHS]
    out += [_with(base, hidden=base.hidden[:1] * d) for d in DEPTHS]
    seen: set[RunConfig] = set()
    keep = []
    for c in out:
        if c is not None and c not in seen and budget.estimate_seconds(c) <= budget.LONG_SECONDS:
            seen.add(c)
            keep.append(c)
    return keep


def _with(base: RunConfig, **change) -> RunConfig | None:
    try:
        return replace(base, **change)
    except ValueError:  # e.g. a loss that this output cannot take
        return None


class Warmup:
    """The thread that trains `todo` while the server is idle; `done` counts the runs it
    trained, `stop()` ends it after the current run."""

    def __init__(self, todo: list[RunConfig], pool, idle: float = IDLE_SECONDS) -> None:
        self.todo, self.pool, self.idle = list(todo), pool, idle
        self.done = 0
        # the shared stores, looked up here (the caller's thread: a cache_resource called from
        # this thread logs "missing ScriptRunContext")
        self._stores = runs.in_flight(), runs.run_cache(), spec_cache()
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="warmup", daemon=True)

    def start(self) -> Warmup:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        flights, cache, specs = self._stores
        for c in self.todo:
            while flights.idle_for() < self.idle:
                if self._stop.wait(0.2):
                    return
            if self._stop.is_set():
                return
            if cache.get(c) is not None or flights.claim(c, background=True) is not None:
                continue  # trained, or a session is training it now
            try:
                labels = chart_labels(c, EN.get)
                when = (EN["grad.acts.start"], EN["grad.acts.end"])
                result, made, trained = self.pool.submit(
                    remote.train_and_draw, c, None, labels, when
                ).result()
                result.elapsed, result.extra["key"] = trained, c
                for (name, options), spec in made.items():
                    specs.put((c, name, options, "en"), spec)
                cache.put(c, result)
                self.done += 1
            except Exception:  # noqa: BLE001 - a broken pool: the sessions will say so
                return
            finally:
                flights.release(c)


@st.cache_resource(show_spinner=False)
def start() -> Warmup | None:
    """Start the server's warm-up thread (once per process); None when it is off."""
    pool = runs.train_pool()
    if os.environ.get(ENV, "1") == "0" or pool is None:
        return None
    return Warmup(setups(), pool).start()
