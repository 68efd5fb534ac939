"""The first schema: rooms, attendees, their tokens, exercise state, the event log and pins.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from playground.rooms.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _attendee_fk(**kw) -> sa.Column:
    return sa.Column(
        "attendee_id", sa.Integer, sa.ForeignKey("attendees.id", ondelete="CASCADE"), **kw
    )


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(16), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("exercise_ids", sa.JSON, nullable=False),
        sa.Column("locks", sa.JSON, nullable=False),
        sa.Column("rejoin_by_name", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "attendees",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "room_id",
            sa.Integer,
            sa.ForeignKey("rooms.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("room_id", "name_key", name="uq_attendees_room_name"),
    )
    op.create_table(
        "attendee_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        _attendee_fk(nullable=False, index=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "exercise_state",
        _attendee_fk(primary_key=True),
        sa.Column("exercise_id", sa.String(64), primary_key=True),
        sa.Column("step", sa.Integer, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("first_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("solved_at", UTCDateTime(), nullable=True),
        sa.Column("seconds", sa.Float, nullable=True),
        sa.Column("quiz", sa.Integer, nullable=True),
        sa.Column("quiz_right", sa.Boolean, nullable=True),
        sa.Column("prediction", sa.Integer, nullable=True),
        sa.Column("prediction_right", sa.Boolean, nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _attendee_fk(nullable=False, index=True),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("step", sa.Integer, nullable=True),
        sa.Column("option", sa.Integer, nullable=True),
        sa.Column("ok", sa.Boolean, nullable=True),
        sa.Column("detail", sa.Text, nullable=True),
    )
    op.create_table(
        "pins",
        sa.Column("id", sa.Integer, primary_key=True),
        _attendee_fk(nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("config", sa.JSON, nullable=False),
        sa.UniqueConstraint("attendee_id", "name", name="uq_pins_attendee_name"),
    )


def downgrade() -> None:
    for table in ("pins", "events", "exercise_state", "attendee_tokens", "attendees", "rooms"):
        op.drop_table(table)
