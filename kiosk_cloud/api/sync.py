"""POST /v1/sync: a batch of operations, each with an idempotency key kept forever; one result per operation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from kiosk_cloud.api.schemas import IdemKey, Moment
from kiosk_cloud.deps import DB, AnyTerminal, AppSettings
from kiosk_cloud.services.perform import perform

router = APIRouter(tags=["sync"])

MAX_BATCH = 500


class OperationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: IdemKey
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    created_at: Moment | None = None
    payload: dict[str, Any]


class SyncIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    operations: Annotated[list[OperationIn], Field(max_length=MAX_BATCH)]


@router.post("/sync")
async def sync(body: SyncIn, caller: AnyTerminal, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Each operation runs in its own transaction, in order: a failing one does not undo the others."""
    results = []
    for op in body.operations:
        outcome = await perform(db, caller, settings, kind=op.kind, key=op.key, payload=op.payload,
                                occurred_at=op.created_at)
        results.append(outcome.as_json())
    return {"results": results}
