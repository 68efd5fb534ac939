"""Instructor page: behind the instructor key (app secrets or the environment, typed into a
password field and kept only in this browser session, never in the address), create a room
(title, exercises in order, locked controls), watch it live (who joined, solved counts, times,
common mistakes, who seems stuck), export its results as CSV and close it."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

import streamlit as st

from playground import config as cfg
from playground import exercises
from playground.app import links, navigation, room, state
from playground.app.i18n import t
from playground.app.layout import CIRCLED
from playground.app.safe import md
from playground.rooms import Dashboard, Room, RoomError, Store
from playground.rooms.safety import instructor_key, verify_instructor_key
from playground.rooms.store import MAX_DAYS, MAX_TITLE

REFRESH_S = 5  # the live view's refresh
WRONG_KEY_DELAY_S = 1.0  # a wrong key waits: guessing stays slow (a key has 12+ characters)
WRONG_KEY = "_ins_wrong_key"  # a flag for the next run (not a widget)
OPEN = "ins_open"  # the key form's button
WHOLE = (*cfg.INTEGER_FIELDS, "width", "depth")  # controls that take whole numbers
MESSAGE = "_ins_message"  # (kind, text) to show once after a create or close


def _ex_title(ex_id: str) -> str:
    ex = exercises.BY_ID.get(ex_id)
    return ex_id if ex is None else f"{CIRCLED[ex.point]} {t(f'ex.{ex_id}.title')}"


# ---- the key ------------------------------------------------------------------------------------
def _login() -> None:
    """The form's button: compare the typed key (constant time), then forget the typed text."""
    given = st.session_state.get(state.INS_KEY, "")
    st.session_state[state.INS_KEY] = ""
    ok = verify_instructor_key(given, instructor_key(st.secrets))
    st.session_state[state.INS_OK] = ok
    if not ok:
        time.sleep(WRONG_KEY_DELAY_S)
        st.session_state[WRONG_KEY] = True


def _logout() -> None:
    st.session_state[state.INS_OK] = False


def _key_form() -> None:
    with st.form("ins_login"):
        st.text_input(t("ins.key"), type="password", key=state.INS_KEY, help=t("ins.key.help"))
        st.form_submit_button(t("ins.open"), on_click=_login, type="primary", key=OPEN)
    if st.session_state.pop(WRONG_KEY, False):
        st.error(t("ins.wrong_key"), icon=":material/key_off:")


# ---- create a room ------------------------------------------------------------------------------
def lock_values(text: str) -> tuple[dict[str, Any], list[str]]:
    """The values of an exercise link's query, as it carries them next to `lock=` (e.g.
    `epochs=50&learning_rate=0.3`, a leading `?` allowed): control -> value, and the parts
    that are not a control with a value its sidebar widget offers."""
    values, bad = {}, []
    for part in filter(None, re.split(r"[&\s]+", text.strip().lstrip("?"))):
        key, _, raw = part.partition("=")
        value = None
        if key in exercises.CONTROLS and key in links.url_spec():
            value = links.url_value(key, raw)  # the sidebar's own reading of a link's value
        if isinstance(value, float) and value.is_integer() and key in WHOLE:
            value = int(value)
        if value is None or not cfg.control_value_ok(key, value):
            bad.append(part)
        else:
            values[key] = value
    return values, bad


def _create(store: Store) -> None:
    s = st.session_state
    ids = list(s.get(state.INS_EXERCISES) or [])
    if not ids:
        s[MESSAGE] = ("warning", t("ins.need_exercises"))
        return
    values, bad = lock_values(s.get(state.INS_LOCK_VALUES) or "")
    if bad:
        s[MESSAGE] = ("warning", t("ins.bad_lock_values", parts=", ".join(md(p) for p in bad)))
        return
    names = exercises.CONTROLS if s.get(state.INS_AUTO) else s.get(state.INS_LOCKS) or []
    try:
        new = store.create_room(
            s.get(state.INS_TITLE, ""),
            ids,
            {c: None for c in names} | values,
            days=int(s.get(state.INS_DAYS, 7)),
            rejoin_by_name=bool(s.get(state.INS_BY_NAME, True)),
        )
    except RoomError as e:
        s[MESSAGE] = ("error", room.message(e))
        return
    s[state.INS_ROOM] = new.code
    s[MESSAGE] = ("success", t("ins.created", code=new.shown_code))


