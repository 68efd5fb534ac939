"""Runs cached by config across sessions (bounded LRU), trained within the server's budget.

Short runs train in a worker pool (or here). Long runs (estimated above `budget.LONG_SECONDS`)
and sweeps wait for one of the server's long slots (`long_gate()`, at most `budget.long_slots()`
at once; the others see their place in the line), then train in a low-priority worker process
with live progress. A closed tab, or a rerun of its page, stops them within a fraction of a
second and frees the slot. A worker that dies, or a Dask scheduler that does not answer, gets a
plain message and the work is done here instead.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import NoReturn

import streamlit as st
from cachetools import LRUCache

from playground import budget, executor, remote, sweep
from playground.app import state
from playground.app.chart_cache import spec_cache
from playground.app.i18n import lang, t
from playground.app.safe import md
from playground.config import RunConfig
from playground.experiment import RunResult, finish, prepare, run_many
from playground.nn.train import Stopped

MAX_RUNS = 256  # cached results across all sessions (a default run ~120 KB, 2,000 points ~0.4 MB)


class RunCache:
    """A small thread-safe LRU of RunResults keyed by RunConfig (results are read-only):
    `cachetools.LRUCache` (not thread-safe by itself) behind a lock."""

    def __init__(self, max_entries: int = MAX_RUNS) -> None:
        self.max_entries = max_entries
        self._items: LRUCache[object, RunResult] = LRUCache(maxsize=max_entries)
        self._lock = threading.Lock()

    def get(self, config) -> RunResult | None:
        with self._lock:
            return self._items.get(config)  # a hit becomes the most recently used

    def put(self, config, result: RunResult) -> None:
        with self._lock:
            self._items[config] = result  # the least recently used goes beyond max_entries

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


@st.cache_resource
def run_cache() -> RunCache:
    return RunCache()


class InFlight:
    """Short runs being trained right now, by key. A session that asks for a run another
    session is already training waits for that one instead of training it again: a room that
    loads the same exercise at the same moment trains it once."""

    def __init__(self) -> None:
        self._events: dict[object, threading.Event] = {}
        self._background: set = set()  # keys the server trains ahead (warmup), not a session
        self._lock = threading.Lock()
        self._last = time.monotonic()  # a session's last request

    def touch(self) -> None:
        """A session asked for a run (cached or not)."""
        self._last = time.monotonic()

    def claim(self, key, background: bool = False) -> threading.Event | None:
        """None: the caller trains `key` and must `release(key)` after caching the result;
        else the event that the session training it sets when it is done (or gave up).
        `background`: the server's own warm-up, which does not count as a session's request."""
        with self._lock:
            if key in self._events:
                return self._events[key]
            self._events[key] = threading.Event()
            if background:
                self._background.add(key)
            else:
                self._last = time.monotonic()
            return None

    def release(self, key) -> None:
        with self._lock:
            event = self._events.pop(key, None)
            self._background.discard(key)
        if event is not None:
            event.set()

    def idle_for(self) -> float:
        """Seconds since a session last asked for a run; 0 while a session's run trains."""
        with self._lock:
            if len(self._events) > len(self._background):
                return 0.0
            return time.monotonic() - self._last


@st.cache_resource
def in_flight() -> InFlight:
    return InFlight()


@st.cache_resource
def train_pool():
    """Worker processes for short runs (None: train in the session's thread)."""
    n = remote.workers()
    return remote.make_pool(n) if n else None


@st.cache_resource
def long_gate() -> budget.Gate:
    """The server's long slots: long runs and sweeps hold one while they compute."""
    return budget.Gate(budget.long_slots())


@st.cache_resource
def long_workers() -> list[remote.Worker] | None:
    """One low-priority training process per long slot (None: long runs train in the thread)."""
    return [remote.Worker() for _ in range(long_gate().slots)] if remote.workers() else None


