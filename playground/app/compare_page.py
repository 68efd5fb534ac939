"""Compare page: pinned setups side by side with the current one (twin runs)."""

from __future__ import annotations

import streamlit as st

from playground import charts, compare
from playground.app import sidebar
from playground.app.i18n import t
from playground.app.runs import train
from playground.config import RunConfig

MAX_PINS = 8  # per session: bounded memory on a shared host
MAX_SHOWN = 4


def pins() -> list[dict]:
    """This session's pinned setups: [{"name": str, "config": RunConfig}, …]."""
    return st.session_state.setdefault("pins", [])


def pin(config: RunConfig) -> None:
    """Pin `config` under the next free letter (A, B, C, …); a callback for Pin buttons."""
    items = pins()
    if len(items) >= MAX_PINS:
        st.session_state["pin_message"] = t("cmp.full", n=MAX_PINS)
        return
    used = {p["name"] for p in items}
    name = next(c for c in "ABCDEFGHIJ" if c not in used)
    items.append({"name": name, "config": config})
    st.session_state["pin_message"] = t("cmp.pinned", name=name)


def _move(i: int, step: int) -> None:
    items = pins()
    j = i + step
    if 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]


def _delete(i: int) -> None:
    pins().pop(i)


def _rename(i: int) -> None:
    name = st.session_state.get(f"pin_name_{i}", "").strip()
    if name:
        pins()[i]["name"] = name


def _manage() -> None:
    items = pins()
    with st.expander(t("cmp.manage", n=len(items)), expanded=False):
        for i, p in enumerate(items):
            row = st.container(horizontal=True, vertical_alignment="bottom")
            row.text_input(
                t("cmp.name"), p["name"], key=f"pin_name_{i}", on_change=_rename, args=(i,)
            )
            row.button(
                ":material/arrow_upward:",
                key=f"up_{i}",
                help=t("cmp.up"),
                on_click=_move,
                args=(i, -1),
            )
            row.button(
                ":material/arrow_downward:",
                key=f"dn_{i}",
                help=t("cmp.down"),
                on_click=_move,
                args=(i, 1),
            )
            row.button(
                ":material/delete:",
                key=f"del_{i}",
                help=t("cmp.delete"),
                on_click=_delete,
                args=(i,),
            )


def _pin_button(config: RunConfig) -> None:
    st.button(t("cmp.pin"), icon=":material/push_pin:", on_click=pin, args=(config,), key="pin_btn")
    if msg := st.session_state.pop("pin_message", None):
        st.toast(msg)


def _runs(current: RunConfig) -> dict[str, object]:
    items = pins()
    names = [p["name"] for p in items] + [t("cmp.current")]
    configs = {p["name"]: p["config"] for p in items} | {t("cmp.current"): current}
    default = names[:1] + names[-1:] if items else names[-1:]
    chosen = st.multiselect(
        t("cmp.choose"), names, default=default, max_selections=MAX_SHOWN, key="cmp_runs"
    )
    return {name: train(configs[name]) for name in chosen}


def _two(a, b, labels) -> None:
    """What only a pair can show: the changed settings, shared weights, disagreement."""
    st.markdown(f"**{t('cmp.changed')}**")
    table = compare.changed_settings(a.config, b.config)
    if table.empty:
        st.info(t("cmp.same"))
    else:
        st.dataframe(table, hide_index=True, width="content")
    st.caption(t("cmp.same_init") if compare.same_initial_weights(a, b) else t("cmp.diff_init"))
    st.markdown(f"**{t('cmp.disagree')}**")
    chart = compare.disagreement_chart(a, b, labels)
    if chart is None:
        st.info(t("cmp.no_disagree"))
    else:
        share = float(compare.disagreement(a, b).mean())
        st.caption(t("cmp.disagree_share", share=f"{share:.0%}"))
        st.altair_chart(chart, width="stretch")


def render() -> None:
    from playground.app.playground_page import chart_labels

    current = sidebar.render()
    st.title(t("cmp.title"))
    st.caption(t("cmp.intro"))
    _pin_button(current)
    if not pins():
        st.info(t("cmp.none"))
    _manage()
    results = _runs(current)
    if not results:
        return
    labels = chart_labels(next(iter(results.values())))
    st.markdown(f"**{t('cmp.metrics')}**")
    st.dataframe(compare.metrics_table(results), hide_index=True, width="stretch")
    if len(results) == 2:
        _two(*results.values(), labels)
    st.markdown(f"**{t('cmp.curves')}**")
    log = st.toggle(t("cmp.log"), key="cmp_log")
    hist = {name: r.history for name, r in results.items()}
    c1, c2 = st.columns(2)
    c1.altair_chart(compare.overlay_curves(hist, "loss", labels, log), width="stretch")
    c2.altair_chart(compare.overlay_curves(hist, "accuracy", labels), width="stretch")
    st.markdown(f"**{t('cmp.boundaries')}**")
    for col, (name, r) in zip(st.columns(len(results)), results.items(), strict=True):
        col.caption(name)
        col.altair_chart(charts.decision_boundary(r, labels=labels), width="stretch")
    st.markdown(f"**{t('cmp.gradients')}**")
    for col, (name, r) in zip(st.columns(len(results)), results.items(), strict=True):
        col.caption(name)
        col.altair_chart(charts.grad_norm_lines(r.history, labels=labels), width="stretch")
    c = st.container(horizontal=True)
    c.download_button(
        t("cmp.download_json"), compare.export_json(results), "comparison.json", "application/json"
    )
    c.download_button(
        t("cmp.download_csv"), compare.export_csv(results), "histories.csv", "text/csv"
    )
