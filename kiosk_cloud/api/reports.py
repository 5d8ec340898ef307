"""Reports (grants per month, settlement per shop) and the conflict list for the office."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse
from sqlalchemy import select, update

from kiosk_cloud.api.schemas import Day, DbId
from kiosk_cloud.deps import DB, Admin, Office, StoreOrOffice
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import conflicts
from kiosk_cloud.services import reports as svc
from kiosk_cloud.services.common import iso, jload

router = APIRouter(tags=["reports"])

Month = Annotated[str, Query(pattern=r"^2[01]\d{2}-(0[1-9]|1[0-2])$")]


def _csv(rows: list[dict[str, Any]]) -> PlainTextResponse:
    buf = io.StringIO()
    flat = [{k: v for k, v in r.items() if not isinstance(v, dict)} |
            {f"{k}_{kk}": vv for k, v in r.items() if isinstance(v, dict) for kk, vv in v.items()} for r in rows]
    if flat:
        writer = csv.DictWriter(buf, fieldnames=list(flat[0]))
        writer.writeheader()
        writer.writerows(flat)
    return PlainTextResponse(buf.getvalue(), media_type="text/csv; charset=utf-8")


@router.get("/reports/grants", response_model=None)
async def grants(caller: Admin, db: DB, month: Month, by: Literal["programme", "department", "mykey_id"] = "programme",
                 format: Literal["json", "csv"] = "json") -> dict[str, Any] | PlainTextResponse:
    async with db.read() as conn:
        rows = await svc.grants_report(conn, month, by)
    if format == "csv":
        return _csv(rows)
    return {"month": month, "by": by, "rows": rows,
            "totals": {k: sum(r[k] for r in rows) for k in ("normal", "premium", "total", "count")}}


@router.get("/reports/settlement", response_model=None)
async def settlement(caller: StoreOrOffice, db: DB, from_: Annotated[Day, Query(alias="from")],
                     to: Day, shop_id: DbId | None = None,
                     format: Literal["json", "csv"] = "json") -> dict[str, Any] | PlainTextResponse:
    if to < from_:
        raise ApiError("validation_error", "'to' is before 'from'", status=422)
    if (to - from_).days > 366:
        raise ApiError("validation_error", "at most one year", status=422)
    if caller.role == "store":
        shop_id = caller.shop_id  # a shop sees its own settlement only
    async with db.read() as conn:
        rows = await svc.settlement(conn, from_, to, shop_id)
    if format == "csv":
        return _csv(rows)
    return {"from": from_.isoformat(), "to": to.isoformat(), "shops": rows,
            "total_due_yen": sum(r["amount_due_yen"] for r in rows)}


@router.get("/conflicts")
async def list_conflicts(caller: Office, db: DB, resolved: bool = False) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(conflicts).where(conflicts.c.resolved == resolved)
                                   .order_by(conflicts.c.id).limit(1000))).all()
    return {"conflicts": [{"id": r.id, "kind": r.kind, "operation_key": r.operation_key, "terminal_id": r.terminal_id,
                           "shop_id": r.shop_id, "detail": jload(r.detail), "created_at": iso(r.created_at),
                           "resolved": bool(r.resolved)} for r in rows]}


@router.post("/conflicts/{conflict_id}/resolve")
async def resolve_conflict(conflict_id: DbId, caller: Office, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        result = await conn.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(resolved=True))
    if result.rowcount == 0:
        raise ApiError("not_found")
    return {"id": conflict_id, "resolved": True}
