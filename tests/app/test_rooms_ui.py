"""Workshop rooms in the app (AppTest), on SQLite and on PostgreSQL: joining by form or address,
progress that comes back in a new session, the room's exercises, order and locks, pins kept in
the room, clear messages (en + ko) for bad, expired and closed rooms and refused names, names
shown as text, and the instructor page behind its key (create, watch, close)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from playground import exercises
from playground.app import i18n, state
from playground.app.safe import md
from playground.rooms import Store, db
from playground.rooms.safety import MAX_NAME, format_code
from tests.unit.rooms_support import BACKENDS, database

REPO = Path(__file__).resolve().parents[2]
KEY = "a-long-instructor-key-0123"
SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from playground.app import pins, room, sidebar
from playground.config import RunConfig



def main():
    room.from_address()  # as the router does on every page
    room.keep_address()
    if "preload" in st.session_state:
        sidebar.load_config(RunConfig.from_json(st.session_state.pop("preload")))
    page = st.session_state.get("page", "exercises")
    if page == "exercises":
        from playground.app.pages.exercises import render
        render()
    elif page == "instructor":
        from playground.app.pages.instructor import render
        render()
    else:  # "pin": the Pin button of the current setup
        pins.pin_button(sidebar.render())


# AppTest leaves this file as the process's __main__: a worker process that another test spawns
# re-runs it as "__mp_main__", where it must do nothing.
if __name__ == "__main__":
    main()
"""
EN, KO = i18n.catalogue("rooms", "en"), i18n.catalogue("rooms", "ko")
CAT = {"en": EN, "ko": KO}
EX_EN = i18n.catalogue("exercises", "en")
ROOM_EX = ("circles_nodes", "normalizer")  # the room's order (not the app's)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path, monkeypatch) -> Store:
    """The app's room database (PLAYGROUND_DB) on each backend, and a store on it for the test."""
    monkeypatch.delenv(db.DB_SETTING, raising=False)
    monkeypatch.delenv("PLAYGROUND_INSTRUCTOR_KEY", raising=False)
    with database(request.param, tmp_path) as url:
        monkeypatch.setenv(db.DB_SETTING, url)
        s = Store.open()
        yield s
        s.engine.dispose()


@pytest.fixture
def code(store) -> str:
    return store.create_room("Tuesday <b>workshop</b>", ROOM_EX).code


def app(page: str = "exercises", lang: str = "en", query: dict | None = None, **kw) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=90)
    at.session_state["page"] = page
    at.session_state["lang"] = lang
    for key, value in kw.items():
        at.session_state[key] = value
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def join(at: AppTest, code: str, name: str) -> AppTest:
    at.run()
    at.text_input(key=state.ROOM_CODE).input(code)
    at.text_input(key=state.ROOM_NAME).input(name)
    return at.button(key=state.ROOM_JOIN).click().run()


def check(at: AppTest, config) -> AppTest:
    at.session_state["preload"] = config.to_json()
    at.run()
    return at.button(key=state.EX_CHECK).click().run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


# ---- joining ------------------------------------------------------------------------------------
def test_joining_shows_the_rooms_exercises_in_its_order_and_writes_the_address(store, code):
    at = join(app(), format_code(code).lower(), "  Ann  ")
    assert not at.exception and not errors(at)
    seat = at.session_state[state.ROOM_SEAT]
    assert (seat.name, seat.room.code) == ("Ann", code)
    assert (at.query_params["room"], at.query_params["name"]) == (format_code(code), "Ann")
    assert at.selectbox(key=state.EX_CURRENT).options == [
        f"{'⑥'} {EX_EN['ex.circles_nodes.title']}",
        f"{'①'} {EX_EN['ex.normalizer.title']}",
    ]
    assert at.selectbox(key=state.EX_CURRENT).value == "circles_nodes"
    assert len(at.dataframe[0].value) == 2  # the progress table: the room's exercises only
    title = md("Tuesday <b>workshop</b>")  # the instructor's words, shown as text
    shown = EN["room.in"].format(title=title, code=format_code(code), name="Ann")
    assert any(m.value.startswith(shown) for m in at.markdown)
    assert store.dashboard(code).attendees[0].name == "Ann"


