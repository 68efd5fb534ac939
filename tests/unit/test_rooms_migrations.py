"""Schema migrations on SQLite and PostgreSQL: an empty database to the newest revision, a
database at the previous revision (with rooms in it) to the newest without losing a row, down and
up again, and the ORM models agreeing with what the migrations build."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import rooms_support
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from playground.rooms import Store, StoreUnavailable, db
from playground.rooms.models import AttendeeRow as A
from playground.rooms.models import Base
from playground.rooms.safety import token_hash

url = rooms_support.url
HEAD = "0003"
TOKEN = "t" * 43  # a token issued before the upgrade
T0 = datetime(2026, 3, 1, 9, 0)


@pytest.fixture
def engine(url):
    engine = db.make_engine(url)
    yield engine
    engine.dispose()


def test_revisions_are_a_line_of_at_least_two():
    scripts = ScriptDirectory.from_config(db.alembic_config())
    revisions = [r.revision for r in reversed(list(scripts.walk_revisions()))]
    assert revisions == ["0001", "0002", "0003"] and scripts.get_heads() == [HEAD]


def test_empty_database_to_head(engine):
    assert db.current_revision(engine) is None
    db.migrate(engine)
    assert db.current_revision(engine) == HEAD
    tables = set(inspect(engine).get_table_names())
    assert {"rooms", "attendees", "attendee_tokens", "exercise_state", "events", "pins"} <= tables
    db.migrate(engine)  # again: nothing to do, no error
    assert db.current_revision(engine) == HEAD


def test_models_agree_with_the_migrations(engine):
    db.migrate(engine)
    with engine.connect() as c:
        context = MigrationContext.configure(c, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def _fill_at_0001(engine) -> None:
    """A room with one attendee, a token, a solved exercise, an event and a pin, in 0001's schema
    (plain SQL: the ORM models describe the newest schema)."""
    rows = [
        (
            "INSERT INTO rooms (id, code, title, exercise_ids, locks, rejoin_by_name, created_at,"
            " expires_at) VALUES (1, '7K3MQ9XAW2HD', 'Old room', :ids, '{}', :yes, :t, :later)",
            {"ids": '["normalizer", "zero_init"]', "yes": True, "later": datetime(2099, 1, 1)},
        ),
        (
            "INSERT INTO attendees (id, room_id, display_name, name_key, joined_at, last_seen_at)"
            " VALUES (1, 1, 'Ann', 'ann', :t, :seen)",
            {"seen": datetime(2026, 3, 1, 9, 5)},
        ),
        (
            "INSERT INTO attendee_tokens (token_hash, attendee_id, created_at) VALUES (:h, 1, :t)",
            {"h": token_hash(TOKEN)},
        ),
        (
            "INSERT INTO exercise_state (attendee_id, exercise_id, step, attempts, solved_at,"
            " seconds, quiz, quiz_right, updated_at) VALUES (1, 'normalizer', 2, 4, :t, 75.5, 1,"
            " :yes, :t)",
            {"yes": True},
        ),
        (
            "INSERT INTO events (attendee_id, exercise_id, kind, at, ok) VALUES"
            " (1, 'normalizer', 'solved', :t, :yes)",
            {"yes": True},
        ),
        (
            "INSERT INTO pins (attendee_id, position, name, config) VALUES (1, 0, 'A', :config)",
            {"config": '{"dataset": "xor"}'},
        ),
    ]
    with engine.begin() as c:
        for sql, params in rows:
            c.execute(text(sql), {"t": T0, **params})


def test_previous_revision_to_head_keeps_every_row(engine):
    db.migrate(engine, "0001")
    assert db.current_revision(engine) == "0001"
    assert "last_progress_at" not in {c["name"] for c in inspect(engine).get_columns("attendees")}
    _fill_at_0001(engine)
    db.migrate(engine)
    assert db.current_revision(engine) == HEAD
    with engine.connect() as c:
        seen, progress = c.execute(select(A.last_seen_at, A.last_progress_at)).one()
    assert seen == progress == datetime(2026, 3, 1, 9, 5, tzinfo=UTC)  # filled in from last_seen_at
    indexes = {i["name"] for i in inspect(engine).get_indexes("events")}
    assert "ix_events_exercise_kind" in indexes
    store = Store(engine, clock=lambda: datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    got = store.progress(TOKEN)  # the old token still proves Ann
    p = got.exercises["normalizer"]
    assert (p.step, p.attempts, p.solved, p.seconds, p.quiz, p.quiz_right) == (
        2,
        4,
        True,
        75.5,
        1,
        True,
    )
    assert got.done == ("normalizer",) and [x.name for x in got.pins] == ["A"]
    assert store.room("7k3m-q9xa-w2hd").title == "Old room"
    board = store.dashboard("7K3MQ9XAW2HD", stuck_minutes=30)
    assert [(a.name, a.solved, a.stuck) for a in board.attendees] == [("Ann", 1, True)]
    assert board.exercises[0].median_seconds == 75.5


def test_0002_to_head_keeps_every_row_and_keeps_the_setup_a_step_reached(engine):
    db.migrate(engine, "0002")
    _fill_at_0001(engine)  # 0002 only added a column (filled in) and an index
    state_columns = {c["name"] for c in inspect(engine).get_columns("exercise_state")}
    assert "reached" not in state_columns
    db.migrate(engine)
    assert db.current_revision(engine) == HEAD
    with engine.connect() as c:
        assert c.execute(text("SELECT reached FROM exercise_state")).scalar() is None
    store = Store(engine, clock=lambda: datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
    p = store.progress(TOKEN).exercises["normalizer"]
    assert (p.step, p.attempts, p.solved, p.seconds, p.reached) == (2, 4, True, 75.5, None)
    assert [x.name for x in store.progress(TOKEN).pins] == ["A"]
    store.record_attempt(TOKEN, "zero_init", 0, reached=rooms_support.CONFIG)  # the new column
    reached = store.progress(TOKEN).exercises["zero_init"].reached
    assert reached is not None and reached["hidden"] == [4, 4] and reached["dataset"] == "circles"


@pytest.mark.parametrize("down_to", ["0001", "0002"])
def test_down_and_up_again_keeps_the_data(engine, down_to):
    db.migrate(engine, "0001")
    _fill_at_0001(engine)
    db.migrate(engine)
    db.downgrade(engine, down_to)
    assert db.current_revision(engine) == down_to
    db.migrate(engine)
    with engine.connect() as c:
        counts = [
            c.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
            for t in ("rooms", "attendees", "attendee_tokens", "exercise_state", "events", "pins")
        ]
    assert counts == [1, 1, 1, 1, 1, 1]


def test_store_open_creates_the_file_and_migrates(tmp_path):
    path = tmp_path / "new" / "folder" / "rooms.sqlite"
    store = Store.open(environ={"PLAYGROUND_DB": str(path)})
    try:
        assert path.exists() and db.current_revision(store.engine) == HEAD
        with store.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.engine.dispose()


DOWN = "postgresql://user:hunter2-pw@127.0.0.1:1/rooms"  # nothing listens on port 1


def test_unreachable_database_is_a_plain_error(caplog):
    with pytest.raises(StoreUnavailable) as e:
        Store.open(environ={"PLAYGROUND_DB": DOWN})
    assert e.value.key == "rooms.unavailable" and "Try again" in str(e.value)
    store = Store(db.make_engine(db.database_url({"PLAYGROUND_DB": DOWN})))  # went down later
    with pytest.raises(StoreUnavailable):
        store.get_room("7K3M-Q9XA-W2HD")
    with pytest.raises(StoreUnavailable):
        store.join("7K3M-Q9XA-W2HD", "Ann")
    assert "127.0.0.1:1/rooms" in caplog.text and "hunter2-pw" not in caplog.text


def test_unwritable_sqlite_path_is_a_plain_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable):
        Store.open(environ={"PLAYGROUND_DB": str(blocker / "rooms.sqlite")})
