"""The playground page: train on every change, then boundary, curves, diagnosis, and views;
or a live run (app/live.py) with play, pause and step, in a fragment that reruns alone."""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

from playground import charts
from playground.app import dataset_notes, draw, live, sidebar, state, upload, views
from playground.app.chart_cache import run_key, show
from playground.app.i18n import option_label, t
from playground.app.pins import pin_button
from playground.app.runs import confirm_budget, train
from playground.app.safe import md
from playground.app.views import chart_labels
from playground.config import RunConfig
from playground.diagnosis import diagnose


def _url_warnings() -> None:
    """Once per session: say which values of the shared link were not usable."""
    # said once: the next rerun (the user changing something) clears them
    for key, value, reason in st.session_state.pop(state.URL_CHECKED, []):
        st.warning(sidebar.url_problem_text(key, value, reason), icon=":material/link_off:")


def _loss_text(v: float) -> str:
    """3 significant digits; an exploded loss as a bare power of ten, so it fits the metric."""
    return f"{v:.3g}" if abs(v) < 1e4 else f"{v:.0e}"


def _test_mse(result) -> float:
    """A regression run's mean squared error on the test split, from its model now."""
    with np.errstate(all="ignore"):
        pred = result.model.forward(result.scaler.transform(result.X_test))[:, 0]
    return float(np.mean((pred - result.y_test) ** 2))


def _metric_count(result) -> int:
    return 8 if "test_r2" in result.final and result.config.loss != "mse" else 7


def accuracy_text(x: float) -> str:
    """An accuracy as the metric shows it: one decimal (97.5%), a full score as "100%" (seven
    metrics share a row: "100.0%" was cut to "100.…" at desktop width)."""
    text = f"{x:.1%}"
    return "100%" if text == "100.0%" else text


def _metrics(result, cols=None) -> None:
    """The run's numbers in a row (`cols`: the places to put them, new columns by default)."""
    last = result.final
    r2 = "test_r2" in last  # a regression run: R² (and the test MSE) in place of accuracy
    cols = st.columns(_metric_count(result)) if cols is None else cols
    cols[0].metric(t("metric.train_loss"), _loss_text(last["train_loss"]))
    cols[1].metric(t("metric.test_loss"), _loss_text(last["test_loss"]))
    if r2:
        help_ = t("metric.r2.help")
        cols[2].metric(t("metric.train_r2"), f"{last['train_r2']:.3f}", help=help_)
        cols[3].metric(t("metric.test_r2"), f"{last['test_r2']:.3f}", help=help_)
    else:
        cols[2].metric(t("metric.train_acc"), accuracy_text(last["train_accuracy"]))
        cols[3].metric(t("metric.test_acc"), accuracy_text(last["test_accuracy"]))
    cols[4].metric(t("metric.epochs"), f"{int(last['epoch'])}")
    cols[5].metric(t("metric.time"), f"{result.elapsed:.2f} s")
    cols[6].metric(t("metric.params"), f"{result.model.n_params():,}")
    if len(cols) == 8:  # Huber: the MSE beside it
        cols[7].metric(t("metric.test_mse"), _loss_text(_test_mse(result)))


_PERCENT = ("share", "acc", "ref", "seen", "bounce")
_PLAIN = ("limit", "step_limit", "low", "high", "rise", "lr")


def _diag_number(key: str, v):
    """A finding's number as the text shows it: shares in %, thresholds as written in the code,
    ratios with 2 significant digits (a power of ten when far from 1)."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return v
    if key in _PERCENT:
        return f"{v:.0%}"
    if key == "gap":  # a difference of two accuracies, in percentage points
        return f"{100 * v:.0f}"
    if key in _PLAIN:
        return f"{v:g}"
    if key in ("ratio", "step"):
        return f"{v:.2g}" if 1e-2 <= abs(v) < 1e3 else f"{v:.1e}"
    if key in ("start", "peak", "end"):
        return _loss_text(v)
    return v


def _advice_text(advice, config: RunConfig, tr=t) -> str:
    """The advice sentence ("Try A, B or C.") with the config's current values."""
    now = dict(lr=f"{config.learning_rate:g}", scale=f"{config.init_scale:g}", l2=f"{config.l2:g}",
               depth=len(config.hidden), width=max(config.hidden, default=0),
               epochs=config.epochs, n=config.n_samples)  # fmt: skip
    items = [tr(f"diag.advice.{a}", **now) for a in advice]
    if len(items) > 1:
        items = [", ".join(items[:-1]) + tr("diag.or") + items[-1]]
    return tr("diag.try", items=items[0]) if items else ""


