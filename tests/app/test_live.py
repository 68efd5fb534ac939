"""Live training on the Playground (app/live.py): play, pause, step, mid-run changes, reset.

AppTest runs the whole script on every `run()`; the live panel is a fragment that trains one
bounded tick per run while playing (in a browser its run_every timer reruns it alone: see
tests/e2e/test_live_browser.py)."""

from __future__ import annotations

import json

import numpy as np
import pyarrow as pa
import pytest

from playground import charts
from playground.app import live, runs, state
from playground.app.i18n import EN
from playground.config import RunConfig
from playground.experiment import prepare, run

LONG = {"epochs": "500", "n_samples": "300"}  # more than one tick's work


def _live(at) -> live.Live:
    return at.session_state[state.LIVE]


def _metric(at, key: str) -> str:
    return next(m.value for m in at.metric if m.label == EN[key])


def _specs(at) -> list[dict]:
    """Each chart's spec, its named datasets put back (Streamlit sends them as Arrow)."""
    specs = []
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        spec["datasets"] = {
            d.name: pa.ipc.open_stream(d.data.data).read_all().to_pylist()
            for d in el.proto.datasets
        }
        specs.append(spec)
    return specs


def _curve_specs(at) -> list[dict]:
    """The loss and the accuracy curves (the page's first two charts with a hover param)."""
    return [s for s in _specs(at) if "params" in s][:2]


def _caption(at) -> str:
    return " ".join(c.value for c in at.caption)


def test_idle_page_shows_the_trained_result(make_app):
    at = make_app().run()
    assert not at.exception
    assert state.LIVE not in at.session_state
    assert EN["live.idle"].format(epochs=10) in _caption(at)
    assert _metric(at, "metric.epochs") == "10"
    media = [EN[f"live.{k}"] for k in ("play", "step_batch", "step_epoch", "reset")]
    assert [b.label for b in at.button][1:5] == media


def test_play_advances_in_bounded_ticks_and_pause_stops(make_app):
    at = make_app(small=False, **LONG).run()
    at.button(key=state.LIVE_PLAY).click().run()
    lv = _live(at)
    assert lv.playing and at.button(key=state.LIVE_PAUSE).label == EN["live.pause"]
    first = lv.trainer.epoch
    assert 0 < first < 500  # one tick: some epochs, not the whole run
    seen = [first]
    for _ in range(3):  # each rerun of the panel trains one more tick
        at.run()
        seen.append(_live(at).trainer.epoch)
    assert seen == sorted(seen) and seen[-1] > first
    assert _metric(at, "metric.epochs") == str(seen[-1])  # the counter shows where it is
    assert EN["live.at"].format(epoch=seen[-1], epochs=500) in _caption(at)
    frozen = EN["live.views_frozen"].split("{")[0]  # the views below do not follow the frames
    said = [c.value for c in at.caption if c.value.startswith(frozen)]
    assert len(said) == 1 and 0 < int(said[0][len(frozen) :].split(",")[0]) <= seen[-1]
    at.button(key=state.LIVE_PAUSE).click().run()
    paused = _live(at).trainer.epoch
    assert not _live(at).playing and at.button(key=state.LIVE_PLAY).label == EN["live.play"]
    assert frozen not in _caption(at)  # paused: the views show where it is
    at.run()
    at.run()
    assert _live(at).trainer.epoch == paused


