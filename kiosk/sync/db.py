"""The local SQLite database: engine with WAL and durable commits, and Alembic upgrades at open."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the single writer; synchronous=FULL: a commit survives power loss
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def no_rows(record: logging.LogRecord) -> bool:
    """A logging filter: SQLAlchemy's DEBUG records (result rows) are dropped, statements (INFO) pass."""
    return record.levelno > logging.DEBUG


def make_engine(path: Path) -> Engine:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 10},
        hide_parameters=True,  # SQL logs and error texts never show values (a clerk's session, a consent)
        logging_name="kiosk_local",
    )
    # ... and never its rows (SQLAlchemy logs them at DEBUG), whatever level the loggers are set to
    engine_log = logging.getLogger("sqlalchemy.engine.Engine.kiosk_local")
    if no_rows not in engine_log.filters:
        engine_log.addFilter(no_rows)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (numbered migrations in migrations/versions)."""
    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