def _fmt_finding(f, config: RunConfig, tr=t) -> str:
    """The finding in words (`tr`: the message function, t by default): its numbers from the
    params, the adaptive-step note, the cause, and the advice the sidebar can follow."""
    p = dict(f.params)
    if f.code == "diverged":
        scale = tr("diag.scale", s=f"{config.init_scale:g}") if config.init_scale > 2 else ""
        what = tr(f"diag.what.{p.get('reason') or 'nan'}")
        return tr("diag.diverged", epoch=p["epoch"], what=what, lr=f"{p['lr']:g}",
                  optimizer=option_label(config.optimizer), scale=scale)  # fmt: skip
    key = f"diag.{f.code}" + (".step" if p.get("by") == "step" else "")
    key += ".start" if p.get("at_start") else ""
    if f.code == "healthy" and not np.isfinite(p.get("ratio", np.nan)):
        key = "diag.healthy.one"
    key += ".r2" if "r2" in p else ""  # a regression run: R² instead of accuracy
    words = {k: _diag_number(k, v) for k, v in p.items() if k != "advice"}
    parts = [tr(key, **words)]
    if p.get("compensates"):
        parts.append(tr("diag.vanishing.compensates", optimizer=option_label(p["optimizer"])))
    if p.get("bouncing"):
        parts.append(tr("diag.underfitting.bouncing", bounce=words["bounce"]))
    if p.get("because"):
        parts.append(tr("diag.because", cause=tr(f"diag.name.{p['because']}")))
    parts.append(_advice_text(p.get("advice", ()), config, tr))
    return " ".join(part for part in parts if part)


def _diagnosis(result) -> None:
    show = {"error": st.error, "warning": st.warning, "info": st.info, "ok": st.success}
    icons = {
        "error": ":material/error:",
        "warning": ":material/warning:",
        "info": ":material/info:",
        "ok": ":material/check_circle:",
    }
    for f in diagnose(result):
        show[f.level](_fmt_finding(f, result.config), icon=icons.get(f.level))


def _plane_title(result) -> str:
    """The plane's heading: the decision boundary, or a regression run's predicted value."""
    return t("heatmap.title" if result.model.output == "linear" else "boundary.title")


def _boundary(result, labels) -> None:
    st.markdown(f"**{_plane_title(result)}**")
    epochs = result.snapshot_epochs
    c1, c2 = st.columns([2, 1], vertical_alignment="bottom")
    shown = epochs[-1]
    if len(epochs) > 1:
        help_ = t("boundary.epoch.help")
        shown = c1.select_slider(
            t("boundary.epoch"), epochs, epochs[-1], key=state.BOUNDARY_EPOCH, help=help_
        )
    regression = result.model.output == "linear"  # a value map: nothing to discretize
    discretize = not regression and c2.toggle(t("boundary.discretize"), key=state.DISCRETIZE)
    idx = epochs.index(shown) if shown in epochs else len(epochs) - 1
    show(
        st,
        run_key(result),
        "boundary",
        lambda: charts.decision_boundary(result, idx, discretize, labels=labels),
        idx,
        discretize,
    )
    if regression:
        st.caption(t("heatmap.caption"))


def _curves(result, labels) -> None:
    st.markdown(f"**{t('curves.title')}**")
    log = st.toggle(t("curves.log"), key=state.LOG_SCALE)
    h, key = result.history, run_key(result)
    show(st, key, "loss", lambda: charts.loss_curves(h, log_scale=log, labels=labels), log)
    show(st, key, "accuracy", lambda: charts.accuracy_curves(h, labels=labels))
    best = int(result.history["epoch"].iloc[int(np.argmin(result.history["test_loss"].to_numpy()))])
    st.caption(t("curves.best", epoch=best))


