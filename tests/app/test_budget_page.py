"""The compute budget as a visitor meets it: a refused link, a confirmation, the line for long
runs, a closed tab that stops its run and sweep, and failures outside our control (a dead worker
process, an unreachable Dask scheduler, a download that cannot be built) in plain words."""

from __future__ import annotations

import os
import signal
import threading
import time
import types
from dataclasses import replace

import pandas as pd
import pytest
import streamlit.runtime
import streamlit.runtime.scriptrunner
from streamlit.testing.v1 import AppTest

from playground import budget, executor, export, remote
from playground.app import runs
from playground.app.i18n import EN, KO
from playground.app.safe import md
from playground.config import RunConfig
from playground.experiment import run

ISSUE_LINK = {  # /?n_samples=2000&epochs=1000&batch_size=1&width=32&depth=6&activation=Maxout…
    "n_samples": "2000", "epochs": "1000", "batch_size": "1", "width": "32", "depth": "6",
    "activation": "Maxout", "test_fraction": "0.1", "learning_rate": "1e-05",
}  # fmt: skip


def _texts(elements) -> str:
    return " | ".join(e.value for e in elements)


def _no_training_shown(at: AppTest) -> None:
    assert not at.exception and len(at.metric) == 0 and len(runs.run_cache()) == 0


@pytest.fixture(autouse=True)
def _defaults(monkeypatch):
    for env in (budget.MAX_ENV, budget.CONFIRM_ENV, budget.SLOTS_ENV, executor.DASK_ENV):
        monkeypatch.delenv(env, raising=False)


# ------------------------------------------------------------------------------ the budget
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_issues_link_is_refused_with_its_cost(make_app, lang):
    at = make_app(small=False, lang=lang, **ISSUE_LINK).run()
    _no_training_shown(at)
    seconds = budget.estimate_seconds(
        RunConfig(n_samples=2000, epochs=1000, batch_size=1, hidden=(32,) * 6,
                  activation="maxout", test_fraction=0.1, learning_rate=1e-5)
    )  # fmt: skip
    words = {"en": EN, "ko": KO}[lang]["budget.refused"]
    expected = words.format(seconds=f"{seconds:,.0f}", max="120")
    assert expected in _texts(at.error)
    assert "budget_confirm" not in [b.key for b in at.button]


def test_a_laptop_may_allow_it_after_asking(make_app, monkeypatch):
    monkeypatch.setenv(budget.MAX_ENV, "100000")
    at = make_app(small=False, **ISSUE_LINK).run()
    _no_training_shown(at)
    assert "computing" in _texts(at.warning) and "s of computing" in _texts(at.warning)
    assert at.button(key="budget_confirm").label.startswith("Train it (about ")


def test_a_long_run_trains_only_after_the_button(make_app, monkeypatch):
    monkeypatch.setenv(budget.CONFIRM_ENV, "0.001")  # every run counts as long here
    at = make_app().run()
    _no_training_shown(at)
    seconds = budget.estimate_seconds(RunConfig(epochs=10, n_samples=100))
    assert EN["budget.confirm"].format(seconds=f"{seconds:.1f}") in _texts(at.warning)
    at.button(key="budget_confirm").click().run()
    assert not at.exception and len(at.metric) == 7 and len(runs.run_cache()) == 1
    at.run()  # confirmed once is enough for this setup
    assert len(at.metric) == 7
    at.query_params.clear()
    at.session_state["epochs"] = 20  # another setup asks again
    at.run()
    assert len(at.metric) == 0 and len(at.button(key="budget_confirm").label) > 0


