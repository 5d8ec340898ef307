"""GET /v1/changes: the reference-data feed with a cursor (measures, shops, point types, programmes, voucher
public keys, voided vouchers, revocation list, offline limits)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from kiosk_cloud.api.schemas import MAX_ROW_ID
from kiosk_cloud.deps import DB, AnyTerminal
from kiosk_cloud.models import changes
from kiosk_cloud.services.common import iso, jload

router = APIRouter(tags=["sync"])


@router.get("/changes")
async def feed(
    caller: AnyTerminal, db: DB,
    cursor: Annotated[int, Query(ge=0, le=MAX_ROW_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(
            select(changes).where(changes.c.seq > cursor).order_by(changes.c.seq).limit(limit + 1)
        )).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "cursor": rows[-1].seq if rows else cursor,
        "more": more,
        "changes": [
            {"seq": r.seq, "kind": r.kind, "id": r.entity_id, "data": jload(r.data), "deleted": bool(r.deleted),
             "at": iso(r.created_at)}
            for r in rows
        ],
    }
