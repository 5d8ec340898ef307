"""The card-payment hot path on PostgreSQL: raw asyncpg, prepared statements, one short transaction.

It carries the same decisions as the general path (services/payments.py), written once elsewhere:
the resident's proof is checked by `services.consent.check_proof` (statement = this shop, terminal, point type and
points; time; chain; validity; CRL; signature) and the payment by `kiosk.core.rules.payment.decide_payment`. This
module only loads the state and writes the plan.

Round trips: BEGIN; lock the account row of the MyKey ID the certificate is bound to (``FOR UPDATE``), reading the
MyKey ID's status, whether the idempotency key (this terminal's) or the nonce (this certificate's) is known, the
trust store's version and the next ledger id; read the lots with points left; update the lots taken (one
statement); insert the ledger row, the idempotency row, the used nonce and the audit row (one statement); COMMIT.

Anything unusual — a proof the checks refuse, key or nonce already known, certificate not bound, no account, a
MyKey ID not valid, lots to expire, not enough points, a trust store that changed, a concurrent insert of the same
key or nonce — rolls back and returns None: the caller then takes the general path, which answers those cases.
Results and stored rows are identical on both paths (SQLite never takes this path).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from kiosk.core.errors import DomainError
from kiosk.core.points import Lot, LotKind
from kiosk.core.rules.payment import PaymentRequest, PaymentState, decide_payment
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import TrustStore
from kiosk_cloud.services.accounts import takes_json
from kiosk_cloud.services.common import jdump
from kiosk_cloud.services.consent import (
    ConsentIn,
    Expected,
    Window,
    cached_municipality,
    cached_trust,
    check_proof,
    remember_municipality,
    remember_trust,
)

LOCK = """
SELECT a.id AS account_id, m.mykey_id AS mykey_id, m.status AS status, nextval($4::regclass) AS ledger_id,
       EXISTS (SELECT 1 FROM idempotency i WHERE i.terminal_id = $5 AND i.key = $3) AS seen,
       EXISTS (SELECT 1 FROM consent_nonces n WHERE n.fingerprint = $1 AND n.nonce = $6) AS replayed,
       (SELECT coalesce(max(id), 0) FROM trust_anchors) AS trust_max,
       (SELECT count(*) FROM trust_anchors) AS trust_count
FROM certificates c
JOIN mykey_ids m ON m.mykey_id = c.mykey_id
JOIN accounts a ON a.mykey_id = m.mykey_id AND a.point_type_id = $2 AND a.kind = 'personal'
WHERE c.fingerprint = $1 AND c.unbound_at IS NULL
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
), n AS (
  INSERT INTO consent_nonces (fingerprint, nonce, action, stated_at, used_at, terminal_id)
  VALUES ($11, $12, 'payment', $13, $5, $7)
), au AS (
  INSERT INTO audit_log (at, action, terminal_id, staff_id, mykey_id, subject, detail)
  VALUES ($5, 'payment', $7, NULL, $14, $1::text, $15)
)
INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at)
VALUES ($8, 'payment', $7, 'applied', NULL, NULL, $10, $5)
"""
TRUST = "SELECT kind, der FROM trust_anchors ORDER BY id"
TRUST_VERSION = "SELECT coalesce(max(id), 0), count(*) FROM trust_anchors"
MUNICIPALITY = "SELECT code FROM municipalities ORDER BY id LIMIT 1"


class _Fallback(Exception):
    """Leave the fast path (the transaction rolls back)."""


async def ledger_sequence(pool: asyncpg.Pool) -> str:
    async with pool.acquire() as conn:
        name = await conn.fetchval("SELECT pg_get_serial_sequence('ledger', 'id')")
    return str(name)


async def _state(pool: asyncpg.Pool, owner: Any) -> tuple[tuple[int, int], TrustStore, str] | None:
    """The trust store and municipality code last loaded for `owner` (the Database; loaded on first use)."""
    hit, code = cached_trust(owner), cached_municipality(owner)
    if hit is None or code is None:
        async with pool.acquire() as conn:
            version_row = await conn.fetchrow(TRUST_VERSION)
            rows = await conn.fetch(TRUST)
            code = await conn.fetchval(MUNICIPALITY)
        if code is None:
            return None
        trust = TrustStore.from_der([bytes(r["der"]) for r in rows if r["kind"] == "ca"],
                                    [bytes(r["der"]) for r in rows if r["kind"] == "crl"])
        hit = ((int(version_row[0]), int(version_row[1])), trust)
        remember_trust(owner, *hit)
        remember_municipality(owner, str(code))
    return hit[0], hit[1], str(code)


async def fast_pay(
    pool: asyncpg.Pool, sequence: str, *, owner: Any, consent: ConsentIn, point_type_id: int, points: int, shop_id: int,
    terminal_id: int, key: str, now: datetime, window: Window,
) -> dict[str, Any] | None:
    state = await _state(pool, owner)
    if state is None:
        return None
    version, trust, municipality = state
    expected = Expected("payment", municipality, shop_id, terminal_id, point_type_id, points)
    try:
        proof = check_proof(consent, expected, trust, now=now, offline=False, window=window)
    except ApiError:
        return None  # the general path refuses it and stores the refusal
    fingerprint, statement = proof.cert.fingerprint, proof.statement
    try:
        async with pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(LOCK, fingerprint, point_type_id, key, sequence, terminal_id, statement.nonce)
            if row is None or row["seen"] or row["replayed"]:
                raise _Fallback
            if (row["trust_max"], row["trust_count"]) != version:
                remember_trust(owner, (-1, -1), trust)  # reload next time; this one goes the general way
                raise _Fallback
            lots = [
                Lot(str(r["id"]), r["remaining"], r["expires_at"], r["granted_at"],
                    LotKind.PREMIUM if r["premium"] else LotKind.NORMAL)
                for r in await conn.fetch(LOTS, row["account_id"])
            ]
            mykey_id = row["mykey_id"]
            try:
                plan = decide_payment(PaymentRequest(mykey_id, point_type_id, points, shop_id, now),
                                      PaymentState(row["status"], lots))
            except DomainError:
                raise _Fallback from None
            if plan.expiring:
                raise _Fallback  # expiry entries are written by the general path
            await conn.execute(TAKE, [int(t.lot_id) for t in plan.takes], [t.points for t in plan.takes])
            result = plan.result(row["ledger_id"])
            detail = {"shop_id": shop_id, "point_type_id": point_type_id, "points": plan.points,
                      "requested": plan.requested, "offline": False, "problems": []}
            await conn.execute(
                RECORD, row["ledger_id"], row["account_id"], -plan.points, -plan.premium_points, now, shop_id,
                terminal_id, key, takes_json(list(plan.takes)), jdump({"result": result, "message_ja": None}),
                fingerprint, statement.nonce, statement.at, mykey_id, jdump(detail),
            )
            return result
    except (_Fallback, asyncpg.UniqueViolationError):
        return None
