"""Exercises page: workshop challenges with a goal the app checks, hints, progress, and
instructor links (`?exercise=<id>&lock=auto` or `&lock=scaler,loss`) that lock controls."""

from __future__ import annotations

import streamlit as st

from playground import exercises
from playground.app import sidebar
from playground.app.i18n import option_label, t
from playground.app.learn_page import CIRCLED, go_to
from playground.app.runs import train
from playground.exercises import Criterion, Exercise

LOCKED = "locked_controls"  # session key the sidebar reads: widget keys to disable
PROGRESS = "ex_progress"
CURRENT = "ex_current"  # the selectbox's key (widget state is per page in Streamlit) …
SELECTED = "ex_selected"  # … so the choice itself is kept here
OK, NO = ":green[:material/check_circle:]", ":red[:material/cancel:]"
TODO, NEXT = ":gray[:material/radio_button_unchecked:]", ":blue[:material/arrow_forward:]"


# ---- session state ------------------------------------------------------------------------------
def progress(exercise_id: str) -> dict:
    """This session's record of one exercise (created on first use)."""
    all_ = st.session_state.setdefault(PROGRESS, {})
    return all_.setdefault(
        exercise_id,
        {"step": 0, "previous": None, "attempts": 0, "hints": 0, "quiz_ok": False, "last": None},
    )


def is_solved(ex: Exercise) -> bool:
    p = progress(ex.id)
    return p["step"] >= len(ex.steps) and (ex.quiz == 0 or p["quiz_ok"])


def solved_ids() -> set[str]:
    """Ids of the exercises solved in this session."""
    return {ex.id for ex in exercises.EXERCISES if is_solved(ex)}


def apply_link() -> str | None:
    """Read `?exercise=<id>&lock=…` once per distinct link: select the exercise, load its
    starting setup into the sidebar (so locked controls hold the start's values) and lock
    controls. Call before the sidebar renders. Returns an unknown id from the link, else None."""
    qp = st.query_params
    link = (qp.get("exercise"), qp.get("lock", ""))
    if link[0] is None or st.session_state.get("_ex_link") == link:
        return None
    st.session_state["_ex_link"] = link
    if link[0] not in exercises.BY_ID:
        return link[0]
    ex = exercises.BY_ID[link[0]]
    st.session_state[SELECTED] = ex.id
    st.session_state[LOCKED] = exercises.lock_set(ex, link[1])
    sidebar.load_config(ex.start)
    return None


def _on_select() -> None:
    """Another exercise picked: its id into the URL, the instructor's locks released."""
    new = st.session_state[CURRENT]
    st.session_state[SELECTED] = new
    st.query_params["exercise"] = new
    st.query_params.pop("lock", None)
    st.session_state["_ex_link"] = (new, "")
    st.session_state[LOCKED] = set()


def _unlock() -> None:
    st.session_state[LOCKED] = set()
    st.query_params.pop("lock", None)


def _reset(ex: Exercise) -> None:
    st.session_state[PROGRESS].pop(ex.id, None)
    st.session_state.pop(f"ex_quiz_{ex.id}", None)


def _more_hints(ex: Exercise) -> None:
    p = progress(ex.id)
    p["hints"] = min(p["hints"] + 1, ex.hints)


def _answered(ex: Exercise) -> None:
    progress(ex.id)["quiz_ok"] = st.session_state.get(f"ex_quiz_{ex.id}") == ex.answer


# ---- pieces of the page ---------------------------------------------------------------------
def title(ex: Exercise) -> str:
    mark = "✓ " if is_solved(ex) else ""
    return f"{mark}{CIRCLED[ex.point]} {t(f'ex.{ex.id}.title')}"


def _names(controls) -> str:
    return ", ".join(t(c) for c in controls) or t("ex.nothing")


def criterion_text(c: Criterion) -> str:
    """A checklist line in the current language."""
    p = {k: (_names(v) if isinstance(v, tuple) else option_label(v)) for k, v in c.params.items()}
    if c.key == "ex.c.converged":
        p["status"] = t(f"ex.run.{c.params['status']}")
    if c.key.startswith("ex.c.only"):
        text = t(c.key, controls=p["controls"])
        return text + (t("ex.c.also", changed=p["changed"]) if c.params["changed"] else "")
    return t(c.key, **p)


