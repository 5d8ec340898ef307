"""Direct reads of the cloud's database for the staff-session and audit tests (what was written, or not)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine

from kiosk_cloud.db import Database
from kiosk_cloud.models import audit_log, idempotency, ledger, lots, staff_sessions, vouchers
from kiosk_cloud.settings import sync_database_url

SECRETS_TABLES = (ledger, lots, idempotency)


@contextmanager
def engine(database_url: str) -> Iterator[Engine]:
    eng = create_engine(sync_database_url(database_url))
    try:
        yield eng
    finally:
        eng.dispose()


def written(database_url: str) -> dict[str, Any]:
    """Row counts of ledger, lots and idempotency plus the vouchers' statuses: equal before and after = nothing
    written."""
    with engine(database_url) as eng, eng.connect() as conn:
        out: dict[str, Any] = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                               for t in SECRETS_TABLES}
        out["vouchers"] = sorted(tuple(r) for r in conn.execute(select(vouchers.c.number, vouchers.c.status)).all())
        out["remaining"] = conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0))).scalar_one()
        return out


def audit_rows(database_url: str, action: str | None = None) -> list[dict[str, Any]]:
    with engine(database_url) as eng, eng.connect() as conn:
        query = select(audit_log).order_by(audit_log.c.id)
        if action is not None:
            query = query.where(audit_log.c.action == action)
        return [dict(r._mapping) for r in conn.execute(query).all()]


def ledger_staff(database_url: str, reference_grant_id: int) -> int | None:
    with engine(database_url) as eng, eng.connect() as conn:
        return conn.execute(select(ledger.c.staff_id).where(ledger.c.id == reference_grant_id)).scalar()


def session_rows(database_url: str) -> list[dict[str, Any]]:
    with engine(database_url) as eng, eng.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(staff_sessions).order_by(staff_sessions.c.id)).all()]


def age_session(database_url: str, session_id: int, seconds: float, *, last_use: bool = True) -> None:
    """Move a session's login (and its last use) into the past: an idle session without waiting, or (last_use
    False) a clerk logged in long enough for operations dated in the past (made offline) to count."""
    with engine(database_url) as eng, eng.begin() as conn:
        row = conn.execute(select(staff_sessions).where(staff_sessions.c.id == session_id)).one()
        shift = timedelta(seconds=seconds)
        values = {"created_at": _aware(row.created_at) - shift}
        if last_use:
            values["last_used_at"] = _aware(row.last_used_at) - shift
        conn.execute(staff_sessions.update().where(staff_sessions.c.id == session_id).values(**values))


def logged_in_since(database_url: str, session: str, seconds: float) -> None:
    """The clerk of `session` ("<id>.<secret>") logged in `seconds` ago (operations dated since then count)."""
    age_session(database_url, int(session.split(".")[0]), seconds, last_use=False)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def all_text(database_url: str) -> str:
    """Every audit row as text (to look for secrets in it)."""
    with engine(database_url) as eng, eng.connect() as conn:
        return "\n".join(str(tuple(r)) for r in conn.execute(text("SELECT * FROM audit_log")).all())


def issue_vouchers(database_url: str, mykey_id: str, points: int, count: int, terminal_id: int) -> list[dict[str, Any]]:
    """Paper vouchers made in-process (the issue endpoint itself is the consent helper's; here only their numbers and
    codes are needed)."""
    from kiosk_cloud.services import vouchers as vsvc

    async def run() -> list[dict[str, Any]]:
        db = Database(database_url, pool_size=1)
        try:
            async with db.write() as conn:
                return await vsvc.issue(conn, mykey_id=mykey_id, point_type_id=1, points=points, count=count,
                                        terminal_id=terminal_id, validity_days=30, now=datetime.now(UTC))
        finally:
            await db.dispose()

    return asyncio.run(run())
