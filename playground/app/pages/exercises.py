"""Exercises page: workshop challenges with a goal the app checks, a prediction made before the
run, hints, a quiz answered once, progress (kept in the address, see `exercise_progress`), and
instructor links (`?exercise=<id>&lock=auto` or `&lock=scaler,loss`) that lock controls."""

from __future__ import annotations

import streamlit as st

from playground import exercises, tasks
from playground.app import navigation, room, sidebar, state
from playground.app.exercise_progress import (
    answered,
    apply_link,
    apply_room_locks,
    is_solved,
    more_hints,
    needs_prediction,
    on_select,
    predict_key,
    progress,
    reset,
    restore_from_room,
    restore_from_url,
    save_solved,
    solved_ids,
    steps_done,
    sync_url,
    unlock,
)
from playground.app.i18n import option_label, t
from playground.app.layout import CIRCLED
from playground.app.runs import train
from playground.app.safe import md
from playground.exercises import Criterion, Exercise

OK, NO = ":green[:material/check_circle:]", ":red[:material/cancel:]"
TODO, NEXT = ":gray[:material/radio_button_unchecked:]", ":blue[:material/arrow_forward:]"


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
    locked = sorted(st.session_state.get(state.LOCKED, set()), key=exercises.CONTROLS.index)
    if not locked:
        return
    free = [c for c in exercises.CONTROLS if c not in locked]
    text = (
        t("ex.locked_but", controls=_names(free))
        if len(locked) > len(free)
        else t("ex.locked", controls=_names(locked))
    )
    st.info(text, icon=":material/lock:")
    if room.seat() is None:  # a room's locks are the instructor's: they hold
        st.button(t("ex.unlock"), on_click=unlock, key=state.EX_UNLOCK, icon=":material/lock_open:")


def _goal(ex: Exercise, step: int) -> None:
    st.markdown(f"**{t('ex.goal')}**")
    for n in range(1, len(ex.steps) + 1):
        text = t(f"ex.{ex.id}.step.{n}")
        if len(ex.steps) > 1:
            text = f"{t('ex.step', n=n, total=len(ex.steps))}: {text}"
        done = n <= step
        st.markdown(f"{OK if done else (NEXT if n == step + 1 else TODO)} {text}")


def _prediction(ex: Exercise) -> None:
    """The prediction to make before the step's first check (locked once recorded)."""
    p, pr = progress(ex.id), ex.predict
    if pr is None or p["step"] != pr.step:
        return
    key = predict_key(ex)
    if p["prediction"] is not None:
        st.session_state[key] = p["prediction"]
    st.markdown(f"**{t('ex.predict_title')}**")
    st.radio(
        t(f"ex.{ex.id}.predict"),
        range(pr.options),
        index=None,
        key=key,
        format_func={k: t(f"ex.{ex.id}.predict.{k}") for k in range(pr.options)}.get,
        disabled=p["prediction"] is not None or room.read_only(),
    )
    if p["prediction"] is None:
        st.caption(t("ex.predict_first"))


def _check(ex: Exercise) -> None:
    """Record the prediction, train the sidebar's setup (cached) and check the current step."""
    p = progress(ex.id)
    if needs_prediction(ex):
        choice = st.session_state.get(predict_key(ex))
        if choice is None:
            st.warning(t("ex.predict_first"), icon=":material/psychology:")
            return
        p["prediction"] = choice
        room.call("record_prediction", ex.id, choice)
    step = min(p["step"], len(ex.steps) - 1)
    base = p["previous"] if ex.steps[step].base == "previous" and p["previous"] else ex.start
    config = sidebar.config_from_state()
    if tasks.task(config.dataset) == "regression":  # the exercises' checks judge classes
        st.info(t("reg.classification_only", page=t("ex.title"), dataset=config.dataset))
        return
    try:
        with st.spinner(t("ex.checking")):
            result = train(config)
            base_result = train(base)
    except (ValueError, FloatingPointError) as e:
        st.error(t("error.run", error=md(e, 400)))
        return
    criteria = exercises.evaluate(ex, step, result, p["previous"], base_result)
    shown = exercises.outcome(ex, step, result, p["previous"], base_result)
    p["attempts"] += 1
    p["last"] = (step, criteria, shown)
    room.record_check(ex, step, criteria, result.config)
    if exercises.passed(criteria) and p["step"] < len(ex.steps):
        if shown is not None and p["prediction"] is not None:
            p["predicted_right"] = shown == p["prediction"]
            room.call("record_prediction", ex.id, p["prediction"], p["predicted_right"])
        p["step"] += 1
        if p["step"] < len(ex.steps):  # `previous` stays the config that solved the step before
            p["previous"] = result.config
        if needs_prediction(ex) or is_solved(ex):  # redraw: the next step's (disabled) check
            st.rerun()  # button, or the ✓ in the exercise list above


