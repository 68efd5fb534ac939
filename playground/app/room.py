"""Workshop rooms in the app: one store per server, an attendee's seat in the browser session,
the join/leave panel of the exercises page, and the writes the pages make in a room.

Name mode (the room rejoins by name): the address keeps `?room=<code>&name=<name>`, the session
keeps the seat (its token); a reload or another device joins again with the same name and gets
the same attendee. Strict mode: the address keeps `?seat=<token>` (the attendee's personal link)
and a reload resumes it. Outside a room nothing here touches the store.

Every store call goes through `call` (or catches RoomError itself): a failure becomes a plain
message in the page's language (`message`), never a traceback, and the page goes on.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import streamlit as st

from playground import exercises
from playground.app import sidebar, state
from playground.app.i18n import EN, t
from playground.app.safe import md
from playground.config import RunConfig
from playground.exercises import Criterion, Exercise
from playground.rooms import BadRoomInput, Progress, RoomClosed, RoomError, Seat, Store
from playground.rooms.safety import MAX_NAME, normalize_code

ADDRESS = ("room", "name", "seat")  # the query parameters of a seat
MAX_FAILED = 3  # failed criteria kept per check (the dashboard counts the most common)


@st.cache_resource(show_spinner=False)
def _open_store() -> Store:
    """One store per server (its connection pool is shared by every session). A failure is not
    cached: the next call tries again."""
    return Store.open(st.secrets)


def store() -> Store:
    """The server's room store; StoreUnavailable when its database cannot be reached."""
    return _open_store()


def _parts(e: RoomError) -> tuple[str, dict]:
    if isinstance(e, BadRoomInput):  # the store's own English words
        return "rooms.bad_input", {"error": md(e, 200)}
    return (e.key, e.params) if e.key in EN else ("rooms.error", {})


def message(e: RoomError) -> str:
    """A room error in the page's language."""
    key, params = _parts(e)
    return t(key, **params)


def _say(kind: str, key: str, **params: Any) -> None:
    """A message for `panel` to show once ("error" | "info" | "success"), worded when shown:
    a first run may not know the page's language yet."""
    st.session_state[state.ROOM_MESSAGE] = (kind, key, params)


def _fail(e: RoomError) -> None:
    key, params = _parts(e)
    _say("error", key, **params)


def seat() -> Seat | None:
    """This session's seat in a room, or None (the public demo: progress in the address)."""
    return st.session_state.get(state.ROOM_SEAT)


def token() -> str | None:
    s = seat()
    return None if s is None else s.token


def read_only() -> bool:
    """In a closed room: the attendee sees their results and changes nothing."""
    s = seat()
    return s is not None and s.room.closed


def call(method: str, *args: Any) -> Any:
    """`store().<method>(token, *args)` for this session's seat: its result, or None outside a
    room or when it failed (the message is shown by `panel`). A room closed meanwhile: the seat
    learns it (the page turns read-only)."""
    s = seat()
    if s is None:
        return None
    try:
        return getattr(store(), method)(s.token, *args)
    except RoomError as e:
        _fail(e)
        if isinstance(e, RoomClosed):
            with contextlib.suppress(RoomError):
                st.session_state[state.ROOM_SEAT] = store().resume(s.token)
        return None


# ---- joining and leaving ------------------------------------------------------------------------
def _seated(new: Seat) -> None:
    """Keep `new` in the session, write its address, restore its pins (or keep the session's
    pins in the room when it has none yet)."""
    st.session_state[state.ROOM_SEAT] = new
    qp = st.query_params
    for key in ADDRESS:
        qp.pop(key, None)
    if new.room.rejoin_by_name:
        qp["room"], qp["name"] = new.room.shown_code, new.name
    else:
        qp["seat"] = new.token
    st.session_state[state.ROOM_TRIED] = tuple(qp.get(k) for k in ADDRESS)
    if new.returning:
        _say("success", "room.welcome_back", name=md(new.name))
    stored: Progress | None = call("progress")
    if stored is None:
        return
    if stored.pins:
        st.session_state[state.PINS] = [
            {"name": p.name, "config": config}
            for p in stored.pins
            if (config := readable(p.config)) is not None
        ]
    elif st.session_state.get(state.PINS):
        save_pins(st.session_state[state.PINS])


def readable(stored: dict) -> RunConfig | None:
    """A stored setup (a pin's, a step's), or None if this version of the app cannot read it."""
    try:
        return RunConfig.from_dict(stored)
    except (TypeError, ValueError):
        return None


def _join(action) -> None:
    try:
        new = action(store())
    except RoomError as e:
        _fail(e)
        return
    _seated(new)


def from_address() -> None:
    """Once per distinct address, before the page draws: take the seat the address names
    (`?room=&name=` joins, `?seat=` resumes); `?room=` alone fills in the join form's code."""
    qp = st.query_params
    address = tuple(qp.get(k) for k in ADDRESS)
    if address == (None, None, None) or st.session_state.get(state.ROOM_TRIED) == address:
        return
    st.session_state[state.ROOM_TRIED] = address
    code, name, personal = address
    mine = seat()
    if mine is not None and (
        personal == mine.token or (normalize_code(code) == mine.room.code and name == mine.name)
    ):
        return
    if personal:
        _join(lambda s: s.resume(personal))
    elif code and name is not None:
        _join(lambda s: s.join(code, name))
    elif code:
        st.session_state[state.ROOM_CODE] = code[:20]


