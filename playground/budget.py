"""A compute budget for a shared server: what a run will cost, and how many long ones run at once.

`estimate_seconds(config)` predicts the CPU-seconds one run takes on one core of the 2-core host
(samples × epochs × parameters, with the per-mini-batch overhead that makes batch size 1 far more
expensive per sample than 32, and the one decision-boundary snapshot that the page draws at
once: the others are computed only when the replay shows them, `nn.snapshots`). `verdict`
compares it with two limits, both settable by environment variable for a laptop:

- above `confirm_seconds()` ($PLAYGROUND_CONFIRM_RUN_SECONDS, default 20) a page asks first;
- above `max_run_seconds()` ($PLAYGROUND_MAX_RUN_SECONDS, default 120) a run is refused;
- a sweep (`sweep_seconds`, runs stacked as `run_many` stacks them) above `max_sweep_seconds()`
  ($PLAYGROUND_MAX_SWEEP_SECONDS, default 600) is refused.

Runs above `LONG_SECONDS` (and sweeps) are long: at most `long_slots()` of them compute at once
per server ($PLAYGROUND_LONG_RUNS, default 1 on 2 cores); the others wait in a `Gate`, in
arrival order, each knowing its place. No Streamlit here.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from playground import data
from playground.config import RunConfig
from playground.executor import plan
from playground.experiment import load_data
from playground.nn import activations

CONFIRM_ENV = "PLAYGROUND_CONFIRM_RUN_SECONDS"
MAX_ENV = "PLAYGROUND_MAX_RUN_SECONDS"
SLOTS_ENV = "PLAYGROUND_LONG_RUNS"
MAX_SWEEP_ENV = "PLAYGROUND_MAX_SWEEP_SECONDS"
MAX_SWEEP_SECONDS = 600.0
CONFIRM_SECONDS = 20.0
MAX_RUN_SECONDS = 120.0
LONG_SECONDS = 2.0  # estimated CPU-seconds above which a run is long (queued, live progress)
GRID_POINTS = 3600  # experiment.GRID_SIZE²: the boundary snapshot's points

# Cost model, milliseconds. Fitted (non-negative least squares on relative error) to per-epoch
# and per-snapshot CPU times measured on the 2-core host with `benchmarks/budget.py` (the minimum
# of 2 runs × 6 blocks, load average 2.4–3.9 from other work); the 37 measured points are in
# tests/unit/test_budget.py, which checks the model stays within 0.4–2.5× of each of them.
#   epoch    = EPOCH0 + LAYER·L + steps·(STEP + STEP_LAYER·L + STEP_PARAM·P)
#              + n·(UNIT·U + MAXOUT·P if maxout)
#   snapshot = SNAP0 + g·(SNAP_UNIT·U + P·(SNAP_MAXOUT if maxout else SNAP_PARAM))
# L: weight layers, P: parameters, U: hidden units + 1, n: samples, steps: mini-batches per epoch.
EPOCH0, LAYER = 0.0641, 0.00471
STEP, STEP_LAYER, STEP_PARAM = 0.0245, 0.0125, 1.33e-5
UNIT, MAXOUT = 4.59e-5, 4.0e-6
SNAP0, SNAP_UNIT, SNAP_PARAM, SNAP_MAXOUT = 0.0196, 2.56e-6, 1.6e-7, 1.63e-6
PREPARE = 0.05  # seconds: data, split, scaler, network (measured 3–340 ms)
BATCHED = 0.3  # a run stacked with others costs about this share of a lone one (measured 0.24)


def _env_float(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if math.isfinite(value) and value > 0 else default


def confirm_seconds() -> float:
    """Estimated CPU-seconds above which a page asks before training."""
    return _env_float(CONFIRM_ENV, CONFIRM_SECONDS)


def max_run_seconds() -> float:
    """Estimated CPU-seconds above which a run is refused."""
    return _env_float(MAX_ENV, MAX_RUN_SECONDS)


def max_sweep_seconds() -> float:
    """Estimated CPU-seconds above which a sweep is refused."""
    return _env_float(MAX_SWEEP_ENV, MAX_SWEEP_SECONDS)


def long_slots() -> int:
    """How many long runs (or sweeps) may compute at once: $PLAYGROUND_LONG_RUNS, else half the
    cores (at least 1), so the rest serve everyone's short runs and pages."""
    try:
        return max(1, int(os.environ[SLOTS_ENV]))
    except (KeyError, ValueError):
        return max(1, (os.cpu_count() or 1) // 2)


@dataclass(frozen=True)
class Shape:
    """What the cost depends on: samples, features, classes."""

    n: int
    d: int = 2
    k: int = 2


def shape_of(config: RunConfig, dataset=None) -> Shape:
    """The data's size: from `dataset` (X, y, names) if given, else from the config and registry
    (a data set with a fixed size, e.g. iris or a CSV, is loaded to count its rows)."""
    if dataset is None:
        info = data.get(config.dataset)
        if info.uses_n_samples:
            d = len(getattr(config, "features", None) or ("x1", "x2"))
            return Shape(config.n_samples, d, info.n_classes)
        dataset = load_data(config)
    X, y = dataset[0], dataset[1]
    d = len(config.features)  # the network's inputs: the features of each 2-D point
    return Shape(len(X), d, int(y.max()) + 1 if len(y) else 2)


def n_params(config: RunConfig, shape: Shape) -> int:
    """Trainable numbers of the network `config` builds (maxout: `pieces` columns per unit)."""
    pieces = activations.get(config.activation).pieces
    sizes = [shape.d, *config.hidden, 1 if shape.k <= 2 else shape.k]
    total = 0
    for i, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:], strict=False)):
        cols = fan_out * (pieces if i < len(sizes) - 2 else 1)
        total += fan_in * cols + cols
    return total