def _load_reached(ex: Exercise) -> None:
    """A step that starts from the setup that passed the step before: a button that loads it
    (after a reload or on another device the sidebar does not show it any more)."""
    p = progress(ex.id)
    n = p["step"]
    if not 0 < n < len(ex.steps) or ex.steps[n].base != "previous" or p["previous"] is None:
        return
    if st.button(t("ex.load_reached", n=n), key=state.EX_LOAD_REACHED, width="stretch",
                 help=t("ex.load_reached.help", next=n + 1), icon=":material/history:",
                 on_click=sidebar.load_config, args=(p["previous"],)):  # fmt: skip
        navigation.switch(navigation.PLAYGROUND)


def _compare_prediction(ex: Exercise, shown: int | None) -> None:
    """What the learner predicted next to what this run showed."""
    p = progress(ex.id)
    if shown is None or p["prediction"] is None:
        return
    said = t(f"ex.{ex.id}.predict.{p['prediction']}")
    seen = t(f"ex.{ex.id}.predict.{shown}")
    st.markdown(f"**{t('ex.predicted')}:** {said}  \n**{t('ex.shown')}:** {seen}")
    if shown == p["prediction"]:
        st.success(t("ex.predict_match"), icon=":material/psychology:")
    else:
        st.info(t("ex.predict_miss"), icon=":material/psychology_alt:")


def _verdict(ex: Exercise) -> None:
    p = progress(ex.id)
    if p["last"] is None:
        return
    step, criteria, shown = p["last"]
    st.markdown(f"**{t('ex.result', n=p['attempts'])}**")
    _checklist(criteria)
    _compare_prediction(ex, shown)
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
    """One answer, then the radio locks and both the chosen and the right answer are explained."""
    if not ex.quiz:
        return
    p, key = progress(ex.id), state.ex_quiz(ex.id)
    labels = {k: t(f"ex.{ex.id}.quiz.{k}") for k in range(ex.quiz)}
    if p["quiz"] is not None:
        st.session_state[key] = p["quiz"]
    st.markdown(f"**{t('ex.quiz_title')}**")
    st.radio(
        t(f"ex.{ex.id}.quiz"),
        range(ex.quiz),
        index=None,
        key=key,
        format_func=labels.get,
        on_change=answered,
        args=(ex,),
        disabled=p["quiz"] is not None or room.read_only(),
    )
    chosen = p["quiz"]
    if chosen is None:
        st.caption(t("ex.quiz_once"))
        return
    why = t(f"ex.{ex.id}.quiz.{chosen}.why")
    if chosen == ex.answer:
        st.success(t("ex.quiz_right", why=why), icon=":material/check_circle:")
        return
    st.warning(t("ex.quiz_wrong", why=why), icon=":material/cancel:")
    right = t(f"ex.{ex.id}.quiz.{ex.answer}.why")
    st.info(t("ex.quiz_answer", answer=labels[ex.answer], why=right), icon=":material/lightbulb:")


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
            key=state.ex_hint(ex.id),
            on_click=more_hints,
            args=(ex,),
            icon=":material/lightbulb:",
        )


def _status(ex: Exercise) -> str:
    p = progress(ex.id)
    if is_solved(ex):
        return t("ex.status.solved")
    if p["attempts"] or p["step"] or steps_done(ex):
        return t("ex.status.step", n=min(p["step"] + 1, len(ex.steps)), total=len(ex.steps))
    return t("ex.status.open")