def _checklist(criteria: list[Criterion]) -> None:
    lines = [f"{OK if c.passed else NO} {criterion_text(c)}" for c in criteria]
    st.markdown("  \n".join(lines))


def _controls_note(ex: Exercise) -> None:
    if set(ex.controls) >= set(exercises.MODEL) - {"scaler"}:
        st.caption(t("ex.controls_all", fixed=_names(exercises.DATA)))
    else:
        st.caption(t("ex.controls", controls=_names(ex.controls)))
    locked = sorted(st.session_state.get(LOCKED, set()), key=exercises.CONTROLS.index)
    if not locked:
        return
    free = [c for c in exercises.CONTROLS if c not in locked]
    text = (
        t("ex.locked_but", controls=_names(free))
        if len(locked) > len(free)
        else t("ex.locked", controls=_names(locked))
    )
    st.info(text, icon=":material/lock:")
    st.button(t("ex.unlock"), on_click=_unlock, key="ex_unlock", icon=":material/lock_open:")


def _goal(ex: Exercise, step: int) -> None:
    st.markdown(f"**{t('ex.goal')}**")
    for n in range(1, len(ex.steps) + 1):
        text = t(f"ex.{ex.id}.step.{n}")
        if len(ex.steps) > 1:
            text = f"{t('ex.step', n=n, total=len(ex.steps))}: {text}"
        done = n <= step
        st.markdown(f"{OK if done else (NEXT if n == step + 1 else TODO)} {text}")


def _check(ex: Exercise) -> None:
    """Train the sidebar's setup (cached) and check the current step's goal."""
    p = progress(ex.id)
    config = sidebar.config_from_state()
    try:
        with st.spinner(t("ex.checking")):
            result = train(config)
    except (ValueError, FloatingPointError) as e:
        st.error(t("error.run", error=e))
        return
    step = min(p["step"], len(ex.steps) - 1)
    criteria = exercises.evaluate(ex, step, result, p["previous"])
    p["attempts"] += 1
    p["last"] = (step, criteria)
    if exercises.passed(criteria) and p["step"] < len(ex.steps):
        p["step"] += 1
        if p["step"] < len(ex.steps):  # `previous` stays the config that solved the step before
            p["previous"] = config


def _verdict(ex: Exercise) -> None:
    p = progress(ex.id)
    if p["last"] is None:
        return
    step, criteria = p["last"]
    st.markdown(f"**{t('ex.result', n=p['attempts'])}**")
    _checklist(criteria)
    ok = sum(c.passed for c in criteria)
    if ok < len(criteria):
        st.warning(t("ex.not_yet", n=ok, total=len(criteria)), icon=":material/pending:")
    elif step + 1 < len(ex.steps):
        goal = t(f"ex.{ex.id}.step.{step + 2}")
        st.success(t("ex.step_done", n=step + 1, next=step + 2, goal=goal))
    elif is_solved(ex):
        st.success(t("ex.solved"), icon=":material/celebration:")
    else:
        st.info(t("ex.quiz_first"), icon=":material/quiz:")


def _quiz(ex: Exercise) -> None:
    if not ex.quiz:
        return
    key = f"ex_quiz_{ex.id}"
    st.markdown(f"**{t('ex.quiz_title')}**")
    st.radio(
        t(f"ex.{ex.id}.quiz"),
        range(ex.quiz),
        index=None,
        key=key,
        format_func={k: t(f"ex.{ex.id}.quiz.{k}") for k in range(ex.quiz)}.get,
        on_change=_answered,
        args=(ex,),
    )
    if st.session_state.get(key) is not None:
        right = st.session_state[key] == ex.answer
        (st.success if right else st.warning)(t("ex.quiz_right" if right else "ex.quiz_wrong"))


