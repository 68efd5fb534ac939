"""Exercises page: workshop challenges with a goal the app checks, a prediction made before the
run, hints, a quiz answered once, progress kept in the page's address (`?done=<id>,…&quiz=<id>.<k>`,
restored in a fresh session), and instructor links (`?exercise=<id>&lock=auto` or
`&lock=scaler,loss`) that lock controls."""

from __future__ import annotations

import streamlit as st

from playground import exercises
from playground.app import sidebar
from playground.app.i18n import option_label, t
from playground.app.learn_page import CIRCLED, go_to
from playground.app.runs import train
from playground.app.safe import md
from playground.exercises import Criterion, Exercise

LOCKED = "locked_controls"  # session key the sidebar reads: widget keys to disable
PROGRESS = "ex_progress"
CURRENT = "ex_current"  # the selectbox's key (widget state is per page in Streamlit) …
SELECTED = "ex_selected"  # … so the choice itself is kept here
OK, NO = ":green[:material/check_circle:]", ":red[:material/cancel:]"
TODO, NEXT = ":gray[:material/radio_button_unchecked:]", ":blue[:material/arrow_forward:]"


# ---- session state ------------------------------------------------------------------------------
RESTORED = "_ex_url_restored"  # the address's progress was read in this session


def progress(exercise_id: str) -> dict:
    """This session's record of one exercise (created on first use). `quiz`: the answer given
    (locked once given); `prediction`: the option picked before the prediction step's first
    check; `predicted_right`: whether the run that passed that step showed it."""
    all_ = st.session_state.setdefault(PROGRESS, {})
    return all_.setdefault(
        exercise_id,
        {"step": 0, "previous": None, "attempts": 0, "hints": 0, "quiz": None, "last": None,
         "prediction": None, "predicted_right": None},
    )  # fmt: skip


def steps_done(ex: Exercise) -> bool:
    return progress(ex.id)["step"] >= len(ex.steps)


def is_solved(ex: Exercise) -> bool:
    return steps_done(ex) and (ex.quiz == 0 or progress(ex.id)["quiz"] is not None)


def solved_ids() -> set[str]:
    """Ids of the exercises solved in this session."""
    return {ex.id for ex in exercises.EXERCISES if is_solved(ex)}


def restore_from_url() -> list[str]:
    """Once per session, before anything is drawn: mark the exercises the address lists as done
    (`done=`) and lock their quiz answers (`quiz=`). Returns the values it could not use."""
    if st.session_state.get(RESTORED):
        return []
    st.session_state[RESTORED] = True
    qp = st.query_params
    done, answers, ignored = exercises.parse_progress(qp.get("done", ""), qp.get("quiz", ""))
    for ex in exercises.EXERCISES:
        p = progress(ex.id)
        if ex.id in done:
            p["step"] = max(p["step"], len(ex.steps))
        if ex.id in answers and p["quiz"] is None:
            p["quiz"] = answers[ex.id]
    return ignored


def sync_url() -> None:
    """Write this session's progress into the address (so a reload or a bookmark keeps it)."""
    done = [ex.id for ex in exercises.EXERCISES if steps_done(ex)]
    quiz = {
        e.id: progress(e.id)["quiz"]
        for e in exercises.EXERCISES
        if progress(e.id)["quiz"] is not None
    }
    for key, value in zip(("done", "quiz"), exercises.format_progress(done, quiz), strict=True):
        if value and st.query_params.get(key) != value:
            st.query_params[key] = value
        elif not value and key in st.query_params:
            del st.query_params[key]


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
    st.session_state.pop(f"ex_predict_{ex.id}", None)


def _more_hints(ex: Exercise) -> None:
    p = progress(ex.id)
    p["hints"] = min(p["hints"] + 1, ex.hints)


def _answered(ex: Exercise) -> None:
    """The first answer is kept; the radio is disabled after it (and reset to it if a client
    sends another)."""
    p = progress(ex.id)
    if p["quiz"] is None:
        p["quiz"] = st.session_state.get(f"ex_quiz_{ex.id}")


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


