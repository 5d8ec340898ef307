"""The clerk's session: login with throttling and lockout, the session token, its checks, logout (issue 8).

Passwords are checked off the event loop (argon2id, kiosk_cloud.security). An unknown staff code is checked against
a dummy hash so that it costs the same time as a known one, and it is throttled like a known one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import anyio
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import Database, as_utc, utcnow
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import departments, staff, staff_login_throttle, staff_sessions
from kiosk_cloud.security import (
    dummy_hash,
    hash_password,
    hash_secret,
    make_token,
    needs_rehash,
    new_secret,
    secret_matches,
    split_token,
    verify_password,
)
from kiosk_cloud.services.audit import audit
from kiosk_cloud.settings import Settings

STAFF_ROLES = ("counter", "office", "admin")


@dataclass(frozen=True, slots=True)
class StaffRow:
    staff_id: int
    name: str
    department_id: int
    department_name: str
    role: str
    department_name_en: str = ""


@dataclass(frozen=True, slots=True)
class OpenSession:
    session_id: int
    staff_id: int
    department_id: int
    role: str


def _throttle_keys(terminal_id: int, staff_code: str) -> tuple[str, str]:
    return f"code:{staff_code[:50]}", f"terminal:{terminal_id}"


async def _locked(conn: AsyncConnection, keys: tuple[str, ...], now: datetime) -> datetime | None:
    rows = (await conn.execute(select(staff_login_throttle.c.locked_until)
                               .where(staff_login_throttle.c.key.in_(keys)))).all()
    until = [as_utc(r.locked_until) for r in rows if r.locked_until is not None]
    latest = max((u for u in until if u is not None), default=None)
    return latest if latest is not None and latest > now else None


async def _count_failure(conn: AsyncConnection, key: str, now: datetime, settings: Settings) -> bool:
    """One more failure for `key`; True when it reaches the limit (the key is then locked)."""
    row = (await conn.execute(select(staff_login_throttle).where(staff_login_throttle.c.key == key)
                              .with_for_update())).first()
    window = timedelta(seconds=settings.staff_login_window_s)
    if row is None or (as_utc(row.window_started_at) or now) + window <= now:
        failures, started = 1, now
    else:
        failures, started = row.failures + 1, as_utc(row.window_started_at) or now
    locked = failures >= settings.staff_login_max_failures
    values = {"failures": 0 if locked else failures, "window_started_at": now if locked else started,
              "locked_until": now + timedelta(seconds=settings.staff_lockout_s) if locked else None}
    if row is None:
        await conn.execute(insert(staff_login_throttle).values(key=key, **values))
    else:
        await conn.execute(update(staff_login_throttle).where(staff_login_throttle.c.key == key).values(**values))
    return locked


async def _find_staff(db: Database, staff_code: str) -> tuple[StaffRow, str] | None:
    async with db.read() as conn:
        row = (
            await conn.execute(
                select(staff.c.id, staff.c.name, staff.c.password_hash, staff.c.active, staff.c.department_id,
                       staff.c.role, departments.c.name.label("department_name"),
                       departments.c.name_en.label("department_name_en"))
                .join(departments, departments.c.id == staff.c.department_id)
                .where(staff.c.staff_code == staff_code)
            )
        ).first()
    if row is None:
        return None
    member = StaffRow(row.id, row.name, row.department_id, row.department_name, row.role,
                      row.department_name_en or "")
    return member, row.password_hash if row.active else ""


async def check_credentials(db: Database, settings: Settings, *, terminal_id: int, staff_code: str, password: str,
                            purpose: str) -> tuple[StaffRow, str]:
    """Throttled password check (same cost for unknown codes). Returns the member and the stored hash, or raises
    staff_login_locked / staff_login_failed (each audited, in its own transaction)."""
    keys = _throttle_keys(terminal_id, staff_code)
    now = utcnow()
    async with db.read() as conn:
        locked_until = await _locked(conn, keys, now)
    if locked_until is not None:
        async with db.write() as conn:
            await audit(conn, action="staff_login_locked", terminal_id=terminal_id, subject=staff_code[:32],
                        detail={"purpose": purpose}, at=now)
        raise ApiError("staff_login_locked", retry_after_s=int((locked_until - now).total_seconds()) + 1)
    found = await _find_staff(db, staff_code)
    stored = found[1] if found is not None and found[1] else await anyio.to_thread.run_sync(dummy_hash)
    ok = await anyio.to_thread.run_sync(verify_password, password, stored)
    if found is None or not found[1] or not ok:
        async with db.write() as conn:
            locked = False
            for key in keys:
                locked = await _count_failure(conn, key, now, settings) or locked
            await audit(conn, action="staff_login_failed", terminal_id=terminal_id,
                        staff_id=found[0].staff_id if found else None, subject=staff_code[:32],
                        detail={"purpose": purpose, "locked": locked}, at=now)
        raise ApiError("staff_login_failed")
    return found[0], stored


async def login(db: Database, settings: Settings, *, terminal_id: int, staff_code: str,
                password: str) -> dict[str, Any]:
    member, stored = await check_credentials(db, settings, terminal_id=terminal_id, staff_code=staff_code,
                                             password=password, purpose="login")
    new_hash = await anyio.to_thread.run_sync(hash_password, password) if needs_rehash(stored) else None
    secret, now = new_secret(), utcnow()
    async with db.write() as conn:
        await conn.execute(delete_throttle(_throttle_keys(terminal_id, staff_code)[0]))
        if new_hash is not None:
            await conn.execute(update(staff).where(staff.c.id == member.staff_id, staff.c.password_hash == stored)
                               .values(password_hash=new_hash))
        # One clerk at a time per terminal: a new login ends the terminal's earlier sessions.
        await conn.execute(update(staff_sessions).where(staff_sessions.c.terminal_id == terminal_id,
                                                        staff_sessions.c.ended_at.is_(None))
                           .values(ended_at=now, end_reason="replaced"))
        session_id = (await conn.execute(insert(staff_sessions).values(
            token_hash=hash_secret(secret), terminal_id=terminal_id, staff_id=member.staff_id, created_at=now,
            last_used_at=now).returning(staff_sessions.c.id))).scalar_one()
        await audit(conn, action="staff_login", terminal_id=terminal_id, staff_id=member.staff_id,
                    subject=f"session {session_id}", detail={"role": member.role, "rehashed": new_hash is not None},
                    at=now)
    return {"staff_session": make_token(session_id, secret), "staff_id": member.staff_id, "name": member.name,
            "department_id": member.department_id, "department_name": member.department_name,
            "department_name_en": member.department_name_en, "role": member.role,
            "idle_timeout_s": settings.staff_idle_s}


def delete_throttle(key: str) -> Any:
    return update(staff_login_throttle).where(staff_login_throttle.c.key == key).values(
        failures=0, locked_until=None)


async def _session_row(conn: AsyncConnection, token: str) -> tuple[Any, str] | None:
    parsed = split_token(token)
    if parsed is None:
        return None
    session_id, secret = parsed
    row = (await conn.execute(
        select(staff_sessions, staff.c.department_id, staff.c.role, staff.c.active)
        .join(staff, staff.c.id == staff_sessions.c.staff_id)
        .where(staff_sessions.c.id == session_id))).first()
    return None if row is None else (row, secret)


async def open_session(db: Database, settings: Settings, *, token: str, terminal_id: int) -> OpenSession:
    """The live session behind X-Staff-Session for this terminal; refreshes its last use. Raises when refused."""
    now = utcnow()
    async with db.read() as conn:
        found = await _session_row(conn, token)
    if found is None:
        raise ApiError("staff_session_invalid")
    row, secret = found
    if row.terminal_id != terminal_id or not secret_matches(secret, row.token_hash) or not row.active:
        raise ApiError("staff_session_invalid")
    if row.ended_at is not None:
        raise ApiError("staff_session_expired" if row.end_reason == "idle" else "staff_session_invalid")
    last = as_utc(row.last_used_at) or now
    idle = timedelta(seconds=settings.staff_idle_s)
    if last + idle <= now:
        async with db.write() as conn:
            await conn.execute(update(staff_sessions).where(staff_sessions.c.id == row.id,
                                                            staff_sessions.c.ended_at.is_(None))
                               .values(ended_at=last + idle, end_reason="idle"))
        raise ApiError("staff_session_expired")
    if now - last >= min(timedelta(seconds=15), idle / 4):  # fewer writes; idle end accurate to that step
        async with db.write() as conn:
            await conn.execute(update(staff_sessions).where(staff_sessions.c.id == row.id,
                                                            staff_sessions.c.ended_at.is_(None))
                               .values(last_used_at=now))
    return OpenSession(row.id, row.staff_id, row.department_id, row.role)


@dataclass(slots=True)
class SessionSpan:
    """A session as /v1/sync sees it: open from `opened` while each use follows the previous within the idle time,
    until `ended`."""

    session: OpenSession
    opened: datetime
    last_used: datetime
    ended: datetime | None
    touched: bool = False

    def open_at(self, at: datetime, idle: timedelta, skew: timedelta) -> bool:
        if at < self.opened - skew or (self.ended is not None and at > self.ended):
            return False
        return at <= self.last_used + idle  # no skew here: the idle end is the cloud's own bookkeeping

    def use(self, at: datetime) -> None:
        if at > self.last_used:
            self.last_used, self.touched = at, True


async def session_span(conn: AsyncConnection, *, token: str, terminal_id: int) -> SessionSpan | None:
    """For /v1/sync: the session if the token is one of this terminal's, else None (no time check here)."""
    found = await _session_row(conn, token)
    if found is None:
        return None
    row, secret = found
    created, last = as_utc(row.created_at), as_utc(row.last_used_at)
    if (row.terminal_id != terminal_id or not secret_matches(secret, row.token_hash) or not row.active
            or created is None or last is None):
        return None
    return SessionSpan(OpenSession(row.id, row.staff_id, row.department_id, row.role), created, last,
                       as_utc(row.ended_at))


