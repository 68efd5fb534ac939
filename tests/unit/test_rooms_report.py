"""The instructor's numbers on a room built step by step (3 attendees, known checks, solves,
answers and times), on SQLite and PostgreSQL: the dashboard, who is stuck, and the CSV export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
import rooms_support
from sqlalchemy import event

from playground.rooms import RoomNotFound
from playground.rooms.report import COLUMNS

clock, store, room = rooms_support.clock, rooms_support.store, rooms_support.room
pg_migrated = rooms_support.pg_migrated
TEST_ACC = {"criterion": "test_acc"}
VANISHING = {"criterion": "gradient_flows", "codes": ["vanishing"]}


def _at(clock, start, seconds):
    clock.t = start + timedelta(seconds=seconds)


@pytest.fixture
def played(store, room, clock):
    """Ann, Bob and Cy in `room`; times in seconds after they joined (all at 0)."""
    t0 = clock.t
    ann, bob, cy = (store.join(room.code, n).token for n in ("Ann", "Bob", "Cy"))
    script = [
        (10, lambda: store.record_attempt(ann, "normalizer", 0, TEST_ACC)),
        (10, lambda: store.record_attempt(bob, "normalizer", 0, TEST_ACC)),
        (10, lambda: store.record_attempt(cy, "normalizer", 0, VANISHING)),
        (20, lambda: store.record_attempt(bob, "normalizer", 0, TEST_ACC)),  # same fix again
        (40, lambda: store.record_attempt(cy, "normalizer", 0)),
        (40, lambda: store.record_solved(cy, "normalizer")),  # 30 s
        (40, lambda: store.record_quiz(cy, "normalizer", 2, False)),
        (45, lambda: store.record_prediction(cy, "zero_init", 1, False)),
        (70, lambda: store.record_attempt(ann, "normalizer", 0)),
        (70, lambda: store.record_solved(ann, "normalizer")),  # 60 s
        (70, lambda: store.record_quiz(ann, "normalizer", 0, True)),
        (190, lambda: store.record_attempt(bob, "normalizer", 0)),
        (190, lambda: store.record_solved(bob, "normalizer")),  # 180 s
        (190, lambda: store.record_quiz(bob, "normalizer", 2, False)),
        (200, lambda: store.record_attempt(ann, "zero_init", 0)),
        (300, lambda: store.record_solved(ann, "zero_init")),  # 100 s
    ]
    for seconds, action in script:
        _at(clock, t0, seconds)
        action()
    other = store.create_room("Other room", ("normalizer",))
    dee = store.join(other.code, "Dee").token  # finished, idle: never stuck; never in `room`
    store.record_attempt(dee, "normalizer", 0, TEST_ACC)
    store.record_solved(dee, "normalizer")
    _at(clock, t0, 800)
    return other


def test_dashboard_counts(store, room, played):
    board = store.dashboard(room.code, stuck_minutes=10)
    people = [(a.name, a.solved, a.attempts, a.stuck) for a in board.attendees]
    assert people == [("Ann", 2, 3, False), ("Bob", 1, 3, True), ("Cy", 1, 2, True)]
    assert board.stuck == ("Bob", "Cy")  # last progress at 190 s and 40 s; Ann's at 300 s
    normalizer, zero_init, mse_ce = board.exercises
    assert (normalizer.exercise_id, normalizer.started, normalizer.solved) == ("normalizer", 3, 3)
    assert (normalizer.median_seconds, normalizer.mean_seconds) == (60.0, 90.0)  # 30, 60, 180
    assert normalizer.quiz_right == 1 and normalizer.wrong_quiz == ((2, 2),)
    assert normalizer.wrong_fixes == ((TEST_ACC, 2), (VANISHING, 1))  # Bob's repeat: once
    assert (zero_init.started, zero_init.solved, zero_init.median_seconds) == (2, 1, 100.0)
    assert zero_init.wrong_predictions == ((1, 1),) and zero_init.wrong_quiz == ()
    assert (mse_ce.started, mse_ce.solved, mse_ce.median_seconds, mse_ce.mean_seconds) == (
        0,
        0,
        None,
        None,
    )


@pytest.mark.parametrize(("minutes", "stuck"), [(1, ("Ann", "Bob", "Cy")), (12, ("Cy",)), (60, ())])
def test_stuck_after_n_minutes(store, room, played, minutes, stuck):
    assert store.dashboard(room.code, stuck_minutes=minutes).stuck == stuck


def test_finished_attendee_is_not_stuck(store, played):
    board = store.dashboard(played.code, stuck_minutes=1)
    assert [(a.name, a.solved, a.stuck) for a in board.attendees] == [("Dee", 1, False)]
    assert board.exercises[0].median_seconds == 0.0  # solved at the moment of the first check


def test_median_of_an_even_count(store, room, clock):
    t0 = clock.t
    for name, seconds in (("A", 10), ("B", 20), ("C", 40), ("D", 100)):
        token = store.join(room.code, name).token
        _at(clock, t0, 0)
        store.record_attempt(token, "mse_ce", 0)
        _at(clock, t0, seconds)
        store.record_solved(token, "mse_ce")
    stats = store.dashboard(room.code).exercises[2]
    assert (stats.median_seconds, stats.mean_seconds) == (30.0, 42.5)


def test_dashboard_query_count_does_not_grow_with_the_room(store, room):
    def queries() -> int:
        seen = []
        listen = (store.engine, "before_cursor_execute", lambda *a, **k: seen.append(1))
        event.listen(*listen)
        try:
            store.dashboard(room.code)
            store.export_csv(room.code)
        finally:
            event.remove(*listen)
        return len(seen)

    for i in range(3):
        store.record_attempt(store.join(room.code, f"P{i}").token, "normalizer", 0, TEST_ACC)
    few = queries()
    for i in range(3, 30):
        token = store.join(room.code, f"P{i}").token
        store.record_attempt(token, "normalizer", 0, {"criterion": f"c{i % 7}"})
        store.record_solved(token, "normalizer")
    assert queries() == few <= 12  # 7 + 3 queries (and two BEGINs on SQLite)


def test_unknown_room(store):
    with pytest.raises(RoomNotFound):
        store.dashboard("AAAA-AAAA-AAAA")
    with pytest.raises(RoomNotFound):
        store.export_csv("nonsense")


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_one_row_per_attendee_and_exercise(store, room, played):
    rows = _rows(store.export_csv(room.code))
    assert rows[0] == list(COLUMNS) and len(rows) == 1 + 3 * 3
    assert all(len(r) == len(COLUMNS) for r in rows)
    assert [(r[1], r[3], r[4]) for r in rows[1:4]] == [
        ("Ann", "normalizer", "1"),
        ("Ann", "zero_init", "2"),
        ("Ann", "mse_ce", "3"),
    ]
    ann = dict(zip(COLUMNS, rows[1], strict=True))
    assert ann == {
        **dict.fromkeys(COLUMNS, ""),
        **{"room": room.code, "attendee": "Ann", "joined_at": "2026-03-01T09:00:00Z"},
        **{"exercise": "normalizer", "position": "1", "steps_passed": "1", "checks": "2"},
        **{"solved": "yes", "seconds": "60.0", "quiz_answer": "0", "quiz_right": "yes"},
        **{"first_check_at": "2026-03-01T09:00:10Z", "solved_at": "2026-03-01T09:01:10Z"},
    }
    untouched = dict(zip(COLUMNS, rows[3], strict=True))
    assert (untouched["checks"], untouched["solved"], untouched["seconds"]) == ("0", "no", "")
    cy_zero = dict(zip(COLUMNS, rows[8], strict=True))
    assert (cy_zero["attendee"], cy_zero["prediction"], cy_zero["prediction_right"]) == (
        "Cy",
        "1",
        "no",
    )


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil","x")', "+1+1", "-1+1", "@SUM(A1)", "=cmd|'/C calc'!A0"]
)
def test_csv_export_keeps_formulas_as_text(store, room, name):
    store.join(room.code, name)
    rows = _rows(store.export_csv(room.code))
    assert {r[1] for r in rows[1:]} == {"'" + name}
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
