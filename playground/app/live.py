"""Live training on the Playground: play, pause, step one mini-batch or one epoch, reset.

The page shows the trained result of its config (cached, as a shared link shows it) until the
user presses ▶ or a step button: that starts a live run from epoch 0 (`Live`, in this session's
state), which replaces the view until "Trained result". While it plays, the page's fragment
reruns every `LOOP` seconds and draws a frame every `FRAME` seconds for 0.8 of that time; each
frame trains for at most `WORK` seconds of this thread's CPU time (whole mini-batches, at least
one; less while many sessions play: `share`), then draws (the charts: app/live_charts.py).
Several sessions playing at once thus get bounded work each, and a frame that is slow under
load only delays the next one: a rerun every frame (run_every = FRAME) would be interrupted by
the next one as soon as a frame took longer than FRAME, and draw nothing.

Changing a setting of the optimizer (learning rate, optimizer and its numbers, L1, L2, batch
size) or the epoch budget keeps the weights and goes on; the curves mark the change (`changes`).
Any other change (data, features, network shape, activation, initializer, seed, …) restarts the
live run from epoch 0 and says what changed. A live run that finished without a change equals
`run(config)` and may go into the run cache; a changed one never does.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field, fields, replace

import numpy as np
import streamlit as st

from playground.app import state, upload
from playground.app.i18n import EN, option_label, t
from playground.app.live_charts import CELL, CURVE_POINTS, arrow, boundary, curves, steady  # noqa: F401
from playground.app.runs import in_flight, run_cache
from playground.config import RunConfig
from playground.experiment import Prepared, RunResult, finish, prepare
from playground.nn import optimizers
from playground.nn.losses import output_activation

FRAME = 0.12  # seconds from one frame to the next while playing (≈ 7 frames a second)
LOOP = 1.0  # the fragment's run_every while playing: each rerun draws frames for 0.8 of it
WORK = 0.02  # CPU seconds of training per frame and session
LIMIT = 10_000  # "keep going" stops here (epochs)
SHARE = 0.3  # CPU-s a second of training for all of this server's playing sessions together
OPTIMIZER = ("optimizer", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay")
KEEP = ("learning_rate", *OPTIMIZER, "l1", "l2", "batch_size", "epochs")  # the weights stay
_serial = itertools.count(1)
_ticked: dict[int, float] = {}  # serial → when that live run last trained a frame (any session)


@dataclass
class Live:
    """One session's live run."""

    config: RunConfig  # the settings the trainer has now
    start: RunConfig  # the settings it started with
    upload: str | None  # the uploaded CSV's digest, if it trains on one
    prepared: Prepared
    playing: bool = False
    changes: list[tuple[float, str]] = field(default_factory=list)  # (epoch, what) mid-run
    batch: np.ndarray | None = None  # training-split indices of the last stepped mini-batch
    seconds: float = 0.0  # CPU seconds trained
    past: bool = False  # trained past the epoch budget ("keep going")
    serial: int = field(default_factory=lambda: next(_serial))
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-epoch: live_charts

    @property
    def trainer(self):
        return self.prepared.trainer

    @property
    def done(self) -> bool:
        return self.trainer.done

    @property
    def plain(self) -> bool:
        """Trained exactly as run(config) trains (no setting changed, not past the budget)."""
        return not self.changes and not self.past and self.config == self.start

    def where(self) -> float:
        """The epoch position now: whole epochs plus the share of the current one stepped."""
        tr = self.trainer
        n = len(tr.y_tr)
        return tr.epoch + (tr.batch_pos / n if tr.batch_order is not None and n else 0.0)


def reset_key(config: RunConfig) -> RunConfig:
    """The config without the settings a live run may change while it trains."""
    return replace(config, **{k: getattr(RunConfig(), k) for k in KEEP})


def current() -> Live | None:
    return st.session_state.get(state.LIVE)


def _digest() -> str | None:
    up = upload.active()
    return None if up is None else up.digest


def start(config: RunConfig, playing: bool = False) -> Live:
    """A new live run of `config` at epoch 0 (on this session's uploaded CSV, if it uses one)."""
    up = upload.active()
    prepared = prepare(config, None if up is None else up.dataset)
    live = Live(config, config, _digest(), prepared, playing=playing)
    st.session_state[state.LIVE] = live
    return live


def _name(key: str) -> str:
    return t("live.hidden") if key == "hidden" else t(key) if key in EN else key


