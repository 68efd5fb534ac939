"""The room store on SQLite and on PostgreSQL: room codes and their errors, seats, progress that
comes back, attendee isolation, closed rooms, and writes from many threads at once."""

from __future__ import annotations

import inspect
import threading
from datetime import timedelta

import pytest
import rooms_support
from rooms_support import EX

from playground.config import RunConfig
from playground.rooms import (
    BadRoomInput,
    NameRejected,
    NameTaken,
    NotJoined,
    Pin,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    Store,
    db,
    progress,
)
from playground.rooms.progress import ProgressMixin
from playground.rooms.safety import token_hash
from playground.rooms.store import MAX_DEVICES

# the shared fixtures: a store on each backend (SQLite; PostgreSQL when configured), its clock
clock, store, room = rooms_support.clock, rooms_support.store, rooms_support.room
pg_migrated = rooms_support.pg_migrated
FAIL = {"criterion": "test_acc", "codes": ["exploding"]}
CONFIG = RunConfig(dataset="circles", hidden=(4, 4), learning_rate=0.1).to_dict()


# ---- rooms and their codes ----------------------------------------------------------------------
def test_room_found_by_code_as_typed(store, room):
    assert store.get_room(room.shown_code.lower().replace("-", " ")) == room
    assert room.exercise_ids == EX and room.locks == {"scaler": "standard", "loss": None}
    assert room.expires_at - room.created_at == timedelta(days=7)


def test_rooms_listed_newest_first(store, room, clock):
    clock.advance(60)
    newer = store.create_room("Afternoon", ("zero_init",))
    store.close_room(room.code)
    assert [r.title for r in store.rooms()] == ["Afternoon", "Workshop"]
    assert store.rooms()[1].closed and store.rooms(limit=1) == (newer,)


@pytest.mark.parametrize("typed", ["", "hello", "0000-0000-0000", None, "'; DROP TABLE rooms;--"])
def test_bad_code_says_so(store, room, typed):
    with pytest.raises(RoomNotFound) as e:
        store.get_room(typed)
    assert e.value.key == "rooms.unknown_code" and "No room has this code" in str(e.value)
    with pytest.raises(RoomNotFound):
        store.join(typed, "Ann")
    assert store.get_room(room.code) == room  # the injection attempt left the table alone


def test_expired_room(store, room, clock):
    clock.advance(7 * 86400 - 1)
    store.join(room.code, "Ann")
    clock.advance(1)
    with pytest.raises(RoomExpired) as e:
        store.get_room(room.code)
    assert e.value.key == "rooms.expired" and "expired" in str(e.value)
    with pytest.raises(RoomExpired):
        store.join(room.code, "Bob")
    assert [a.name for a in store.dashboard(room.code).attendees] == ["Ann"]  # still readable


@pytest.mark.parametrize(
    ("title", "ids", "locks", "days"),
    [
        ("", EX, {}, 7),
        ("line\nbreak", EX, {}, 7),
        ("T" * 81, EX, {}, 7),
        ("Room", (), {}, 7),
        ("Room", ("normalizer", "no_such_exercise"), {}, 7),
        ("Room", ("normalizer", "normalizer"), {}, 7),
        ("Room", EX, {"no_such_control": 1}, 7),
        ("Room", EX, {"scaler": "no_such_scaler"}, 7),
        ("Room", EX, {"learning_rate": -1.0}, 7),
        ("Room", EX, {}, 0),
        ("Room", EX, {}, 91),
    ],
)
def test_bad_room_refused(store, title, ids, locks, days):
    with pytest.raises(BadRoomInput):
        store.create_room(title, ids, locks, days=days)


# ---- closed rooms -------------------------------------------------------------------------------
def test_closed_room_is_read_only(store, room):
    ann = store.join(room.code, "Ann")
    store.record_attempt(ann.token, "normalizer", 0)
    store.save_pins(ann.token, [Pin("A", CONFIG)])
    before, csv_before = store.progress(ann.token), store.export_csv(room.code)
    closed = store.close_room(room.code)
    assert closed.closed and closed.code == room.code
    writes = [
        lambda: store.join(room.code, "Bob"),
        lambda: store.join(room.code, "Ann"),
        lambda: store.record_attempt(ann.token, "normalizer", 1),
        lambda: store.record_attempt(ann.token, "normalizer", 1, FAIL),
        lambda: store.record_solved(ann.token, "normalizer"),
        lambda: store.record_quiz(ann.token, "normalizer", 0, True),
        lambda: store.record_prediction(ann.token, "normalizer", 1, True),
        lambda: store.save_pins(ann.token, []),
        lambda: store.reset_exercise(ann.token, "normalizer"),
        lambda: store.close_room(room.code),
    ]
    for write in writes:
        with pytest.raises(RoomClosed) as e:
            write()
        assert e.value.key == "rooms.closed" and "read but no longer changed" in str(e.value)
    with pytest.raises(RoomClosed):
        store.get_room(room.code)
    assert store.progress(ann.token) == before
    assert store.export_csv(room.code) == csv_before
    assert store.resume(ann.token).room.closed
    assert store.dashboard(room.code).room.closed


