"""Who is stuck: attendees.last_progress_at (a step passed, a solve or a quiz answer; filled
from last_seen_at for attendees already there) and an index for the dashboard's event counts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from playground.rooms.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attendees") as batch:
        batch.add_column(sa.Column("last_progress_at", UTCDateTime(), nullable=True))
    op.execute("UPDATE attendees SET last_progress_at = last_seen_at")
    op.create_index("ix_events_exercise_kind", "events", ["exercise_id", "kind"])


def downgrade() -> None:
    op.drop_index("ix_events_exercise_kind", table_name="events")
    with op.batch_alter_table("attendees") as batch:
        batch.drop_column("last_progress_at")