def _hints(ex: Exercise) -> None:
    p = progress(ex.id)
    st.markdown(f"**{t('ex.hints')}**")
    for n in range(1, p["hints"] + 1):
        st.markdown(
            f":orange[:material/lightbulb:] {t('ex.hint', n=n, text=t(f'ex.{ex.id}.hint.{n}'))}"
        )
    if p["hints"] < ex.hints:
        st.button(
            t("ex.hint_btn", shown=p["hints"], total=ex.hints),
            key=f"ex_hint_{ex.id}",
            on_click=_more_hints,
            args=(ex,),
            icon=":material/lightbulb:",
        )


def _status(ex: Exercise) -> str:
    p = progress(ex.id)
    if is_solved(ex):
        return t("ex.status.solved")
    if p["attempts"] or p["step"]:
        return t("ex.status.step", n=min(p["step"] + 1, len(ex.steps)), total=len(ex.steps))
    return t("ex.status.open")


def _progress_view() -> None:
    st.subheader(t("ex.progress"))
    total = len(exercises.EXERCISES)
    solved = len(solved_ids())
    st.progress(solved / total, t("ex.progress_bar", solved=solved, total=total))
    rows = [
        {
            t("ex.col.point"): CIRCLED[ex.point],
            t("ex.col.title"): t(f"ex.{ex.id}.title"),
            t("ex.col.status"): _status(ex),
            t("ex.col.attempts"): progress(ex.id)["attempts"],
            t("ex.col.hints"): f"{progress(ex.id)['hints']} / {ex.hints}",
        }
        for ex in exercises.EXERCISES
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=35 * (len(rows) + 1) + 3)


def _share(ex: Exercise) -> None:
    with st.expander(t("ex.share"), icon=":material/share:"):
        st.markdown(t("ex.share_text"))
        st.code(f"?exercise={ex.id}&lock=auto", language=None)
        locks = ",".join(sorted(exercises.lock_set(ex, "auto"), key=exercises.CONTROLS.index))
        st.caption(f"lock=auto → {locks}")


def render(playground_page: st.Page | None = None) -> None:
    """The exercises page; `playground_page` is where "Load starting setup" goes (by default
    a page with url_path "playground", as registered in streamlit_app.py)."""
    bad = apply_link()
    sidebar.render()
    st.title(t("ex.title"))
    st.caption(t("ex.intro"))
    if bad:
        st.warning(t("ex.bad_link", id=bad), icon=":material/link_off:")
    ids = [ex.id for ex in exercises.EXERCISES]
    if st.session_state.get(SELECTED) not in ids:
        st.session_state[SELECTED] = ids[0]
    st.session_state[CURRENT] = st.session_state[SELECTED]
    ex_id = st.selectbox(
        t("ex.choose"),
        ids,
        key=CURRENT,
        on_change=_on_select,
        format_func={e.id: title(e) for e in exercises.EXERCISES}.get,  # labels of this run
    )
    ex = exercises.BY_ID[ex_id]
    p = progress(ex.id)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.caption(t("ex.point", point=t(f"sec.{ex.point}")))
        st.markdown(t(f"ex.{ex.id}.task"))
        goal = st.container()  # filled after a check, so it shows the step reached
        _controls_note(ex)
        c1, c2 = st.columns(2)
        if c1.button(
            t("ex.load"),
            key="ex_load",
            help=t("ex.load.help"),
            width="stretch",
            icon=":material/upload:",
            on_click=sidebar.load_config,
            args=(ex.start,),
        ):
            go_to(playground_page)
        if c2.button(
            t("ex.check"),
            key="ex_check",
            help=t("ex.check.help"),
            type="primary",
            width="stretch",
            icon=":material/task_alt:",
        ):
            _check(ex)
        with goal:
            _goal(ex, p["step"])
        _verdict(ex)
        if p["step"] >= len(ex.steps):
            _quiz(ex)
        if is_solved(ex):
            st.markdown(f"**{t('ex.why_title')}**  \n{t(f'ex.{ex.id}.why')}")
    with right:
        _hints(ex)
        st.button(
            t("ex.reset"),
            key=f"ex_reset_{ex.id}",
            on_click=_reset,
            args=(ex,),
            icon=":material/restart_alt:",
        )
        _share(ex)
    _progress_view()