def _predict_key(ex: Exercise) -> str:
    return f"ex_predict_{ex.id}"


def needs_prediction(ex: Exercise) -> bool:
    """The current step asks for a prediction that has not been recorded yet."""
    p, pr = progress(ex.id), ex.predict
    return pr is not None and p["step"] == pr.step and p["prediction"] is None


def _prediction(ex: Exercise) -> None:
    """The prediction to make before the step's first check (locked once recorded)."""
    p, pr = progress(ex.id), ex.predict
    if pr is None or p["step"] != pr.step:
        return
    key = _predict_key(ex)
    if p["prediction"] is not None:
        st.session_state[key] = p["prediction"]
    st.markdown(f"**{t('ex.predict_title')}**")
    st.radio(
        t(f"ex.{ex.id}.predict"),
        range(pr.options),
        index=None,
        key=key,
        format_func={k: t(f"ex.{ex.id}.predict.{k}") for k in range(pr.options)}.get,
        disabled=p["prediction"] is not None,
    )
    if p["prediction"] is None:
        st.caption(t("ex.predict_first"))


def _check(ex: Exercise) -> None:
    """Record the prediction, train the sidebar's setup (cached) and check the current step."""
    p = progress(ex.id)
    if needs_prediction(ex):
        choice = st.session_state.get(_predict_key(ex))
        if choice is None:
            st.warning(t("ex.predict_first"), icon=":material/psychology:")
            return
        p["prediction"] = choice
    step = min(p["step"], len(ex.steps) - 1)
    base = p["previous"] if ex.steps[step].base == "previous" and p["previous"] else ex.start
    try:
        with st.spinner(t("ex.checking")):
            result = train(sidebar.config_from_state())
            base_result = train(base)
    except (ValueError, FloatingPointError) as e:
        st.error(t("error.run", error=md(e, 400)))
        return
    criteria = exercises.evaluate(ex, step, result, p["previous"], base_result)
    shown = exercises.outcome(ex, step, result, p["previous"], base_result)
    p["attempts"] += 1
    p["last"] = (step, criteria, shown)
    if exercises.passed(criteria) and p["step"] < len(ex.steps):
        if shown is not None and p["prediction"] is not None:
            p["predicted_right"] = shown == p["prediction"]
        p["step"] += 1
        if p["step"] < len(ex.steps):  # `previous` stays the config that solved the step before
            p["previous"] = result.config
        if needs_prediction(ex):  # the next step asks first: redraw its (disabled) check button
            st.rerun()


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
    p, key = progress(ex.id), f"ex_quiz_{ex.id}"
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
        on_change=_answered,
        args=(ex,),
        disabled=p["quiz"] is not None,
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
            key=f"ex_hint_{ex.id}",
            on_click=_more_hints,
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
            t("ex.col.quiz"): _mark(progress(ex.id)["quiz"], ex.answer) if ex.quiz else "",
            t("ex.col.predict"): _mark(progress(ex.id)["predicted_right"], True)
            if ex.predict
            else "",
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
    ignored = restore_from_url()
    sidebar.render()
    st.title(t("ex.title"))
    st.caption(t("ex.intro"))
    if bad:
        st.warning(t("ex.bad_link", id=md(bad)), icon=":material/link_off:")
    if ignored:
        st.info(t("ex.url_ignored", values=md(", ".join(ignored), 200)), icon=":material/link_off:")
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
        predict = st.container()  # also after the check: it records the prediction
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
            disabled=needs_prediction(ex) and st.session_state.get(_predict_key(ex)) is None,
        ):
            _check(ex)
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
            key=f"ex_reset_{ex.id}",
            on_click=_reset,
            args=(ex,),
            icon=":material/restart_alt:",
        )
        _share(ex)
    _progress_view()
    sync_url()
