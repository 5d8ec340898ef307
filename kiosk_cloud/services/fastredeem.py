"""The voucher-redeem hot path on PostgreSQL: one statement on the raw asyncpg pool.

The decision is the redemption rule (kiosk.core.rules.redemption), exactly as on the general path: the code is
checked with the verification keys of the one per-database cache (services.voucher_keys), and `decide_redeem` is
made on the state "this voucher is issued with the code's points, and this shop may take it" (the voucher rule of
its point type names no shops, or names this one — the rule decides both the same as an empty list). The single
statement writes that plan only if the stored rows are in exactly that state (``status = 'issued' AND points = …``
under the row's own lock, which decides the one winner among concurrent redeemers, and no `voucher_rules` row for
the point type whose shop list is not empty and lacks this shop) and stores the idempotency row with the result —
or does nothing at all. Anything else (a refusal of the rule, the key already used, a voucher already used, voided
or unknown, a shop the rule does not name) steps aside to the general path, which loads the real rows, asks the
same rule and answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from kiosk.core.errors import DomainError
from kiosk.core.rules.redemption import ISSUED, VoucherRow, check_code, decide_redeem
from kiosk_cloud.services.common import jdump
from kiosk_cloud.services.voucher_keys import VoucherKeyCache, keys_for_pool

REDEEM = """
WITH v AS (
  UPDATE vouchers SET status = 'redeemed', redeemed_at = $2, redeemed_shop_id = $3, redeem_method = 'scan',
                      redeem_key = $4
  WHERE number = $1 AND status = 'issued' AND points = $7
    AND NOT EXISTS (SELECT 1 FROM voucher_rules r WHERE r.point_type_id = $8 AND r.shop_ids <> '[]'
                    AND NOT r.shop_ids::jsonb @> jsonb_build_array($3::int))
  RETURNING number
)
INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at)
SELECT $4, 'voucher_redeem', $5, 'applied', NULL, NULL, $6, $2 FROM v
RETURNING key
"""


async def fast_redeem(pool: asyncpg.Pool, keys: VoucherKeyCache, *, code: str, shop_id: int, terminal_id: int,
                      key: str, now: datetime) -> dict[str, Any] | None:
    try:
        claims = check_code(code, await keys_for_pool(pool, keys, code), shop_id=shop_id, at=now)
        assumed = VoucherRow(claims.number, ISSUED, claims.points)
        # the assumed rule: this shop may take it (the statement's NOT EXISTS checks that; else the general path)
        plan = decide_redeem(claims, assumed, shop_id=shop_id, at=now, key=key, offline=False, shop_ids=(shop_id,))
    except DomainError:
        return None
    try:
        won = await pool.fetchval(REDEEM, plan.number, plan.at, plan.shop_id, key, terminal_id,
                                  jdump({"result": plan.result, "message_ja": None}), plan.points,
                                  claims.point_type_id)
    except (asyncpg.UniqueViolationError, asyncpg.DataError):  # (DataError: a shop list that is not JSON)
        return None
    return plan.result if won is not None else None
