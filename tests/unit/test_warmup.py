"""The server trains what a room will ask for while it is idle (playground/app/warmup.py)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from playground import budget, presets
from playground.app import runs, warmup
from playground.app.chart_cache import spec_cache
from playground.config import RunConfig
from playground.exercises import EXERCISES

SMALL = [RunConfig(epochs=3), RunConfig(epochs=4), RunConfig(epochs=5)]


def test_the_list_starts_with_the_defaults_and_holds_every_exercise_and_preset():
    todo = warmup.setups()
    assert todo[0] == RunConfig() and len(todo) == len(set(todo))
    for ex in EXERCISES:
        for c in (ex.start, *ex.solution):
            assert c in todo or budget.estimate_seconds(c) > budget.LONG_SECONDS, ex.id
    for p in presets.PRESETS:
        assert p.config in todo or budget.estimate_seconds(p.config) > budget.LONG_SECONDS
    assert replace(RunConfig(), activation="relu") in todo  # one knob from the defaults
    assert replace(RunConfig(), learning_rate=0.1) in todo
    assert replace(RunConfig(), hidden=(16, 16)) in todo
    assert all(budget.estimate_seconds(c) <= budget.LONG_SECONDS for c in todo)
    assert 50 <= len(todo) <= 150  # about a hundred short runs


@pytest.fixture
def server():
    runs.run_cache.clear()
    runs.in_flight.clear()
    spec_cache.clear()
    with ThreadPoolExecutor(1) as pool:
        yield pool
    runs.run_cache.clear()
    runs.in_flight.clear()
    spec_cache.clear()


def _wait(predicate, seconds=20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_it_waits_while_sessions_ask_then_trains_each_run_with_its_charts(server):
    flights, cache = runs.in_flight(), runs.run_cache()
    w = warmup.Warmup(SMALL, server, idle=0.5).start()
    try:
        for _ in range(15):  # a session asks for a run every 0.1 s for 1.5 s
            flights.touch()
            time.sleep(0.1)
            assert w.done == 0 and all(cache.get(c) is None for c in SMALL)
        assert _wait(lambda: w.done == 3)
        for c in SMALL:
            result = cache.get(c)
            assert result.config == c and result.extra["key"] == c
            spec = spec_cache().get_or_build((c, "loss", (False,), "en"), pytest.fail)
            assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    finally:
        w.stop()


def test_it_waits_while_a_session_trains_and_stops_when_asked(server):
    flights, cache = runs.in_flight(), runs.run_cache()
    assert flights.claim(SMALL[0]) is None  # a session is training a run
    w = warmup.Warmup(SMALL, server, idle=0.2).start()
    time.sleep(0.8)
    assert flights.idle_for() == 0.0 and w.done == 0  # not while a session trains
    flights.release(SMALL[0])  # (without a result: that session gave up)
    assert _wait(lambda: w.done >= 1)  # SMALL[0] is trained here instead
    w.stop()
    w.thread.join(10)
    assert not w.thread.is_alive() and cache.get(SMALL[0]) is not None
    assert w.done < 3 or cache.get(SMALL[2]) is not None


def test_it_is_off_without_a_pool_or_when_the_environment_says_so(monkeypatch):
    warmup.start.clear()
    monkeypatch.setenv(warmup.ENV, "0")
    assert warmup.start() is None
    warmup.start.clear()
