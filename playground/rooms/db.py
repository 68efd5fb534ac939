"""Where rooms are stored: the database address, the engine and the schema migrations.

`PLAYGROUND_DB` (app secrets first, then the environment) is a file path for SQLite or a
PostgreSQL URL (`postgresql://user:password@host/db`). Unset, rooms live in an SQLite file under
~/.cache/tuning-playground, so `streamlit run` needs nothing else. The app passes `st.secrets`
in; nothing here imports Streamlit.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from playground.rooms.safety import setting

DB_SETTING = "PLAYGROUND_DB"
DEFAULT_PATH = Path.home() / ".cache" / "tuning-playground" / "rooms.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000  # another process holding the SQLite write lock: wait, do not fail
_PG_LOCK = 7_114_011  # advisory lock id: one migration at a time across app replicas
_WRITE_LOCKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def database_url(secrets: Mapping[str, Any] | None = None, environ=None) -> str:
    """The SQLAlchemy URL of the room database: `PLAYGROUND_DB` from `secrets` (st.secrets) or
    the environment — a URL (postgres://, postgresql://, sqlite://) or a file path — else the
    default SQLite file. A bare postgres(ql):// URL gets the psycopg 3 driver."""
    value = setting(DB_SETTING, secrets, environ)
    if not value:
        return f"sqlite:///{DEFAULT_PATH}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return value


def describe(url: str | URL) -> str:
    """The URL with its password hidden (for messages and logs)."""
    return make_url(url).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """An engine for `url`. SQLite: the folder is created, WAL journal (readers never wait for
    the writer), foreign keys on, and transactions begin the way the store asks (BEGIN IMMEDIATE
    for writes, so two writers queue instead of failing with "database is locked").
    PostgreSQL: a pool of 10 + 20 connections, each checked before use."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Up to 30 per replica, so Streamlit's script threads never queue for one (a queue is
        # not fair: a busy thread can starve another). Many replicas: use the host's pooled URL.
        return create_engine(
            url, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_timeout=30
        )
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, pool_size=10, max_overflow=20
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver leaves BEGIN to the hook below
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    _WRITE_LOCKS[engine] = threading.Lock()  # one writer at a time within this process
    return engine


def write_lock(engine: Engine):
    """The lock a writer holds on this SQLite engine; a no-op context for other databases."""
    return _WRITE_LOCKS.get(engine) or nullcontext()


def alembic_config():
    """Alembic's configuration, built in code (no alembic.ini): the migrations in this package.
    (Alembic is imported on first use: pages that only read rooms do not pay for it.)"""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (the newest by default) in one transaction. Replicas that
    start together wait for each other (PostgreSQL advisory lock; SQLite's write lock)."""
    from alembic import command

    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to `revision` (tests and emergencies only)."""
    from alembic import command

    _run(engine, command.downgrade, revision)


def _run(engine: Engine, step, revision: str) -> None:
    """Run an Alembic command in one transaction. SQLite: foreign keys are off meanwhile (a
    table that Alembic rebuilds would otherwise cascade-delete its children's rows) and checked
    before the commit."""
    config = alembic_config()
    with engine.execution_options(sqlite_begin="IMMEDIATE").connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        raw = connection.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or it is ignored
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
                config.attributes["connection"] = connection
                step(config, revision)
                if (
                    raw is not None
                    and connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                ):
                    raise RuntimeError("The migration left rows whose parent row is missing.")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def current_revision(engine: Engine) -> str | None:
    """The schema's revision id, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