def _value(key: str, value) -> str:
    if key == "optimizer":
        return option_label(value)
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def sync(config: RunConfig) -> Live | None:
    """At a full run: bring the live run (if any) to the sidebar's `config`. A changed reset
    knob restarts it from epoch 0 (playing on if it played; the note says why); changed
    optimizer settings or budget are applied to the running trainer. None: no live run."""
    live = current()
    if live is None:
        return None
    if reset_key(live.config) != reset_key(config) or live.upload != _digest():
        what = [_name(f.name) for f in fields(RunConfig) if f.name not in KEEP
                and getattr(live.config, f.name) != getattr(config, f.name)]  # fmt: skip
        if live.upload != _digest():
            what.append(t("live.upload"))
        st.session_state[state.LIVE_NOTE] = t("live.restarted", what=", ".join(what))
        return start(config, live.playing)
    if live.config != config:
        apply(live, config)
    return live


def apply(live: Live, config: RunConfig) -> None:
    """Give the live trainer the new optimizer settings, L1, L2, batch size and budget; the
    weights (and, if only the learning rate changed, the optimizer's state) stay. Each changed
    setting but the budget gets a marker at the current epoch."""
    old, tr, at = live.config, live.trainer, live.where()
    changed = [k for k in KEEP if getattr(old, k) != getattr(config, k)]
    for k in changed:
        if k != "epochs":
            text = f"{_name(k)} {_value(k, getattr(old, k))} → {_value(k, getattr(config, k))}"
            live.changes.append((at, text))
    if any(k in OPTIMIZER for k in changed):
        hyper = config.optimizer_hyper()
        tr.opt = optimizers.get(config.optimizer, lr=config.learning_rate, **hyper)
    tr.opt.lr = config.learning_rate
    tr.l1, tr.l2, tr.batch_size = config.l1, config.l2, config.batch_size
    tr.epochs = max(config.epochs, tr.epoch) if live.past else config.epochs
    tr.changed()
    live.config = live.prepared.config = config


def keep_going(live: Live, on: bool) -> None:
    """Past the budget: raise the trainer's epochs in steps, up to LIMIT."""
    tr = live.trainer
    if on and tr.epoch >= tr.epochs and tr.epoch < LIMIT and tr.result.status == "ok":
        tr.epochs = min(tr.epoch + 100, LIMIT)
        tr.changed()
        live.past = True


def share(live: Live) -> float:
    """This frame's training budget: WORK, less while many sessions of this server play (all
    of them together train at most SHARE CPU-s a second, a frame every FRAME s each): with one
    GIL for every session, ten sessions at WORK a frame would leave no time to draw. The frame
    rate stays; each run trains more slowly."""
    now = time.monotonic()
    _ticked[live.serial] = now
    for serial, at in list(_ticked.items()):
        if now - at > 2 * LOOP:
            _ticked.pop(serial, None)
    return min(WORK, SHARE * FRAME / max(1, len(_ticked)))


def tick(live: Live, budget: float | None = None) -> None:
    """Train for `budget` CPU seconds of this thread (whole mini-batches, at least one; by
    default `share(live)`); stop playing when the run is done."""
    budget = share(live) if budget is None else budget
    in_flight().touch()  # a session at work: the server's warm-up waits (app/warmup.py)
    keep_going(live, bool(st.session_state.get(state.LIVE_BEYOND)))
    tr = live.trainer
    cpu, wall = time.thread_time(), time.perf_counter()
    while not tr.done:
        live.batch = tr.step_batch()
        used = time.thread_time() - cpu
        if used >= budget or time.perf_counter() - wall >= 3 * budget:
            break
    live.seconds += time.thread_time() - cpu
    live.batch = None  # while playing, no batch is ringed
    if tr.done:
        keep_going(live, bool(st.session_state.get(state.LIVE_BEYOND)))
    if tr.done:
        live.playing = False
        offer(live)


def offer(live: Live) -> None:
    """A finished plain live run is run(config): cache it unless the config's run is there."""
    if not (live.done and live.plain):
        return
    key = live.config if live.upload is None else (live.config, live.upload)
    cache = run_cache()
    if cache.get(key) is None:
        result = finish(live.prepared, live.seconds)
        result.extra["key"] = key
        cache.put(key, result)


def result(live: Live) -> RunResult:
    """The live run so far as a RunResult (not cached: `extra` has no key)."""
    return finish(live.prepared, live.seconds)


