"""Training in worker processes, so a 2-core host uses both cores and the web server's thread
(one GIL for every session) only assembles pages. No Streamlit here.

Short runs go to a pool (`make_pool`, `train_and_draw`). Long runs and sweep chunks go to a
`Worker`: one process of its own at the lowest priority (`NICE`) that also steps aside while the
rest of the machine is busy (`Yielding`: a nice level does not stop a process from slowing its
neighbour on the other hyperthread of a core, or from filling the caches); it reports progress
through a pipe and stops, mid-epoch, when cancelled.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context

from playground import page_specs
from playground.config import RunConfig
from playground.experiment import RunResult, finish, prepare, run, run_many
from playground.nn.train import Stopped, Trainer

ENV = "PLAYGROUND_TRAIN_WORKERS"  # 0 = train in the server's own thread
NICE = 19  # long-run workers yield the CPU to the server and the short-run pool
GRACE = 1.0  # seconds a cancelled worker has to say it stopped before it is killed
LIVE_POINTS = 300  # loss-curve points sent with each progress report
BUSY = 0.25  # cores the rest of the machine uses above which a long run steps aside ...
RUN, PAUSE = 0.05, 0.45  # ... training RUN s, then pausing PAUSE s (so it always progresses)


class WorkerDied(RuntimeError):
    """The worker process ended (killed, out of memory) before it answered."""


def _init_worker() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def workers() -> int:
    """How many training processes to start: $PLAYGROUND_TRAIN_WORKERS, else the core count."""
    try:
        return max(0, int(os.environ.get(ENV, os.cpu_count() or 1)))
    except ValueError:
        return 0


def make_pool(n: int) -> ProcessPoolExecutor:
    # spawn: the server has threads, which fork would copy in an undefined state
    return ProcessPoolExecutor(n, mp_context=get_context("spawn"), initializer=_init_worker)


def train_and_draw(
    config: RunConfig, dataset, labels: dict, when: tuple[str, str]
) -> tuple[RunResult, dict, float]:
    """run(config) plus the page's default chart specs; the seconds the training took."""
    start = time.perf_counter()
    result = run(config, dataset=dataset)
    trained = time.perf_counter() - start
    return result, page_specs.default_specs(result, labels, when), trained


