"""Sync batches of grants on SQLite, run synchronously in one worker thread on a plain sqlite3 connection.

Through the async driver every statement is a thread hop plus SQLAlchemy's work (≈3 ms per grant); here a run
of consecutive `grant` operations executes with ≈7 plain statements each, the decision made by the one grant rule
(kiosk.core.rules.grant.decide_grant) over the rows read, the whole run in one ``BEGIN IMMEDIATE``
transaction with a SAVEPOINT per operation, committed with synchronous=FULL: one durable sync per run, so nothing
the cloud has answered "applied" can be lost to a power cut. The rows and the stored results are exactly those of
the general path (services.ledger_ops.grant + services.idempotent).

Anything unusual — the key already known, an unknown or not-valid MyKey ID, an unknown or closed programme, too
many points, a constraint failure — stops the run at that operation (rolled back to its savepoint; the operations before it are committed): the caller
answers it through the general path, which produces the refusal or the replay, and then resumes here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.core.errors import DomainError
from kiosk.core.mykey_id import normalize_mykey_id
from kiosk.core.rules.grant import GrantRequest, GrantState, Programme, decide_grant, repeat_window
from kiosk_cloud.services.audit import INSERT_SQLITE as INS_AUDIT
from kiosk_cloud.services.audit import grant_row
from kiosk_cloud.services.common import jdump
from kiosk_cloud.services.repeat_rule import programme_of, sqlite_existing

_FMT = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME storage format (UTC, see models.base)

SEL_IDEM = "SELECT 1 FROM idempotency WHERE terminal_id = ? AND key = ?"  # keys are per terminal
SEL_MYKEY = "SELECT status FROM mykey_ids WHERE mykey_id = ?"
PROG_COLUMNS = ("id", "point_type_id", "premium", "validity_days", "max_points_per_grant", "active", "repeat_rule")
SEL_PROG = f"SELECT {', '.join(PROG_COLUMNS)} FROM programmes WHERE id = ?"
SEL_ACC = "SELECT id FROM accounts WHERE mykey_id = ? AND point_type_id = ? AND kind = 'personal'"
INS_ACC = "INSERT INTO accounts (mykey_id, point_type_id, kind, name, created_at) VALUES (?, ?, 'personal', '', ?)"
INS_LOT = ("INSERT INTO lots (account_id, programme_id, premium, granted_at, expires_at, original, remaining) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
INS_LEDGER = ("INSERT INTO ledger (account_id, kind, points, premium_points, occurred_at, recorded_at, programme_id, "
              "terminal_id, staff_id, idempotency_key, reference, offline) "
              "VALUES (?, 'grant', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
INS_IDEM = ("INSERT INTO idempotency (key, kind, terminal_id, status, code, message, result, created_at) "
            "VALUES (?, 'grant', ?, 'applied', NULL, NULL, ?, ?)")


@dataclass(frozen=True)
class GrantOp:
    key: str
    programme_id: int
    mykey_id: str
    points: int
    staff_id: int | None
    occurred_at: datetime | None


class _Fallback(Exception):
    pass


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime(_FMT)


def _grant(db: sqlite3.Connection, op: GrantOp, terminal_id: int, now: datetime,
           programmes: dict[int, Programme | None]) -> dict[str, Any]:
    if db.execute(SEL_IDEM, (terminal_id, op.key)).fetchone() is not None:
        raise _Fallback  # a replay: the general path answers it from the stored result
    try:
        mykey_id = normalize_mykey_id(op.mykey_id)
    except DomainError:
        raise _Fallback from None
    status = db.execute(SEL_MYKEY, (mykey_id,)).fetchone()
    if op.programme_id not in programmes:
        row = db.execute(SEL_PROG, (op.programme_id,)).fetchone()
        programmes[op.programme_id] = programme_of(None if row is None else dict(zip(PROG_COLUMNS, row, strict=True)))
    prog = programmes[op.programme_id]
    request = GrantRequest(mykey_id, op.programme_id, op.points, op.occurred_at or now)
    window = None if prog is None or status is None else repeat_window(prog.repeat_rule, request.at)
    existing = () if window is None else sqlite_existing(db, mykey_id, op.programme_id, window)
    try:
        plan = decide_grant(request, GrantState(None if status is None else status[0], prog, existing))
    except DomainError:
        raise _Fallback from None  # a refusal: the general path stores it (the same rule decides there)
    row = db.execute(SEL_ACC, (mykey_id, plan.point_type_id)).fetchone()
    account_id = row[0] if row is not None else db.execute(INS_ACC, (mykey_id, plan.point_type_id,
                                                                     _ts(now))).lastrowid
    lot_id = db.execute(INS_LOT, (account_id, plan.programme_id, int(plan.premium), _ts(plan.granted_at),
                                  _ts(plan.expires_at), plan.points, plan.points)).lastrowid
    ledger_id = db.execute(INS_LEDGER, (account_id, plan.points, plan.premium_points, _ts(plan.granted_at), _ts(now),
                                        plan.programme_id, terminal_id, op.staff_id, op.key, str(lot_id))).lastrowid
    assert ledger_id is not None
    result = plan.result(ledger_id)
    db.execute(INS_IDEM, (op.key, terminal_id, jdump({"result": result, "message_ja": None}), _ts(now)))
    subject, detail = grant_row(programme_id=plan.programme_id, grant_id=ledger_id, points=plan.points)
    db.execute(INS_AUDIT, (_ts(now), "grant", terminal_id, op.staff_id, mykey_id, subject, detail))  # issue 8
    return result


def run_grants(path: str, ops: list[GrantOp], terminal_id: int, now: datetime) -> list[dict[str, Any]]:
    """Apply a prefix of `ops`; returns one result per applied operation (stops at the first unusual one)."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=FULL")
        results: list[dict[str, Any]] = []
        programmes: dict[int, Programme | None] = {}
        db.execute("BEGIN IMMEDIATE")
        try:
            for op in ops:
                db.execute("SAVEPOINT grant_op")
                try:
                    result = _grant(db, op, terminal_id, now, programmes)
                except (_Fallback, sqlite3.IntegrityError):
                    db.execute("ROLLBACK TO grant_op")
                    db.execute("RELEASE grant_op")
                    break
                db.execute("RELEASE grant_op")
                results.append(result)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return results
    finally:
        db.close()
