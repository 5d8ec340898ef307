"""GET /v1/health: is this node able to serve, and which terminals it still serves.

Who may call it: anyone, without credentials — load balancers (HAProxy's `option httpchk`), monitoring, and
terminals (before enrolment too; enrolled ones send their token so the front door never rate-limits them). It shows
no data: the time, the API version, the oldest terminal version served (`min_terminal_version`, from
`KIOSK_CLOUD_MIN_TERMINAL_VERSION`) and whether each check passed. Callers without a terminal token are held to
the front door's per-address rate (kiosk_cloud/limits.py: 429 `rate_limited`).

Checks (run at most once a second per worker, each bounded by CHECK_TIMEOUT_S, so a thousand terminals probing
cost the database one tiny query a second):
- `database`: a real query (the Alembic version table) through the pool the routes use;
- `migrations`: the database's revision is the head this code was built for (a node of a newer or older release
  beside the database's schema answers 503 rather than writing with the wrong shape).

200 `{"status": "ok", ...}` when both pass; otherwise 503 with `"failing"` naming the first failing check and the
usual error body (`database_unavailable` / `schema_not_current`): terminals count a 5xx as "cloud offline" and load
balancers take the node out of rotation.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.errors import error_body

router = APIRouter(tags=["health"])

CACHE_S = 1.0
CHECK_TIMEOUT_S = 2.0
_HEADS: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Checked:
    at: float
    checks: dict[str, dict[str, Any]]
    failing: str | None  # the first failing check's name
    code: str | None  # its error code


def expected_heads(database_url: str) -> tuple[str, ...]:
    """The Alembic head revision(s) of this code (read once per process)."""
    if database_url not in _HEADS:
        from alembic.script import ScriptDirectory

        from kiosk_cloud.migrate import alembic_config

        _HEADS[database_url] = tuple(sorted(ScriptDirectory.from_config(alembic_config(database_url)).get_heads()))
    return _HEADS[database_url]


async def run_checks(db: Database) -> Checked:
    checks: dict[str, dict[str, Any]] = {}
    expected = expected_heads(db.url)
    started = time.perf_counter()
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_S), db.read() as conn:
            rows = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars().all()
    except Exception as exc:  # any failure to query (refused, timed out, authentication, missing table) counts
        checks["database"] = {"ok": False, "error": type(exc).__name__}
        checks["migrations"] = {"ok": False, "expected": list(expected), "current": None}
        return Checked(time.monotonic(), checks, "database", "database_unavailable")
    checks["database"] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 2)}
    current = tuple(sorted(str(r) for r in rows))
    current_ok = current == expected
    checks["migrations"] = {"ok": current_ok, "expected": list(expected), "current": list(current)}
    if not current_ok:
        return Checked(time.monotonic(), checks, "migrations", "schema_not_current")
    return Checked(time.monotonic(), checks, None, None)


async def cached_checks(request: Request) -> Checked:
    state = request.app.state
    last: Checked | None = getattr(state, "health_checked", None)
    if last is not None and time.monotonic() - last.at < CACHE_S:
        return last
    checked = await run_checks(state.db)
    state.health_checked = checked
    return checked


@router.get("/health", responses={503: {"description": "a check failed: `failing` names it; the body also carries "
                                               "the usual `error` (database_unavailable, schema_not_current)"}})
async def health(request: Request) -> JSONResponse:
    checked = await cached_checks(request)
    settings = request.app.state.settings
    body: dict[str, Any] = {
        "status": "ok" if checked.failing is None else "unavailable",
        "time": utcnow().isoformat(),
        "api_version": request.app.version,
        "min_terminal_version": settings.min_terminal_version,
        "checks": checked.checks,
    }
    if checked.failing is None:
        return JSONResponse(body)
    assert checked.code is not None
    body["failing"] = checked.failing
    body.update(error_body(checked.code))
    return JSONResponse(body, status_code=503, headers={"Retry-After": "5", "Cache-Control": "no-store"})
