"""The room store on SQLite and on PostgreSQL: room codes and their errors, closed and expired
rooms, progress that comes back (also after a restart), and writes from many threads at once.
Seats and attendee isolation: test_rooms_seats.py."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import rooms_support
from rooms_support import CONFIG, EX, FAIL

from playground.config import RunConfig
from playground.rooms import (
    BadRoomInput,
    Pin,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    Store,
    db,
    progress,
)

# the shared fixtures: a store on each backend (SQLite; PostgreSQL when configured), its clock
clock, store, room = rooms_support.clock, rooms_support.store, rooms_support.room
pg_migrated = rooms_support.pg_migrated
ROOT = Path(__file__).resolve().parents[2]


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
    again = store.join(room.code, "ann")  # a reload in name mode: Ann reads her results …
    assert again.room.closed and again.returning and store.progress(again.token) == before
    with pytest.raises(RoomClosed):  # … and changes nothing
        store.record_attempt(again.token, "normalizer", 1)
    assert store.export_csv(room.code) == csv_before


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


def test_the_setup_that_passed_a_step_is_kept_for_the_next(store, room):
    """A two-step exercise's step 2 starts from the setup that passed step 1: the room keeps it
    (a reload or another device checks step 2 against it); a failed check never replaces it."""
    ann = store.join(room.code, "Ann")
    assert store.progress(ann.token).exercises["zero_init"].reached is None
    store.record_attempt(ann.token, "zero_init", 0, reached=CONFIG)
    other = RunConfig(dataset="xor", hidden=(2,)).to_dict()
    store.record_attempt(ann.token, "zero_init", 1, FAIL)
    p = store.progress(store.join(room.code, "ann").token).exercises["zero_init"]  # a device
    assert p.step == 1 and RunConfig.from_dict(p.reached) == RunConfig.from_dict(CONFIG)
    with pytest.raises(BadRoomInput):  # only a passed check reaches a setup
        store.record_attempt(ann.token, "zero_init", 1, FAIL, reached=other)
    for bad in ({"dataset": "no_such_dataset"}, {"secret": 1}, "xor", ["x"]):
        with pytest.raises(BadRoomInput):
            store.record_attempt(ann.token, "zero_init", 0, reached=bad)
    kept = store.progress(ann.token).exercises["zero_init"].reached
    assert RunConfig.from_dict(kept) == RunConfig.from_dict(CONFIG)
    store.reset_exercise(ann.token, "zero_init")
    assert store.progress(ann.token).exercises["zero_init"].reached is None
    store.close_room(room.code)
    with pytest.raises(RoomClosed):
        store.record_attempt(ann.token, "zero_init", 0, reached=other)


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
        [{"name": "A"}],
        ["A"],
        [None],
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
    person_2 = store.join(room.code, "Person 2").token
    assert store.progress(person_2).exercises["zero_init"].attempts == 3


WRITER = """
import sys
from playground.rooms import Store
store = Store.open(environ={"PLAYGROUND_DB": sys.argv[1]})
for _ in range(100):
    store.record_attempt(sys.argv[2], "normalizer", 0, {"criterion": "other process"})
"""


def test_two_processes_on_one_sqlite_file(tmp_path):
    path = str(tmp_path / "rooms.sqlite")
    store = Store.open(environ={"PLAYGROUND_DB": path})
    token = store.join(store.create_room("Shared file", EX).code, "Ann").token
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, path, token], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    for _ in range(100):
        store.record_attempt(token, "normalizer", 0, FAIL)
    assert other.wait(timeout=120) == 0, other.stderr.read()
    assert store.progress(token).exercises["normalizer"].attempts == 200
    store.engine.dispose()
