"""Sync batches of grants on PostgreSQL: one transaction on the raw asyncpg pool, two statements per grant.

The decision is the one grant rule (kiosk.core.rules.grant.decide_grant) over the rows read. Per grant: one
query reads the MyKey ID's status, whether the key or the staff member is known, the account
and the next lot and ledger ids; one statement inserts the lot, the ledger row and the idempotency row. Rows and
stored results are exactly those of the general path. Anything unusual stops the run before that operation
(nothing of it is written); if a statement fails anyway (a concurrent request with the same key), the whole
run is rolled back and reported as empty, and the caller goes on through the general path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from kiosk.core.errors import DomainError
from kiosk.core.mykey_id import normalize_mykey_id
from kiosk.core.rules.grant import GrantRequest, GrantState, Programme, decide_grant, repeat_window
from kiosk_cloud.services.audit import grant_row
from kiosk_cloud.services.common import jdump
from kiosk_cloud.services.repeat_rule import pg_existing, programme_of
from kiosk_cloud.services.sqlite_batch import GrantOp

LOOK = """
SELECT (SELECT status FROM mykey_ids WHERE mykey_id = $1) AS status,
       EXISTS (SELECT 1 FROM idempotency WHERE terminal_id = $7 AND key = $2) AS seen,  -- keys are per terminal
       ($4::int IS NULL OR EXISTS (SELECT 1 FROM staff WHERE id = $4)) AS staff_ok,
       (SELECT id FROM accounts WHERE mykey_id = $1 AND point_type_id = $3 AND kind = 'personal') AS account_id,
       nextval($5::regclass) AS lot_id, nextval($6::regclass) AS ledger_id
"""
PROGRAMME = ("SELECT id, point_type_id, premium, validity_days, max_points_per_grant, active, repeat_rule "
             "FROM programmes WHERE id = $1")
ACCOUNT = """
INSERT INTO accounts (mykey_id, point_type_id, kind, name, created_at) VALUES ($1, $2, 'personal', '', $3)
RETURNING id
"""
WRITE = """
WITH lot AS (
  INSERT INTO lots (id, account_id, programme_id, premium, granted_at, expires_at, original, remaining)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
), led AS (
  INSERT INTO ledger (id, account_id, kind, points, premium_points, occurred_at, recorded_at, programme_id,
                      terminal_id, staff_id, idempotency_key, reference, offline)
  VALUES ($8, $2, 'grant', $7, $9, $5, $10, $3, $11, $12, $13, $1::text, false)
), aud AS (
  INSERT INTO audit_log (at, action, terminal_id, staff_id, mykey_id, subject, detail)
  VALUES ($10, 'grant', $11, $12, $15, $16, $17)
)
INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at)
VALUES ($13, 'grant', $11, 'applied', NULL, NULL, $14, $10)
"""


async def sequences(pool: asyncpg.Pool) -> tuple[str, str]:
    async with pool.acquire() as conn:
        lots_seq = await conn.fetchval("SELECT pg_get_serial_sequence('lots', 'id')")
        ledger_seq = await conn.fetchval("SELECT pg_get_serial_sequence('ledger', 'id')")
    return str(lots_seq), str(ledger_seq)


async def run_grants(pool: asyncpg.Pool, seqs: tuple[str, str], ops: list[GrantOp], terminal_id: int,
                     now: datetime) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    programmes: dict[int, Programme | None] = {}
    touched: set[str] = set()  # MyKey IDs whose account this run has written (it holds a key-share lock on it)
    try:
        async with pool.acquire() as conn, conn.transaction():
            for op in ops:
                try:
                    mykey_id = normalize_mykey_id(op.mykey_id)
                except DomainError:
                    break
                if op.programme_id not in programmes:
                    programmes[op.programme_id] = programme_of(await conn.fetchrow(PROGRAMME, op.programme_id))
                prog = programmes[op.programme_id]
                request = GrantRequest(mykey_id, op.programme_id, op.points, op.occurred_at or now)
                if prog is None:
                    break  # unknown programme: the general path refuses it (same rule)
                row = await conn.fetchrow(LOOK, mykey_id, op.key, prog.point_type_id, op.staff_id, *seqs, terminal_id)
                if row["seen"] or not row["staff_ok"]:
                    break
                window = None if row["status"] is None else repeat_window(prog.repeat_rule, request.at)
                if window is not None and mykey_id in touched:
                    # locking the MyKey ID's row after writing to its account would invert the general path's
                    # lock order (MyKey ID, then account) and could deadlock with it: the general path takes it
                    break
                existing = [] if window is None else await pg_existing(conn, mykey_id, op.programme_id, window)
                try:
                    plan = decide_grant(request, GrantState(row["status"], prog, existing))
                except DomainError:
                    break  # a refusal: the general path stores it (the same rule decides there)
                account_id = row["account_id"]
                if account_id is None:
                    account_id = await conn.fetchval(ACCOUNT, mykey_id, plan.point_type_id, now)
                result = plan.result(row["ledger_id"])
                subject, detail = grant_row(programme_id=plan.programme_id, grant_id=row["ledger_id"],
                                            points=plan.points)  # the audit row, in the same statement (issue 8)
                await conn.execute(WRITE, row["lot_id"], account_id, plan.programme_id, plan.premium, plan.granted_at,
                                   plan.expires_at, plan.points, row["ledger_id"], plan.premium_points, now,
                                   terminal_id, op.staff_id, op.key, jdump({"result": result, "message_ja": None}),
                                   mykey_id, subject, detail)
                results.append(result)
                touched.add(mykey_id)
    except (asyncpg.IntegrityConstraintViolationError, asyncpg.DeadlockDetectedError):
        return []
    return results