def live_loss_spec(history: dict, labels: dict) -> dict:
    """A plain Vega-Lite spec of the train/test loss so far: redrawn every half second while a
    long run trains, so it skips Altair (whose schema validation costs more than the data)."""
    step = max(1, len(history["epoch"]) // 300)
    rows = [
        {"epoch": e, "loss": v, "split": labels[split]}
        for split in ("train", "test")
        for e, v in zip(history["epoch"][::step], history[f"{split}_loss"][::step], strict=True)
    ]
    return {
        "data": {"values": rows},
        "mark": {"type": "line"},
        "height": 300,
        "encoding": {
            "x": {"field": "epoch", "type": "quantitative", "title": labels["epoch"]},
            "y": {"field": "loss", "type": "quantitative", "title": labels["loss"]},
            "color": {"field": "split", "type": "nominal", "title": None},
        },
    }


def _train_live(config: RunConfig, labels):
    """Train (or fetch from the cache) with a progress bar and a live loss chart."""
    bar, live = st.empty(), st.empty()

    def progress(trainer) -> None:
        bar.progress(
            trainer.epoch / trainer.epochs,
            t("training", epoch=trainer.epoch, epochs=trainer.epochs),
        )
        live.vega_lite_chart(live_loss_spec(trainer.history, labels), width="stretch")

    try:
        when = (t("grad.acts.start"), t("grad.acts.end"))
        result = train(config, progress, upload=upload.active(), labels=labels, when=when)
    except (ValueError, FloatingPointError) as e:
        bar.empty()
        live.empty()
        st.error(t("error.run", error=md(e, 400)))
        st.stop()
    bar.empty()
    live.empty()
    return result


def _trained_view(result, labels) -> None:
    """The config's trained (cached) run: metrics, findings, boundary replay, curves."""
    _metrics(result)
    _diagnosis(result)
    left, right = st.columns([1.15, 1], gap="large")
    with left:
        _boundary(result, labels)
    with right:
        _curves(result, labels)


def _live_frame(slots: dict, running: live.Live, config, labels, options: tuple) -> None:
    """The live run now: where it is, metrics, findings when paused, the boundary (the last
    stepped batch ringed) and the curves with each mid-run change marked. Computed first, then
    drawn: the first frame of a run makes the elements (`slots` keeps them), later frames
    replace them in place, so the browser updates its charts rather than blanking them."""
    discretize, log = options
    res = live.now_result(running)
    if res.history.empty:  # not even the starting point was finite
        st.error(dataset_notes.too_large(res), icon=":material/error:")
        return
    boundary = live.boundary(running, res, labels, discretize)
    loss, accuracy = live.curves(running, res, labels, log)
    status = live.status(running, config)
    if not slots:
        slots["status"] = st.caption(status)
        # each number in a place of its own, sent again only when its text changed
        slots["metrics"] = [live.MetricSlot(c) for c in st.columns(_metric_count(res))]
        slots["diagnosis"] = st.empty()
        left, right = st.columns([1.15, 1], gap="large")
        left.markdown(f"**{_plane_title(res)}**")
        right.markdown(f"**{t('curves.title')}**")
        slots["boundary"] = left.vega_lite_chart(boundary, width="stretch")
        slots["loss"] = right.vega_lite_chart(loss, width="stretch")
        slots["accuracy"] = right.vega_lite_chart(accuracy, width="stretch")
    else:
        slots["status"].caption(status)
        slots["boundary"].vega_lite_chart(boundary, width="stretch")
        if loss is not slots["curves"]:  # the same objects: no epoch added, nothing to send
            slots["loss"].vega_lite_chart(loss, width="stretch")
            slots["accuracy"].vega_lite_chart(accuracy, width="stretch")
    slots["curves"] = loss
    if running.playing and slots.get("table") is res.history:
        return  # no epoch added: the metrics (and the findings, hidden while playing) stand
    slots["table"] = res.history
    _metrics(res, slots["metrics"])
    if running.playing:
        slots["diagnosis"].empty()
    else:
        with slots["diagnosis"].container():
            _diagnosis(res)


def _in_fragment_rerun() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def _panel(config: RunConfig, result, labels, serial: int | None, playing: bool) -> None:
    """The media controls and what they drive; a fragment. While playing, each of its reruns
    (every live.LOOP s) draws frames for 0.8 of that time, a bounded tick of training each; a
    full run draws one. A change of playing or of the live run itself reruns the page (its
    run_every and the views below follow)."""
    running = live.current()
    now = (None if running is None else running.serial, running is not None and running.playing)
    if now != (serial, playing):
        st.rerun()
    live.controls(config, running)
    if running is None:
        st.caption(live.status(None, config))
        _trained_view(result, labels)
        return
    c1, c2 = st.columns(2)
    regression = result.model.output == "linear"  # a value map: nothing to discretize
    options = (
        not regression and c1.toggle(t("boundary.discretize"), key=state.DISCRETIZE),
        c2.toggle(t("curves.log"), key=state.LOG_SCALE),
    )
    slots: dict = {}
    start = time.perf_counter()
    looping = running.playing and _in_fragment_rerun()
    while True:
        began = time.perf_counter()
        if running.playing:
            live.tick(running)  # bounded work, then draw
        _live_frame(slots, running, config, labels, options)
        if running.playing != playing:  # the run ended: the page stops its reruns
            st.rerun()
        if not looping or time.perf_counter() + live.FRAME > start + 0.8 * live.LOOP:
            return
        time.sleep(max(0.0, live.FRAME - (time.perf_counter() - began)))


def render() -> None:
    draw.read_url()  # a link's drawing, before the sidebar reads what data the run uses
    config = sidebar.render()
    head = st.container(horizontal=True, vertical_alignment="bottom")
    head.title(t("app.title"), width="stretch")
    pin_button(config, head)
    st.caption(t("app.subtitle"))
    _url_warnings()
    labels = chart_labels(config)
    drawing = draw.panel(config, labels)  # Draw mode: stops the page until the drawing can train
    if (up := upload.active()) and not drawing:
        st.info(t("up.active", name=md(up.name)), icon=":material/upload_file:")
    running = live.sync(config)  # a live run (▶ or a step) replaces the trained result
    if running is None:
        confirm_budget(config, upload.active())  # a long run asks first, a huge one is refused
        result = _train_live(config, labels)
        if result.history.empty:  # not even the starting point was finite
            st.error(dataset_notes.too_large(result), icon=":material/error:")
            return
    else:
        result = live.result(running)
    serial, playing = (None, False) if running is None else (running.serial, running.playing)
    panel = st.fragment(_panel, run_every=live.LOOP if playing else None)
    panel(config, result, labels, serial, playing)
    if not result.history.empty:
        if playing:  # only the fragment above reruns while playing: say what these show
            epoch = int(result.history["epoch"].iloc[-1])
            st.caption(t("live.views_frozen", epoch=epoch))
        views.render(result, labels)
