"""Training in a worker process: the same run, plus the page's default charts drawn there."""

import pickle

import pandas.testing as pdt

from playground import page_specs, remote
from playground.config import RunConfig
from playground.experiment import run

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