# ---- seats --------------------------------------------------------------------------------------
def test_same_name_is_the_same_attendee(store, room):
    laptop = store.join(room.code, " Ann  Lee ")
    store.record_attempt(laptop.token, "normalizer", 0)
    phone = store.join(room.code, "ANN LEE")  # another device, or after a restart
    assert (laptop.returning, phone.returning) == (False, True)
    assert phone.name == "Ann Lee" and phone.token != laptop.token
    assert store.progress(phone.token) == store.progress(laptop.token)
    assert store.progress(phone.token).exercises["normalizer"].step == 1
    again = store.join(room.code, "ann lee", laptop.token)  # a reload with its token
    assert again.token == laptop.token
    assert [a.name for a in store.dashboard(room.code).attendees] == ["Ann Lee"]


def test_names_are_text(store, room):
    seat = store.join(room.code, "<script>alert('x')</script>")
    assert seat.name == "<script>alert('x')</script>"
    assert store.resume(seat.token).name == seat.name
    assert store.dashboard(room.code).attendees[0].name == seat.name
    for bad in ("A" * 41, "Ann\nLee", "\u202eAnn", ""):
        with pytest.raises(NameRejected):
            store.join(room.code, bad)


def test_room_that_asks_for_the_personal_link(store):
    strict = store.create_room("Exam", EX, rejoin_by_name=False)
    ann = store.join(strict.code, "Ann")
    with pytest.raises(NameTaken) as e:
        store.join(strict.code, "ann")
    assert e.value.key == "rooms.name_taken"
    bob = store.join(strict.code, "Bob")
    with pytest.raises(NameTaken):
        store.join(strict.code, "Ann", bob.token)  # Bob's token does not prove Ann
    assert store.join(strict.code, "Ann", ann.token).token == ann.token


def test_token_is_secret_and_only_its_hash_is_stored(store, room):
    seat = store.join(room.code, "Ann")
    assert len(seat.token) >= 43 and seat.token not in repr(seat)
    with store.engine.connect() as c:
        stored = [r[0] for r in c.exec_driver_sql("SELECT token_hash FROM attendee_tokens")]
    assert stored == [token_hash(seat.token)] and seat.token not in stored


def test_tokens_and_sql_never_logged(store, room, caplog):
    with caplog.at_level("DEBUG", logger="sqlalchemy.engine"):
        store.engine.echo = True  # parameters logged: the hash may show, never the token
        seat = store.join(room.code, "Ann")
        store.record_attempt(seat.token, "normalizer", 0)
        store.progress(seat.token)
        store.engine.echo = False
    assert token_hash(seat.token)[:10] in caplog.text  # the log did capture the parameters
    assert seat.token not in caplog.text


# ---- attendee isolation -------------------------------------------------------------------------
def _fill(store, token, quiz, pin):
    store.record_attempt(token, "normalizer", 0, FAIL)
    store.record_attempt(token, "normalizer", 0)
    store.record_solved(token, "normalizer")
    store.record_quiz(token, "normalizer", quiz, quiz == 0)
    store.record_prediction(token, "zero_init", quiz, True)
    store.save_pins(token, [Pin(pin, CONFIG)])


