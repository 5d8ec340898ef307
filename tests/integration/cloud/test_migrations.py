"""The Alembic migrations and the table definitions agree (autogenerate finds nothing) on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.models import metadata
from kiosk_cloud.settings import sync_database_url


def test_models_match_migrations(database_url: str) -> None:
    upgrade_to_head(database_url)
    upgrade_to_head(database_url)  # idempotent
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, metadata)
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert diff == []
    assert set(metadata.tables) <= tables and "alembic_version" in tables


def test_downgrade_to_base_and_back(database_url: str) -> None:
    from alembic import command

    from kiosk_cloud.migrate import alembic_config

    upgrade_to_head(database_url)
    command.downgrade(alembic_config(database_url), "base")
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    upgrade_to_head(database_url)