def test_step_one_batch_trains_exactly_the_ringed_points(make_app):
    at = make_app(small=False, **LONG).run()
    at.button(key=state.LIVE_BATCH).click().run()
    lv = _live(at)
    config = RunConfig(epochs=500, n_samples=300)
    assert lv.config == config
    idx = lv.batch
    assert lv.trainer.epoch == 0 and lv.trainer.batch_pos == 32 and len(idx) == 32
    assert len(set(idx.tolist())) == 32
    # the same start, trained on exactly these 32 training points in one step: same weights
    ref = prepare(config).trainer
    order = ref.rng.permutation(len(ref.y_tr))
    assert np.array_equal(order[:32], idx)
    ref.X_tr, ref.y_tr, ref.Y_tr = ref.X_tr[idx], ref.y_tr[idx], ref.Y_tr[idx]
    ref.batch_size = 0
    ref.changed()
    ref.step_batch()
    assert np.allclose(lv.trainer.net.flat, ref.net.flat, rtol=0, atol=1e-12)
    # the boundary rings those points (train split, original units)
    X = lv.prepared.splits[0][idx]
    (shown,) = [
        s for s in _specs(at) if s.get("layer", [{}])[0].get("mark", {}).get("type") == "rect"
    ]
    assert len(shown["layer"]) == 3 and shown["layer"][2]["mark"]["filled"] is False
    ring = shown["datasets"][shown["layer"][2]["data"]["name"]]
    assert np.allclose([[r["x"], r["y"]] for r in ring], X, atol=1e-6)  # float32 on the wire
    assert EN["live.ringed"].format(n=32) in _caption(at)
    # the live boundary: one cell per second grid point, its colour from the current weights
    cells = shown["datasets"][shown["layer"][0]["data"]["name"]]
    res = live.now_result(lv)
    colours = charts.images.probability_colors(
        res.snapshots[-1].reshape(60, 60, 1)[::2, ::2].reshape(900, 1)
    )
    assert len(cells) == 900
    assert [c["c"] for c in cells[:3]] == [
        "#" + "".join(f"{c:02x}" for c in np.round(255 * v).astype(int)) for v in colours[:3]
    ]
    # a second batch: the next 32 of the same shuffle; +1 epoch finishes the epoch
    at.button(key=state.LIVE_BATCH).click().run()
    assert np.array_equal(_live(at).batch, order[32:64])
    at.button(key=state.LIVE_EPOCH).click().run()
    assert _live(at).trainer.epoch == 1 and _live(at).trainer.batch_order is None
    assert _live(at).batch is None


def test_learning_rate_change_keeps_weights_and_marks_the_epoch(make_app):
    at = make_app(small=False, **LONG).run()
    at.button(key=state.LIVE_EPOCH).click().run()
    at.button(key=state.LIVE_EPOCH).click().run()
    lv = _live(at)
    serial, weights, opt = lv.serial, lv.trainer.net.flat.copy(), lv.trainer.opt
    at.select_slider(key="learning_rate").set_value(0.1).run()
    lv = _live(at)
    assert lv.serial == serial and lv.trainer.epoch == 2
    assert np.array_equal(lv.trainer.net.flat, weights)  # kept, not retrained
    assert lv.trainer.opt is opt and lv.trainer.opt.lr == 0.1  # Adam's moments kept too
    label = f"{EN['learning_rate']} 0.01 → 0.1"
    assert lv.changes == [(2.0, label)]
    loss, acc = _curve_specs(at)
    for spec in (loss, acc):
        marks = spec["layer"][-1]
        assert marks["layer"][0]["mark"]["type"] == "rule"
        assert spec["datasets"][marks["data"]["name"]] == [
            {"epoch": 2.0, "text": label, "right": True}  # at the last epoch: left of its rule
        ]
    at.button(key=state.LIVE_EPOCH).click().run()  # goes on from there
    assert _live(at).trainer.epoch == 3 and not np.array_equal(_live(at).trainer.net.flat, weights)
    # the optimizer itself: a new one from the same weights, marked too
    at.selectbox(key="optimizer").set_value("sgd").run()
    lv = _live(at)
    assert lv.trainer.epoch == 3 and type(lv.trainer.opt).__name__ == "SGD"
    assert lv.changes[-1] == (3.0, f"{EN['optimizer']} Adam → SGD")
    assert runs.run_cache().get(lv.config) is None  # a changed live run is never cached


