"""Helpers for the room tests: a fresh database on each backend, and a clock the test moves.

SQLite always; PostgreSQL when PLAYGROUND_TEST_PG_URL is set (each test gets its own schema, so
parallel test processes never meet). Under CI=true a missing PostgreSQL is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from playground.config import RunConfig
from playground.rooms import Store, db
from playground.rooms.models import Base

BACKENDS = ("sqlite", "postgresql")
EX = ("normalizer", "zero_init", "mse_ce")  # the test rooms' exercises
FAIL = {"criterion": "test_acc", "codes": ["exploding"]}  # what a failed check reports
CONFIG = RunConfig(dataset="circles", hidden=(4, 4), learning_rate=0.1).to_dict()  # a pin
PG_URL = "PLAYGROUND_TEST_PG_URL"


def postgres_url() -> str:
    """The test server's URL; skips the test without one (fails under CI)."""
    url = os.environ.get(PG_URL, "").strip()
    if not url:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the room tests on PostgreSQL: set {PG_URL} (.ci/run does).")
        pytest.skip(f"no PostgreSQL: set {PG_URL} to run the room tests on it too")
    return db.database_url({"PLAYGROUND_DB": url})


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database on `backend`, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'rooms.sqlite'}"
        return
    admin = create_engine(postgres_url(), isolation_level="AUTOCOMMIT")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = make_url(postgres_url()).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


class Clock:
    """A UTC clock that stands still until the test moves it."""

    def __init__(self) -> None:
        self.t = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


# ---- fixtures (a test module imports the ones it uses) -------------------------------------------
@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """An empty database on each backend."""
    with database(request.param, tmp_path) as address:
        yield address


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture(scope="session")
def pg_migrated(tmp_path_factory):
    """One migrated PostgreSQL schema per test process; `store` empties it before each test."""
    with database("postgresql", tmp_path_factory.mktemp("pg")) as address:
        engine = db.make_engine(address)
        db.migrate(engine)
        yield engine


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path, clock):
    """A store on a migrated, empty database on each backend, on the test's clock."""
    if request.param == "sqlite":
        engine = db.make_engine(f"sqlite:///{tmp_path / 'rooms.sqlite'}")
        db.migrate(engine)
        yield Store(engine, clock=clock)
        engine.dispose()
        return
    engine = request.getfixturevalue("pg_migrated")
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as c:
        c.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    yield Store(engine, clock=clock)


@pytest.fixture
def room(store):
    """An open room with the three exercises EX and two locks."""
    return store.create_room("Workshop", EX, {"scaler": "standard", "loss": None})