# ------------------------------------------------------------------------------ stopping
def stop_check(extra: Callable[[], bool] | None = None) -> Callable[[], bool]:
    """A cheap callable (asks at most every 0.1 s) that says True once this session's tab is
    closed, its script was asked to rerun or stop (a click, a changed knob), or `extra()`."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    runtime = Runtime.instance() if Runtime.exists() else None
    session = getattr(ctx, "session_id", None)
    requests = getattr(ctx, "script_requests", None)

    def check() -> bool:
        if extra is not None and extra():
            return True
        if runtime is not None and session is not None and not runtime.is_active_session(session):
            return True  # the tab was closed
        # a pending rerun or stop request (Streamlit acts on it at the script's next st call)
        request = getattr(getattr(requests, "_state", None), "name", "CONTINUE")
        return request in ("RERUN", "STOP")

    return budget.throttled(check)


def _interrupted() -> NoReturn:
    """Training stopped for the session: let Streamlit end this script run its own way (an
    st call is where it raises a pending rerun or stop), else just stop here."""
    st.empty()
    st.stop()


@contextlib.contextmanager
def queued(should_stop: Callable[[], bool]) -> Iterator[int]:
    """Hold one of the server's long slots for the block (yields its index); wait for it first,
    showing the place in the line. Leaving the block, however, frees the slot or the place."""
    gate = long_gate()
    ticket = gate.enter()
    try:
        if not gate.wait(ticket, 0):
            note = st.empty()
            while not gate.wait(ticket, 0.5):
                where = {"position": gate.position(ticket), "running": gate.busy}
                note.info(t("budget.queued", **where), icon=":material/hourglass_top:")
                if should_stop():
                    raise Stopped("left the line")
            note.empty()
        yield ticket.slot
    finally:
        gate.leave(ticket)


# ------------------------------------------------------------------------------ budget
def _seconds(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def confirm_budget(config: RunConfig, upload=None) -> None:
    """Before a page trains `config`: refuse a run above the hard cap, and ask first (a button)
    for one above the confirmation threshold. Either way the page stops here until it may go."""
    key = config if upload is None else (config, upload.digest)
    if run_cache().get(key) is not None:
        return
    seconds = budget.estimate_seconds(config, None if upload is None else upload.dataset)
    verdict = budget.verdict(seconds)
    if verdict == "refuse":
        _refuse(seconds)
    if verdict == "ok" or key in st.session_state.get(state.BUDGET_CONFIRMED, ()):
        return
    st.warning(t("budget.confirm", seconds=_seconds(seconds)), icon=":material/timer:")
    st.button(
        t("budget.confirm_button", seconds=_seconds(seconds)),
        key=state.BUDGET_CONFIRM,
        type="primary",
        icon=":material/play_arrow:",
        on_click=_confirmed,
        args=(key,),
    )
    st.stop()


def _confirmed(key) -> None:
    st.session_state[state.BUDGET_CONFIRMED] = {
        *st.session_state.get(state.BUDGET_CONFIRMED, ()),
        key,
    }


def _refuse(seconds: float) -> NoReturn:
    max_ = _seconds(budget.max_run_seconds())
    st.error(t("budget.refused", seconds=_seconds(seconds), max=max_), icon=":material/block:")
    st.stop()


# ------------------------------------------------------------------------------ training
def train(
    config: RunConfig,
    on_progress=None,
    every: float = 0.5,
    upload=None,
    after: float = 0.8,
    labels: dict | None = None,
    when: tuple[str, str] = ("start", "end"),
    should_stop: Callable[[], bool] | None = None,
) -> RunResult:
    """The cached result for `config`, or train it now.

    A run above the hard cap is refused (a message; the page stops). Short runs train in a
    worker process, which also draws the page's default charts with `labels` into the spec
    cache. Long runs wait for a long slot, then train in a low-priority worker with
    `on_progress(progress)` once training has taken `after` seconds, then about every `every`
    seconds (`progress.epoch`, `.epochs`, `.history`: a progress bar and a live chart). They
    stop when the tab closes, the page reruns or `should_stop()` says so.

    `upload`: an `Upload` (a user's CSV) replacing the config's data set; cached by its hash.
    """
    cache = run_cache()
    key = config if upload is None else (config, upload.digest)
    in_flight().touch()
    result = cache.get(key)
    if result is not None:
        return result
    dataset = None if upload is None else upload.dataset
    seconds = budget.estimate_seconds(config, dataset)
    if budget.verdict(seconds) == "refuse":
        _refuse(seconds)
    try:
        if seconds <= budget.LONG_SECONDS:
            result = _train_short_once(config, dataset, labels, when, key, should_stop)
        else:
            stop = stop_check(should_stop)
            with queued(stop) as slot:
                job = (config, dataset, labels, when, key)
                result = _train_long(job, slot, on_progress, every, after, stop)
    except Stopped:
        _interrupted()
    result.extra["key"] = key
    cache.put(key, result)
    return result


def _store_specs(key, specs: dict) -> None:
    for (name, options), spec in specs.items():
        spec_cache().put((key, name, options, lang()), spec)


def _train_short_once(config, dataset, labels, when, key, should_stop=None) -> RunResult:
    """`_train_short`, unless another session is training the same run: then wait for its
    result (stopping like any training when this tab closes or reruns); train here if that
    session gave up (its tab closed)."""
    flights, cache = in_flight(), run_cache()
    stop = None
    while (other := flights.claim(key)) is not None:
        stop = stop or stop_check(should_stop)
        while not other.wait(0.05):
            if stop():
                raise Stopped("stopped waiting for another session's run")
        result = cache.get(key)
        if result is not None:
            return result
    try:
        result = _train_short(config, dataset, labels, when, key)
        result.extra["key"] = key
        cache.put(key, result)  # before the waiting sessions look
        return result
    finally:
        flights.release(key)


def _train_short(config, dataset, labels, when, key) -> RunResult:
    pool = train_pool()
    if pool is not None and labels is not None:
        try:
            result, specs, trained = pool.submit(
                remote.train_and_draw, config, dataset, labels, when
            ).result()
        except (BrokenProcessPool, OSError):
            pool.shutdown(wait=False, cancel_futures=True)
            train_pool.clear()  # a dead worker: a fresh pool next time, train here now
            st.warning(t("budget.worker_died"), icon=":material/warning:")
        else:
            result.elapsed = trained
            _store_specs(key, specs)
            return result
    return _train_here(config, dataset)


def _train_long(job, slot: int, on_progress, every, after, stop) -> RunResult:
    config, dataset, labels, when, key = job
    workers = long_workers()
    if workers is not None:
        start = time.perf_counter()

        def report(progress) -> None:
            if on_progress is not None and time.perf_counter() - start > after:
                on_progress(progress)

        try:
            result, specs, trained = workers[slot].call(
                remote.train_long, *job[:4], on_report=report, should_stop=stop
            )
        except remote.WorkerDied:
            st.warning(t("budget.worker_died"), icon=":material/warning:")
        else:
            result.elapsed = trained
            _store_specs(key, specs)
            return result
    return _train_here(config, dataset, on_progress, every, after, stop)


def _train_here(config, dataset, on_progress=None, every=0.5, after=0.8, stop=None) -> RunResult:
    """Train in this thread: `on_progress(trainer)` after `after` s, then every `every` s."""
    start = time.perf_counter()
    last = start + after - every
    prepared = prepare(config, dataset)
    trainer = prepared.trainer
    trainer.should_stop = stop
    while not trainer.done:
        if stop is not None and stop():
            raise Stopped("stopped")
        trainer.step_epoch()
        now = time.perf_counter()
        if on_progress is not None and now - last > every:
            on_progress(trainer)
            last = now
    return finish(prepared, time.perf_counter() - start)


# ------------------------------------------------------------------------------ sweeps
def sweep_chunks(
    configs: list[RunConfig], parts: int = 4, should_stop: Callable[[], bool] | None = None
) -> Iterator[tuple[list[int], list[RunResult]]]:
    """Train `configs` chunk by chunk (as `executor.plan` splits them), yielding (indices, results)
    as each chunk finishes: on the Dask cluster $PLAYGROUND_DASK_SCHEDULER names (one that does
    not answer gets a message, then the sweep runs here), else in one of this server's long
    slots, in a low-priority worker process. Ends early, freeing the slot, when the tab closes,
    the page reruns or `should_stop()` says so."""
    stop = stop_check(should_stop)
    todo = list(range(len(configs)))
    if address := os.environ.get(executor.DASK_ENV):
        try:
            for indices, results in sweep.execute(
                configs, scheduler=address, should_stop=stop, parts=parts
            ):
                done = set(indices)
                todo = [i for i in todo if i not in done]
                yield indices, results
            return
        except executor.ClusterUnavailable:
            note = t("budget.dask_down", address=md(address), seconds=f"{executor.DASK_TIMEOUT:g}")
            st.warning(note, icon=":material/cloud_off:")
    try:
        with queued(stop) as slot:
            workers = long_workers()
            worker = workers[slot] if workers is not None else None
            sub = [configs[i] for i in todo]
            for chunk in executor.plan(sub, parts):
                chunk_configs = [sub[i] for i in chunk]
                results = None
                if worker is not None:
                    try:
                        results = worker.call(remote.train_chunk, chunk_configs, should_stop=stop)
                    except remote.WorkerDied:
                        st.warning(t("budget.worker_died"), icon=":material/warning:")
                        worker = None
                if results is None:
                    results = run_many(chunk_configs, should_stop=stop)
                yield [todo[i] for i in chunk], results
    except Stopped:
        return