def _create_form(store: Store) -> None:
    with st.expander(t("ins.create"), icon=":material/add_circle:"), st.form("ins_create_form"):
        st.text_input(t("ins.room_title"), key=state.INS_TITLE, max_chars=MAX_TITLE,
                      help=t("ins.room_title.help"))  # fmt: skip
        st.multiselect(t("ins.pick"), [e.id for e in exercises.EXERCISES],
                       key=state.INS_EXERCISES, format_func=_ex_title, help=t("ins.pick.help"))  # fmt: skip
        st.multiselect(t("ins.locks"), exercises.CONTROLS, key=state.INS_LOCKS, format_func=t,
                       help=t("ins.locks.help"))  # fmt: skip
        st.text_input(t("ins.lock_values"), key=state.INS_LOCK_VALUES, max_chars=400,
                      placeholder="epochs=50&learning_rate=0.3", help=t("ins.lock_values.help"))  # fmt: skip
        st.toggle(t("ins.auto"), key=state.INS_AUTO)
        left, right = st.columns(2)
        left.number_input(t("ins.days"), 1, MAX_DAYS, 7, key=state.INS_DAYS)
        right.toggle(t("ins.by_name"), True, key=state.INS_BY_NAME, help=t("ins.by_name.help"))
        st.form_submit_button(t("ins.create_btn"), on_click=_create, args=(store,),
                              type="primary", key=state.INS_CREATE)  # fmt: skip


# ---- one room -----------------------------------------------------------------------------------
def _status(r: Room) -> str:
    if r.closed:
        return t("ins.status.closed")
    return t("ins.status.expired") if r.expires_at <= datetime.now(UTC) else t("ins.status.open")


def _when(d: datetime) -> str:
    return d.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    m, s = divmod(round(seconds), 60)
    return t("ins.minutes", m=m, s=s) if m else t("ins.seconds", s=s)


def _mistakes(d: Dashboard) -> list[dict]:
    """Most common wrong quiz answers, wrong predictions and failed checks, as table rows."""
    rows = []
    col_ex, col_what = t("ins.col.exercise"), t("ins.wrong")
    for x in d.exercises:
        ex = x.exercise_id
        for k, n in x.wrong_quiz:
            what = t("ins.wrong_quiz", answer=t(f"ex.{ex}.quiz.{k}"), n=n)
            rows.append({col_ex: _ex_title(ex), col_what: what})
        for k, n in x.wrong_predictions:
            what = t("ins.wrong_prediction", answer=t(f"ex.{ex}.predict.{k}"), n=n)
            rows.append({col_ex: _ex_title(ex), col_what: what})
        for detail, n in x.wrong_fixes:
            failed = "; ".join(_criterion(f) for f in detail.get("failed", []))
            changed = ", ".join(t(c) for c in detail.get("changed", [])) or t("ins.nothing_changed")
            what = t("ins.wrong_fix", failed=failed, changed=changed, n=n)
            rows.append({col_ex: _ex_title(ex), col_what: what})
    return rows


def _criterion(f: dict) -> str:
    """A failed criterion as the exercises page words it (its key alone if it cannot be)."""
    params = {
        k: ", ".join(t(c) for c in v) if isinstance(v, list) else v
        for k, v in (f.get("params") or {}).items()
    }
    if "status" in params:
        params["status"] = t(f"ex.run.{params['status']}")
    try:
        return t(f.get("key", ""), **params).replace("*", "")
    except (KeyError, IndexError, ValueError):
        return str(f.get("key"))


def _live_body(store: Store, code: str, stuck: float) -> None:
    try:
        d = store.dashboard(code, stuck)
        # built on each refresh (one query): Streamlit 1.67's on-click data (a callable) did not
        # download from inside this refreshing fragment
        csv = store.export_csv(code)
    except RoomError as e:
        said = room.message(e)  # in the page's language; outside values escaped
        st.error(said, icon=":material/cloud_off:")
        return
    total = len(d.room.exercise_ids)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("ins.joined"), len(d.attendees))
    c2.metric(t("ins.solved_all"), sum(a.solved == total for a in d.attendees))
    c3.metric(t("ins.stuck_n"), len(d.stuck))
    if d.stuck:
        names = ", ".join(md(n, 40) for n in d.stuck)
        st.warning(t("ins.stuck_names", names=names), icon=":material/help:")
    st.markdown(f"**{t('ins.per_exercise')}**")
    st.dataframe(
        [
            {
                t("ins.col.exercise"): _ex_title(x.exercise_id),
                t("ins.col.started"): x.started,
                t("ins.col.solved"): x.solved,
                t("ins.col.median"): _duration(x.median_seconds),
                t("ins.col.mean"): _duration(x.mean_seconds),
                t("ins.col.quiz_right"): x.quiz_right,
            }
            for x in d.exercises
        ],
        hide_index=True,
        width="stretch",
        key="ins_table_exercises",
    )
    st.markdown(f"**{t('ins.wrong')}**")
    mistakes = _mistakes(d)
    if mistakes:
        st.dataframe(mistakes, hide_index=True, width="stretch", key="ins_table_mistakes")
    else:
        st.caption(t("ins.wrong_none"))
    st.markdown(f"**{t('ins.attendees')}**")
    if not d.attendees:
        st.caption(t("ins.nobody"))
    else:
        st.dataframe(
            [
                {
                    t("ins.col.name"): a.name,  # a table cell: shown as text, never Markdown
                    t("ins.col.joined"): _when(a.joined_at),
                    t("ins.col.last"): _when(a.last_progress_at),
                    t("ins.col.solved"): f"{a.solved} / {total}",
                    t("ins.col.checks"): a.attempts,
                    t("ins.col.stuck"): t("ins.yes") if a.stuck else t("ins.no"),
                }
                for a in d.attendees
            ],
            hide_index=True,
            width="stretch",
            key="ins_table_attendees",
        )
    st.download_button(t("ins.export"), csv, file_name=f"room-{code}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore", key="ins_export")  # fmt: skip


