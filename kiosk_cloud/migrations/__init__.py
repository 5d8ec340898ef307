"""Alembic migrations of the points cloud (numbered revisions under versions/)."""
