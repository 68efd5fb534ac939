"""Compare page: pinned setups side by side with the current one (twin runs)."""

from __future__ import annotations

import streamlit as st

from playground import charts, compare, features
from playground.app import sidebar, state
from playground.app.i18n import option_label, t
from playground.app.pins import CURRENT, MAX_SHOWN, delete, label, move, pin_button, pins, rename
from playground.app.runs import train
from playground.app.safe import md
from playground.app.views import chart_labels
from playground.charts import compare as compare_charts
from playground.config import RunConfig


def _manage() -> None:
    items = pins()
    with st.expander(t("cmp.manage", n=len(items)), expanded=False):
        for i, p in enumerate(items):
            row = st.container(horizontal=True, vertical_alignment="bottom")
            row.text_input(
                t("cmp.name"), p["name"], key=state.pin_name(i), on_change=rename, args=(i,)
            )
            row.button(
                ":material/arrow_upward:",
                key=state.pin_up(i),
                help=t("cmp.up"),
                on_click=move,
                args=(i, -1),
            )
            row.button(
                ":material/arrow_downward:",
                key=state.pin_down(i),
                help=t("cmp.down"),
                on_click=move,
                args=(i, 1),
            )
            row.button(
                ":material/delete:",
                key=state.pin_delete(i),
                help=t("cmp.delete"),
                on_click=delete,
                args=(i,),
            )


def _runs(current: RunConfig) -> dict[str, object]:
    """The runs picked for comparison, keyed by pin name (or CURRENT), in the picker's order."""
    items = pins()
    names = [p["name"] for p in items] + [CURRENT]
    configs = {p["name"]: p["config"] for p in items} | {CURRENT: current}
    default = names[:1] + names[-1:] if items else names[-1:]
    chosen = st.multiselect(
        t("cmp.choose"),
        names,
        default=default,
        max_selections=MAX_SHOWN,
        format_func=label,
        key=state.CMP_RUNS,
    )
    return {name: train(configs[name]) for name in chosen}


def _value_text(setting: str, value) -> str:
    """A setting's value as the sidebar shows it."""
    if value is None:  # eps / weight decay: the optimizer's own default
        return t("cmp.opt_default")
    if isinstance(value, str):
        return option_label(value)
    if setting == "features":  # x₁, x₁², …
        return ", ".join(features.LABELS[n] for n in value)
    if isinstance(value, tuple):
        return " × ".join(map(str, value)) if value else t("cmp.no_hidden")
    return f"{value:g}" if isinstance(value, float) else str(value)


def changed_table(a: RunConfig, b: RunConfig, names: tuple[str, str]):
    """The settings that differ between the runs `names`, with translated column names and
    settings named as in the sidebar."""
    table = compare.changed_settings(a, b, tuple(label(n) for n in names), _value_text)
    table["setting"] = [t("cmp.hidden") if k == "hidden" else t(k) for k in table["setting"]]
    return table.rename(columns={"setting": t("cmp.col.setting")})


def metrics_table(results: dict[str, object]):
    """Final metrics per run: runs by their names, translated columns and statuses."""
    table = compare.metrics_table(results)
    table["run"] = [label(n) for n in table["run"]]
    table["status"] = [t(f"cmp.status.{s}") for s in table["status"]]
    return table.rename(columns={c: t(f"cmp.col.{c}") for c in table.columns})


def _two(names: tuple[str, str], a, b, labels) -> None:
    """What only a pair can show: the changed settings, shared weights, disagreement. Every
    text names the two runs compared (`names`)."""
    name_a, name_b = (label(n) for n in names)
    st.markdown(f"**{t('cmp.changed', a=md(name_a), b=md(name_b))}**")
    table = changed_table(a.config, b.config, names)
    if table.empty:
        st.info(t("cmp.same", a=md(name_a), b=md(name_b)))
    else:
        st.dataframe(table, hide_index=True, width="content")
    st.caption(t("cmp.same_init") if compare.same_initial_weights(a, b) else t("cmp.diff_init"))
    if "linear" in (a.model.output, b.model.output):  # a regression run: no classes to differ
        st.info(t("reg.cmp.no_classes"))
        return
    st.markdown(f"**{t('cmp.disagree', a=md(name_a), b=md(name_b))}**")
    chart = compare_charts.disagreement_chart(a, b, labels)
    if chart is None:
        st.info(t("cmp.no_disagree"))
    else:
        share = float(compare.disagreement(a, b).mean())
        st.caption(t("cmp.disagree_share", a=md(name_a), b=md(name_b), share=f"{share:.0%}"))
        st.altair_chart(chart, width="stretch")


def render() -> None:
    current = sidebar.render()
    st.title(t("cmp.title"))
    st.caption(t("cmp.intro"))
    pin_button(current)
    if not pins():
        st.info(t("cmp.none"))
    _manage()
    results = _runs(current)
    if not results:
        return
    labels = chart_labels(next(iter(results.values())))
    st.markdown(f"**{t('cmp.metrics')}**")
    st.dataframe(metrics_table(results), hide_index=True, width="stretch")
    if len(results) == 2:
        _two(tuple(results), *results.values(), labels)
    named = {label(name): r for name, r in results.items()}
    st.markdown(f"**{t('cmp.curves')}**")
    log = st.toggle(t("cmp.log"), key=state.CMP_LOG)
    hist = {name: r.history for name, r in named.items()}
    c1, c2 = st.columns(2)
    c1.altair_chart(compare_charts.overlay_curves(hist, "loss", labels, log), width="stretch")
    score = "r2" if all("test_r2" in h for h in hist.values()) else "accuracy"  # regression: R²
    c2.altair_chart(compare_charts.overlay_curves(hist, score, labels), width="stretch")
    maps = all("test_r2" in h for h in hist.values())  # regression runs: their predicted values
    st.markdown(f"**{t('reg.cmp.maps' if maps else 'cmp.boundaries')}**")
    for col, (name, r) in zip(st.columns(len(named)), named.items(), strict=True):
        col.caption(md(name))
        col.vega_lite_chart(charts.decision_boundary(r, labels=labels), width="stretch")
    st.markdown(f"**{t('cmp.gradients')}**")
    for col, (name, r) in zip(st.columns(len(named)), named.items(), strict=True):
        col.caption(md(name))
        col.vega_lite_chart(charts.grad_norm_lines(r.history, labels=labels), width="stretch")
    c = st.container(horizontal=True)
    c.download_button(
        t("cmp.download_json"), compare.export_json(named), "comparison.json", "application/json"
    )
    c.download_button(t("cmp.download_csv"), compare.export_csv(named), "histories.csv", "text/csv")
