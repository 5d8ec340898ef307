"""How far an operation's stated time is trusted: the municipality's offline window and the clock skew.

A terminal says when an operation happened (`created_at` of a /v1/sync operation, the `at` of a signed consent
statement). The cloud believes it only inside a window: offline, back to `offline_window_s` (72 h by default,
set per municipality in its reference data) plus `clock_skew_s`; online, `clock_skew_s` either side; never more
than `clock_skew_s` into the future. Outside it the operation is not applied: /v1/sync makes it a `conflict`
`operation_time_out_of_window` for the office (backdating would otherwise beat expiry, once-a-day rules, the
offline daily limit and settlement periods).
"""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import conflicts, municipalities
from kiosk_cloud.services.common import iso, jdump, record_change
from kiosk_cloud.settings import Settings

TOO_OLD, IN_FUTURE = "too_old", "in_future"
CACHE_S = 5.0  # a municipality's limits are re-read at most this often per worker


class Window(Protocol):
    @property
    def offline_window_s(self) -> int: ...

    @property
    def clock_skew_s(self) -> int: ...


@dataclass(frozen=True)
class Limits:
    """The limits in force: the municipality's reference data where set, else the cloud's settings."""
    offline_window_s: int
    clock_skew_s: int
    crl_grace_s: int

    def as_json(self) -> dict[str, int]:
        return {"offline_window_s": self.offline_window_s, "clock_skew_s": self.clock_skew_s,
                "crl_grace_s": self.crl_grace_s}


def time_problem(at: datetime, now: datetime, window: Window, *, offline: bool) -> str | None:
    """None when `at` is trusted; else TOO_OLD or IN_FUTURE."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    skew = timedelta(seconds=window.clock_skew_s)
    if at > now + skew:
        return IN_FUTURE
    oldest = now - skew - (timedelta(seconds=window.offline_window_s) if offline else timedelta(0))
    if at < oldest:
        return TOO_OLD
    return None


def check_stated_time(at: datetime, now: datetime, window: Window, *, offline: bool) -> None:
    """Raise ApiError("operation_time_out_of_window", problem=TOO_OLD|IN_FUTURE) unless `at` is trusted.
    `window` is the Settings or the Limits of `limits_of` (anything with offline_window_s and clock_skew_s)."""
    problem = time_problem(at, now, window, offline=offline)
    if problem is not None:
        raise ApiError("operation_time_out_of_window", _detail(problem, window, offline), problem=problem)


def _detail(problem: str, window: Window, offline: bool) -> str:
    if problem == IN_FUTURE:
        return f"stated time is more than {window.clock_skew_s} s ahead of the cloud's clock"
    if offline:
        return f"stated time is older than the offline window ({window.offline_window_s // 3600} h)"
    return f"stated time is more than {window.clock_skew_s} s behind the cloud's clock"


_CACHE: weakref.WeakKeyDictionary[Any, tuple[float, Limits]] = weakref.WeakKeyDictionary()


async def limits_of(conn: AsyncConnection, settings: Settings) -> Limits:
    """The limits in force (cached ≤ CACHE_S per worker and database; `set_limits` forgets them at once)."""
    engine = conn.sync_engine
    hit = _CACHE.get(engine)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    row = (await conn.execute(select(municipalities.c.offline_window_s, municipalities.c.crl_grace_s)
                              .order_by(municipalities.c.id).limit(1))).first()
    limits = Limits(
        offline_window_s=int(row.offline_window_s) if row is not None and row.offline_window_s is not None
        else settings.offline_window_s,
        clock_skew_s=settings.clock_skew_s,
        crl_grace_s=int(row.crl_grace_s) if row is not None and row.crl_grace_s is not None else settings.crl_grace_s,
    )
    _CACHE[engine] = (time.monotonic() + CACHE_S, limits)
    return limits


async def current_limits(db: Any, settings: Settings) -> Limits:
    """`limits_of` without opening a connection while the cached value is fresh (`db`: a kiosk_cloud.db.Database)."""
    hit = _CACHE.get(db.engine.sync_engine)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    async with db.read() as conn:
        return await limits_of(conn, settings)


async def record_out_of_window(conn: AsyncConnection, *, kind: str, key: str, terminal_id: int,
                               shop_id: int | None, at: datetime, now: datetime, problem: str) -> dict[str, Any]:
    """The conflict for the office: the operation is kept for review, nothing of it is applied."""
    detail = {"problem": "operation_time_out_of_window", "reason": problem, "kind": kind,
              "stated_at": iso(at), "received_at": iso(now)}
    await conn.execute(insert(conflicts).values(kind=kind, operation_key=key, terminal_id=terminal_id,
                                                shop_id=shop_id, detail=jdump(detail), created_at=now))
    return detail


async def publish_limits(conn: AsyncConnection, settings: Settings) -> Limits:
    """Put the limits in force on the changes feed (kind `limits`): terminals learn the offline window."""
    code = (await conn.execute(select(municipalities.c.code).order_by(municipalities.c.id).limit(1))).scalar()
    _CACHE.pop(conn.sync_engine, None)
    limits = await limits_of(conn, settings)
    await record_change(conn, "limits", code or settings.municipality_code, limits.as_json())
    return limits


async def publish_limits_if_changed(db: Any, settings: Settings) -> None:
    """At start-up: publish the limits in force unless the feed's latest `limits` entry already says so."""
    from kiosk_cloud.models import changes
    from kiosk_cloud.services.common import jload

    async with db.write() as conn:
        limits = await limits_of(conn, settings)
        last = (await conn.execute(select(changes.c.data).where(changes.c.kind == "limits")
                                   .order_by(changes.c.seq.desc()).limit(1))).scalar()
        if last is None or jload(last) != limits.as_json():
            await publish_limits(conn, settings)


async def set_limits(conn: AsyncConnection, settings: Settings, *, offline_window_s: int | None,
                     crl_grace_s: int | None) -> Limits:
    """Set the municipality's values (None: back to the cloud's setting) and publish them on the changes feed."""
    code = (await conn.execute(select(municipalities.c.code).order_by(municipalities.c.id).limit(1))).scalar()
    if code is None:
        raise ApiError("not_found", "no municipality configured")
    await conn.execute(update(municipalities).where(municipalities.c.code == code)
                       .values(offline_window_s=offline_window_s, crl_grace_s=crl_grace_s))
    return await publish_limits(conn, settings)