# ------------------------------------------------------------------------------ the line
def test_a_long_run_waits_its_turn_and_sees_its_place(make_app, monkeypatch):
    monkeypatch.setattr(budget, "LONG_SECONDS", 0.0)  # this small run counts as long
    gate = runs.long_gate()
    first, second = gate.enter(), gate.enter()  # one computing, one waiting before us
    said = []
    real_t = runs.t

    def t(key, **kw):
        if key == "budget.queued":
            said.append((kw["position"], kw["running"]))
        return real_t(key, **kw)

    monkeypatch.setattr(runs, "t", t)

    def others_finish():  # once the page is in line behind `second`
        deadline = time.monotonic() + 60
        while gate.waiting < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.2)
        gate.leave(second)
        time.sleep(1.2)
        gate.leave(first)

    threading.Thread(target=others_finish, daemon=True).start()
    at = make_app().run()
    assert not at.exception and len(at.metric) == 7
    assert said[0] == (2, 1) and said[-1] == (1, 1)
    assert [p for p, _ in said] == sorted((p for p, _ in said), reverse=True)
    assert (gate.busy, gate.waiting) == (0, 0)


# ------------------------------------------------------------------------------ closed tabs
@pytest.fixture
def tab(monkeypatch):
    """A fake browser session for code running outside a script: `tab.close()` makes
    Runtime.is_active_session say False, as Streamlit does when a tab closes."""
    closed = threading.Event()
    runtime = types.SimpleNamespace(is_active_session=lambda sid: not closed.is_set())
    monkeypatch.setattr(streamlit.runtime.Runtime, "exists", staticmethod(lambda: True))
    monkeypatch.setattr(streamlit.runtime.Runtime, "instance", staticmethod(lambda: runtime))
    ctx = types.SimpleNamespace(session_id="tab-1", script_requests=None)
    monkeypatch.setattr(streamlit.runtime.scriptrunner, "get_script_run_ctx", lambda **kw: ctx)
    return types.SimpleNamespace(close=closed.set, closed=closed)


def _ends_within_two_seconds_of_closing(tab, work, busy: int = 0) -> None:
    ended = {}

    def target():
        try:
            work()
        except BaseException as e:  # noqa: BLE001 - st.stop() outside a script, Stopped, …
            ended["how"] = type(e).__name__
        ended["at"] = time.perf_counter()

    th = threading.Thread(target=target, daemon=True)
    th.start()
    time.sleep(2.0)
    assert th.is_alive()  # still training
    closed_at = time.perf_counter()
    tab.close()
    th.join(10)
    assert not th.is_alive() and ended["at"] - closed_at < 2.0, ended
    assert (runs.long_gate().busy, runs.long_gate().waiting) == (busy, 0)


LONG_RUN = RunConfig(n_samples=3000, epochs=300, batch_size=1, hidden=(16, 16))
LONG_SWEEP = [replace(LONG_RUN, seed=s, epochs=50) for s in range(12)]


@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_closed_tab_stops_its_long_run(tab, monkeypatch, workers):
    monkeypatch.setenv(remote.ENV, workers)  # 1: in a worker process; 0: in the thread
    _ends_within_two_seconds_of_closing(tab, lambda: runs.train(LONG_RUN))
    assert runs.run_cache().get(LONG_RUN) is None


@pytest.mark.parametrize("workers", ["0", "1"])
def test_a_closed_tab_stops_its_sweep_mid_chunk(tab, monkeypatch, workers):
    monkeypatch.setenv(remote.ENV, workers)
    got = []
    _ends_within_two_seconds_of_closing(
        tab, lambda: got.extend(runs.sweep_chunks(LONG_SWEEP, parts=1))
    )
    assert got == []  # one chunk of 12 runs, stopped inside it


def test_a_closed_tab_leaves_the_line(tab):
    gate = runs.long_gate()
    holder = gate.enter()
    try:
        _ends_within_two_seconds_of_closing(tab, lambda: runs.train(LONG_RUN), busy=1)
    finally:
        gate.leave(holder)


