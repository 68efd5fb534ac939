"""Live training on the Playground: play, pause, step one mini-batch or one epoch, reset.

The page shows the trained result of its config (cached, as a shared link shows it) until the
user presses ▶ or a step button: that starts a live run from epoch 0 (`Live`, in this session's
state), which replaces the view until "Trained result". While it plays, the page's fragment
reruns every `LOOP` seconds and draws a frame every `FRAME` seconds for 0.8 of that time; each
frame trains for at most `WORK` seconds of this thread's CPU time (whole mini-batches, at least
one), then draws. Several sessions playing at once thus get bounded work each, and a frame that
is slow under load only delays the next one: a rerun every frame (run_every = FRAME) would be
interrupted by the next one as soon as a frame took longer than FRAME, and draw nothing.

Changing a setting of the optimizer (learning rate, optimizer and its numbers, L1, L2, batch
size) or the epoch budget keeps the weights and goes on; the curves mark the change (`changes`).
Any other change (data, features, network shape, activation, initializer, seed, …) restarts the
live run from epoch 0 and says what changed. A live run that finished without a change equals
`run(config)` and may go into the run cache; a changed one never does.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field, fields, replace

import numpy as np
import pyarrow as pa
import streamlit as st

from playground import charts
from playground.app import state, upload
from playground.app.i18n import EN, option_label, t
from playground.app.runs import run_cache
from playground.charts.images import probability_colors
from playground.charts.style import HEIGHT
from playground.charts.vegalite import table
from playground.config import RunConfig
from playground.experiment import Prepared, RunResult, finish, prepare
from playground.nn import optimizers
from playground.nn.losses import output_activation

FRAME = 0.15  # seconds from one frame to the next while playing (≈ 6 frames a second)
LOOP = 1.0  # the fragment's run_every while playing: each rerun draws frames for 0.8 of it
WORK = 0.02  # CPU seconds of training per frame and session
LIMIT = 10_000  # "keep going" stops here (epochs)
CURVE_POINTS = 200  # epochs per curve sent each frame (the trained view sends up to 500)
CELL = 2  # the live boundary draws every CELL-th grid point (30 × 30 cells: light to redraw)
OPTIMIZER = ("optimizer", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay")
KEEP = ("learning_rate", *OPTIMIZER, "l1", "l2", "batch_size", "epochs")  # the weights stay
_serial = itertools.count(1)


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


def tick(live: Live, budget: float = WORK) -> None:
    """Train for `budget` CPU seconds of this thread (whole mini-batches, at least one); stop
    playing when the run is done."""
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
    """`result`, with one snapshot: the boundary of the current weights."""
    res = result(live)
    tr = live.trainer
    with np.errstate(all="ignore"):
        probs = output_activation(tr.net.logits(tr.grid), tr.net.output)
    res.snapshots = probs.astype(np.float32)[None]
    res.snapshot_epochs = [tr.epoch]
    return res


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


# ---------------------------------------------------------------------------- the charts
def steady(spec: dict, prefix: str) -> dict:
    """`spec` with its datasets renamed `<prefix>_0`, `<prefix>_1`, … (in order): frame after
    frame the spec text stays the same, so the browser keeps its chart and swaps the rows in
    (content-named datasets would make it build a new chart each frame: a flicker)."""
    datasets = spec.pop("datasets", {})
    text = json.dumps(spec)
    renamed = {}
    for i, (name, rows) in enumerate(datasets.items()):
        text = text.replace(json.dumps(name), json.dumps(f"{prefix}_{i}"))
        renamed[f"{prefix}_{i}"] = arrow(rows)
    spec = json.loads(text)
    spec["datasets"] = renamed
    return spec


def arrow(rows: list[dict] | dict[str, np.ndarray]) -> pa.Table:
    """Rows (or columns) as an Arrow table, text dictionary-coded, floats as float32: a few
    times smaller and faster to send than what pandas makes of a list of dicts."""
    columns = rows if isinstance(rows, dict) else {k: [r[k] for r in rows] for k in rows[0]}
    out = {}
    for k, v in columns.items():
        a = pa.array(v)
        if pa.types.is_string(a.type):
            a = a.dictionary_encode().cast(pa.dictionary(pa.int16(), pa.string()))
        elif pa.types.is_floating(a.type):
            a = a.cast(pa.float32())
        out[k] = a
    return pa.table(out)


def _cells(res: RunResult, spec: dict, discretize: bool) -> None:
    """Replace the boundary's PNG (layer 0) by one rect per grid cell: a browser loads a new
    image asynchronously and shows nothing meanwhile (a flicker at every frame); rects are drawn
    at once. The cells travel as their colours alone (dictionary-coded, in grid order): ~8 KB."""
    image = spec["layer"][0]
    spec["datasets"].pop(image["data"]["name"])
    size = len(res.grid.x)
    gx, gy = res.grid.x[::CELL], res.grid.y[::CELL]
    probs = res.snapshots[-1].reshape(size, size, -1)[::CELL, ::CELL].reshape(len(gx) * len(gy), -1)
    if res.model.output == "linear":  # a regression run: its predicted values' colours
        rgb = charts.value_colors(probs, charts.value_scale(res))
    else:
        rgb = probability_colors(probs, discretize)
    codes = np.round(np.clip(rgb, 0, 1) * 255).astype(np.uint32) @ np.array([65536, 256, 1])
    colors = np.char.add("#", np.char.zfill(np.char.mod("%x", codes), 6))
    name = "cells"
    spec["datasets"][name] = {"c": colors.tolist()}  # row k = cell (k // size, k % size)
    dx, dy = float(gx[1] - gx[0]), float(gy[1] - gy[0])  # (a hair wider: no seams)
    at = lambda v, d, k: f"{v - d / 2!r} + datum.{k} * {d!r}"  # noqa: E731
    raw = {"type": "nominal", "scale": None, "field": "c"}  # the colour itself, no legend
    enc = image["encoding"]
    spec["layer"][0] = {
        "data": {"name": name},
        "mark": {"type": "rect"},
        "transform": [
            {"window": [{"op": "row_number", "as": "k"}]},
            {"calculate": f"(datum.k - 1) % {len(gx)}", "as": "j"},
            {"calculate": f"floor((datum.k - 1) / {len(gx)})", "as": "i"},
            {"calculate": at(float(gx[0]), dx, "j"), "as": "x"},
            {"calculate": f"datum.x + {dx * 1.04!r}", "as": "x2"},
            {"calculate": at(float(gy[0]), dy, "i"), "as": "y"},
            {"calculate": f"datum.y + {dy * 1.04!r}", "as": "y2"},
        ],
        "encoding": {
            "x": enc["x"],
            "x2": enc["x2"],
            "y": enc["y"],
            "y2": enc["y2"],
            "color": raw,
            "stroke": raw,
        },  # fmt: skip
    }


def boundary(live: Live, res: RunResult, labels: dict, discretize: bool) -> dict:
    """The boundary of the current weights (as cells, `_cells`); the last stepped batch's
    points ringed."""
    spec = charts.decision_boundary(res, discretize=discretize, labels=labels)
    if "layer" in spec:
        _cells(res, spec, discretize)
    idx = live.batch
    if idx is None or not len(idx) or "layer" not in spec:
        return steady(spec, "live_boundary")
    X = res.X_train[idx]
    name, rows = table({"x": X[:, 0], "y": X[:, 1]})
    spec["datasets"][name] = rows
    ring = {"type": "point", "shape": "circle", "filled": False, "size": 260}
    ring |= {"stroke": "#111111", "strokeWidth": 2.2, "opacity": 1}
    enc = {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}}
    spec["layer"].append({"data": {"name": name}, "mark": ring, "encoding": enc})
    return steady(spec, "live_boundary")


def curves(live: Live, res: RunResult, labels: dict, log: bool) -> tuple[dict, dict]:
    """Loss and accuracy so far, each change marked."""
    h = res.history
    specs = (
        steady(charts.loss_curves(h, log, labels, CURVE_POINTS, live.changes), "live_loss"),
        steady(charts.accuracy_curves(h, labels, CURVE_POINTS, live.changes), "live_accuracy"),
    )
    for spec in specs:  # SVG, as short runs get (Streamlit turns long ones into a canvas)
        spec["usermeta"] = {"embedOptions": {"renderer": "svg"}}
        for part in spec["layer"][2]["layer"]:  # the best epoch's note at the plot's bottom
            y = part["encoding"].get("y", {})
            if y.get("value") == HEIGHT - 10:  # (in pixels from the top, it squeezed the plot)
                part["encoding"]["y"] = {"expr": "height - 10"}
    return specs
