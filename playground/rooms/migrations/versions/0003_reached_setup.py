"""Two-step exercises: exercise_state.reached, the setup (a RunConfig as JSON) that passed the
step before, which the next step starts from (NULL for rows already there: their next check
starts from the exercise's start, as before).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exercise_state") as batch:
        batch.add_column(sa.Column("reached", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exercise_state") as batch:
        batch.drop_column("reached")
