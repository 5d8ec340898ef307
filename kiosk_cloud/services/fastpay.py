"""The card-payment hot path on PostgreSQL: raw asyncpg, prepared statements, one short transaction.

Round trips: BEGIN; lock the account row (``FOR UPDATE``) reading the MyKey ID's status, whether the idempotency
key is known and the next ledger id; read the lots with points left; update the lots taken (one statement);
insert the ledger row and the idempotency row (one statement); COMMIT. The spending plan is
kiosk.core.points.plan_spend, exactly as on the general path.

Anything unusual — key already known, MyKey ID not valid, no account, expired lots to write off, not enough
points, a concurrent insert of the same key — rolls back and returns None: the caller then takes the general
path (services.idempotent.run_once), which answers those cases. Results and stored rows are identical on
both paths, and the API tests run both (SQLite never takes this path).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from kiosk.core.errors import InsufficientPoints
from kiosk.core.points import Lot, LotKind, balance, plan_spend
from kiosk_cloud.services.accounts import premium_part, takes_json
from kiosk_cloud.services.common import jdump

LOCK = """
SELECT a.id AS account_id, m.status AS status, nextval($4::regclass) AS ledger_id,
       EXISTS (SELECT 1 FROM idempotency i WHERE i.key = $3) AS seen
FROM accounts a JOIN mykey_ids m ON m.mykey_id = a.mykey_id
WHERE a.mykey_id = $1 AND a.point_type_id = $2 AND a.kind = 'personal'
FOR UPDATE OF a
"""
LOTS = "SELECT id, remaining, expires_at, granted_at, premium FROM lots WHERE account_id = $1 AND remaining > 0"
TAKE = """
UPDATE lots SET remaining = lots.remaining - t.take
FROM unnest($1::int[], $2::int[]) AS t(id, take) WHERE lots.id = t.id
"""
RECORD = """
WITH l AS (
  INSERT INTO ledger (id, account_id, kind, points, premium_points, occurred_at, recorded_at, shop_id,
                      terminal_id, idempotency_key, takes, offline)
  VALUES ($1, $2, 'use', $3, $4, $5, $5, $6, $7, $8, $9, false)
)
INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at)
VALUES ($8, 'payment', $7, 'applied', NULL, NULL, $10, $5)
"""


class _Fallback(Exception):
    """Leave the fast path (the transaction rolls back)."""


async def ledger_sequence(pool: asyncpg.Pool) -> str:
    async with pool.acquire() as conn:
        name = await conn.fetchval("SELECT pg_get_serial_sequence('ledger', 'id')")
    return str(name)


async def fast_pay(
    pool: asyncpg.Pool, sequence: str, *, mykey_id: str, point_type_id: int, points: int, shop_id: int,
    terminal_id: int, key: str, now: datetime,
) -> dict[str, Any] | None:
    try:
        async with pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(LOCK, mykey_id, point_type_id, key, sequence)
            if row is None or row["seen"] or row["status"] != "valid":
                raise _Fallback
            lots = [
                Lot(str(r["id"]), r["remaining"], r["expires_at"], r["granted_at"],
                    LotKind.PREMIUM if r["premium"] else LotKind.NORMAL)
                for r in await conn.fetch(LOTS, row["account_id"])
            ]
            if any(lot.expires_at <= now for lot in lots):
                raise _Fallback  # expiry entries are written by the general path
            try:
                takes = plan_spend(lots, points, now)
            except InsufficientPoints:
                raise _Fallback from None
            await conn.execute(TAKE, [int(t.lot_id) for t in takes], [t.points for t in takes])
            result = {"mykey_id": mykey_id, "shop_id": shop_id, "payment_id": row["ledger_id"], "points": points,
                      "requested": points, "balance": balance(lots, now) - points}
            await conn.execute(
                RECORD, row["ledger_id"], row["account_id"], -points, -premium_part(lots, takes), now, shop_id,
                terminal_id, key, takes_json(takes), jdump({"result": result, "message_ja": None}),
            )
            return result
    except (_Fallback, asyncpg.UniqueViolationError):
        return None