def test_attendee_sees_only_their_own_data(store, room):
    ann = store.join(room.code, "Ann")
    bob = store.join(room.code, "Bob")
    _fill(store, ann.token, quiz=2, pin="Ann's pin")
    bob_view = store.progress(bob.token)
    assert bob_view.done == () and bob_view.quiz == {} and bob_view.pins == ()
    assert all(p.attempts == 0 and p.prediction is None for p in bob_view.exercises.values())
    # every attendee-facing call, made with Bob's token, returns Bob's data only
    results = [
        store.resume(bob.token),
        store.record_attempt(bob.token, "normalizer", 0, FAIL),
        store.record_solved(bob.token, "mse_ce"),
        store.record_quiz(bob.token, "normalizer", 1, False),
        store.record_prediction(bob.token, "zero_init", 0, False),
        store.save_pins(bob.token, [Pin("Bob's pin", CONFIG)]),
        store.reset_exercise(bob.token, "mse_ce"),
        store.progress(bob.token),
    ]
    text = repr(results)
    assert "Ann" not in text and "quiz=2" not in text and "attempts=2" not in text
    assert results[3].quiz == 1 and results[1].attempts == 1
    ann_view = store.progress(ann.token)  # and Ann's data is untouched by Bob's writes
    assert ann_view.quiz == {"normalizer": 2} and ann_view.pins == (Pin("Ann's pin", CONFIG),)
    assert ann_view.exercises["normalizer"].attempts == 2
    assert ann_view.exercises["zero_init"].prediction == 2


def test_attendee_calls_take_a_token_and_nothing_that_names_someone(store):
    for name, fn in inspect.getmembers(ProgressMixin, inspect.isfunction):
        if not name.startswith("_"):
            params = list(inspect.signature(fn).parameters)
            assert params[1] == "token", name
            assert not {"name", "attendee", "attendee_id", "code"} & set(params), name


@pytest.mark.parametrize("token", [None, "", "x", "x" * 43, "x" * 1000, 12345])
def test_unknown_token(store, room, token):
    ann = store.join(room.code, "Ann")
    for call in (
        lambda: store.progress(token),
        lambda: store.resume(token),
        lambda: store.record_attempt(token, "normalizer", 0),
        lambda: store.save_pins(token, []),
    ):
        with pytest.raises(NotJoined) as e:
            call()
        assert e.value.key == "rooms.not_joined"
    with pytest.raises(NotJoined):
        store.progress(token_hash(ann.token))  # the stored hash is no token


def test_a_token_reaches_only_its_own_room(store, room):
    other = store.create_room("Other", ("zero_init",))
    ann = store.join(other.code, "Ann")
    with pytest.raises(BadRoomInput):
        store.record_attempt(ann.token, "normalizer", 0)  # not an exercise of Ann's room
    assert store.dashboard(room.code).attendees == ()


# ---- progress that comes back -------------------------------------------------------------------
def test_progress_restores_what_the_pages_need(store, room, clock):
    ann = store.join(room.code, "Ann")
    clock.advance(30)
    store.record_attempt(ann.token, "normalizer", 0, FAIL)
    clock.advance(60)
    store.record_attempt(ann.token, "normalizer", 0)
    assert store.record_prediction(ann.token, "normalizer", 1).prediction_right is None
    store.record_prediction(ann.token, "normalizer", 1, True)
    store.record_prediction(ann.token, "normalizer", 2, False)  # made once: ignored
    clock.advance(30)
    store.record_attempt(ann.token, "normalizer", 1)
    assert store.record_quiz(ann.token, "normalizer", 2, False).quiz == 2
    assert store.record_quiz(ann.token, "normalizer", 0, True).quiz == 2  # answered once
    solved = store.record_solved(ann.token, "normalizer")
    clock.advance(500)
    assert store.record_solved(ann.token, "normalizer") == solved  # the first solve counts
    pins = [Pin("B", CONFIG), Pin("A", {"dataset": "xor"})]
    store.save_pins(ann.token, pins)
    # a server restart: a new engine and store on the same database
    url = store.engine.url.render_as_string(hide_password=False)
    restarted = Store(db.make_engine(url), clock=clock)
    got = restarted.progress(store.join(room.code, "ann").token)
    restarted.engine.dispose()
    p = got.exercises["normalizer"]
    assert (p.step, p.attempts, p.solved, p.seconds) == (2, 3, True, 90.0)  # from 1st check
    assert (p.quiz, p.quiz_right, p.prediction, p.prediction_right) == (2, False, 1, True)
    assert got.done == ("normalizer",) and got.quiz == {"normalizer": 2}
    assert list(got.exercises) == list(EX)
    assert [x.name for x in got.pins] == ["B", "A"]
    assert got.pins[0].config["hidden"] == [4, 4] and got.pins[0].config["learning_rate"] == 0.1
    assert got.pins[1].config["dataset"] == "xor" and got.pins[1].config["hidden"] == [8, 8]


