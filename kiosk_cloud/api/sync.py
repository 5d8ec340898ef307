"""POST /v1/sync: a batch of operations, each with an idempotency key kept forever; one result per operation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk_cloud.api.schemas import IdemKey, Moment
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import DB, AnyTerminal, AppSettings, Caller
from kiosk_cloud.metrics import observe_sync
from kiosk_cloud.services import pg_batch
from kiosk_cloud.services.idempotent import APPLIED, OpResult
from kiosk_cloud.services.operations import KINDS, GrantPayload
from kiosk_cloud.services.perform import perform
from kiosk_cloud.services.sqlite_batch import GrantOp, run_grants
from kiosk_cloud.services.timewindow import Limits, current_limits, time_problem

router = APIRouter(tags=["sync"])

MAX_BATCH = 500


class OperationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: IdemKey
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    created_at: Moment | None = None
    payload: dict[str, Any]
    # the clerk who did it (issue 8): needed by services.staff_sync.STAFF_KINDS, ignored for the others
    staff_session: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class SyncIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    operations: Annotated[list[OperationIn], Field(max_length=MAX_BATCH)]


def _plain_grant(caller: Caller, op: OperationIn, now: datetime, limits: Limits) -> GrantOp | None:
    """A grant the SQLite batch runner can take (else None: the general path answers it)."""
    if op.kind != "grant" or caller.role not in KINDS["grant"].roles:
        return None
    if op.created_at is not None and time_problem(op.created_at, now, limits, offline=True):
        return None  # out of the window: the general path makes it a conflict
    try:
        p = GrantPayload.model_validate(op.payload)
    except ValidationError:
        return None
    when = op.created_at if op.created_at is not None and op.created_at <= now else None
    return GrantOp(op.key, p.programme_id, p.mykey_id, p.points, p.staff_id, when)


async def _grant_run(db: Database, caller: Caller, ops: list[OperationIn], start: int,
                     limits: Limits) -> list[dict[str, Any]]:
    """The batch runners decide with the one grant rule (kiosk.core.rules.grant), repeat rules included."""
    now = utcnow()
    run: list[GrantOp] = []
    for op in ops[start:]:
        plain = _plain_grant(caller, op, now, limits)
        if plain is None:
            break
        run.append(plain)
    if not run:
        return []
    if db.sqlite:
        applied = await db.run_exclusive(run_grants, db.sqlite_path, run, caller.terminal_id, now)
    else:
        applied = await pg_batch.run_grants(await db.raw_pool(), db.grant_sequences, run, caller.terminal_id, now)
    return [OpResult(op.key, APPLIED, result).as_json() for op, result in zip(run, applied, strict=False)]


@router.post("/sync")
async def sync(body: SyncIn, caller: AnyTerminal, db: DB, settings: AppSettings) -> dict[str, Any]:
    """The clerk's session of each operation that needs one is checked first (services.staff_sync); a refused one is
    answered in its place and never run, the others run in order as below."""
    from kiosk_cloud.services.staff_sync import run_staffed  # (issue 8, staff helper)

    async def run(segment: list[OperationIn]) -> list[dict[str, Any]]:
        return list((await _run_batch(SyncIn(operations=segment), caller, db, settings))["results"])

    received_at = utcnow()
    results = await run_staffed(db, settings, caller, body.operations, run)
    observe_sync(caller.terminal_id, body.operations, results, received_at)  # outbox lag, conflicts (issue 13)
    return {"results": results}


async def _run_batch(body: SyncIn, caller: AnyTerminal, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Each operation stands or falls alone and in order: a failing one does not undo the others. Runs of grants
    go through the batch runners (services.sqlite_batch / services.pg_batch), everything else and every unusual
    grant through the general path (services.perform)."""
    ops = body.operations
    results: list[dict[str, Any]] = []
    limits = await current_limits(db, settings)
    i = 0
    while i < len(ops):
        done = await _grant_run(db, caller, ops, i, limits) if settings.fast_paths else []
        results.extend(done)
        i += len(done)
        if i >= len(ops):
            break
        op = ops[i]
        outcome = await perform(db, caller, settings, kind=op.kind, key=op.key, payload=op.payload,
                                occurred_at=op.created_at)
        results.append(outcome.as_json())
        i += 1
    return {"results": results}
