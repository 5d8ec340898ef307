"""The voucher-redeem hot path on PostgreSQL: one statement on the raw asyncpg pool.

A single statement is atomic: it moves the voucher ``issued → redeemed`` (the row's own lock decides the one
winner among concurrent redeemers) and stores the idempotency row with the result, or does nothing at all. The
signature and validity are checked before, with the public keys cached per worker (keys never change once
made). Anything else — the key already used (unique violation), a voucher already used, voided or unknown, a
bad or expired code — steps aside to the general path, which gives the refusal or the replay.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from kiosk.core.errors import VoucherError
from kiosk.core.voucher_code import decode_voucher, verify_voucher
from kiosk_cloud.services.common import iso, jdump

REDEEM = """
WITH v AS (
  UPDATE vouchers SET status = 'redeemed', redeemed_at = $2, redeemed_shop_id = $3, redeem_method = 'scan',
                      redeem_key = $4
  WHERE number = $1 AND status = 'issued' AND points = $7
  RETURNING number
)
INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at)
SELECT $4, 'voucher_redeem', $5, 'applied', NULL, NULL, $6, $2 FROM v
RETURNING key
"""


class KeyCache:
    def __init__(self) -> None:
        self.keys: dict[int, bytes] = {}

    async def get(self, pool: asyncpg.Pool, key_id: int) -> dict[int, bytes]:
        if key_id not in self.keys:
            rows = await pool.fetch("SELECT key_id, public_key FROM voucher_keys")
            self.keys = {r["key_id"]: bytes(r["public_key"]) for r in rows}
        return self.keys


async def fast_redeem(pool: asyncpg.Pool, keys: KeyCache, *, code: str, shop_id: int, terminal_id: int, key: str,
                      now: datetime) -> dict[str, Any] | None:
    try:
        key_id = decode_voucher(code).key_id
        claims = verify_voucher(code, await keys.get(pool, key_id), int(now.timestamp()))
    except VoucherError:
        return None
    result = {"number": claims.number, "status": "redeemed", "points": claims.points, "redeemed_at": iso(now),
              "redeemed_shop_id": shop_id}
    try:
        won = await pool.fetchval(REDEEM, claims.number, now, shop_id, key, terminal_id,
                                  jdump({"result": result, "message_ja": None}), claims.points)
    except asyncpg.UniqueViolationError:
        return None
    return result if won is not None else None
