"""Live play does per frame only what changed (app/live.py, app/live_charts.py): the result's
table of epochs and the curves are made once per epoch, the boundary every frame; and many
sessions playing at once share a bounded training budget."""

from __future__ import annotations

import numpy as np

from playground.app import live
from playground.app.i18n import EN
from playground.app.views import chart_labels
from playground.config import RunConfig
from playground.experiment import prepare, run


def _live(config: RunConfig) -> live.Live:
    return live.Live(config, config, None, prepare(config))


def _labels(config: RunConfig) -> dict:
    return chart_labels(config, tr=EN.get)


def test_within_an_epoch_a_frame_reuses_the_curves_and_the_table_but_not_the_boundary():
    config = RunConfig(epochs=30, n_samples=200, batch_size=10)
    lv, labels = _live(config), _labels(config)
    lv.trainer.step_batch()  # into epoch 1: 16 batches of 10 make the 160 training points
    res = live.now_result(lv)
    curves = live.curves(lv, res, labels, False)
    boundary = live.boundary(lv, res, labels, False)
    lv.trainer.step_batch()
    lv.seconds = 1.5
    res2 = live.now_result(lv)
    assert res2.history is res.history and res2.elapsed == 1.5  # same epoch: the same table
    assert live.curves(lv, res2, labels, False) is curves  # the page sends nothing new
    boundary2 = live.boundary(lv, res2, labels, False)  # the weights moved: new cells
    assert boundary2["datasets"].keys() == boundary["datasets"].keys()
    cells = [d for d in boundary["datasets"] if d.endswith("_1")][0]
    assert not boundary2["datasets"][cells].equals(boundary["datasets"][cells])
    assert live.curves(lv, res2, labels, True) is not curves  # another option: drawn anew
    lv.trainer.step_epoch()  # an epoch added: a longer table, new curves
    res3 = live.now_result(lv)
    assert len(res3.history) == len(res.history) + 1
    assert live.curves(lv, res3, labels, False) is not curves


def test_a_mid_run_change_redraws_the_curves_with_its_marker():
    config = RunConfig(epochs=30, n_samples=200, batch_size=10)
    lv, labels = _live(config), _labels(config)
    lv.trainer.step_epoch()
    before = live.curves(lv, live.now_result(lv), labels, False)
    live.apply(lv, RunConfig(epochs=30, n_samples=200, batch_size=10, learning_rate=0.1))
    after = live.curves(lv, live.now_result(lv), labels, False)
    assert after is not before and "→" in str(after)


def test_a_reused_table_still_ends_where_run_config_ends():
    config = RunConfig(epochs=12, n_samples=200)
    lv = _live(config)
    while not lv.done:
        lv.trainer.step_batch()
        live.now_result(lv)  # a frame now and then: the memo must not go stale
    got, want = live.now_result(lv), run(config)
    assert len(got.history) == len(want.history)
    assert np.allclose(got.history["test_loss"], want.history["test_loss"], rtol=1e-9)


def test_many_playing_sessions_share_the_training_budget(monkeypatch):
    monkeypatch.setattr(live, "_ticked", {})
    config = RunConfig()
    runs = [_live(config) for _ in range(10)]
    assert live.share(runs[0]) == live.WORK  # one session alone: the whole budget
    budgets = [live.share(lv) for lv in runs]
    assert budgets[-1] == live.SHARE * live.FRAME / 10 < live.WORK  # ten: a tenth of SHARE
    assert 10 * budgets[-1] / live.FRAME <= live.SHARE + 1e-12  # together at most SHARE a second
    clock = [1e6]
    monkeypatch.setattr(live.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(live, "_ticked", {lv.serial: 0.0 for lv in runs[1:]})  # long gone
    assert live.share(runs[0]) == live.WORK  # runs that stopped ticking do not count


def test_a_frame_made_from_the_kept_spec_equals_one_made_from_scratch():
    for config in (RunConfig(epochs=30, n_samples=200), RunConfig(dataset="blobs", epochs=30)):
        lv, labels = _live(config), _labels(config)
        for discretize in (False, True):
            live.boundary(lv, live.now_result(lv), labels, discretize)  # keeps the spec text
            lv.trainer.step_epoch()
            res = live.now_result(lv)
            fast = live.boundary(lv, res, labels, discretize)
            lv.memo.pop("boundary")
            full = live.boundary(lv, res, labels, discretize)
            strip = lambda s: {k: v for k, v in s.items() if k != "datasets"}  # noqa: E731
            assert strip(fast) == strip(full)
            assert fast["datasets"].keys() == full["datasets"].keys()
            for name, table in full["datasets"].items():
                assert fast["datasets"][name].equals(table), (config.dataset, name)
            points = fast["datasets"]["live_boundary_0"]
            assert points.num_rows == len(res.X_train) + len(res.X_test)
            assert points.column_names == ["x", "y", "class", "set", "wrong"]


def test_a_metric_slot_sends_its_metric_only_when_the_text_changed():
    sent = []

    class Place:
        def empty(self):
            return self

        def metric(self, label, value, **kw):
            sent.append((label, value, kw))

    slot = live.MetricSlot(Place())
    for value in ("0.5", "0.5", "0.4", "0.4", "0.5"):
        slot.metric("Test loss", value, help="h")
    assert sent == [("Test loss", v, {"help": "h"}) for v in ("0.5", "0.4", "0.5")]
    slot.metric("Test R²", "0.5")  # another label, the same value: sent
    assert sent[-1][:2] == ("Test R²", "0.5")


def test_a_live_frame_keeps_the_servers_warm_up_waiting():
    """Warm-up trains only while no session works (app/warmup.py); a playing session asks for
    no cached run, so its frames say it is at work."""
    flights = live.in_flight()
    flights._last = -1e9  # as if nobody had asked for anything for ages
    assert flights.idle_for() > 1e6
    lv = _live(RunConfig(epochs=5, n_samples=100))
    live.tick(lv, budget=0.001)
    assert flights.idle_for() < 5


def test_an_accuracy_shows_one_decimal_and_a_full_score_as_100():
    from playground.app.pages.playground import accuracy_text

    cases = {0.0: "0.0%", 0.5: "50.0%", 0.975: "97.5%", 0.9994: "99.9%", 0.99951: "100%"}
    cases[1.0] = "100%"
    assert {x: accuracy_text(x) for x in cases} == cases
