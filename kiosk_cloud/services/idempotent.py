"""Exactly-once operations: a permanent table of idempotency keys and their stored results.

``run_once`` applies an operation in one write transaction together with its idempotency row. A replay (the key is
already stored) returns the stored answer and applies nothing. Two concurrent requests with one key: the
unique key makes the loser's transaction fail and roll back, and it returns the winner's stored answer.
A refusal (ApiError / DomainError) rolls the work back and is itself stored, so a replay gets the same refusal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import DomainError
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.errors import ApiError, error_of
from kiosk_cloud.models import idempotency
from kiosk_cloud.services.common import jdump, jload

APPLIED, REPLAYED, REJECTED, CONFLICT = "applied", "replayed", "rejected", "conflict"

Work = Callable[[AsyncConnection], Awaitable[tuple[str, dict[str, Any]]]]


@dataclass
class OpResult:
    key: str
    status: str
    result: dict[str, Any] = field(default_factory=dict)
    code: str | None = None
    message: str | None = None
    message_ja: str | None = None
    replayed: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "status": self.status, "code": self.code, "message": self.message,
                "message_ja": self.message_ja, "result": self.result, "replayed": self.replayed}


def _from_row(row: Any, kind: str) -> OpResult:
    if row.kind != kind:
        return _refusal(row.key, ApiError("idempotency_key_reused", f"stored for {row.kind}"))
    stored = jload(row.result) or {}
    status = REPLAYED if row.status == APPLIED else row.status
    return OpResult(row.key, status, stored.get("result", {}), row.code, row.message, stored.get("message_ja"),
                    replayed=True)


def _refusal(key: str, exc: Exception) -> OpResult:
    _, body = error_of(exc)
    err = body["error"]
    extra = {k: v for k, v in err.items() if k not in ("code", "message", "message_ja")}
    return OpResult(key, REJECTED, extra, err["code"], err["message"], err["message_ja"])


def _mine(terminal_id: int, key: str) -> Any:
    """Keys are scoped to the terminal that used them: another terminal's key is a new key here."""
    return (idempotency.c.terminal_id == terminal_id) & (idempotency.c.key == key)


async def _stored(db: Database, key: str, kind: str, terminal_id: int) -> OpResult | None:
    async with db.read() as conn:
        row = (await conn.execute(select(idempotency).where(_mine(terminal_id, key)))).first()
    return None if row is None else _from_row(row, kind)


async def _store(conn: AsyncConnection, op: OpResult, kind: str, terminal_id: int) -> None:
    await conn.execute(insert(idempotency).values(
        key=op.key, kind=kind, terminal_id=terminal_id, status=op.status, code=op.code,
        message=(op.message or "")[:300] or None, result=jdump({"result": op.result, "message_ja": op.message_ja}),
        created_at=utcnow(),
    ))


async def run_once(db: Database, *, key: str, kind: str, terminal_id: int, work: Work) -> OpResult:
    try:
        async with db.write() as conn:
            row = (await conn.execute(select(idempotency).where(_mine(terminal_id, key)))).first()
            if row is not None:
                return _from_row(row, kind)
            status, result = await work(conn)
            op = OpResult(key, status, result)
            await _store(conn, op, kind, terminal_id)
            return op
    except (ApiError, DomainError) as exc:
        refusal = _refusal(key, exc)
    except IntegrityError:
        stored = await _stored(db, key, kind, terminal_id)
        if stored is not None:
            return stored
        refusal = _refusal(key, ApiError("validation_error", "conflicting or unknown references"))
    try:
        async with db.write() as conn:
            await _store(conn, refusal, kind, terminal_id)
    except IntegrityError:
        stored = await _stored(db, key, kind, terminal_id)
        if stored is not None:
            return stored
        raise
    return refusal


def raise_if_rejected(op: OpResult) -> dict[str, Any]:
    """For the plain HTTP endpoints: a stored refusal is answered as the same 4xx error."""
    if op.status == REJECTED:
        raise ApiError(op.code or "domain_error", **op.result)
    return op.result
