"""Point accounts and their lots: lock an account, load its live lots, expire, take and restore points.

The hot path (payment, voucher issue) is: lock the account row (``SELECT ... FOR UPDATE``; on SQLite the write
transaction is already ``BEGIN IMMEDIATE``), read its lots with points left, plan with kiosk.core.points, update
the lots in one executemany, insert one ledger row. Core statements only, no ORM objects.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.points import AccountKind, Lot, LotKind, Take, expired
from kiosk_cloud.db import as_utc
from kiosk_cloud.models import accounts, ledger, lots, mykey_ids

_lot_take = (
    update(lots)
    .where(lots.c.id == bindparam("lot_id"))
    .values(remaining=lots.c.remaining - bindparam("take"))
)
_lot_give = (
    update(lots)
    .where(lots.c.id == bindparam("lot_id"))
    .values(remaining=lots.c.remaining + bindparam("give"))
)


async def lock_account(
    conn: AsyncConnection, mykey_id: str | None, point_type_id: int, kind: AccountKind = AccountKind.PERSONAL,
    create: bool = False, now: datetime | None = None,
) -> int | None:
    query = (
        select(accounts.c.id)
        .where(accounts.c.point_type_id == point_type_id, accounts.c.kind == kind.value)
        .with_for_update()
    )
    query = query.where(accounts.c.mykey_id == mykey_id if mykey_id is not None else accounts.c.mykey_id.is_(None))
    account_id: int | None = (await conn.execute(query)).scalar()
    if account_id is not None or not create:
        return account_id
    assert now is not None
    try:
        async with conn.begin_nested():
            return int(
                (await conn.execute(
                    insert(accounts).values(
                        mykey_id=mykey_id, point_type_id=point_type_id, kind=kind.value, created_at=now
                    ).returning(accounts.c.id)
                )).scalar_one()
            )
    except IntegrityError:  # created concurrently: lock the winner's row
        return int((await conn.execute(query)).scalar_one())


async def lock_personal_account(conn: AsyncConnection, mykey_id: str, point_type_id: int) -> tuple[int, str] | None:
    """Hot path: lock the MyKey ID's account and read the MyKey ID's status in one round trip."""
    row = (await conn.execute(
        select(accounts.c.id, mykey_ids.c.status)
        .join(mykey_ids, mykey_ids.c.mykey_id == accounts.c.mykey_id)
        .where(accounts.c.mykey_id == mykey_id, accounts.c.point_type_id == point_type_id,
               accounts.c.kind == AccountKind.PERSONAL.value)
        .with_for_update(of=accounts)
    )).first()
    return None if row is None else (int(row.id), str(row.status))


async def live_lots(conn: AsyncConnection, account_id: int, now: datetime) -> list[Lot]:
    """Lots with points left; lots past their expiry are zeroed and written to the ledger as 'expiry'."""
    all_lots = await lots_with_points(conn, account_id, now)
    return await write_off(conn, account_id, all_lots, expired(all_lots, now), now)


async def lots_with_points(conn: AsyncConnection, account_id: int, now: datetime) -> list[Lot]:
    """Every lot of the account with points left, live or past its expiry (nothing written)."""
    rows = (
        await conn.execute(
            select(lots.c.id, lots.c.remaining, lots.c.expires_at, lots.c.granted_at, lots.c.premium).where(
                lots.c.account_id == account_id, lots.c.remaining > 0
            )
        )
    ).all()
    return [
        Lot(str(r.id), r.remaining, as_utc(r.expires_at) or now, as_utc(r.granted_at) or now,
            LotKind.PREMIUM if r.premium else LotKind.NORMAL)
        for r in rows
    ]


async def write_off(conn: AsyncConnection, account_id: int, all_lots: list[Lot], gone: list[Take],
                    now: datetime) -> list[Lot]:
    """Zero the lots in `gone` (past their expiry) with one 'expiry' ledger row; the lots that are left."""
    if gone:
        await conn.execute(_lot_take, [{"lot_id": int(t.lot_id), "take": t.points} for t in gone])
        premium = {lot.lot_id for lot in all_lots if lot.kind is LotKind.PREMIUM}
        await conn.execute(
            insert(ledger).values(
                account_id=account_id, kind="expiry", points=-sum(t.points for t in gone),
                premium_points=-sum(t.points for t in gone if t.lot_id in premium),
                occurred_at=now, recorded_at=now, takes=takes_json(gone),
            )
        )
        gone_ids = {t.lot_id for t in gone}
        all_lots = [lot for lot in all_lots if lot.lot_id not in gone_ids]
    return all_lots


async def take_points(conn: AsyncConnection, takes: list[Take]) -> None:
    await conn.execute(_lot_take, [{"lot_id": int(t.lot_id), "take": t.points} for t in takes])


async def restore_points(conn: AsyncConnection, takes: list[Take]) -> None:
    """Give points back to the lots they came from (reversal, voided voucher); expiry applies as before."""
    await conn.execute(_lot_give, [{"lot_id": int(t.lot_id), "give": t.points} for t in takes])


def premium_part(lots_: list[Lot], takes: list[Take]) -> int:
    premium = {lot.lot_id for lot in lots_ if lot.kind is LotKind.PREMIUM}
    return sum(t.points for t in takes if t.lot_id in premium)


def takes_json(takes: list[Take]) -> str:
    return json.dumps([[int(t.lot_id), t.points] for t in takes], separators=(",", ":"))


def takes_from_json(text: str | None) -> list[Take]:
    return [Take(str(lot_id), points) for lot_id, points in json.loads(text or "[]")]
