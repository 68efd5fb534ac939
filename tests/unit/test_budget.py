"""The compute budget: the cost model against measured timings, the limits, the queue, and
training that stops mid-epoch when asked."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import numpy as np
import pytest

from playground import budget
from playground.config import RunConfig
from playground.experiment import prepare, run, run_many
from playground.nn import activations
from playground.nn.batched import BatchedTrainer
from playground.nn.train import Stopped

# The issue's link: /?n_samples=2000&epochs=1000&batch_size=1&width=32&depth=6&activation=Maxout
# &test_fraction=0.1&learning_rate=1e-05 (~450 CPU-s measured in the issue).
ISSUE = RunConfig(
    n_samples=2000, epochs=1000, batch_size=1, hidden=(32,) * 6, activation="maxout",
    test_fraction=0.1, learning_rate=1e-5,
)  # fmt: skip

# Measured on the 2-core host (benchmarks/budget.py, CPU time, the minimum of 2 runs × 6 blocks,
# load average 2.4–3.9): n_samples, batch_size, hidden, activation, other fields,
# ms per epoch (without snapshots), ms per boundary snapshot.
MEASURED = [
    (200, 0, (8, 8), "tanh", {}, 0.298, 0.215),
    (200, 0, (32, 32, 32, 32, 32, 32), "maxout", {}, 12.55, 69.885),
    (200, 0, (64, 64), "relu", {}, 1.181, 1.738),
    (200, 1, (8, 8), "tanh", {}, 7.709, 0.198),
    (200, 1, (32, 32, 32, 32, 32, 32), "maxout", {}, 58.428, 64.453),
    (200, 1, (64, 64), "relu", {}, 22.33, 5.597),
    (200, 8, (8, 8), "tanh", {}, 1.196, 0.211),
    (200, 8, (32, 32, 32, 32, 32, 32), "maxout", {}, 14.308, 70.705),
    (200, 8, (64, 64), "relu", {}, 3.786, 7.207),
    (200, 32, (8, 8), "tanh", {}, 0.654, 0.273),
    (200, 32, (32, 32, 32, 32, 32, 32), "maxout", {}, 11.181, 68.387),
    (200, 32, (64, 64), "relu", {}, 1.746, 7.236),
    (200, 128, (8, 8), "tanh", {}, 0.365, 0.217),
    (200, 128, (32, 32, 32, 32, 32, 32), "maxout", {}, 9.803, 73.223),
    (200, 128, (64, 64), "relu", {}, 3.485, 8.136),
    (2000, 0, (8, 8), "tanh", {}, 2.494, 0.229),
    (2000, 0, (32, 32, 32, 32, 32, 32), "maxout", {}, 100.48, 64.427),
    (2000, 0, (64, 64), "relu", {}, 8.52, 6.265),
    (2000, 1, (8, 8), "tanh", {}, 144.297, 0.473),
    (2000, 1, (32, 32, 32, 32, 32, 32), "maxout", {}, 418.442, 61.564),
    (2000, 1, (64, 64), "relu", {}, 194.841, 7.606),
    (2000, 8, (8, 8), "tanh", {}, 23.062, 0.278),
    (2000, 8, (32, 32, 32, 32, 32, 32), "maxout", {}, 217.589, 74.199),
    (2000, 8, (64, 64), "relu", {}, 50.532, 6.858),
    (2000, 32, (8, 8), "tanh", {}, 11.799, 0.266),
    (2000, 32, (32, 32, 32, 32, 32, 32), "maxout", {}, 126.812, 58.807),
    (2000, 32, (64, 64), "relu", {}, 17.28, 5.653),
    (2000, 128, (8, 8), "tanh", {}, 3.172, 0.219),
    (2000, 128, (32, 32, 32, 32, 32, 32), "maxout", {}, 110.982, 65.162),
    (2000, 128, (64, 64), "relu", {}, 15.311, 7.118),
    (500, 32, (8, 8), "tanh", {}, 1.019, 0.223),
    (20000, 32, (16, 16, 16), "sigmoid", {}, 143.754, 1.418),
    (1000, 4, (128, 128), "elu", {}, 74.427, 33.341),
    (300, 0, (), "tanh", {}, 0.12, 0.031),
    (500, 16, (4,) * 10, "leaky_relu", {"dataset": "spiral3"}, 5.511, 0.712),
    (5000, 1, (16, 16), "tanh", {}, 304.268, 0.447),
    (2000, 1, (32, 32, 32, 32, 32, 32), "maxout", {"test_fraction": 0.1}, 497.616, 56.852),
]


def _config(n, bs, hidden, act, extra) -> RunConfig:
    return RunConfig(n_samples=n, batch_size=bs, hidden=hidden, activation=act, **extra)


@pytest.mark.parametrize("n, bs, hidden, act, extra, epoch_ms, snap_ms", MEASURED)
def test_the_model_is_within_a_small_factor_of_every_measured_point(
    n, bs, hidden, act, extra, epoch_ms, snap_ms
):
    config = _config(n, bs, hidden, act, extra)
    shape = budget.shape_of(config)
    assert 0.4 <= budget.epoch_ms(config, shape) / epoch_ms <= 2.5
    assert 1 / 3 <= budget.snapshot_ms(config, shape) / snap_ms <= 3


def test_the_fit_is_unbiased_over_the_table():
    """Half the points above, half below: the geometric mean of the ratios is near 1."""
    ratios = [
        budget.epoch_ms(c := _config(*row[:5]), budget.shape_of(c)) / row[5] for row in MEASURED
    ]
    assert 0.8 <= np.exp(np.mean(np.log(ratios))) <= 1.25


@pytest.mark.parametrize("activation", activations.NAMES)
@pytest.mark.parametrize(
    "dataset, hidden, features",
    [
        ("moons", (8, 8), ("x1", "x2")),
        ("blobs", (5, 3, 2), ("x1", "x2")),
        ("xor", (), ("x1", "x2")),
        ("iris", (6, 2), ("x1", "x1sq", "x2sq")),  # feature inputs widen the first layer
        ("circles", (4,), ("x1x2",)),
    ],
)
def test_parameter_count_is_the_networks(activation, dataset, hidden, features):
    config = RunConfig(
        dataset=dataset, hidden=hidden, activation=activation, epochs=1, features=features
    )
    net = prepare(config).trainer.net
    assert budget.n_params(config, budget.shape_of(config)) == net.n_params()


def test_fixed_size_data_sets_count_their_rows():
    assert budget.shape_of(RunConfig(dataset="iris", n_samples=5000)) == budget.Shape(150, 2, 3)


def test_batch_size_one_costs_far_more_per_sample_than_32():
    small, one = RunConfig(n_samples=2000, batch_size=32), RunConfig(n_samples=2000, batch_size=1)
    assert budget.estimate_seconds(one) > 8 * budget.estimate_seconds(small)


def test_the_issues_link_is_refused_and_defaults_train_at_once(monkeypatch):
    for env in (budget.MAX_ENV, budget.CONFIRM_ENV):
        monkeypatch.delenv(env, raising=False)
    seconds = budget.estimate_seconds(ISSUE)
    assert 300 < seconds < 1200  # measured ~450 CPU-s (issue), 430–640 ms per epoch here
    assert budget.verdict(seconds) == "refuse"
    assert budget.estimate_seconds(RunConfig()) < 1 and budget.verdict(0.5) == "ok"
    monkeypatch.setenv(budget.MAX_ENV, "1000")  # a laptop
    assert budget.verdict(seconds) == "confirm"


@pytest.mark.parametrize(
    "seconds, confirm, cap, expected",
    [
        (1, None, None, "ok"),
        (20, None, None, "ok"),
        (20.5, None, None, "confirm"),
        (120, None, None, "confirm"),
        (121, None, None, "refuse"),
        (5, "2", "10", "confirm"),
        (11, "2", "10", "refuse"),
        (30, "bad", "-5", "confirm"),  # unusable settings fall back to the defaults
        (30, "inf", "nan", "confirm"),
    ],
)
def test_verdict_and_settings(monkeypatch, seconds, confirm, cap, expected):
    for env, value in ((budget.CONFIRM_ENV, confirm), (budget.MAX_ENV, cap)):
        if value is None:
            monkeypatch.delenv(env, raising=False)
        else:
            monkeypatch.setenv(env, value)
    assert budget.verdict(seconds) == expected


def test_one_long_slot_on_two_cores(monkeypatch):
    monkeypatch.delenv(budget.SLOTS_ENV, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert budget.long_slots() == 1
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert budget.long_slots() == 4
    monkeypatch.setenv(budget.SLOTS_ENV, "3")
    assert budget.long_slots() == 3
    monkeypatch.setenv(budget.SLOTS_ENV, "0")
    assert budget.long_slots() == 1


def test_a_run_takes_about_what_the_model_says():
    config = RunConfig(n_samples=1000, epochs=40, batch_size=8, hidden=(16, 16))
    start = time.process_time()
    run(config)
    took = time.process_time() - start
    assert 0.25 <= budget.estimate_seconds(config) / took <= 4


# ------------------------------------------------------------------------------ the queue
def test_gate_first_come_first_served_with_places():
    gate = budget.Gate(1)
    a, b, c = gate.enter(), gate.enter(), gate.enter()
    assert (a.slot, b.slot, c.slot) == (0, None, None)
    assert [gate.position(t) for t in (a, b, c)] == [0, 1, 2]
    assert (gate.busy, gate.waiting) == (1, 2)
    gate.leave(b)  # gave up waiting: c moves up
    assert gate.position(c) == 1 and b.slot is None
    gate.leave(a)
    assert c.slot == 0 and gate.position(c) == 0 and gate.waiting == 0
    gate.leave(c)
    assert (gate.busy, gate.waiting) == (0, 0)


def test_gate_with_two_slots_and_a_waiting_thread():
    gate = budget.Gate(2)
    a, b = gate.enter(), gate.enter()
    assert {a.slot, b.slot} == {0, 1}
    c = gate.enter()
    assert not gate.wait(c, 0.05)
    got = []
    waiter = threading.Thread(target=lambda: got.append(gate.wait(c, 5)))
    waiter.start()
    freed = b.slot
    gate.leave(b)
    waiter.join(5)
    assert got == [True] and c.slot == freed and b.slot is None
    assert gate.busy == 2


def test_throttled_asks_rarely_and_remembers_a_yes():
    calls = []

    def check():
        calls.append(1)
        return len(calls) >= 3

    stop = budget.throttled(check, every=0.05)
    for _ in range(1000):
        stop()
    assert len(calls) == 1  # 1000 calls within 50 ms ask once
    deadline = time.monotonic() + 2
    while not stop() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert stop() and len(calls) == 3
    assert stop() and len(calls) == 3  # stays True without asking again


# ------------------------------------------------------------------------------ stopping
SLOW = RunConfig(n_samples=2000, epochs=200, batch_size=1, hidden=(16, 16))


def _stops_within(target, seconds: float = 2.0) -> float:
    """Run target(should_stop) in a thread, say stop after 0.5 s; how long until it ended."""
    flag = threading.Event()
    out = {}

    def work():
        try:
            target(flag.is_set)
        except Stopped as e:
            out["stopped"] = e

    th = threading.Thread(target=work)
    th.start()
    time.sleep(0.5)
    flag.set()
    said = time.perf_counter()
    th.join(10)
    took = time.perf_counter() - said
    assert not th.is_alive() and "stopped" in out
    assert took < seconds
    return took


def test_a_trainer_stops_mid_epoch():
    trainer = prepare(RunConfig(n_samples=20000, epochs=1, batch_size=1)).trainer
    _stops_within(lambda stop: trainer.run(should_stop=stop), seconds=0.5)
    assert trainer.epoch == 0  # stopped inside the first (and only, ~4 s) epoch


def test_a_batched_chunk_stops_mid_epoch():
    configs = [RunConfig(n_samples=20000, epochs=2, batch_size=1, seed=s) for s in range(8)]
    trainers = [prepare(c).trainer for c in configs]
    batch = BatchedTrainer(trainers)
    _stops_within(lambda stop: batch.run(should_stop=stop), seconds=0.5)
    assert batch.epoch == 0


def test_run_many_stops_within_two_seconds():
    configs = [replace(SLOW, seed=s) for s in range(16)]
    _stops_within(lambda stop: run_many(configs, should_stop=stop))


def test_a_run_not_asked_to_stop_is_unchanged():
    config = RunConfig(n_samples=200, epochs=20, batch_size=16)
    a, b = run(config), run(config, should_stop=lambda: False)
    assert a.history.equals(b.history)


def test_a_sweep_costs_its_runs_stacked_where_they_can_be():
    seeds = [replace(RunConfig(), seed=s) for s in range(8)]  # one stacked chunk
    lone = sum(budget.estimate_seconds(c) for c in seeds)
    assert budget.sweep_seconds(seeds) == pytest.approx(budget.BATCHED * lone)
    mixed = [RunConfig(batch_size=b) for b in (8, 16)]  # cannot stack: each at its lone cost
    assert budget.sweep_seconds(mixed) == pytest.approx(
        sum(budget.estimate_seconds(c) for c in mixed)
    )


def test_the_stacking_share_is_what_run_many_saves():
    configs = [RunConfig(n_samples=400, epochs=60, seed=s) for s in range(12)]
    start = time.process_time()
    run_many(configs)
    together = time.process_time() - start
    start = time.process_time()
    for c in configs[:4]:
        run(c)
    alone = (time.process_time() - start) * 3
    assert 0.1 <= together / alone <= 0.6  # BATCHED = 0.3 sits inside the measured band
