"""The room store: rooms (instructor side), seats and progress (attendee side).

Every call opens its own short session, so one Store serves all the threads of a Streamlit
server. Writes on SQLite take a process lock and `BEGIN IMMEDIATE` (writers queue, readers never
wait: WAL); on PostgreSQL an exercise's row is locked (`FOR UPDATE`) while it changes.

Attendee-facing calls take the attendee's token (from `join`) and nothing that names another
attendee: a token reaches only its own rows. Instructor calls take a room code; the app lets
only a verified instructor (`safety.verify_instructor_key`) reach them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from playground.rooms import db, report
from playground.rooms.errors import (
    BadRoomInput,
    NameTaken,
    NotJoined,
    RoomClosed,
    RoomExpired,
    RoomFull,
    RoomNotFound,
    StoreUnavailable,
)
from playground.rooms.models import AttendeeRow, RoomRow, TokenRow
from playground.rooms.progress import ProgressMixin, small_int
from playground.rooms.records import Dashboard, Room, Seat
from playground.rooms.safety import (
    clean_name,
    new_room_code,
    new_token,
    normalize_code,
    token_hash,
)

log = logging.getLogger(__name__)
MAX_ATTENDEES = 500  # per room: a leaked code cannot fill the database
MAX_DEVICES = 20  # tokens kept per attendee (the oldest goes first)
MAX_TITLE = 80
MAX_DAYS = 90


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _app_catalogue() -> tuple[Collection[str], Callable[[str, Any], bool]]:
    """The app's exercise ids and a check for a locked control's value (imported on first use:
    the exercises module is heavy)."""
    from playground import config, exercises

    def lock_ok(name: str, value: Any) -> bool:
        return name in exercises.CONTROLS and (
            value is None or config.control_value_ok(name, value)
        )

    return set(exercises.BY_ID), lock_ok


def _as_room(row: RoomRow) -> Room:
    return Room(
        code=row.code,
        title=row.title,
        exercise_ids=tuple(row.exercise_ids),
        locks=dict(row.locks),
        rejoin_by_name=row.rejoin_by_name,
        created_at=row.created_at,
        expires_at=row.expires_at,
        closed_at=row.closed_at,
    )


@contextmanager
def _unavailable(url) -> Iterator[None]:
    """Turn "the database is down / unreachable / not writable" into StoreUnavailable (logged
    with the address's password hidden); other errors pass through."""
    try:
        yield
    except (OperationalError, InterfaceError, PoolTimeout, OSError) as e:
        log.warning("room database %s unavailable: %s", db.describe(url), type(e).__name__)
        raise StoreUnavailable() from e


class Store(ProgressMixin):
    """Rooms, attendees and their progress in one database (see the module docstring)."""

    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = _utcnow,
        catalogue: tuple[Collection[str], Callable[[str, Any], bool]] | None = None,
    ) -> None:
        """`engine` from `db.make_engine` (schema migrated); `clock` returns aware UTC times;
        `catalogue` = (known exercise ids, lock value check), the app's exercises by default."""
        self.engine = engine
        self.now = clock
        self._catalogue = catalogue
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._lock = db.write_lock(engine)
        self._catalogue_lock = threading.Lock()

    @classmethod
    def open(cls, secrets: Mapping[str, Any] | None = None, environ=None, **kw: Any) -> Store:
        """The store the app uses: database from `PLAYGROUND_DB` (see `db.database_url`), schema
        migrated to the newest revision. StoreUnavailable when it cannot be reached or made."""
        url = db.database_url(secrets, environ)
        with _unavailable(url):
            engine = db.make_engine(url)
            db.migrate(engine)
        return cls(engine, **kw)

    # ---- sessions ---------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Session]:
        with (
            _unavailable(self.engine.url),
            self._lock,
            Session(self._writer, expire_on_commit=False) as s,
            s.begin(),
        ):
            yield s

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with _unavailable(self.engine.url), Session(self.engine) as s, s.begin():
            yield s

    def _known(self) -> tuple[Collection[str], Callable[[str, Any], bool]]:
        with self._catalogue_lock:
            if self._catalogue is None:
                self._catalogue = _app_catalogue()
            return self._catalogue

    # ---- rooms (instructor) -----------------------------------------------------------------
    def create_room(
        self,
        title: str,
        exercise_ids: Sequence[str],
        locks: Mapping[str, Any] | None = None,
        *,
        days: int = 7,
        rejoin_by_name: bool = True,
    ) -> Room:
        """A new open room with an unguessable code (`safety.new_room_code`, 60 bits).

        `exercise_ids` in the order attendees see them; `locks` maps a sidebar control to the
        value it is locked at (None: at the exercise's start value). The room expires after
        `days`. `rejoin_by_name`: the same name and code on another device is the same attendee
        (the issue's choice); False asks for the attendee's personal link instead.
        """
        known, lock_ok = self._known()
        title = title.strip() if isinstance(title, str) else ""
        if not 0 < len(title) <= MAX_TITLE or not title.isprintable():
            raise BadRoomInput("A room title has 1 to {max} characters on one line.", max=MAX_TITLE)
        ids = list(exercise_ids)
        unknown = [i for i in ids if i not in known]
        if not ids or unknown or len(set(ids)) != len(ids):
            raise BadRoomInput(
                "Pick each exercise once, from the app's exercises (unknown: {unknown}).",
                unknown=", ".join(map(str, unknown)) or "none",
            )
        locks = dict(locks or {})
        bad = [k for k, v in locks.items() if not lock_ok(k, v)]
        if bad:
            raise BadRoomInput("Cannot lock {bad}: unknown control or value.", bad=", ".join(bad))
        if small_int(days, "days", MAX_DAYS) < 1:
            raise BadRoomInput("A room lasts 1 to {max} days.", max=MAX_DAYS)
        now = self.now()
        for _ in range(5):  # a repeated code is astronomically rare; try another then
            try:
                with self._write() as s:
                    row = RoomRow(
                        code=new_room_code(),
                        title=title,
                        exercise_ids=ids,
                        locks=locks,
                        rejoin_by_name=bool(rejoin_by_name),
                        created_at=now,
                        expires_at=now + timedelta(days=days),
                        closed_at=None,
                    )
                    s.add(row)
                    s.flush()
                    return _as_room(row)
            except IntegrityError:
                continue
        raise BadRoomInput("Could not make a new room code; try again.")

    def _room_row(self, s: Session, code: Any, *, writable: bool) -> RoomRow:
        stored = normalize_code(code)
        row = None if stored is None else s.scalars(select(RoomRow).filter_by(code=stored)).first()
        if row is None:
            raise RoomNotFound()
        if writable:
            self._check_open(row)
        return row

    def _check_open(self, row: RoomRow) -> None:
        if row.closed_at is not None:
            raise RoomClosed()
        if row.expires_at <= self.now():
            raise RoomExpired()

    def get_room(self, code: Any) -> Room:
        """The open room with this code (as typed: any case, dashes or spaces). RoomNotFound,
        RoomExpired or RoomClosed otherwise, each with a plain message."""
        with self._read() as s:
            return _as_room(self._room_row(s, code, writable=True))

    def room(self, code: Any) -> Room:
        """The room with this code, open or not (instructor side). RoomNotFound otherwise."""
        with self._read() as s:
            return _as_room(self._room_row(s, code, writable=False))

    def rooms(self, limit: int = 50) -> tuple[Room, ...]:
        """The newest rooms first, open or not (instructor side: find a room after a restart)."""
        with self._read() as s:
            query = select(RoomRow).order_by(RoomRow.created_at.desc(), RoomRow.id.desc())
            return tuple(_as_room(r) for r in s.scalars(query.limit(limit)))

    def close_room(self, code: Any) -> Room:
        """Close the room: its data stays, read-only; every later write raises RoomClosed."""
        with self._write() as s:
            row = self._room_row(s, code, writable=False)
            if row.closed_at is not None:
                raise RoomClosed()
            row.closed_at = self.now()
            return _as_room(row)

    def dashboard(self, code: Any, stuck_minutes: float = 5.0) -> Dashboard:
        """The instructor's view of a room (see `report.dashboard`)."""
        with self._read() as s:
            room = self._room_row(s, code, writable=False)
            return report.dashboard(s, room, _as_room(room), self.now(), stuck_minutes)

    def export_csv(self, code: Any) -> str:
        """The room's results as CSV text (see `report.export_csv`)."""
        with self._read() as s:
            return report.export_csv(s, self._room_row(s, code, writable=False))

    # ---- seats (attendees) ------------------------------------------------------------------
    def join(self, code: Any, display_name: Any, token: str | None = None) -> Seat:
        """Take a seat in an open room under `display_name` (see `safety.clean_name`).

        A new name gets a new attendee. A name already in the room (any case) is the same
        attendee: with its `token` this device keeps it; without, a new token for the same
        attendee if the room rejoins by name, else NameTaken. A closed room takes no new name
        (RoomClosed) but seats a returning one, read-only: every write then raises RoomClosed.
        """
        name, key = clean_name(display_name)
        for tries_left in (2, 1, 0):  # two devices joining with one name at once (PostgreSQL)
            try:
                with self._write() as s:
                    return self._join(s, code, name, key, token)
            except IntegrityError:
                if not tries_left:
                    raise
        raise AssertionError("unreachable")

    def _join(self, s: Session, code: Any, name: str, key: str, token: str | None) -> Seat:
        room = self._room_row(s, code, writable=False)
        closed = room.closed_at is not None
        if not closed:
            self._check_open(room)  # expired
        now = self.now()
        att = s.scalars(select(AttendeeRow).filter_by(room_id=room.id, name_key=key)).first()
        if att is None and closed:
            raise RoomClosed()
        if att is None:
            n = s.scalar(select(func.count()).where(AttendeeRow.room_id == room.id))
            if n >= MAX_ATTENDEES:
                raise RoomFull(max=MAX_ATTENDEES)
            att = AttendeeRow(
                room_id=room.id,
                display_name=name,
                name_key=key,
                joined_at=now,
                last_seen_at=now,
                last_progress_at=now,
            )
            s.add(att)
            s.flush()
            returning = False
        else:
            returning, hashed = True, token_hash(token)
            mine = hashed is not None and s.scalar(
                select(TokenRow.attendee_id).filter_by(token_hash=hashed)
            )
            if not closed:
                att.last_seen_at = now
            if mine == att.id:
                return Seat(_as_room(room), att.display_name, token, True)
            if not room.rejoin_by_name:
                raise NameTaken()
        token = new_token()
        s.add(TokenRow(token_hash=token_hash(token), attendee_id=att.id, created_at=now))
        s.flush()
        old = select(TokenRow.token_hash).filter_by(attendee_id=att.id)
        old = old.order_by(TokenRow.created_at.desc()).offset(MAX_DEVICES)
        s.execute(delete(TokenRow).where(TokenRow.token_hash.in_(old.scalar_subquery())))
        return Seat(_as_room(room), att.display_name, token, returning)

    def _seat(self, s: Session, token: Any, *, write: bool) -> tuple[AttendeeRow, RoomRow]:
        hashed = token_hash(token)
        found = None
        if hashed is not None:
            query = select(AttendeeRow, RoomRow).join(TokenRow).join(RoomRow)
            found = s.execute(query.where(TokenRow.token_hash == hashed)).first()
        if found is None:
            raise NotJoined()
        att, room = found
        if write:
            self._check_open(room)
            att.last_seen_at = self.now()
        return att, room

    def resume(self, token: Any) -> Seat:
        """The seat a token proves (after a reload: the token kept by the browser session).
        NotJoined for an unknown token; works on a closed room (read-only)."""
        with self._read() as s:
            att, room = self._seat(s, token, write=False)
            return Seat(_as_room(room), att.display_name, token, True)
