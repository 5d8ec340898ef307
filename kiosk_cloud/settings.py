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
    # Limits (issue 8). offline_window_s and crl_grace_s are the defaults; a municipality's reference data
    # (municipalities.offline_window_s / crl_grace_s) overrides them (services.timewindow.limits_of).
    offline_window_s: int = 72 * 3600  # an operation's stated time is trusted back to this age ...
    clock_skew_s: int = 300  # ... and this far either side of the cloud's clock
    max_body_bytes: int = 1_048_576  # larger request bodies: 413 body_too_large, refused before they are read
    crl_grace_s: int = 24 * 3600  # a CRL past its next-update plus this stops resident authentication
    anon_rate_per_s: float = 5.0  # requests without a valid bearer token, per client address (token bucket) ...
    anon_burst: int = 100  # ... with this burst; beyond: 429 rate_limited + Retry-After
    # Operations (issue 13): the oldest terminal version the cloud still serves (published in /v1/health), and who
    # may read /metrics: with a token, callers presenting it as a bearer token; without one, loopback callers only
    min_terminal_version: str = "0"
    metrics_token: str = ""
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
        for name, env in (("offline_window_s", "KIOSK_CLOUD_OFFLINE_WINDOW_S"), ("clock_skew_s", "KIOSK_CLOUD_CLOCK_SKEW_S"),
                          ("max_body_bytes", "KIOSK_CLOUD_MAX_BODY_BYTES"), ("crl_grace_s", "KIOSK_CLOUD_CRL_GRACE_S"),
                          ("anon_burst", "KIOSK_CLOUD_ANON_BURST")):
            if env in os.environ:
                values[name] = int(os.environ[env])
        for name, env in (("min_terminal_version", "KIOSK_CLOUD_MIN_TERMINAL_VERSION"),
                          ("metrics_token", "KIOSK_CLOUD_METRICS_TOKEN")):
            if os.environ.get(env, "").strip():
                values[name] = os.environ[env].strip()
        if "KIOSK_CLOUD_ANON_RATE_PER_S" in os.environ:
            values["anon_rate_per_s"] = float(os.environ["KIOSK_CLOUD_ANON_RATE_PER_S"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