def test_activation_change_restarts_with_a_message(make_app):
    at = make_app(small=False, **LONG).run()
    at.button(key=state.LIVE_EPOCH).click().run()
    serial = _live(at).serial
    at.selectbox(key="activation").set_value("relu").run()
    lv = _live(at)
    assert lv.serial != serial and lv.trainer.epoch == 0 and lv.config.activation == "relu"
    assert not lv.changes
    note = EN["live.restarted"].format(what=EN["activation"])
    assert [i.value for i in at.info if i.value == note] == [note]
    at.run()  # said once
    assert note not in [i.value for i in at.info]


def test_reset_and_back_to_the_trained_result(make_app):
    at = make_app(small=False, **LONG).run()
    at.button(key=state.LIVE_EPOCH).click().run()
    serial = _live(at).serial
    at.button(key=state.LIVE_RESET).click().run()
    assert _live(at).serial != serial and _live(at).trainer.epoch == 0
    assert _metric(at, "metric.epochs") == "0"
    at.button(key=state.LIVE_TRAINED).click().run()
    assert state.LIVE not in at.session_state
    assert _metric(at, "metric.epochs") == "500"


def test_a_plain_finished_live_run_equals_run(make_app):
    at = make_app().run()  # 10 epochs, 100 samples
    config = RunConfig(epochs=10, n_samples=100)
    cache = runs.run_cache()
    cache._items.clear()  # so the finished live run is offered to the cache
    at.button(key=state.LIVE_PLAY).click().run()
    for _ in range(20):
        if _live(at).done:
            break
        at.run()
    lv = _live(at)
    assert lv.done and not lv.playing and lv.plain
    expected = run(config)
    got = live.result(lv)
    assert got.history.equals(expected.history)
    assert np.array_equal(got.model.flat, expected.model.flat)
    assert got.snapshot_epochs == expected.snapshot_epochs
    cached = cache.get(config)
    assert cached is not None and cached.history.equals(expected.history)
    assert EN["live.done"] in _caption(at)


def test_a_changed_finished_run_leaves_run_config_alone(make_app):
    at = make_app().run()
    at.button(key=state.LIVE_EPOCH).click().run()
    at.select_slider(key="learning_rate").set_value(0.1).run()
    at.button(key=state.LIVE_PLAY).click().run()
    for _ in range(20):
        if _live(at).done:
            break
        at.run()
    lv = _live(at)
    config = RunConfig(epochs=10, n_samples=100, learning_rate=0.1)
    assert lv.done and lv.config == config and not lv.plain
    assert runs.run_cache().get(config) is None
    assert EN["live.done_changed"] in _caption(at)
    at.button(key=state.LIVE_TRAINED).click().run()  # the trained run of the setup: run(config)
    cached = runs.run_cache().get(config)
    assert cached.history.equals(run(config).history)
    assert not cached.history.equals(live.result(lv).history)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_live_texts_in_both_languages(make_app, lang):
    at = make_app(small=False, lang=lang, **LONG).run()
    at.button(key=state.LIVE_BATCH).click().run()
    assert not at.exception
    assert at.button(key=state.LIVE_RESET).label in ("Restart", "다시 시작")


def test_keep_going_past_the_budget_is_never_cached(make_app):
    at = make_app().run()  # 10 epochs
    at.toggle(key=state.LIVE_BEYOND).set_value(True).run()
    at.button(key=state.LIVE_PLAY).click().run()
    for _ in range(30):
        if _live(at).trainer.epoch > 10:
            break
        at.run()
    lv = _live(at)
    assert lv.trainer.epoch > 10 and lv.playing and lv.past and not lv.plain
    assert _metric(at, "metric.epochs") == str(lv.trainer.epoch)
    at.button(key=state.LIVE_PAUSE).click().run()
    cached = runs.run_cache().get(RunConfig(epochs=10, n_samples=100))
    assert cached is not None and int(cached.final["epoch"]) == 10  # run(config), untouched