async def touch_spans(db: Database, spans: list[SessionSpan]) -> None:
    """Record the latest use of the sessions that synced work (a later use only; never reopens an ended one)."""
    touched = [s for s in spans if s.touched]
    if not touched:
        return
    async with db.write() as conn:
        for span in touched:
            await conn.execute(update(staff_sessions).where(
                staff_sessions.c.id == span.session.session_id, staff_sessions.c.ended_at.is_(None),
                staff_sessions.c.last_used_at < span.last_used).values(last_used_at=span.last_used))


async def logout(db: Database, *, token: str, terminal_id: int) -> bool:
    now = utcnow()
    async with db.write() as conn:
        found = await _session_row(conn, token)
        if found is None:
            return False
        row, secret = found
        if row.terminal_id != terminal_id or not secret_matches(secret, row.token_hash) or row.ended_at is not None:
            return False
        await conn.execute(update(staff_sessions).where(staff_sessions.c.id == row.id)
                           .values(ended_at=now, end_reason="logout"))
        await audit(conn, action="staff_logout", terminal_id=terminal_id, staff_id=row.staff_id,
                    subject=f"session {row.id}", at=now)
    return True


async def end_terminal_sessions(conn: AsyncConnection, terminal_id: int, reason: str, now: datetime) -> None:
    await conn.execute(update(staff_sessions).where(staff_sessions.c.terminal_id == terminal_id,
                                                    staff_sessions.c.ended_at.is_(None))
                       .values(ended_at=now, end_reason=reason))


async def second_staff(db: Database, settings: Settings, *, terminal_id: int, first_staff_id: int,
                       credentials: dict[str, str] | None, purpose: str) -> StaffRow:
    """A second staff member's confirmation, checked like a login (throttled, audited failures); must be another
    person than the one logged in, with a staff role (counter/office/admin)."""
    if not credentials:
        raise ApiError("second_staff_required")
    try:
        member, _ = await check_credentials(db, settings, terminal_id=terminal_id,
                                            staff_code=credentials["staff_code"], password=credentials["password"],
                                            purpose=purpose)
    except ApiError as exc:
        if exc.code == "staff_login_failed":
            raise ApiError("second_staff_invalid") from None
        raise
    if member.staff_id == first_staff_id:
        raise ApiError("second_staff_invalid", "the same staff member")
    return member