# ------------------------------------------------------------------------------ long runs
@dataclass
class Progress:
    """A training run's state for a progress bar and a live loss chart (what a page reads of
    a Trainer): epochs done of `epochs`, and the loss history so far (thinned)."""

    epoch: int
    epochs: int
    history: dict[str, list[float]]

    @classmethod
    def of(cls, trainer: Trainer) -> Progress:
        h = trainer.history
        step = max(1, len(h.get("epoch", ())) // LIVE_POINTS)
        cols = ("epoch", "train_loss", "test_loss")
        return cls(trainer.epoch, trainer.epochs, {c: list(h.get(c, ())[::step]) for c in cols})


def train_long(
    config: RunConfig,
    dataset,
    labels: dict | None,
    when: tuple[str, str],
    report: Callable[[Progress], object],
    should_stop: Callable[[], bool],
    every: float = 0.5,
) -> tuple[RunResult, dict, float]:
    """`train_and_draw` with `report(progress)` every `every` seconds and `should_stop()` asked
    between mini-batches (True raises Stopped). No chart specs without `labels`."""
    start = last = time.perf_counter()
    prepared = prepare(config, dataset)
    trainer = prepared.trainer
    trainer.should_stop = should_stop
    while not trainer.done:
        if should_stop():
            raise Stopped(f"stopped before epoch {trainer.epoch + 1}")
        trainer.step_epoch()
        if time.perf_counter() - last > every:
            report(Progress.of(trainer))
            last = time.perf_counter()
    trained = time.perf_counter() - start
    result = finish(prepared, trained)
    specs = {} if labels is None else page_specs.default_specs(result, labels, when)
    return result, specs, trained


def train_chunk(configs: list[RunConfig], report, should_stop) -> list[RunResult]:
    """A sweep's chunk, as `experiment.run_many` trains it; stops mid-epoch when asked."""
    return run_many(configs, should_stop=should_stop)


def _busy_seconds() -> float:
    """CPU-seconds the whole machine has been busy since boot (/proc/stat; 0 elsewhere)."""
    try:
        with open("/proc/stat", "rb") as f:
            user, nice, system, _idle, _iowait, irq, softirq = map(int, f.readline().split()[1:8])
    except (OSError, ValueError):
        return 0.0
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class Yielding:
    """A `should_stop` for a long run (asked between mini-batches): True once `cancel` is set;
    meanwhile, every `RUN` seconds, if the other processes of the machine kept more than `BUSY`
    of a core busy, it pauses `PAUSE` seconds (waking at once on cancel), so others' short
    work gets the cores, and a long run still trains at least RUN / (RUN + PAUSE) of the time."""

    def __init__(self, cancel, busy: float = BUSY, run: float = RUN, pause: float = PAUSE,
                 machine=_busy_seconds, own=lambda: sum(os.times()[:2])) -> None:  # fmt: skip
        self.cancel, self.busy, self.run, self.pause = cancel, busy, run, pause
        self.machine, self.own = machine, own
        self.paused = 0.0  # seconds spent pausing
        self._mark()

    def _mark(self) -> None:
        self.t, self.m, self.o = time.monotonic(), self.machine(), self.own()

    def __call__(self) -> bool:
        if self.cancel.is_set():
            return True
        now = time.monotonic()
        if now - self.t < self.run:
            return False
        others = (self.machine() - self.m - (self.own() - self.o)) / (now - self.t)
        if others > self.busy:
            start = time.monotonic()
            if self.cancel.wait(self.pause):
                return True
            self.paused += time.monotonic() - start
        self._mark()
        return False


def _serve(conn, cancel, nice: int) -> None:
    """The worker's loop: receive (function, args), answer ("done", value), ("stopped", None)
    or ("error", exception); ("report", progress) on the way."""
    _init_worker()
    with contextlib.suppress(OSError):
        os.nice(nice)
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            value = fn(*args, lambda p: conn.send(("report", p)), Yielding(cancel))
            conn.send(("done", value))
        except Stopped:
            conn.send(("stopped", None))
        except Exception as e:  # noqa: BLE001 - the server decides what to say
            try:
                conn.send(("error", e))
            except Exception:  # noqa: BLE001 - e itself does not pickle
                conn.send(("error", RuntimeError(f"{type(e).__name__}: {e}")))


class Worker:
    """One training process (spawned on first use, restarted after it died or was killed).

    `call(fn, *args, on_report=…, should_stop=…)` runs `fn(*args, report, should_stop)` there and
    returns its value. While waiting it checks `should_stop()` every `poll` seconds; then it
    cancels the job (the worker stops between mini-batches; after `GRACE` s it is killed) and
    raises Stopped. A worker that dies raises WorkerDied. Not thread-safe: one call at a time.
    """

    def __init__(self, nice: int = NICE) -> None:
        self.nice = nice
        self._proc = self._conn = self._cancel = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self.close()
        ctx = get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._cancel = ctx.Event()
        self._proc = ctx.Process(
            target=_serve, args=(child, self._cancel, self.nice), daemon=True, name="trainer"
        )
        self._proc.start()
        child.close()
        # a Worker dropped without close() (a cleared cache) takes its process with it
        weakref.finalize(self, _end, self._proc, self._conn)

    def call(self, fn, *args, on_report=None, should_stop=None, poll: float = 0.2):
        self.start()
        self._cancel.clear()
        try:
            self._conn.send((fn, args))
        except (OSError, ValueError) as e:
            self.close()
            raise WorkerDied(str(e)) from e
        try:
            while True:
                message = self._receive(poll)
                if message is not None:
                    kind, value = message
                    if kind == "report":
                        if on_report is not None:
                            on_report(value)
                        continue
                    if kind == "done":
                        return value
                    if kind == "stopped":
                        raise Stopped("stopped")
                    raise value
                if should_stop is not None and should_stop():
                    self.cancel()
                    raise Stopped("stopped")
        except (WorkerDied, Stopped):
            raise
        except BaseException:  # the caller was interrupted (a rerun, a closed tab): stop the job
            self.cancel()
            raise

    def _receive(self, timeout: float):
        try:
            if self._conn.poll(timeout):
                return self._conn.recv()
        except (EOFError, OSError) as e:
            self.close()
            raise WorkerDied("the training process ended") from e
        if not self._proc.is_alive():
            self.close()
            raise WorkerDied("the training process ended")
        return None

    def cancel(self) -> None:
        """Stop the running job: ask, wait up to GRACE s for its answer, else kill the process."""
        if self._proc is None:
            return
        self._cancel.set()
        deadline = time.monotonic() + GRACE
        try:
            while time.monotonic() < deadline:
                message = self._receive(max(0.0, deadline - time.monotonic()))
                if message is not None and message[0] != "report":
                    return
        except WorkerDied:
            return
        self.close()

    def close(self) -> None:
        """End the process (a later call starts a new one)."""
        _end(self._proc, self._conn)
        self._proc = self._conn = self._cancel = None


def _end(proc, conn) -> None:
    if proc is not None:
        if proc.is_alive():
            proc.kill()
        proc.join(timeout=5)
    if conn is not None:
        conn.close()
