"""Training in a worker process: the same run, plus the page's default charts drawn there."""

import os
import pickle
import signal
import threading
import time

import numpy as np
import pandas.testing as pdt
import pytest

from playground import page_specs, remote
from playground.config import RunConfig
from playground.experiment import run
from playground.nn.train import Stopped

CONFIG = RunConfig(epochs=15, n_samples=150)


def test_train_and_draw_is_run_plus_the_default_specs():
    labels = {"x": "x1", "y": "x2"}
    result, specs, seconds = remote.train_and_draw(CONFIG, None, labels, ("a", "b"))
    pdt.assert_frame_equal(result.history, run(CONFIG).history)
    assert set(specs) == set(page_specs.defaults(result)) and seconds > 0
    assert all("$schema" in s for s in specs.values())
    # what crosses the process boundary must pickle, the model with its views intact
    back, _, _ = pickle.loads(pickle.dumps((result, specs, seconds)))
    assert back.model.params[0].base is back.model.flat


def test_a_real_worker_pool_returns_the_same_run():
    pool = remote.make_pool(1)
    try:
        result, specs, _ = pool.submit(remote.train_and_draw, CONFIG, None, {}, ("a", "b")).result(
            timeout=120
        )
    finally:
        pool.shutdown()
    pdt.assert_frame_equal(result.history, run(CONFIG).history)
    assert ("loss", (False,)) in specs


def test_workers_setting(monkeypatch):
    monkeypatch.setenv(remote.ENV, "0")
    assert remote.workers() == 0
    monkeypatch.setenv(remote.ENV, "3")
    assert remote.workers() == 3
    monkeypatch.setenv(remote.ENV, "many")
    assert remote.workers() == 0


# ------------------------------------------------------------------------------ long-run worker
LONG = RunConfig(n_samples=2000, epochs=500, batch_size=1, hidden=(16, 16))


@pytest.fixture(scope="module")
def worker():
    w = remote.Worker()
    yield w
    w.close()


def test_a_worker_trains_the_same_run_and_reports_progress(worker):
    config = RunConfig(epochs=40, n_samples=1000, batch_size=4)
    reports = []
    result, specs, seconds = worker.call(
        remote.train_long, config, None, {"x": "x1", "y": "x2"}, ("a", "b"),
        on_report=reports.append, should_stop=lambda: False,
    )  # fmt: skip
    pdt.assert_frame_equal(result.history, run(config).history)
    assert ("loss", (False,)) in specs and seconds > 0
    for p in reports:  # what a progress bar and the live chart read
        assert 0 < p.epoch <= config.epochs and p.epochs == config.epochs
        assert p.history["epoch"][0] == 0 and len(p.history["train_loss"]) <= 2 * 300
    assert os.getpriority(os.PRIO_PROCESS, worker.pid) >= remote.NICE  # yields to the server


def test_a_cancelled_worker_stops_within_two_seconds_and_serves_again(worker):
    worker.start()
    said = {}

    def stop() -> bool:
        if "at" not in said and time.perf_counter() > started + 3:
            said["at"] = time.perf_counter()
        return "at" in said

    started = time.perf_counter()
    with pytest.raises(Stopped):
        worker.call(remote.train_long, LONG, None, None, ("a", "b"), should_stop=stop)
    assert time.perf_counter() - said["at"] < 2
    pid = worker.pid
    result, _, _ = worker.call(remote.train_long, CONFIG, None, None, ("a", "b"))
    pdt.assert_frame_equal(result.history, run(CONFIG).history)
    assert worker.pid == pid  # it stopped between mini-batches: no restart was needed


def test_a_killed_worker_is_reported_and_replaced(worker):
    worker.start()
    pid = worker.pid
    threading.Timer(1.0, os.kill, (pid, signal.SIGKILL)).start()
    started = time.perf_counter()
    with pytest.raises(remote.WorkerDied):
        worker.call(remote.train_long, LONG, None, None, ("a", "b"))
    assert time.perf_counter() - started < 5
    result, _, _ = worker.call(remote.train_long, CONFIG, None, None, ("a", "b"))
    assert worker.pid != pid and result.status == "ok"


def test_an_error_in_the_worker_comes_back_as_itself(worker):
    bad = (np.zeros((1, 2)), np.zeros(1, dtype=int), ["a"])  # one sample: nothing to split
    with pytest.raises(ValueError):
        worker.call(remote.train_long, CONFIG, bad, None, ("a", "b"))
    assert worker.call(remote.train_chunk, [CONFIG])[0].status == "ok"


# ------------------------------------------------------------------------------ stepping aside
class _Clock:
    """A machine whose other processes keep `cores` busy (CPU-seconds grow with wall time)."""

    def __init__(self, cores: float) -> None:
        self.cores, self.start = cores, time.monotonic()

    def __call__(self) -> float:
        return self.cores * (time.monotonic() - self.start)


def _drive(should_stop, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        should_stop()


def test_a_long_run_trains_on_when_the_machine_is_idle():
    y = remote.Yielding(threading.Event(), machine=_Clock(0.05), own=lambda: 0.0)
    _drive(y, 0.6)
    assert y.paused == 0


def test_a_long_run_steps_aside_while_others_are_busy():
    y = remote.Yielding(threading.Event(), machine=_Clock(1.5), own=lambda: 0.0)
    started = time.monotonic()
    _drive(y, 2.0)
    share = y.paused / (time.monotonic() - started)
    expected = remote.PAUSE / (remote.RUN + remote.PAUSE)  # 0.9: it still trains 10 % of the time
    assert expected - 0.15 <= share <= expected + 0.05


def test_a_pausing_long_run_stops_at_once_when_cancelled():
    cancel = threading.Event()
    y = remote.Yielding(cancel, machine=_Clock(2.0), own=lambda: 0.0, pause=10.0)
    time.sleep(remote.RUN + 0.01)
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    assert y() is True  # it was pausing (10 s) and woke on the cancel
    assert time.monotonic() - started < 1.0