def test_the_address_joins_again_after_a_reload_and_the_progress_comes_back(store, code):
    ex = exercises.get("circles_nodes")
    at = join(app(), code, "Ann")
    check(at, ex.start)  # a wrong fix first: too few nodes
    check(at, ex.solution[0])
    assert not at.exception
    assert EX_EN["ex.solved"] in [s.value for s in at.success]
    assert at.selectbox(key=state.EX_CURRENT).options[0].startswith("✓")  # at once
    d = store.dashboard(code)
    assert (d.exercises[0].started, d.exercises[0].solved) == (1, 1)
    assert d.attendees[0].attempts == 2
    (fix, n), *_ = d.exercises[0].wrong_fixes
    assert n == 1 and [f["key"] for f in fix["failed"]] and fix["changed"] == []
    assert "done" not in at.query_params  # in a room, the room keeps the progress

    fresh = app(query={k: at.query_params[k] for k in ("room", "name")}).run()  # a reload
    assert not fresh.exception
    assert fresh.session_state[state.ROOM_SEAT].returning
    assert EN["room.welcome_back"].format(name="Ann") in [s.value for s in fresh.success]
    p = fresh.session_state[state.EX_PROGRESS][ex.id]
    assert (p["step"], p["attempts"]) == (1, 2)
    assert fresh.selectbox(key=state.EX_CURRENT).options[0].startswith("✓")
    assert store.dashboard(code).exercises[0].solved == 1  # not counted twice
    assert len(store.dashboard(code).attendees) == 1  # the same attendee


def test_an_attendee_sees_only_their_own_progress(store, code):
    ex = exercises.get("circles_nodes")
    check(join(app(), code, "Ann"), ex.solution[0])
    bo = app(query={"room": format_code(code)}).run()  # the instructor's link: code filled in
    assert bo.text_input(key=state.ROOM_CODE).value == format_code(code)
    bo = join(bo, format_code(code), "Bo")
    assert bo.session_state[state.EX_PROGRESS][ex.id]["step"] == 0  # Ann's solve is not Bo's
    assert not bo.selectbox(key=state.EX_CURRENT).options[0].startswith("✓")
    assert "Ann" not in " ".join(m.value for m in bo.markdown)
    assert [a.solved for a in store.dashboard(code).attendees] == [1, 0]


def test_quiz_and_prediction_are_kept_in_the_room(store, code):
    ex = exercises.get("normalizer")
    at = join(app(), code, "Bo")
    at.session_state[state.EX_SELECTED] = ex.id
    at.run()
    at.radio(key=state.ex_predict(ex.id)).set_value(1).run()
    check(at, ex.solution[0])
    wrong = (ex.answer + 1) % ex.quiz
    at.radio(key=state.ex_quiz(ex.id)).set_value(wrong).run()
    assert not at.exception
    stored = store.dashboard(code).exercises[1]
    assert stored.solved == 1 and stored.wrong_quiz == ((wrong, 1),)
    fresh = app(query={"room": code, "name": "bo"}, **{state.EX_SELECTED: ex.id}).run()
    radio = fresh.radio(key=state.ex_quiz(ex.id))
    assert radio.disabled and radio.value == wrong  # answered once, also after a reload
    assert fresh.session_state[state.EX_PROGRESS][ex.id]["prediction"] == 1