def test_reset_starts_an_exercise_over(store, room):
    ann = store.join(room.code, "Ann")
    store.record_attempt(ann.token, "zero_init", 0)
    store.record_quiz(ann.token, "zero_init", 1, True)
    store.reset_exercise(ann.token, "zero_init")
    assert (
        store.progress(ann.token).exercises["zero_init"]
        == store.progress(ann.token).exercises["mse_ce"]
    )
    assert store.record_quiz(ann.token, "zero_init", 0, False).quiz == 0


@pytest.mark.parametrize(
    "pins",
    [
        [Pin(chr(65 + i), CONFIG) for i in range(9)],  # at most 8
        [Pin("A", CONFIG), Pin("A", CONFIG)],
        [Pin("A", {"dataset": "no_such_dataset"})],
        [Pin("A", {"secret": 1})],
        [Pin("", CONFIG)],
        [Pin("A\nB", CONFIG)],
        [{"name": "A", "config": "not a dict"}],
    ],
)
def test_bad_pins_refused(store, room, pins):
    ann = store.join(room.code, "Ann")
    with pytest.raises(BadRoomInput):
        store.save_pins(ann.token, pins)
    assert store.progress(ann.token).pins == ()


@pytest.mark.parametrize(
    ("step", "failure"),
    [
        (-1, None),
        (101, None),
        (True, None),
        ("0", None),
        (0, {"x": object()}),
        (0, {"x": "y" * 3000}),
    ],
)
def test_bad_records_refused(store, room, step, failure):
    ann = store.join(room.code, "Ann")
    with pytest.raises(BadRoomInput):
        store.record_attempt(ann.token, "normalizer", step, failure)
    with pytest.raises(BadRoomInput):
        store.record_quiz(ann.token, "normalizer", -1, True)
    assert store.progress(ann.token).exercises["normalizer"].attempts == 0


def test_a_flood_of_checks_is_counted_but_not_logged(store, room, monkeypatch):
    monkeypatch.setattr(progress, "MAX_LOGGED_CHECKS", 3)
    ann = store.join(room.code, "Ann").token
    for _ in range(5):
        store.record_attempt(ann, "normalizer", 0, FAIL)
    assert store.progress(ann).exercises["normalizer"].attempts == 5
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT COUNT(*) FROM events").scalar() == 3


def seat_of(store, room, name):
    return store.join(room.code, name).token


def test_oldest_device_gives_way(store, room, clock):
    tokens = []
    for _ in range(MAX_DEVICES + 1):
        clock.advance(1)
        tokens.append(store.join(room.code, "Ann").token)
    with pytest.raises(NotJoined):
        store.progress(tokens[0])
    assert all(store.resume(t).name == "Ann" for t in tokens[1:])


# ---- many at once -------------------------------------------------------------------------------
def test_twenty_threads_at_once_lose_nothing(store, room):
    shared = store.join(room.code, "Shared")
    barrier, errors = threading.Barrier(20), []

    def attendee(i: int) -> None:
        try:
            barrier.wait()
            seat = store.join(room.code, f"Person {i}")
            # the same attendee from 10 more devices (every other thread)
            again = store.join(room.code, "shared") if i % 2 else seat
            for step in range(3):
                store.record_attempt(seat.token, "normalizer", step, FAIL if step == 1 else None)
                store.record_attempt(again.token, "zero_init", 0, FAIL)
            store.record_solved(seat.token, "normalizer")
        except Exception as e:  # any error at all fails the test
            errors.append(e)

    writing, reads = True, []

    def instructor() -> None:  # reads while the room writes: never blocked, never an error
        try:
            while writing:
                reads.append(len(store.dashboard(room.code).attendees))
                store.progress(shared.token)
        except Exception as e:
            errors.append(e)

    threads = [threading.Thread(target=attendee, args=(i,)) for i in range(20)]
    readers = [threading.Thread(target=instructor) for _ in range(2)]
    for t in threads + readers:
        t.start()
    for t in threads:
        t.join()
    writing = False
    for t in readers:
        t.join()
    assert errors == [] and len(reads) >= 2
    board = store.dashboard(room.code)
    assert len(board.attendees) == 21
    assert store.progress(shared.token).exercises["zero_init"].attempts == 30  # no lost update
    first = board.exercises[0]
    assert (first.solved, first.started) == (20, 20)
    assert first.wrong_fixes == ((FAIL, 20),)
    assert sum(a.attempts for a in board.attendees) == 20 * 3 + 60
    assert store.progress(seat_of(store, room, "Person 2")).exercises["zero_init"].attempts == 3
