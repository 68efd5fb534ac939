"""Sessions that ask for the same uncached run at once train it once (runs.InFlight)."""

from __future__ import annotations

import threading
import time

import pytest

from playground.app import runs
from playground.config import RunConfig
from playground.experiment import run
from playground.nn.train import Stopped

A, B = RunConfig(epochs=3), RunConfig(epochs=4)


@pytest.fixture
def trainer(monkeypatch):
    """_train_short replaced by a slow one that logs (key, outcome); `plan` lists outcomes."""
    log: list[tuple] = []
    plan: list[str] = []

    def slow(config, dataset, labels, when, key):
        outcome = plan.pop(0) if plan else "trained"
        time.sleep(0.3)
        log.append((key, outcome))
        if outcome == "stopped":
            raise Stopped("the first tab closed")
        return run(config)

    monkeypatch.setattr(runs, "_train_short", slow)
    runs.run_cache.clear()
    runs.in_flight.clear()
    yield log, plan
    runs.run_cache.clear()
    runs.in_flight.clear()


def _together(*calls):
    """Run each (config, should_stop) through _train_short_once in its own thread, the second
    0.05 s after the first; their results (or exceptions) in order."""
    out: list = [None] * len(calls)

    def go(i, config, should_stop):
        try:
            out[i] = runs._train_short_once(config, None, None, ("a", "b"), config, should_stop)
        except Stopped as e:
            out[i] = e

    threads = [threading.Thread(target=go, args=(i, *c)) for i, c in enumerate(calls)]
    for th in threads:
        th.start()
        time.sleep(0.05)
    for th in threads:
        th.join(10)
    return out


def test_the_same_run_asked_twice_at_once_trains_once(trainer):
    log, _ = trainer
    first, second, third = _together((A, None), (A, None), (B, None))
    assert [k for k, _ in log].count(A) == 1 and [k for k, _ in log].count(B) == 1
    assert first is second and first.config == A and third.config == B
    assert runs.run_cache().get(A) is first
    assert len(log) == 2 and first.extra["key"] == A


def test_a_waiting_session_trains_the_run_itself_when_the_first_gives_up(trainer):
    log, plan = trainer
    plan.append("stopped")
    first, second = _together((A, None), (A, None))
    assert isinstance(first, Stopped)
    assert log == [(A, "stopped"), (A, "trained")] and second.config == A


def test_a_waiting_session_whose_tab_closes_stops_waiting(trainer):
    log, _ = trainer
    start = time.perf_counter()
    first, second = _together((A, None), (A, lambda: True))
    assert isinstance(second, Stopped) and first.config == A and log == [(A, "trained")]
    assert time.perf_counter() - start < 1.0
