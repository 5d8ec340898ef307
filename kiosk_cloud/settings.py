"""Cloud settings: the database URL and its mapping to the async drivers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DATABASE_URL = "sqlite:///var/kiosk-cloud.sqlite3"


def async_database_url(url: str) -> str:
    """Map a plain ``postgresql://`` / ``sqlite:///path`` URL to its async driver form."""
    if url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
        return url
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix):]
    if url.startswith("sqlite://"):
        return "sqlite+aiosqlite://" + url[len("sqlite://"):]
    raise ValueError(f"unsupported database URL scheme: {url.split(':', 1)[0]}")


def sync_database_url(url: str) -> str:
    """The synchronous form used by Alembic (psycopg 3 / pysqlite)."""
    url = async_database_url(url)
    if url.startswith("postgresql+asyncpg://"):
        return "postgresql+psycopg://" + url[len("postgresql+asyncpg://"):]
    return "sqlite://" + url[len("sqlite+aiosqlite://"):]


def is_sqlite(url: str) -> bool:
    return async_database_url(url).startswith("sqlite")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    municipality_code: str = "999999"
    challenge_ttl_s: int = 120
    resident_token_ttl_s: int = 600
    enrolment_code_ttl_s: int = 7 * 24 * 3600
    payment_reversal_window_s: int = 24 * 3600
    voucher_validity_days: int = 180
    max_voucher_count: int = 50
    pool_size: int = 20
    # The fast paths (sync batch runners, asyncpg hot paths, the fast lane) on or off — a production kill-switch:
    # off, every operation takes the general path (same rules, same results; see kiosk_cloud/README.md).
    fast_paths: bool = True
    # Staff sessions (issue 8): ended after this long without use; logins locked after N failures in the window
    staff_idle_s: int = 900
    staff_login_max_failures: int = 5
    staff_login_window_s: int = 900
    staff_lockout_s: int = 900
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        if "KIOSK_CLOUD_DATABASE_URL" in os.environ:
            values["database_url"] = os.environ["KIOSK_CLOUD_DATABASE_URL"]
        if "KIOSK_CLOUD_POOL_SIZE" in os.environ:
            values["pool_size"] = int(os.environ["KIOSK_CLOUD_POOL_SIZE"])
        if "KIOSK_CLOUD_FAST_PATHS" in os.environ:
            values["fast_paths"] = os.environ["KIOSK_CLOUD_FAST_PATHS"].strip().lower() not in ("0", "false", "no", "off")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
