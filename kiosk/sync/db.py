"""The local SQLite database: engine with WAL and durable commits, and Alembic upgrades at open."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w]+)['\"]?", re.M)


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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def script_head() -> str | None:
    """The newest revision in migrations/versions, read from the scripts' `revision` / `down_revision` lines
    (None when that is not one clear head: then Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in MIGRATIONS_DIR.joinpath("versions").glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision", "None") != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except OperationalError:  # a new database: no alembic_version table yet
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (numbered migrations in migrations/versions). A store already at the newest
    revision is left as it is without loading Alembic (that took a noticeable part of every terminal start)."""
    if revision == "head" and (head := script_head()) is not None and _stored_revision(engine) == head:
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
