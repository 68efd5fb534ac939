"""Trainer.step_batch: an epoch stepped batch by batch (or partly, then step_epoch) gives the
numbers of step_epoch alone, bit for bit; each batch reports the samples it trained on."""

from __future__ import annotations

import pickle
from dataclasses import replace

import numpy as np
import pytest

from playground.config import RunConfig
from playground.experiment import finish, prepare, run

CONFIG = RunConfig(n_samples=120, epochs=4, batch_size=32)  # 96 train: batches 32, 32, 32


def _same(a, b) -> None:
    assert a.history.equals(b.history)
    assert np.array_equal(a.model.flat, b.model.flat)
    assert a.snapshot_epochs == b.snapshot_epochs


@pytest.mark.parametrize(
    "config", [CONFIG, replace(CONFIG, batch_size=40), replace(CONFIG, batch_size=500)]
)
def test_batches_equal_epochs(config):
    p = prepare(config)
    t = p.trainer
    seen = []
    while not t.done:
        seen.append(t.step_batch())
    _same(finish(p), run(config))
    n = len(p.splits[1])
    per_epoch = -(-n // config.batch_size) if config.batch_size < n else 1
    assert len(seen) == config.epochs * per_epoch
    # every epoch's batches cover the training split once
    for e in range(config.epochs):
        idx = np.concatenate(seen[e * per_epoch : (e + 1) * per_epoch])
        assert sorted(idx.tolist()) == list(range(n))


def test_mixed_and_pickled():
    p = prepare(CONFIG)
    t = p.trainer
    t.step_batch()
    t = pickle.loads(pickle.dumps(t))  # the epoch's shuffle and position travel with it
    p.trainer = t
    first = t.step_batch()
    assert t.epoch == 0 and t.batch_pos == 64
    t.step_epoch()  # finishes epoch 1 from its third batch
    assert t.epoch == 1 and t.batch_order is None
    t.step_epoch()
    t.step_batch()
    t.step_epoch()
    t.step_epoch()
    assert t.done
    _same(finish(p), run(CONFIG))
    assert len(first) == 32


def test_batch_is_what_was_trained():
    """Training only the reported samples, in one step, gives the weights step_batch left."""
    p, q = prepare(CONFIG), prepare(CONFIG)
    idx = p.trainer.step_batch()
    t = q.trainer
    order = t.rng.permutation(len(t.y_tr))  # the same draw the batch came from
    assert np.array_equal(order[:32], idx)
    t.X_tr, t.y_tr, t.Y_tr = t.X_tr[idx], t.y_tr[idx], t.Y_tr[idx]
    t.batch_size = 0  # the whole (reduced) split as one batch
    t.changed()
    t.step_batch()
    assert np.allclose(p.trainer.net.flat, t.net.flat, rtol=0, atol=1e-12)
    assert not np.array_equal(p.trainer.net.flat, prepare(CONFIG).trainer.net.flat)


def test_changed_keeps_weights():
    p = prepare(CONFIG)
    t = p.trainer
    t.step_epoch()
    before = t.net.flat.copy()
    t.opt.lr = 0.5
    t.l2 = 0.01
    t.changed()
    t.step_batch()
    step = t.net.flat - before
    assert np.abs(step).max() > 0 and t.epoch == 1
