"""Municipal accounts without a MyKey ID: the default account (where unclaimed reserved points end up) and
support-event accounts (特定支援イベント口座), each with lots and ledger entries like a resident's."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.points import AccountKind, check_points
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, ledger, lots
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.ledger_ops import check_point_type, programme_row


async def create_support_event(conn: AsyncConnection, point_type_id: int, name: str, now: datetime) -> int:
    await check_point_type(conn, point_type_id)
    try:
        async with conn.begin_nested():
            return int((await conn.execute(insert(accounts).values(
                mykey_id=None, point_type_id=point_type_id, kind=AccountKind.SUPPORT_EVENT.value, name=name,
                created_at=now).returning(accounts.c.id))).scalar_one())
    except IntegrityError:
        raise ApiError("support_event_exists") from None


async def fund(conn: AsyncConnection, *, account_id: int, programme_id: int, points: int, terminal_id: int,
               now: datetime) -> dict[str, Any]:
    """Put points from a programme into a support-event account (a lot with the programme's validity)."""
    check_points(points)
    row = (await conn.execute(select(accounts).where(accounts.c.id == account_id).with_for_update())).first()
    if row is None or row.kind != AccountKind.SUPPORT_EVENT.value:
        raise ApiError("not_found", "no such support-event account")
    prog = await programme_row(conn, programme_id)
    if prog.point_type_id != row.point_type_id:
        raise ApiError("unknown_programme", "the programme grants another point type")
    expires_at = now + timedelta(days=prog.validity_days)
    lot_id = (await conn.execute(insert(lots).values(
        account_id=account_id, programme_id=programme_id, premium=prog.premium, granted_at=now,
        expires_at=expires_at, original=points, remaining=points).returning(lots.c.id))).scalar_one()
    entry = (await conn.execute(insert(ledger).values(
        account_id=account_id, kind="event_fund", points=points, premium_points=points if prog.premium else 0,
        occurred_at=now, recorded_at=now, programme_id=programme_id, terminal_id=terminal_id,
        reference=str(lot_id)).returning(ledger.c.id))).scalar_one()
    return {"account_id": account_id, "entry_id": entry, "points": points, "expires_at": iso(expires_at)}


async def municipal_accounts(conn: AsyncConnection, now: datetime) -> list[dict[str, Any]]:
    live = (select(lots.c.account_id, func.coalesce(func.sum(lots.c.remaining), 0).label("balance"))
            .where(lots.c.remaining > 0, lots.c.expires_at > now).group_by(lots.c.account_id).subquery())
    rows = (await conn.execute(
        select(accounts.c.id, accounts.c.kind, accounts.c.name, accounts.c.point_type_id, live.c.balance)
        .outerjoin(live, live.c.account_id == accounts.c.id)
        .where(accounts.c.mykey_id.is_(None)).order_by(accounts.c.id))).all()
    return [{"account_id": r.id, "kind": r.kind, "name": r.name, "point_type_id": r.point_type_id,
             "balance": int(r.balance or 0)} for r in rows]
