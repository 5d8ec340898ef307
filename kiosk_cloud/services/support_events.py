"""A resident gives points to a support event (特定支援イベント, seed 003 6-1 and 6-4 ③): the points move from the
resident's account to the event's account (特定支援イベント口座) with their expiry dates and premium flags kept,
and the resident may ask that the organiser be told their name with the points.

The debit carries the resident's signed consent (action `event_support`, shop = the event's account id, this
terminal, the event's point type, the points); the caller checks it (services.consent.verify_consent) in the same
transaction, so a refused proof writes nothing. Ledger: the resident's row `event_support` (points < 0, reference
`event:<account>`) and the event's row `event_support` (points > 0, reference `from:<resident's row>`), one lot
per lot taken; `event_supporters` keeps the name (or NULL)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import InsufficientPoints
from kiosk.core.points import AccountKind, apply_takes, balance, plan_spend
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, event_supporters, ledger, lots
from kiosk_cloud.services.accounts import live_lots, lock_account, premium_part, take_points, takes_json
from kiosk_cloud.services.common import iso


async def event_row(conn: AsyncConnection, account_id: int, lock: bool = False) -> Any:
    query = select(accounts).where(accounts.c.id == account_id)
    row = (await conn.execute(query.with_for_update() if lock else query)).first()
    if row is None or row.kind != AccountKind.SUPPORT_EVENT.value:
        raise ApiError("not_found", "no such support-event account")
    return row


async def support(conn: AsyncConnection, *, event_account_id: int, point_type_id: int, mykey_id: str, points: int,
                  name: str | None, terminal_id: int, staff_id: int | None, now: datetime) -> dict[str, Any]:
    """Move `points` from the resident's account (earliest expiry first) to the event's account."""
    account_id = await lock_account(conn, mykey_id, point_type_id)
    current = [] if account_id is None else await live_lots(conn, account_id, now)
    if account_id is None or balance(current, now) < points:
        raise InsufficientPoints(points, balance(current, now))
    takes = plan_spend(current, points, now)
    premium = premium_part(current, takes)
    await take_points(conn, takes)
    debit = (await conn.execute(insert(ledger).values(
        account_id=account_id, kind="event_support", points=-points, premium_points=-premium, occurred_at=now,
        recorded_at=now, terminal_id=terminal_id, staff_id=staff_id, reference=f"event:{event_account_id}",
        takes=takes_json(takes)).returning(ledger.c.id))).scalar_one()
    sources = {str(r.id): r for r in (await conn.execute(
        select(lots.c.id, lots.c.programme_id, lots.c.premium, lots.c.expires_at)
        .where(lots.c.id.in_([int(t.lot_id) for t in takes])))).all()}
    await conn.execute(insert(lots), [
        {"account_id": event_account_id, "programme_id": sources[t.lot_id].programme_id,
         "premium": sources[t.lot_id].premium, "granted_at": now, "expires_at": sources[t.lot_id].expires_at,
         "original": t.points, "remaining": t.points} for t in takes])
    await conn.execute(insert(ledger).values(
        account_id=event_account_id, kind="event_support", points=points, premium_points=premium, occurred_at=now,
        recorded_at=now, terminal_id=terminal_id, staff_id=staff_id, reference=f"from:{debit}"))
    await conn.execute(insert(event_supporters).values(
        event_account_id=event_account_id, ledger_id=debit, mykey_id=mykey_id, points=points,
        name=name or None, at=now, terminal_id=terminal_id, staff_id=staff_id))
    return {"account_id": event_account_id, "entry_id": debit, "mykey_id": mykey_id, "points": points,
            "name": name or None, "balance": balance(apply_takes(current, takes), now), "at": iso(now)}


async def supporters(conn: AsyncConnection, event_account_id: int) -> list[dict[str, Any]]:
    """Who gave what, per MyKey ID (and the name each wished to be told, if any), from the resident's ledger rows
    `event_support` referencing this event."""
    names = (select(event_supporters.c.mykey_id, func.max(event_supporters.c.name).label("name"))
             .where(event_supporters.c.event_account_id == event_account_id)
             .group_by(event_supporters.c.mykey_id).subquery("n"))
    rows = (await conn.execute(
        select(accounts.c.mykey_id, func.sum(ledger.c.points).label("points"), func.count().label("gifts"),
               names.c.name)
        .select_from(ledger.join(accounts, accounts.c.id == ledger.c.account_id)
                     .outerjoin(names, names.c.mykey_id == accounts.c.mykey_id))
        .where(ledger.c.kind == "event_support", ledger.c.reference == f"event:{event_account_id}",
               accounts.c.mykey_id.is_not(None))
        .group_by(accounts.c.mykey_id, names.c.name).order_by(accounts.c.mykey_id))).all()
    return [{"mykey_id": r.mykey_id, "name": r.name, "points": -int(r.points), "count": int(r.gifts)} for r in rows]


async def givers(conn: AsyncConnection, event_account_id: int) -> dict[str, str]:
    """For the event's own `event_support` rows (reference `from:<resident's row>`): who gave — the name the
    resident wished told, else the MyKey ID."""
    rows = (await conn.execute(select(event_supporters.c.ledger_id, event_supporters.c.name,
                                      event_supporters.c.mykey_id)
                               .where(event_supporters.c.event_account_id == event_account_id))).all()
    return {f"from:{r.ledger_id}": r.name or r.mykey_id for r in rows}
