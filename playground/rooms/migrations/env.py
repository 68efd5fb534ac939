"""Alembic's environment for the room tables: run on the connection `db.migrate` passes in."""

from alembic import context

from playground.rooms.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite changes columns by copying the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
