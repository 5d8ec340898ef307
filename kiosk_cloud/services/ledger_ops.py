"""Grants, card payments at shops and their reversal: each runs inside the caller's write transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.mykey_id import normalize_mykey_id
from kiosk.core.points import Take
from kiosk.core.rules.grant import GrantRequest, decide_grant
from kiosk_cloud.db import as_utc
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, ledger, lots, point_types, programmes
from kiosk_cloud.services.accounts import (
    lock_account,
    restore_points,
    takes_from_json,
)
from kiosk_cloud.services.repeat_rule import load_grant_state


async def programme_row(conn: AsyncConnection, programme_id: int) -> Any:
    row = (await conn.execute(select(programmes).where(programmes.c.id == programme_id))).first()
    if row is None:
        raise ApiError("unknown_programme")
    if not row.active:
        raise ApiError("programme_inactive")
    return row


async def check_point_type(conn: AsyncConnection, point_type_id: int) -> None:
    if (await conn.execute(select(point_types.c.id).where(point_types.c.id == point_type_id))).first() is None:
        raise ApiError("unknown_point_type")


async def grant(
    conn: AsyncConnection, *, programme_id: int, mykey_id: str, points: int, terminal_id: int | None,
    now: datetime, occurred_at: datetime | None = None, staff_id: int | None = None, key: str | None = None,
) -> dict[str, Any]:
    """One grant, decided by the grant rule (kiosk.core.rules.grant): one lot (premium or normal per programme)
    plus its ledger entry. Every grant of the cloud comes through here or a sync batch runner."""
    request = GrantRequest(normalize_mykey_id(mykey_id), programme_id, points, occurred_at or now)
    plan = decide_grant(request, await load_grant_state(conn, request))
    account_id = await lock_account(conn, plan.mykey_id, plan.point_type_id, create=True, now=now)
    assert account_id is not None
    lot_id = (
        await conn.execute(
            insert(lots).values(
                account_id=account_id, programme_id=plan.programme_id, premium=plan.premium,
                granted_at=plan.granted_at, expires_at=plan.expires_at, original=plan.points, remaining=plan.points,
            ).returning(lots.c.id)
        )
    ).scalar_one()
    ledger_id = (
        await conn.execute(
            insert(ledger).values(
                account_id=account_id, kind="grant", points=plan.points, premium_points=plan.premium_points,
                occurred_at=plan.granted_at, recorded_at=now, programme_id=plan.programme_id, terminal_id=terminal_id,
                staff_id=staff_id, idempotency_key=key, reference=str(lot_id),
            ).returning(ledger.c.id)
        )
    ).scalar_one()
    return plan.result(ledger_id)


async def reverse_payment(
    conn: AsyncConnection, *, payment_id: int, shop_id: int | None, terminal_id: int, window_s: int, now: datetime
) -> dict[str, Any]:
    row = (
        await conn.execute(
            select(ledger.c.id, ledger.c.account_id, ledger.c.kind, ledger.c.shop_id).where(ledger.c.id == payment_id)
        )
    ).first()
    if row is None or row.kind != "use" or (shop_id is not None and row.shop_id != shop_id):
        raise ApiError("unknown_payment")
    # Lock the account first (same order as payments), then re-read the payment under the lock.
    await conn.execute(select(accounts.c.id).where(accounts.c.id == row.account_id).with_for_update())
    pay_row = (await conn.execute(select(ledger).where(ledger.c.id == payment_id))).one()
    if pay_row.reversed_by is not None:
        raise ApiError("already_reversed")
    if (as_utc(pay_row.recorded_at) or now) + timedelta(seconds=window_s) < now:
        raise ApiError("reversal_window_passed")
    takes: list[Take] = takes_from_json(pay_row.takes)
    await restore_points(conn, takes)
    reversal_id = (
        await conn.execute(
            insert(ledger).values(
                account_id=pay_row.account_id, kind="reversal", points=-pay_row.points,
                premium_points=-pay_row.premium_points, occurred_at=now, recorded_at=now, shop_id=pay_row.shop_id,
                terminal_id=terminal_id, reference=str(payment_id), takes=pay_row.takes,
            ).returning(ledger.c.id)
        )
    ).scalar_one()
    await conn.execute(update(ledger).where(ledger.c.id == payment_id).values(reversed_by=reversal_id))
    return {"payment_id": payment_id, "reversal_id": reversal_id, "points": -pay_row.points}
