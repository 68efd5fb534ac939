"""The room tables (SQLAlchemy 2 ORM), as they are at the newest migration.

The migrations in `playground/rooms/migrations/versions` create and change these tables; a test
checks that the two agree. Times are stored as naive UTC and come back as aware UTC datetimes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timestamp kept as naive UTC in every backend and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class RoomRow(Base):
    """A workshop room: its code, exercises in order, locked controls and life span."""

    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(Text)
    exercise_ids: Mapped[list[str]]
    locks: Mapped[dict[str, Any]]
    rejoin_by_name: Mapped[bool]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]


class AttendeeRow(Base):
    """One attendee of one room; `name_key` (case-folded) is unique per room."""

    __tablename__ = "attendees"
    __table_args__ = (UniqueConstraint("room_id", "name_key", name="uq_attendees_room_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    display_name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)
    joined_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]  # any write
    last_progress_at: Mapped[datetime | None]  # a step passed, a solve or a quiz answer (rev 2)


class TokenRow(Base):
    """A device's proof of being an attendee: the SHA-256 of the token, never the token."""

    __tablename__ = "attendee_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]


class StateRow(Base):
    """Where an attendee stands in one exercise (what a reload restores)."""

    __tablename__ = "exercise_state"
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), primary_key=True
    )
    exercise_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    step: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    first_attempt_at: Mapped[datetime | None]
    solved_at: Mapped[datetime | None]
    seconds: Mapped[float | None] = mapped_column(Float)  # first attempt -> solved
    quiz: Mapped[int | None]
    quiz_right: Mapped[bool | None]
    prediction: Mapped[int | None]
    prediction_right: Mapped[bool | None]
    reached: Mapped[dict[str, Any] | None]  # the setup that passed the last step passed (rev 3)
    updated_at: Mapped[datetime]


class EventRow(Base):
    """The log the dashboard counts: every check (with what failed), solve and answer."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_exercise_kind", "exercise_id", "kind"),)  # rev 2
    id: Mapped[int] = mapped_column(primary_key=True)
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    exercise_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # attempt | solved | quiz | prediction
    at: Mapped[datetime]
    step: Mapped[int | None]
    option: Mapped[int | None]
    ok: Mapped[bool | None]
    detail: Mapped[str | None] = mapped_column(Text)  # canonical JSON of what failed


class PinRow(Base):
    """A pinned setup (a RunConfig as a dict) in the attendee's order."""

    __tablename__ = "pins"
    __table_args__ = (UniqueConstraint("attendee_id", "name", name="uq_pins_attendee_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    config: Mapped[dict[str, Any]]