def test_step_two_starts_from_the_setup_that_passed_step_one_after_a_reload(store):
    """vanish_fix's step 2 asks for one change from the setup that passed step 1: a reload (or
    another device) still knows that setup, so the right one change solves it."""
    ex = exercises.get("vanish_fix")
    code = store.create_room("Two steps", [ex.id]).code
    at = check(join(app(), code, "Kim"), ex.solution[0])
    reached = at.session_state[state.EX_PROGRESS][ex.id]["previous"]
    assert at.session_state[state.EX_PROGRESS][ex.id]["step"] == 1 and reached is not None
    fresh = app(query={"room": code, "name": "Kim"}).run()  # a reload or another device
    p = fresh.session_state[state.EX_PROGRESS][ex.id]
    assert (p["step"], p["previous"]) == (1, reached)
    load = fresh.button(key=state.EX_LOAD_REACHED)  # the sidebar of a new device lacks it
    assert load.label == EN["ex.load_reached"].format(n=1)
    load.click().run()
    shown = {k: fresh.session_state[k] for k in ("dataset", "activation", "width", "depth")}
    assert shown == {"dataset": reached.dataset, "activation": reached.activation,
                     "width": reached.width, "depth": reached.depth}  # fmt: skip
    fresh.radio(key=state.ex_predict(ex.id)).set_value(0).run()
    check(fresh, ex.solution[1])
    assert not fresh.exception
    assert EX_EN["ex.solved"] in [s.value for s in fresh.success]
    assert store.dashboard(code).exercises[0].solved == 1
    lee = store.join(code, "Lee").token  # step 1 passed before the room kept the setup (rev 3)
    store.record_attempt(lee, ex.id, 0)
    again = app(query={"room": code, "name": "Lee"}).run()
    assert again.session_state[state.EX_PROGRESS][ex.id]["step"] == 0  # step 1 once more


def test_reset_starts_the_exercise_over_in_the_room(store, code):
    ex = exercises.get("circles_nodes")
    at = join(app(), code, "Cy")
    check(at, ex.solution[0])
    at.button(key=state.ex_reset(ex.id)).click().run()
    assert store.dashboard(code).exercises[0].solved == 0
    fresh = app(query={"room": code, "name": "Cy"}).run()
    assert fresh.session_state[state.EX_PROGRESS][ex.id]["step"] == 0


def test_the_rooms_locks_apply_to_each_exercise(store):
    locks = {"scaler": None, "width": None, "epochs": 50}
    locked = store.create_room("Locks", ["circles_nodes", "xor_smallest"], locks).code
    at = app(query={"room": locked, "name": "Di"}).run()
    ex = exercises.get("circles_nodes")
    # scaler at the start's value, epochs at the room's; width is what the exercise needs: free
    assert at.session_state[state.LOCKED] == {"scaler", "epochs"}
    assert at.session_state["dataset"] == ex.start.dataset == "circles"
    assert (at.session_state["scaler"], at.session_state["epochs"]) == (ex.start.scaler, 50)
    assert at.sidebar.selectbox(key="scaler").disabled
    assert not at.sidebar.slider(key="width").disabled
    at.selectbox(key=state.EX_CURRENT).set_value("xor_smallest").run()  # the next exercise
    assert at.session_state[state.LOCKED] == set()  # xor_smallest may change every control …
    assert at.session_state["dataset"] == "circles"  # … so nothing is loaded (Load does that)


def test_pins_are_kept_in_the_room(store, code):
    at = app("pin", query={"room": code, "name": "Ed"}).run()
    assert at.session_state[state.ROOM_SEAT].name == "Ed"  # the pin page joins from the address
    at.button(key=state.PIN_BUTTON).click().run()
    fresh = app("pin", query={"room": code, "name": "Ed"}).run()
    assert [p["name"] for p in fresh.session_state[state.PINS]] == ["A"]


@pytest.mark.parametrize("strict", [False, True])
def test_a_reload_on_any_page_keeps_the_seat_and_its_pins(store, code, strict):
    """A page switch drops the query; the page puts the seat's address back (name mode: room and
    name; a personal link: its token), so a reload on that page is the same attendee."""
    if strict:
        code = store.create_room("Strict", ["normalizer"], rejoin_by_name=False).code
    at = join(app(), code, "Gil")
    address = ("seat",) if strict else ("room", "name")
    for key in address:
        del at.query_params[key]
    at.session_state["page"] = "pin"  # e.g. the playground
    at.run()
    seat = at.session_state[state.ROOM_SEAT]
    kept = {"seat": seat.token} if strict else {"room": format_code(code), "name": "Gil"}
    assert {k: at.query_params.get(k) for k in address} == kept
    at.button(key=state.PIN_BUTTON).click().run()
    reload = app("pin", query={k: at.query_params[k] for k in at.query_params}).run()
    assert not reload.exception and not errors(reload)
    assert reload.session_state[state.ROOM_SEAT].name == "Gil"
    assert [p["name"] for p in reload.session_state[state.PINS]] == ["A"]
    assert len(store.dashboard(code).attendees) == 1


