"""Run the cloud's Alembic migrations programmatically (``serve`` and ``init-demo`` upgrade to head)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from kiosk_cloud.settings import is_sqlite, sync_database_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", sync_database_url(database_url).replace("%", "%%"))
    return cfg


def ensure_sqlite_dir(database_url: str) -> None:
    if not is_sqlite(database_url):
        return
    path = sync_database_url(database_url)[len("sqlite:///"):]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


# PostgreSQL advisory lock held while upgrading: nodes starting together (`serve` upgrades too) take turns, and the
# later ones find the schema at head instead of racing on the same DDL (issue 13, deploy/systemd)
MIGRATION_LOCK = 0x6B696F736B  # "kiosk"


def upgrade_to_head(database_url: str) -> None:
    ensure_sqlite_dir(database_url)
    if is_sqlite(database_url):
        command.upgrade(alembic_config(database_url), "head")
        return
    import psycopg

    plain = "postgresql://" + sync_database_url(database_url).split("://", 1)[1]
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            command.upgrade(alembic_config(database_url), "head")
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
