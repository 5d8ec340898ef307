"""Alembic environment for the terminal's local store (the engine is passed in by kiosk.sync.db)."""

from __future__ import annotations

from alembic import context

from kiosk.sync.models import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