def test_a_reload_elsewhere_keeps_the_setup_worked_on_and_the_rooms_locks(store):
    """Back on the exercises page after a reload on the playground, the attendee's setup (kept
    by the address) stays; only the locked controls are set to the room's values."""
    ex = exercises.get("circles_nodes")
    code = store.create_room("Locks", [ex.id], {"epochs": 50, "scaler": None}).code
    join(app(), code, "Uma")
    query = {"room": code, "name": "Uma", "width": "3", "epochs": "200"}  # epochs: a stale value
    reload = app("pin", query=query).run()  # a reload on the playground
    assert reload.session_state["width"] == 3
    for key in ("width", "epochs"):  # a page switch drops the query
        del reload.query_params[key]
    reload.session_state["page"] = "exercises"
    reload.run()
    assert not reload.exception
    assert reload.session_state["width"] == 3  # the attendee's setup
    assert reload.session_state[state.LOCKED] == {"epochs", "scaler"}
    assert (reload.session_state["epochs"], reload.session_state["scaler"]) == (50, ex.start.scaler)
    assert state.EX_UNLOCK not in [b.key for b in reload.button]  # the room's locks hold
    reload.button(key=state.EX_LOAD).click().run()  # the start, with the room's locked values
    assert (reload.session_state["width"], reload.session_state["epochs"]) == (1, 50)


def test_leaving_forgets_the_seat_and_the_address(store, code):
    at = join(app(), code, "Fay")
    at.button(key=state.ROOM_LEAVE).click().run()
    assert state.ROOM_SEAT not in at.session_state
    assert "room" not in at.query_params and "name" not in at.query_params
    assert len(at.selectbox(key=state.EX_CURRENT).options) == len(exercises.EXERCISES)


# ---- every refusal, in both languages -----------------------------------------------------------
def _expired(store: Store) -> str:
    past = Store(store.engine, clock=lambda: store.now() - timedelta(days=3))
    return past.create_room("Old", ["normalizer"], days=1).code


def _closed(store: Store) -> str:
    code = store.create_room("Done", ["normalizer"]).code
    store.close_room(code)
    return code


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda s: "7K3M-Q9XA-W2HD", "rooms.unknown_code"),
        (lambda s: "not a code", "rooms.unknown_code"),
        (_expired, "rooms.expired"),
        (_closed, "rooms.closed"),
    ],
)
def test_a_bad_expired_or_closed_code_gets_a_clear_message(store, make, key, lang):
    at = join(app(lang=lang), make(store), "Gus")
    assert not at.exception
    assert errors(at) == [CAT[lang][key]]
    assert state.ROOM_SEAT not in at.session_state


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_names_are_refused_with_a_reason(store, code, lang):
    long = "x" * (MAX_NAME + 20)  # the field stops at 40 characters; the address does not
    at = app(lang=lang, query={"room": code, "name": long}).run()
    assert errors(at) == [CAT[lang]["rooms.name_too_long"].format(max=MAX_NAME, n=len(long))]
    at = join(app(lang=lang), code, "   ")
    assert errors(at) == [CAT[lang]["rooms.name_empty"]]
    at = app(lang=lang, query={"room": code, "name": "a\tb"}).run()
    assert errors(at) == [CAT[lang]["rooms.name_control"]]
    assert store.dashboard(code).attendees == ()


def test_a_name_with_html_or_markdown_is_shown_as_text(store, code):
    name = "<script>x</script>**b**[l](http://e.x)"  # 38 characters
    at = join(app(), code, name)
    seat = at.session_state[state.ROOM_SEAT]
    assert seat.name == name  # kept as typed …
    line = next(m.value for m in at.markdown if m.value.startswith("Room **"))
    assert f"**{md(name)}**" in line  # … and shown escaped: no tag, no bold, no link
    assert "<script>" not in line and "](" not in line


def test_a_name_taken_in_a_strict_room_and_the_personal_link(store):
    strict = store.create_room("Strict", ["normalizer"], rejoin_by_name=False).code
    at = join(app(), strict, "Hal")
    token = at.session_state[state.ROOM_SEAT].token
    assert at.query_params["seat"] == token and "name" not in at.query_params
    other = join(app(lang="ko"), strict, "HAL")
    assert errors(other) == [KO["rooms.name_taken"]]
    again = app(query={"seat": token}).run()  # the personal link resumes the seat
    assert again.session_state[state.ROOM_SEAT].name == "Hal"


