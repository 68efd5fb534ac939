"""An exercise session: each exercise's progress (steps passed, hints, quiz answer, prediction),
kept in session state and in the page's address (`?done=<id>,…&quiz=<id>.<k>`, restored in a
fresh session), and instructor links (`?exercise=<id>&lock=auto` or `&lock=scaler,loss`) that
select an exercise and lock controls. The exercises page draws it; the sidebar reads the locks."""

from __future__ import annotations

import streamlit as st

from playground import exercises
from playground.app import room, sidebar, state
from playground.exercises import Exercise


def progress(exercise_id: str) -> dict:
    """This session's record of one exercise (created on first use). `quiz`: the answer given
    (locked once given); `prediction`: the option picked before the prediction step's first
    check; `predicted_right`: whether the run that passed that step showed it."""
    all_ = st.session_state.setdefault(state.EX_PROGRESS, {})
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
    if st.session_state.get(state.EX_RESTORED):
        return []
    st.session_state[state.EX_RESTORED] = True
    qp = st.query_params
    done, answers, ignored = exercises.parse_progress(qp.get("done", ""), qp.get("quiz", ""))
    for ex in exercises.EXERCISES:
        p = progress(ex.id)
        if ex.id in done:
            p["step"] = max(p["step"], len(ex.steps))
        if ex.id in answers and p["quiz"] is None:
            p["quiz"] = answers[ex.id]
    return ignored


def restore_from_room() -> None:
    """Once per seat, before anything is drawn: the progress stored in the room replaces this
    session's for the room's exercises (steps passed, checks, quiz answer, prediction, and the
    setup that passed the step before, which the next step starts from)."""
    token = room.token()
    if token is None or st.session_state.get(state.ROOM_LOADED) == token:
        return
    st.session_state[state.ROOM_LOADED] = token
    stored = room.call("progress")
    for ex_id, sp in (stored.exercises if stored else {}).items():
        if ex_id in exercises.BY_ID:
            ex = exercises.BY_ID[ex_id]
            reset(ex, local=True)
            steps = len(ex.steps) if sp.solved else min(sp.step, len(ex.steps))
            previous = None if sp.reached is None else room.readable(sp.reached)
            if 0 < steps < len(ex.steps) and ex.steps[steps].base == "previous" and not previous:
                steps -= 1  # the setup this step starts from is unknown: pass the one before again
            progress(ex_id).update(
                step=steps, attempts=sp.attempts, quiz=sp.quiz, prediction=sp.prediction,
                predicted_right=sp.prediction_right, saved_solved=sp.solved, previous=previous,
            )  # fmt: skip


def apply_room_locks() -> None:
    """In a room: the room's exercise is selected and, once per exercise, the room's locks
    apply (its start setup loaded, the locked controls disabled). The first time in a session
    that came back to its seat (a reload, another device) the sidebar keeps its setup (the
    address brought it back): only the locked controls are set. Call before the sidebar."""
    ids = [ex.id for ex in room.room_exercises()]
    if st.session_state.get(state.EX_SELECTED) not in ids:
        st.session_state[state.EX_SELECTED] = ids[0]
    token, ex = room.token(), exercises.BY_ID[st.session_state[state.EX_SELECTED]]
    applied = st.session_state.get(state.ROOM_APPLIED)
    if token is None or applied == (token, ex.id):
        return
    st.session_state[state.ROOM_APPLIED] = (token, ex.id)
    names, start = room.room_locks(ex)
    if not names:
        return
    st.session_state[state.LOCKED] = names
    if applied is None and room.seat().returning:
        values = sidebar.widget_values(start)
        for name in names & set(values):
            st.session_state[name] = values[name]
    else:
        sidebar.load_config(start)


def save_solved(ex: Exercise) -> None:
    """In a room: the first time `ex` is solved in this session, the room records it."""
    p = progress(ex.id)
    if room.seat() is not None and is_solved(ex) and not p.get("saved_solved"):
        p["saved_solved"] = room.call("record_solved", ex.id) is not None


def sync_url() -> None:
    """Write this session's progress into the address (so a reload or a bookmark keeps it);
    in a room the room keeps it instead."""
    if room.seat() is not None:
        return
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
    if link[0] is None or st.session_state.get(state.EX_LINK) == link:
        return None
    st.session_state[state.EX_LINK] = link
    if link[0] not in exercises.BY_ID:
        return link[0]
    ex = exercises.BY_ID[link[0]]
    st.session_state[state.EX_SELECTED] = ex.id
    st.session_state[state.LOCKED] = exercises.lock_set(ex, link[1])
    sidebar.load_config(ex.start)
    return None


def on_select() -> None:
    """Another exercise picked: its id into the URL, the instructor's locks released."""
    new = st.session_state[state.EX_CURRENT]
    st.session_state[state.EX_SELECTED] = new
    st.query_params["exercise"] = new
    st.query_params.pop("lock", None)
    st.session_state[state.EX_LINK] = (new, "")
    st.session_state[state.LOCKED] = set()


def unlock() -> None:
    st.session_state[state.LOCKED] = set()
    st.query_params.pop("lock", None)


def reset(ex: Exercise, local: bool = False) -> None:
    """Start `ex` over (in the room too, unless `local`)."""
    if not local:
        room.call("reset_exercise", ex.id)
    st.session_state.setdefault(state.EX_PROGRESS, {}).pop(ex.id, None)
    st.session_state.pop(state.ex_quiz(ex.id), None)
    st.session_state.pop(state.ex_predict(ex.id), None)


def more_hints(ex: Exercise) -> None:
    p = progress(ex.id)
    p["hints"] = min(p["hints"] + 1, ex.hints)


def answered(ex: Exercise) -> None:
    """The first answer is kept; the radio is disabled after it (and reset to it if a client
    sends another)."""
    p = progress(ex.id)
    if p["quiz"] is None:
        p["quiz"] = st.session_state.get(state.ex_quiz(ex.id))
        if p["quiz"] is not None:
            room.call("record_quiz", ex.id, p["quiz"], p["quiz"] == ex.answer)


def predict_key(ex: Exercise) -> str:
    return state.ex_predict(ex.id)


def needs_prediction(ex: Exercise) -> bool:
    """The current step asks for a prediction that has not been recorded yet."""
    p, pr = progress(ex.id), ex.predict
    return pr is not None and p["step"] == pr.step and p["prediction"] is None