@st.fragment(run_every=REFRESH_S)
def _live(store: Store, code: str, stuck: float) -> None:
    """The room as it is now, redrawn every REFRESH_S seconds (only this part of the page)."""
    st.caption(t("ins.live", s=REFRESH_S))
    _live_body(store, code, stuck)


def _close(store: Store, code: str) -> None:
    try:
        store.close_room(code)
        st.session_state[MESSAGE] = ("success", t("ins.closed"))
    except RoomError as e:
        st.session_state[MESSAGE] = ("error", room.message(e))


def locks_text(r: Room) -> str | None:
    """The room's locked controls as the instructor set them (None: no locks)."""
    if not r.locks:
        return None
    order = sorted(r.locks, key=lambda c: exercises.CONTROLS.index(c))
    at = lambda c, v: t("ins.at_start") if v is None else md(links.url_text(c, v))  # noqa: E731
    if set(order) >= set(exercises.CONTROLS):  # lock=auto
        valued = [f"{t(c)} = {at(c, r.locks[c])}" for c in order if r.locks[c] is not None]
        return t("ins.locked_auto", values=", ".join(valued) or "—")
    return t("ins.locked", locks=", ".join(f"{t(c)} = {at(c, r.locks[c])}" for c in order))


def _room_view(store: Store, r: Room) -> None:
    st.subheader(md(r.title, 120))
    st.code(r.shown_code, language=None)
    st.caption(t("ins.share"))
    page = navigation.info(navigation.EXERCISES).url_path
    base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
    st.code(f"{base}/{page}?room={r.shown_code}", language=None)
    if locked := locks_text(r):
        st.caption(locked)
    if r.closed:
        st.caption(t("ins.closed_at", date=_when(r.closed_at)))
    else:
        st.caption(t("ins.expires", date=_when(r.expires_at)))
    stuck = st.number_input(t("ins.stuck"), 1, 240, 5, key=state.INS_STUCK)
    _live(store, r.code, float(stuck))
    if not r.closed:
        with st.expander(t("ins.close"), icon=":material/lock:"):
            sure = st.checkbox(t("ins.sure"), key=state.INS_SURE)
            st.button(t("ins.close"), key=state.INS_CLOSE, disabled=not sure, on_click=_close,
                      args=(store, r.code), icon=":material/lock:")  # fmt: skip


def render() -> None:
    st.title(t("ins.title"))
    if instructor_key(st.secrets) is None:
        st.info(t("ins.shut"), icon=":material/lock:")
        return
    if not st.session_state.get(state.INS_OK):
        _key_form()
        return
    st.button(t("ins.logout"), key=state.INS_LOGOUT, on_click=_logout, icon=":material/lock:")
    if said := st.session_state.pop(MESSAGE, None):
        getattr(st, said[0])(said[1])
    try:
        store = room.store()
        _create_form(store)
        rooms = {r.code: r for r in store.rooms()}
    except RoomError as e:
        said = room.message(e)  # in the page's language; outside values escaped
        st.error(said, icon=":material/cloud_off:")
        return
    if not rooms:
        st.info(t("ins.no_rooms"))
        return
    if st.session_state.get(state.INS_ROOM) not in rooms:
        st.session_state[state.INS_ROOM] = next(iter(rooms))
    code = st.selectbox(
        t("ins.rooms"),
        list(rooms),
        key=state.INS_ROOM,
        format_func=lambda c: t(
            "ins.room_label",
            title=rooms[c].title,  # an option: plain text, not Markdown
            code=rooms[c].shown_code,
            status=_status(rooms[c]),
        ),
    )
    _room_view(store, rooms[code])
