"""Sweep page: one knob (or two, as a grid) over chosen values, several seeds each."""

from __future__ import annotations

import functools

import streamlit as st

from playground import budget, preprocessing, sweep
from playground.app import i18n, sidebar, state
from playground.app.i18n import option_label, t
from playground.app.runs import run_cache, sweep_chunks
from playground.app.safe import md
from playground.charts import sweep as sweep_charts
from playground.nn import activations, initializers, losses, optimizers

CONFIRM_RUNS = 60  # larger sweeps ask before they start (a shared host has 2 cores)
MAX_RUNS = 400


def _choices() -> dict[str, list]:
    """Knobs offered, with the values to choose from; the registries are read on each run, so
    a newly registered activation, initializer, loss or optimizer is offered too."""
    return {
        "learning_rate": sidebar.LR_OPTIONS,
        "optimizer": list(optimizers.NAMES),
        "activation": list(activations.NAMES),
        "initializer": list(initializers.NAMES),
        "init_scale": sidebar.INIT_SCALE_OPTIONS,
        "depth": list(range(0, 7)),
        "width": [1, 2, 3, 4, 6, 8, 12, 16, 24, 32],
        "scaler": list(preprocessing.NAMES),
        "loss": list(losses.NAMES),
        "batch_size": sidebar.BATCH_OPTIONS,
        "l2": sidebar.L2_OPTIONS,
        "l1": sidebar.L1_OPTIONS,
        "epochs": sidebar.EPOCH_OPTIONS,
    }


DEFAULT_VALUES = {
    "learning_rate": [0.001, 0.01, 0.1, 1.0],
    "optimizer": ["sgd", "momentum", "rmsprop", "adam"],
    "activation": ["sigmoid", "tanh", "relu", "leaky_relu"],
    "initializer": ["zeros", "random_normal", "glorot_uniform", "he_normal"],
    "init_scale": [0.1, 1.0, 5.0],
    "depth": [1, 2, 4],
    "width": [2, 4, 8, 16],
    "scaler": ["none", "standard", "normalizer_l2"],
    "loss": ["cross_entropy", "mse"],
    "batch_size": [0, 8, 32],
    "l2": [0.0, 0.001, 0.01],
    "l1": [0.0, 0.001, 0.01],
    "epochs": [50, 200],
}
METRICS = ("test_accuracy", "test_loss", "train_accuracy", "train_loss")


@functools.lru_cache(maxsize=64)
def _estimate(spec: sweep.SweepSpec) -> float:
    """CPU-seconds for the whole sweep by the cost model (nothing trains to find out)."""
    return budget.sweep_seconds(spec.configs())


def _value_label(knob: str, v) -> str:
    return option_label(v) if isinstance(v, str) else sidebar.fmt(v)


def _knob_label(knob: str) -> str:
    return t(knob) if knob in i18n.CATALOGUES["en"] else knob


def _controls(base) -> sweep.SweepSpec | None:
    choices = _choices()
    knobs = list(choices)
    c1, c2, c3 = st.columns([1, 1, 1])
    knob1 = c1.selectbox(t("sw.knob1"), knobs, format_func=_knob_label, key=state.SW_KNOB1)
    knob2 = c2.selectbox(t("sw.knob2"), ["-", *[k for k in knobs if k != knob1]],
                         format_func=lambda k: t("sw.none") if k == "-" else _knob_label(k), key=state.SW_KNOB2)  # fmt: skip
    seeds = c3.slider(t("sw.seeds"), 1, 10, 3, key=state.SW_SEEDS)
    values = {}
    for knob in [knob1] + ([knob2] if knob2 != "-" else []):
        options = choices[knob]
        values[knob] = st.multiselect(t("sw.values", knob=_knob_label(knob)), options,
                                      default=DEFAULT_VALUES[knob], key=state.sweep_values(knob),
                                      format_func=lambda v, k=knob: _value_label(k, v))  # fmt: skip
    if not all(values.values()):
        return None
    try:
        return sweep.SweepSpec(base, knob1, tuple(values[knob1]), None if knob2 == "-" else knob2,
                               None if knob2 == "-" else tuple(values[knob2]), seeds)  # fmt: skip
    except ValueError as e:
        st.error(t("sw.bad", error=md(e, 400)))
        return None


def _cached(configs) -> dict[int, object]:
    cache = run_cache()
    return {i: r for i, c in enumerate(configs) if (r := cache.get(c)) is not None}