def now_result(live: Live) -> RunResult:
    """`result`, with one snapshot: the boundary of the current weights. Its table of epochs
    is made once per epoch (a frame within the same epoch reuses it, `Live.memo`)."""
    tr = live.trainer
    key = (tr.epoch, tr.result.status, len(live.changes), live.config)
    if live.memo.get("result", (None,))[0] != key:
        live.memo["result"] = (key, result(live))
    res = live.memo["result"][1]
    res.elapsed = live.seconds
    with np.errstate(all="ignore"):
        probs = output_activation(tr.net.logits(tr.grid), tr.net.output)
    res.snapshots = probs.astype(np.float32)[None]
    res.snapshot_epochs = [tr.epoch]
    return res


class MetricSlot:
    """A place for one st.metric in a live frame (`where`: a column) that sends the metric
    again only when its label or value changed: a frame's messages, not its numbers, are
    what costs the server (one GIL for every session)."""

    def __init__(self, where) -> None:
        self.place, self.shown = where.empty(), None

    def metric(self, label: str, value: str, **kw) -> None:
        if (label, value) != self.shown:
            self.place.metric(label, value, **kw)
            self.shown = (label, value)


# ---------------------------------------------------------------------------- the buttons
def _play(config: RunConfig) -> None:
    live = current()
    if live is None or (live.done and not st.session_state.get(state.LIVE_BEYOND)):
        live = start(config)
    live.playing = True


def _pause() -> None:
    if (live := current()) is not None:
        live.playing = False


def _step(config: RunConfig, whole_epoch: bool) -> None:
    live = current() or start(config)
    live.playing = False
    keep_going(live, bool(st.session_state.get(state.LIVE_BEYOND)))
    cpu = time.thread_time()
    if whole_epoch:
        live.trainer.step_epoch()
        live.batch = None
    else:
        live.batch = live.trainer.step_batch()
    live.seconds += time.thread_time() - cpu
    offer(live)


def _trained() -> None:
    st.session_state.pop(state.LIVE, None)


def controls(config: RunConfig, live: Live | None) -> None:
    """▶/⏸, +1 batch, +1 epoch, ⟲ reset, ⏭ trained result, keep going; then where it is."""
    row = st.container(horizontal=True, vertical_alignment="center")
    playing = live is not None and live.playing
    if playing:
        row.button(t("live.pause"), key=state.LIVE_PAUSE, icon=":material/pause:",
                   on_click=_pause, type="primary")  # fmt: skip
    else:
        row.button(t("live.play"), key=state.LIVE_PLAY, icon=":material/play_arrow:", type="primary",
                   on_click=_play, args=(config,), help=t("live.play.help"))  # fmt: skip
    ended = live is not None and live.done and not st.session_state.get(state.LIVE_BEYOND)
    row.button(t("live.step_batch"), key=state.LIVE_BATCH, icon=":material/skip_next:",
               on_click=_step, args=(config, False), disabled=ended,
               help=t("live.step_batch.help"))  # fmt: skip
    row.button(t("live.step_epoch"), key=state.LIVE_EPOCH, icon=":material/fast_forward:",
               on_click=_step, args=(config, True), disabled=ended)  # fmt: skip
    row.button(t("live.reset"), key=state.LIVE_RESET, icon=":material/replay:",
               on_click=start, args=(config,), help=t("live.reset.help"))  # fmt: skip
    if live is not None:
        row.button(t("live.trained"), key=state.LIVE_TRAINED, icon=":material/done_all:",
                   on_click=_trained, help=t("live.trained.help"))  # fmt: skip
    row.toggle(t("live.beyond", epochs=config.epochs), key=state.LIVE_BEYOND)
    if note := st.session_state.pop(state.LIVE_NOTE, None):
        st.info(note, icon=":material/restart_alt:")


def status(live: Live | None, config: RunConfig) -> str:
    """One line: what the charts below show."""
    if live is None:
        return t("live.idle", epochs=config.epochs)
    tr = live.trainer
    text = t("live.at", epoch=tr.epoch, epochs=tr.epochs)
    if tr.batch_order is not None:
        n = len(tr.y_tr)
        bs = tr.batch_size if 0 < tr.batch_size < n else n
        text += " " + t("live.in_epoch", done=-(-tr.batch_pos // bs), batches=-(-n // bs))
    if live.batch is not None and len(live.batch):
        text += " " + t("live.ringed", n=len(live.batch))
    if tr.result.status != "ok":
        text += " " + t("live.diverged")
    elif live.done:
        text += " " + t("live.done" if live.plain else "live.done_changed")
    return text