def keep_address() -> None:
    """Every page, after `from_address`: the seat's address stays in the page's address (a page
    switch drops it), so a reload on any page finds the seat again: `?room=&name=` in name mode,
    the personal link's `?seat=` otherwise (the panel says to keep that address to oneself)."""
    s = seat()
    if s is None:
        return
    if s.room.rejoin_by_name:
        wanted = {"room": s.room.shown_code, "name": s.name}
    else:
        wanted = {"seat": s.token}
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    st.session_state[state.ROOM_TRIED] = tuple(st.query_params.get(k) for k in ADDRESS)


def join_typed() -> None:
    """The join form's button: the typed code and name."""
    code = st.session_state.get(state.ROOM_CODE, "")
    name = st.session_state.get(state.ROOM_NAME, "")
    _join(lambda s: s.join(code, name))
    if seat() is not None:  # the room's first exercise
        st.session_state[state.EX_SELECTED] = room_exercises()[0].id


def leave() -> None:
    """Leave the room: the seat, its address and its progress leave this session (the room
    keeps them; joining again brings them back)."""
    for key in (state.ROOM_SEAT, state.ROOM_LOADED, state.ROOM_APPLIED, state.EX_PROGRESS):
        st.session_state.pop(key, None)
    st.session_state[state.PINS] = []
    st.session_state[state.LOCKED] = set()
    for key in ADDRESS:
        st.query_params.pop(key, None)
    st.session_state[state.ROOM_TRIED] = (None, None, None)


def panel() -> None:
    """The exercises page's room panel: where the attendee is (and Leave), else the join form;
    and the last room message."""
    if said := st.session_state.pop(state.ROOM_MESSAGE, None):
        kind, key, params = said
        getattr(st, kind)(t(key, **params), icon=":material/meeting_room:")
    s = seat()
    if s is not None:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(
            t("room.in", title=md(s.room.title), code=s.room.shown_code, name=md(s.name))
            + "  \n"
            + (t("room.closed_note") if s.room.closed else t("room.saved"))
        )
        right.button(
            t("room.leave"), key=state.ROOM_LEAVE, on_click=leave, icon=":material/logout:"
        )
        if not s.room.rejoin_by_name:
            st.caption(t("room.personal"))
            page = (st.context.url or "").split("?")[0]
            st.code(f"{page}?seat={s.token}", language=None)
        return
    opened = "room" in st.query_params  # the instructor's link: the code is filled in
    with st.expander(t("room.join_title"), icon=":material/groups:", expanded=opened):
        st.caption(t("room.join_text"))
        with st.form("room_form", border=False):
            st.text_input(
                t("room.code"), key=state.ROOM_CODE, max_chars=20, help=t("room.code.help")
            )
            st.text_input(
                t("room.name"), key=state.ROOM_NAME, max_chars=MAX_NAME, help=t("room.name.help")
            )
            st.form_submit_button(
                t("room.join"), on_click=join_typed, type="primary", key=state.ROOM_JOIN
            )


def flush() -> None:
    """At the end of a page: a message from this run's own writes (after `panel` was drawn),
    as a toast."""
    if said := st.session_state.pop(state.ROOM_MESSAGE, None):
        kind, key, params = said
        st.toast(t(key, **params), icon=":material/error:" if kind == "error" else None)


# ---- what a room changes on the exercises page -------------------------------------------------
def room_exercises() -> list[Exercise]:
    """The exercises shown: the room's, in its order; all of them outside a room."""
    s = seat()
    if s is None:
        return list(exercises.EXERCISES)
    return [exercises.BY_ID[i] for i in s.room.exercise_ids if i in exercises.BY_ID]


def room_locks(ex: Exercise) -> tuple[set[str], RunConfig]:
    """The controls the room locks in `ex` (every locked one the exercise does not need) and the
    setup they are locked at: the exercise's start, with the room's own values where it set one."""
    s = seat()
    locks = {} if s is None else s.room.locks
    names = set(locks) - set(ex.controls)
    values = {k: v for k, v in locks.items() if k in names and v is not None}
    start = ex.start
    if values:
        d = start.to_dict()
        width = values.pop("width", start.width or sidebar.DEFAULTS["width"])
        depth = values.pop("depth", start.depth)
        d.update(values, hidden=[width] * depth)
        # the store checked each value; a combination it cannot make keeps the start
        with contextlib.suppress(ValueError):
            start = RunConfig.from_dict(d)
    return names, start


def record_check(ex: Exercise, step: int, criteria: list[Criterion], config: RunConfig) -> None:
    """One check of step `step` in the room: passed (with the setup that passed it when a next
    step starts from it), or which criteria failed and which controls the attendee had changed
    from the start (the dashboard's "common mistakes")."""
    if seat() is None:
        return
    failed = [c for c in criteria if not c.passed][:MAX_FAILED]
    failure, reached = None, None
    if not failed and step + 1 < len(ex.steps):
        reached = config.to_dict()
    if failed:
        failure = {
            "failed": [{"key": c.key, "params": json.loads(json.dumps(c.params, default=str))}
                       for c in failed],
            "changed": list(exercises.changed_controls(ex.start, config)),
        }  # fmt: skip
    call("record_attempt", ex.id, step, failure, reached)


def save_pins(items: list[dict]) -> None:
    """The session's pinned setups, saved in the room (nothing outside a room)."""
    call("save_pins", [{"name": p["name"], "config": p["config"].to_dict()} for p in items])