def _run(spec: sweep.SweepSpec, configs) -> None:
    """Train what is not cached yet, chunk by chunk, in the server's long slot (runs.sweep_chunks:
    a line to wait in, a low-priority worker, stopped by a closed tab or any rerun); every
    finished run lands in the shared cache and, compact, in this session's sweep state at once,
    so Stop (any rerun) keeps what is done."""
    held = st.session_state[state.SWEEP] = {
        "spec": spec,
        "results": [None] * len(configs),
        "done": False,
    }
    shown = sweep.boundary_runs(spec)  # only these keep a decision boundary
    for i, r in _cached(configs).items():
        held["results"][i] = sweep.compact(r, boundary=i in shown)
    todo = [i for i, r in enumerate(held["results"]) if r is None]
    bar, live = st.progress(0.0), st.empty()
    try:
        sub = [configs[i] for i in todo]
        done = len(configs) - len(todo)
        for indices, chunk in sweep_chunks(sub, parts=max(4, len(sub) // 8 or 1)):
            for j, result in zip(indices, chunk, strict=True):
                result.extra["key"] = sub[j]
                run_cache().put(sub[j], result)
                held["results"][todo[j]] = sweep.compact(result, boundary=todo[j] in shown)
            done += len(chunk)
            elapsed = sum(r.elapsed for r in chunk)
            eta = elapsed / len(chunk) * (len(configs) - done) if chunk else 0
            bar.progress(
                done / len(configs), t("sw.progress", done=done, total=len(configs), eta=eta)
            )
        held["done"] = all(r is not None for r in held["results"])
    finally:
        bar.empty()
        live.empty()


def results_table(df, knobs) -> object:
    """The table of all runs as the page shows it: columns named in the page's language, the
    knobs as in the sidebar, option values by their labels, statuses in words. (The CSV
    download keeps the language-neutral column names and values.)"""
    shown = df.copy()
    for knob in knobs:
        shown[knob] = [_value_label(knob, v) for v in shown[knob]]
    shown["status"] = [t(f"sw.status.{s}") for s in shown["status"]]
    names = {k: _knob_label(k) for k in knobs} | {"seed": t("seed")}
    names |= {c: t(f"sw.col.{c}") for c in shown.columns if c not in names}
    return shown.rename(columns=names)


def _results(held) -> None:
    spec, results = held["spec"], held["results"]
    finished = [r for r in results if r is not None]
    if not finished:
        return
    total = len(results)
    if held["done"]:
        st.success(t("sw.done", total=total, seconds=sum(r.elapsed for r in finished)))
    else:
        st.warning(t("sw.stopped", done=len(finished), total=total))
    df = sweep.summarize(results, spec)
    metrics = tuple(m.replace("accuracy", "r2") for m in METRICS) if "test_r2" in df else METRICS
    if st.session_state.get(state.SW_METRIC) not in metrics:  # a regression sweep: R², or back
        st.session_state[state.SW_METRIC] = metrics[0]
    metric = st.segmented_control(t("sw.metric"), metrics, default=metrics[0],
                                  format_func=lambda m: t(f"sw.metric.{m}"), key=state.SW_METRIC) or metrics[0]  # fmt: skip
    mtitle = t(f"sw.metric.{metric}")
    curve = sweep.tuning_curve(df, metric)
    if spec.knob2 is None:
        st.markdown(f"**{t('sw.curve')}**")
        st.altair_chart(
            sweep_charts.tuning_curve(curve, spec.knob1, mtitle, _knob_label(spec.knob1)),
            width="stretch",
        )
    else:
        st.markdown(f"**{t('sw.heatmap', metric=mtitle)}**")
        titles = (_knob_label(spec.knob1), _knob_label(spec.knob2))
        st.altair_chart(
            sweep_charts.heatmap(curve, spec.knob1, spec.knob2, mtitle, titles), width="stretch"
        )

    def label_of(r) -> str:
        return " · ".join(
            _value_label(
                k, getattr(r.config, k) if k not in ("width", "depth") else getattr(r.config, k)
            )
            for k in spec.knobs
        )

    st.markdown(f"**{t('sw.losses')}**")
    st.altair_chart(
        sweep_charts.loss_curves(finished, label_of, t("chart.loss"), t("chart.epoch")),
        width="stretch",
    )
    st.markdown(f"**{t('sw.boundaries.r2' if 'test_r2' in df else 'sw.boundaries')}**")
    firsts = [r for r in finished if r.config.seed == spec.base.seed][: sweep.BOUNDARIES]
    row = st.container(horizontal=True)  # as many per line as fit: two on a phone
    for panel in sweep_charts.boundary_panels(firsts, label_of):
        row.altair_chart(panel, width="content")
    st.markdown(f"**{t('sw.table')}**")
    st.dataframe(results_table(df, spec.knobs), hide_index=True, width="stretch")
    st.download_button(t("sw.download"), df.to_csv(index=False), "sweep.csv", "text/csv")


def render() -> None:
    base = sidebar.render()
    st.title(t("sw.title"))
    st.caption(t("sw.intro"))
    spec = _controls(base)
    if spec is None:
        st.info(t("sw.empty"))
    else:
        configs = spec.configs()
        n = len(configs)
        todo = n - len(_cached(configs))
        seconds = _estimate(spec) * todo / max(n, 1)
        st.caption(t("sw.size", runs=n, seconds=seconds))
        if n > MAX_RUNS:
            st.error(t("sw.too_big", max=MAX_RUNS))
        elif seconds > budget.max_sweep_seconds():
            cap = f"{budget.max_sweep_seconds():,.0f}"
            st.error(t("budget.sweep_refused", seconds=f"{seconds:,.0f}", max=cap))
        else:
            ok = n <= CONFIRM_RUNS or st.checkbox(t("sw.confirm", runs=n), key=state.SW_CONFIRM)
            row = st.container(horizontal=True)
            start = row.button(
                t("sw.run"),
                type="primary",
                disabled=not ok,
                key=state.SW_RUN,
                icon=":material/play_arrow:",
            )
            row.button(
                t("sw.stop"), key=state.SW_STOP, icon=":material/stop:"
            )  # any rerun stops a sweep
            if start:
                _run(spec, configs)
    if held := st.session_state.get(state.SWEEP):
        _results(held)
