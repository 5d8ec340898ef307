"""Reserved points (留保ポイント): held for a MyKey ID until claimed; after the transfer deadline they move to the
municipality's default account (kiosk.core.points.reserved_due)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.points import AccountKind, ReservedPoints, check_points, reserved_due
from kiosk_cloud.db import as_utc
from kiosk_cloud.models import accounts, ledger, lots, reserved_points
from kiosk_cloud.services.accounts import lock_account
from kiosk_cloud.services.ledger_ops import programme_row


async def reserve(conn: AsyncConnection, *, programme_id: int, mykey_id: str, points: int,
                  transfer_deadline: datetime, now: datetime) -> dict[str, Any]:
    check_points(points)
    prog = await programme_row(conn, programme_id)
    account_id = await lock_account(conn, mykey_id, prog.point_type_id, create=True, now=now)
    rid = (await conn.execute(insert(reserved_points).values(
        account_id=account_id, programme_id=programme_id, points=points, transfer_deadline=transfer_deadline)
        .returning(reserved_points.c.id))).scalar_one()
    return {"id": rid, "mykey_id": mykey_id, "points": points, "transfer_deadline": transfer_deadline.isoformat()}


async def sweep(conn: AsyncConnection, now: datetime) -> list[dict[str, Any]]:
    rows = (await conn.execute(
        select(reserved_points.c.id, reserved_points.c.points, reserved_points.c.transfer_deadline,
               reserved_points.c.programme_id, accounts.c.point_type_id)
        .join(accounts, accounts.c.id == reserved_points.c.account_id)
        .where(reserved_points.c.transferred_at.is_(None), reserved_points.c.claimed_at.is_(None))
        .with_for_update(of=reserved_points)
    )).all()
    by_id = {str(r.id): r for r in rows}
    due = reserved_due([ReservedPoints(str(r.id), r.points, as_utc(r.transfer_deadline) or now) for r in rows], now)
    moved = []
    for item in due:
        row = by_id[item.reserved_id]
        default_account = await lock_account(conn, None, row.point_type_id, AccountKind.MUNICIPAL_DEFAULT,
                                             create=True, now=now)
        await conn.execute(insert(lots).values(
            account_id=default_account, programme_id=row.programme_id, premium=False, granted_at=now,
            expires_at=now + timedelta(days=3650), original=row.points, remaining=row.points))
        await conn.execute(insert(ledger).values(
            account_id=default_account, kind="reserved_transfer", points=row.points, occurred_at=now, recorded_at=now,
            programme_id=row.programme_id, reference=f"reserved:{row.id}"))
        await conn.execute(update(reserved_points).where(reserved_points.c.id == row.id).values(transferred_at=now))
        moved.append({"id": row.id, "points": row.points, "point_type_id": row.point_type_id})
    return moved