# ------------------------------------------------------------------------------ failures
def test_a_dead_long_run_worker_gets_words_and_the_run_trains_here(make_app, monkeypatch):
    monkeypatch.setenv(remote.ENV, "1")
    monkeypatch.setattr(budget, "LONG_SECONDS", 0.0)
    worker = runs.long_workers()[0]
    worker.call(remote.train_chunk, [RunConfig(epochs=1, n_samples=40)])  # started and warm
    gate = runs.long_gate()

    def kill_mid_run():  # what the kernel's OOM killer would do, 1 s into the page's run
        deadline = time.monotonic() + 60
        while gate.busy == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)
        os.kill(worker.pid, signal.SIGKILL)

    threading.Thread(target=kill_mid_run, daemon=True).start()
    params = {"epochs": "50", "n_samples": "400", "batch_size": "1"}
    at = make_app(small=False, **params).run()
    assert not at.exception
    assert EN["budget.worker_died"] in _texts(at.warning)
    config = RunConfig(epochs=50, n_samples=400, batch_size=1)
    pd.testing.assert_frame_equal(runs.run_cache().get(config).history, run(config).history)
    assert (gate.busy, gate.waiting) == (0, 0)
    worker.close()


def test_a_dead_pool_worker_gets_words_and_the_run_trains_here(make_app, monkeypatch):
    monkeypatch.setenv(remote.ENV, "1")
    at = make_app().run()
    assert not at.exception and len(at.metric) == 7
    for pid in list(runs.train_pool()._processes):
        os.kill(pid, signal.SIGKILL)
    at.session_state["epochs"] = 20
    at.run()
    assert not at.exception and len(at.metric) == 7
    assert EN["budget.worker_died"] in _texts(at.warning)
    at.session_state["epochs"] = 50  # a fresh pool serves the next run
    at.run()
    assert not at.exception and EN["budget.worker_died"] not in _texts(at.warning)


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SWEEP_PAGE = f"""
import sys
sys.path.insert(0, {REPO!r})
from playground.app.pages.sweep import render
render()
"""


def test_an_unreachable_dask_scheduler_gets_words_and_the_sweep_runs_here(monkeypatch):
    pytest.importorskip("dask.distributed", reason="dask[distributed] not installed")
    monkeypatch.setenv(executor.DASK_ENV, "tcp://127.0.0.1:1")
    monkeypatch.setattr(executor, "DASK_TIMEOUT", 1.0)
    at = AppTest.from_string(SWEEP_PAGE, default_timeout=120)
    at.query_params.update({"epochs": "10", "n_samples": "100"})
    at.run()
    at.multiselect(key="sw_values_learning_rate").set_value([0.01, 0.1]).run()
    at.slider(key="sw_seeds").set_value(1).run()
    start = time.perf_counter()
    at.button(key="sw_run").click().run()
    assert time.perf_counter() - start < 20
    assert not at.exception
    words = EN["budget.dask_down"].format(address="tcp\\:\\/\\/127\\.0\\.0\\.1\\:1", seconds="1")
    assert words in _texts(at.warning)
    assert len(at.dataframe[0].value) == 2  # trained here instead


@pytest.mark.parametrize(
    "builder, name", [("config_json", "setup.json"), ("weights_npz", "playground_run.npz")]
)
def test_a_download_that_cannot_be_built_gets_words(make_app, monkeypatch, builder, name):
    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, builder, full_disk)
    at = make_app().run()
    at.segmented_control(key="view").set_value("export").run()
    assert not at.exception
    assert "No space left on device" in _texts(at.warning)
    assert md(name) in _texts(at.warning)
    labels = [b.label for b in at.get("download_button")]
    assert {EN["export.history"], EN["export.script"]} <= set(labels)  # the others still offered
    failed = {"config_json": "export.setup", "weights_npz": "export.weights"}[builder]
    assert EN[failed] not in labels


def test_a_sweep_of_costly_runs_is_refused_before_anything_trains(monkeypatch):
    monkeypatch.delenv(budget.MAX_SWEEP_ENV, raising=False)
    at = AppTest.from_string(SWEEP_PAGE, default_timeout=60)
    at.query_params.update(ISSUE_LINK)
    start = time.perf_counter()
    at.run()
    assert time.perf_counter() - start < 30  # the estimate trains nothing
    assert not at.exception and len(runs.run_cache()) == 0
    assert "more than this server allows for one sweep (600 s)" in _texts(at.error)
    assert "sw_run" not in [b.key for b in at.button]
    monkeypatch.setenv(budget.MAX_SWEEP_ENV, "1000000")  # a laptop: it may run
    at.run()
    assert at.button(key="sw_run") is not None and not at.exception