def epoch_ms(config: RunConfig, shape: Shape) -> float:
    """Milliseconds of one epoch: the mini-batch steps plus the history row."""
    P, L, U = n_params(config, shape), config.depth + 1, sum(config.hidden) + 1
    n_train = shape.n - math.ceil(shape.n * config.test_fraction)
    bs = config.batch_size
    steps = 1 if bs <= 0 or bs >= n_train else math.ceil(n_train / bs)
    maxout = activations.get(config.activation).pieces > 1
    per_step = STEP + STEP_LAYER * L + STEP_PARAM * P
    return EPOCH0 + LAYER * L + steps * per_step + shape.n * (UNIT * U + maxout * MAXOUT * P)


def snapshot_ms(config: RunConfig, shape: Shape) -> float:
    """Milliseconds of one decision-boundary snapshot (the network on the grid)."""
    P, U = n_params(config, shape), sum(config.hidden) + 1
    per_param = SNAP_MAXOUT if activations.get(config.activation).pieces > 1 else SNAP_PARAM
    return SNAP0 + GRID_POINTS * (SNAP_UNIT * U + per_param * P)


def estimate_seconds(config: RunConfig, dataset=None) -> float:
    """Predicted CPU-seconds of `run(config)` on one core of the 2-core host."""
    shape = shape_of(config, dataset)
    ms = config.epochs * epoch_ms(config, shape) + snapshot_ms(config, shape)  # the last one
    return PREPARE + ms / 1000


def sweep_seconds(configs: list[RunConfig]) -> float:
    """Predicted CPU-seconds of training `configs` as a sweep does: runs that can share a
    stacked computation (`executor.plan`'s chunks) at `BATCHED` of their lone cost."""
    total = 0.0
    for chunk in plan(list(configs)):
        lone = sum(estimate_seconds(configs[i]) for i in chunk)
        total += lone if len(chunk) == 1 else BATCHED * lone
    return total


def verdict(seconds: float) -> str:
    """`"ok"`, `"confirm"` (ask first) or `"refuse"` for a run estimated at `seconds`."""
    if seconds > max_run_seconds():
        return "refuse"
    return "confirm" if seconds > confirm_seconds() else "ok"


def throttled(check: Callable[[], bool], every: float = 0.1) -> Callable[[], bool]:
    """`check`, asked at most every `every` seconds (cheap enough to call between mini-batches);
    once it said True, it stays True."""
    last, said = [-math.inf], [False]

    def should_stop() -> bool:
        now = time.monotonic()
        if not said[0] and now - last[0] >= every:
            last[0], said[0] = now, bool(check())
        return said[0]

    return should_stop


# ------------------------------------------------------------------------------ the queue
class Ticket:
    """One place in a `Gate`: `slot` is None while waiting, then the slot index it holds."""

    def __init__(self) -> None:
        self.slot: int | None = None


class Gate:
    """At most `slots` holders at once; the others wait first come, first served.

    `enter()` takes a ticket (granted at once if a slot is free), `wait(ticket, timeout)` until
    it is granted, `position(ticket)` says its place (0 once granted, 1 = next), `leave(ticket)`
    frees its slot or its place in the line (always call it: `finally`). Thread-safe.
    """

    def __init__(self, slots: int = 1) -> None:
        self.slots = slots
        self._free = list(range(slots))
        self._line: list[Ticket] = []
        self._cond = threading.Condition()

    def enter(self) -> Ticket:
        ticket = Ticket()
        with self._cond:
            self._line.append(ticket)
            self._grant()
        return ticket

    def wait(self, ticket: Ticket, timeout: float | None = None) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: ticket.slot is not None, timeout)

    def position(self, ticket: Ticket) -> int:
        with self._cond:
            return 0 if ticket.slot is not None else self._line.index(ticket) + 1

    def leave(self, ticket: Ticket) -> None:
        with self._cond:
            if ticket in self._line:
                self._line.remove(ticket)
            elif ticket.slot is not None:
                self._free.append(ticket.slot)
                ticket.slot = None
            self._grant()

    @property
    def busy(self) -> int:
        """Slots held now."""
        with self._cond:
            return self.slots - len(self._free)

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._line)

    def _grant(self) -> None:
        while self._free and self._line:
            self._free.sort()
            self._line.pop(0).slot = self._free.pop(0)
        self._cond.notify_all()