def _mark(value, right) -> str:
    """✓ right / ✗ wrong / — (not yet) for a quiz answer or a prediction."""
    if value is None:
        return t("ex.mark.none")
    return t("ex.mark.right") if value == right else t("ex.mark.wrong")


def _progress_view() -> None:
    st.subheader(t("ex.progress"))
    shown = room.room_exercises()
    total = len(shown)
    solved = len(solved_ids() & {ex.id for ex in shown})
    st.progress(solved / total, t("ex.progress_bar", solved=solved, total=total))
    rows = [
        {
            t("ex.col.point"): CIRCLED[ex.point],
            t("ex.col.title"): t(f"ex.{ex.id}.title"),
            t("ex.col.status"): _status(ex),
            t("ex.col.attempts"): progress(ex.id)["attempts"],
            t("ex.col.hints"): f"{progress(ex.id)['hints']} / {ex.hints}",
            t("ex.col.quiz"): _mark(progress(ex.id)["quiz"], ex.answer) if ex.quiz else "",
            t("ex.col.predict"): _mark(progress(ex.id)["predicted_right"], True)
            if ex.predict
            else "",
        }
        for ex in shown
    ]
    st.dataframe(rows, hide_index=True, width="stretch", height=35 * (len(rows) + 1) + 3)


def _share(ex: Exercise) -> None:
    with st.expander(t("ex.share"), icon=":material/share:"):
        st.markdown(t("ex.share_text"))
        st.code(f"?exercise={ex.id}&lock=auto", language=None)
        locks = ",".join(sorted(exercises.lock_set(ex, "auto"), key=exercises.CONTROLS.index))
        st.caption(f"lock=auto → {locks}")


def render() -> None:
    """The exercises page; "Load starting setup" goes to the playground."""
    room.from_address()
    bad = apply_link()
    ignored = restore_from_url()
    restore_from_room()
    apply_room_locks()
    sidebar.render()
    st.title(t("ex.title"))
    st.caption(t("room.exercises") if room.seat() else t("ex.intro"))
    room.panel()
    if bad:
        st.warning(t("ex.bad_link", id=md(bad)), icon=":material/link_off:")
    if ignored:
        st.info(t("ex.url_ignored", values=md(", ".join(ignored), 200)), icon=":material/link_off:")
    ids = [ex.id for ex in room.room_exercises()]
    if st.session_state.get(state.EX_SELECTED) not in ids:
        st.session_state[state.EX_SELECTED] = ids[0]
    st.session_state[state.EX_CURRENT] = st.session_state[state.EX_SELECTED]
    ex_id = st.selectbox(
        t("ex.choose"),
        ids,
        key=state.EX_CURRENT,
        on_change=on_select,
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
        predict = st.container()  # also after the check: it records the prediction
        c1, c2 = st.columns(2)
        if c1.button(
            t("ex.load"),
            key=state.EX_LOAD,
            help=t("ex.load.help"),
            width="stretch",
            icon=":material/upload:",
            on_click=sidebar.load_config,
            args=(room.room_locks(ex)[1],),  # in a room: with its locked values
        ):
            navigation.switch(navigation.PLAYGROUND)
        if c2.button(
            t("ex.check"),
            key=state.EX_CHECK,
            help=t("ex.check.help"),
            type="primary",
            width="stretch",
            icon=":material/task_alt:",
            disabled=room.read_only()
            or (needs_prediction(ex) and st.session_state.get(predict_key(ex)) is None),
        ):
            _check(ex)
        _load_reached(ex)
        with goal:
            _goal(ex, p["step"])
        with predict:
            _prediction(ex)
        _verdict(ex)
        if p["step"] >= len(ex.steps):
            _quiz(ex)
        if is_solved(ex):
            st.markdown(f"**{t('ex.why_title')}**  \n{t(f'ex.{ex.id}.why')}")
    with right:
        _hints(ex)
        st.button(
            t("ex.reset"),
            key=state.ex_reset(ex.id),
            disabled=room.read_only(),
            on_click=reset,
            args=(ex,),
            icon=":material/restart_alt:",
        )
        _share(ex)
    save_solved(ex)
    _progress_view()
    sync_url()
    room.flush()