def test_an_unreachable_database_is_a_message_not_a_traceback(monkeypatch):
    monkeypatch.setenv(db.DB_SETTING, "postgresql://nobody:x@127.0.0.1:9/none?connect_timeout=2")
    at = join(app(), "7K3M-Q9XA-W2HD", "Ivy")
    assert not at.exception
    assert errors(at) == [EN["rooms.unavailable"]]


# ---- the instructor page ------------------------------------------------------------------------
def test_without_a_key_the_instructor_page_is_shut(store):
    at = app("instructor").run()
    assert [i.value for i in at.info] == [EN["ins.shut"]]
    assert not at.text_input


def test_a_short_key_keeps_the_page_shut(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", "short")
    assert [i.value for i in app("instructor", "ko").run().info] == [KO["ins.shut"]]


def login(key: str, lang: str = "en") -> AppTest:
    at = app("instructor", lang).run()
    at.text_input(key=state.INS_KEY).input(key)
    return at.button(key="ins_open").click().run()


def test_a_wrong_key_is_refused_and_forgotten(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    at = login(KEY[:-1] + "X")
    assert errors(at) == [EN["ins.wrong_key"]]
    assert not at.session_state[state.INS_OK]
    assert at.text_input(key=state.INS_KEY).value == ""  # the typed text is not kept
    assert not at.query_params


def test_the_instructor_creates_watches_and_closes_a_room(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    at = login(KEY)
    assert not at.exception and at.session_state[state.INS_OK]
    assert not at.query_params  # never in the address
    at.text_input(key=state.INS_TITLE).input("Room A")
    picks = at.multiselect(key=state.INS_EXERCISES)
    picks.select("xor_smallest").select("normalizer")
    at.multiselect(key=state.INS_LOCKS).select("scaler")
    at.button(key=state.INS_CREATE).click().run()
    assert not at.exception
    (made,) = store.rooms()
    assert made.title == "Room A" and made.exercise_ids == ("xor_smallest", "normalizer")
    assert made.locks == {"scaler": None}
    assert [c.value for c in at.code][0] == made.shown_code
    joined = [m for m in at.metric if m.label == EN["ins.joined"]]
    assert joined[0].value == "0"

    seat = store.join(made.code, "<i>Jo</i>")
    failed = {"key": "ex.c.max_nodes", "params": {"target": "3", "value": "8 × 8"}}
    store.record_attempt(seat.token, "xor_smallest", 0, {"failed": [failed], "changed": ["l2"]})
    store.record_attempt(seat.token, "xor_smallest", 0)
    store.record_solved(seat.token, "xor_smallest")
    at.run()
    assert [m.value for m in at.metric][:2] == ["1", "0"]
    table = at.dataframe[0].value
    assert list(table.iloc[:, 2]) == [1, 0]  # solved per exercise, in the room's order
    mistakes = at.dataframe[1].value  # the failed check, worded as the exercises page does
    what = EX_EN["ex.c.max_nodes"].format(target="3", value="8 × 8").replace("*", "")
    shown = EN["ins.wrong_fix"].format(failed=what, changed=i18n.EN["l2"], n=1)
    assert list(mistakes.iloc[:, 1]) == [shown]
    people = at.dataframe[-1].value
    assert list(people.iloc[:, 0]) == ["<i>Jo</i>"]  # a table cell: text

    at.checkbox(key=state.INS_SURE).check().run()
    at.button(key=state.INS_CLOSE).click().run()
    assert store.room(made.code).closed
    assert EN["ins.closed"] in [s.value for s in at.success]


def _locked(at: AppTest) -> tuple[set, dict]:
    """The locked controls and the values the sidebar holds for them."""
    names = set(at.session_state[state.LOCKED])
    return names, {k: at.session_state[k] for k in names}


@pytest.mark.parametrize(
    ("form", "link"),
    [
        ({"locks": ["scaler", "epochs"]}, "scaler,epochs"),  # at the exercise's start
        (
            {"locks": ["scaler"], "values": "epochs=50&learning_rate=0.3"},
            "scaler,epochs,learning_rate",
        ),
        ({"auto": True, "values": "?epochs=50"}, "auto"),
    ],
)
def test_the_room_form_orders_and_locks_as_an_exercise_link_does(store, monkeypatch, form, link):
    """The form's exercises come to attendees in the order picked; its locks are today's
    `lock=`: a link's own values (`&epochs=50`) lock at those values, the rest at the start."""
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    values = dict(p.split("=") for p in form.get("values", "").strip("?").split("&") if p)
    demo = app(query={"exercise": "circles_nodes", "lock": link, **values}).run()  # no room
    at = login(KEY)
    at.text_input(key=state.INS_TITLE).input("Order and locks")
    at.multiselect(key=state.INS_EXERCISES).select("spiral_small").select("circles_nodes")
    for name in form.get("locks", []):
        at.multiselect(key=state.INS_LOCKS).select(name)
    at.toggle(key=state.INS_AUTO).set_value(form.get("auto", False))
    at.text_input(key=state.INS_LOCK_VALUES).input(form.get("values", ""))
    at.button(key=state.INS_CREATE).click().run()
    assert not at.exception and not errors(at)
    (made,) = store.rooms()
    assert made.exercise_ids == ("spiral_small", "circles_nodes")
    key = "ins.locked_auto" if form.get("auto") else "ins.locked"
    shown = [c.value for c in at.caption if c.value.startswith(EN[key].split(":")[0])]
    assert len(shown) == 1 and ("Epochs = 50" in shown[0]) == ("values" in form)
    attendee = app(query={"room": made.code, "name": "Ola"}).run()
    options = attendee.selectbox(key=state.EX_CURRENT).options
    assert [o.split(" ", 1)[1] for o in options] == [
        EX_EN["ex.spiral_small.title"],
        EX_EN["ex.circles_nodes.title"],
    ]
    attendee.selectbox(key=state.EX_CURRENT).set_value("circles_nodes").run()
    assert _locked(attendee) == _locked(demo)
    assert attendee.session_state["epochs"] == (50 if "values" in form else 100)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lock_values_the_sidebar_cannot_show_are_refused(store, monkeypatch, lang):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    at = login(KEY, lang)
    at.text_input(key=state.INS_TITLE).input("Bad locks")
    at.multiselect(key=state.INS_EXERCISES).select("normalizer")
    at.text_input(key=state.INS_LOCK_VALUES).input("epochs=7&colour=red&epochs")
    at.button(key=state.INS_CREATE).click().run()
    assert not at.exception and store.rooms() == ()
    said = CAT[lang]["ins.bad_lock_values"].format(
        parts=", ".join(md(x) for x in ("epochs=7", "colour=red", "epochs"))
    )
    assert [w.value for w in at.warning] == [said]


def test_the_instructor_sets_after_how_many_minutes_someone_seems_stuck(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    made = store.create_room("Stuck", ["normalizer"])
    earlier = Store(store.engine, clock=lambda: store.now() - timedelta(minutes=10))
    earlier.join(made.code, "<b>Pia</b>")  # no progress for 10 minutes
    store.join(made.code, "Quinn")  # just joined
    at = login(KEY)

    def stuck() -> tuple[str, list[str]]:
        n = next(m.value for m in at.metric if m.label == EN["ins.stuck_n"])
        return n, [w.value for w in at.warning]

    assert at.number_input(key=state.INS_STUCK).value == 5
    assert stuck() == ("1", [EN["ins.stuck_names"].format(names=md("<b>Pia</b>"))])
    at.number_input(key=state.INS_STUCK).set_value(15).run()
    assert stuck() == ("0", [])
    at.number_input(key=state.INS_STUCK).set_value(9).run()
    assert stuck()[0] == "1"
    people = at.dataframe[-1].value
    assert list(people.iloc[:, -1]) == [EN["ins.yes"], EN["ins.no"]]


def test_the_most_common_wrong_answers_come_first(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    ex = exercises.get("normalizer")
    made = store.create_room("Quiz", [ex.id])
    one, two = (k for k in range(ex.quiz) if k != ex.answer)
    for name, answer in (("A", two), ("B", one), ("C", two), ("D", ex.answer)):
        token = store.join(made.code, name).token
        store.record_quiz(token, ex.id, answer, answer == ex.answer)
        store.record_prediction(token, ex.id, 2, name == "D")
    at = login(KEY)
    mistakes = list(at.dataframe[1].value.iloc[:, 1])
    quiz, predict = EN["ins.wrong_quiz"], EN["ins.wrong_prediction"]
    assert mistakes == [
        quiz.format(answer=EX_EN[f"ex.{ex.id}.quiz.{two}"], n=2),
        quiz.format(answer=EX_EN[f"ex.{ex.id}.quiz.{one}"], n=1),
        predict.format(answer=EX_EN[f"ex.{ex.id}.predict.2"], n=3),
    ]
    assert list(at.dataframe[0].value.iloc[:, -1]) == [1]  # quiz right: D only


def test_the_instructor_page_in_korean(store, monkeypatch):
    monkeypatch.setenv("PLAYGROUND_INSTRUCTOR_KEY", KEY)
    made = store.create_room("목요일 워크숍", ["normalizer"])
    at = login(KEY, "ko")
    assert not at.exception
    assert at.title[0].value == KO["ins.title"]
    assert [m.label for m in at.metric] == [
        KO["ins.joined"],
        KO["ins.solved_all"],
        KO["ins.stuck_n"],
    ]
    assert made.shown_code in [c.value for c in at.code]
    assert KO["ins.nobody"] in [c.value for c in at.caption]


def test_a_room_closed_while_an_attendee_works_says_so(store, code):
    ex = exercises.get("circles_nodes")
    at = join(app(lang="ko"), code, "Hana")
    store.close_room(code)
    check(at, ex.solution[0])
    assert not at.exception
    assert [x.value for x in at.toast] == [KO["rooms.closed"]]  # checked; the room refused it
    assert store.dashboard(code).exercises[0].started == 0
    at.run()  # from now on the page knows the room is closed
    assert at.button(key=state.EX_CHECK).disabled
    assert any(m.value.endswith(KO["room.closed_note"]) for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_closed_room_shows_an_attendee_their_results_read_only(store, code, lang):
    ex = exercises.get("circles_nodes")
    check(join(app(), code, "Ivo"), ex.solution[0])
    store.close_room(code)
    at = app(lang=lang, query={"room": code, "name": "Ivo"}).run()  # a reload after the close
    assert not at.exception and not errors(at)
    assert any(m.value.endswith(CAT[lang]["room.closed_note"]) for m in at.markdown)
    assert at.session_state[state.EX_PROGRESS][ex.id]["step"] == 1  # her results …
    assert at.selectbox(key=state.EX_CURRENT).options[0].startswith("✓")
    assert at.button(key=state.EX_CHECK).disabled  # … which she cannot change
    assert at.button(key=state.ex_reset(ex.id)).disabled
    at.selectbox(key=state.EX_CURRENT).set_value("normalizer").run()
    assert at.radio(key=state.ex_predict("normalizer")).disabled
    assert at.button(key=state.EX_CHECK).disabled
    newcomer = join(app(lang=lang), code, "Newcomer")  # nobody new gets in
    assert errors(newcomer) == [CAT[lang]["rooms.closed"]]
    assert [a.name for a in store.dashboard(code).attendees] == ["Ivo"]


def test_in_a_closed_room_the_pin_button_is_off_and_pins_stay_as_they_were(store, code):
    at = app("pin", query={"room": code, "name": "Pia"}).run()
    at.button(key=state.PIN_BUTTON).click().run()
    assert [p["name"] for p in at.session_state[state.PINS]] == ["A"]
    assert not at.button(key=state.PIN_BUTTON).disabled  # open room: pins
    store.close_room(code)
    at = app("pin", query={"room": code, "name": "Pia"}).run()  # a reload after the close
    assert not at.exception and not errors(at)
    assert at.button(key=state.PIN_BUTTON).disabled
    assert at.button(key=state.PIN_BUTTON).help == EN["room.closed_note"]
    assert [p["name"] for p in at.session_state[state.PINS]] == ["A"]
    assert [p.name for p in store.progress(at.session_state[state.ROOM_SEAT].token).pins] == ["A"]
