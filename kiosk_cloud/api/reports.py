"""Reports (grants per month, settlement per shop) and the conflict list (the office: all; a shop: its own)."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse
from sqlalchemy import or_, select, update

from kiosk_cloud.api.schemas import Day, DbId
from kiosk_cloud.deps import DB, AdminStaff, OfficeStaff, StoreOrOffice
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import conflicts
from kiosk_cloud.services import reports as svc
from kiosk_cloud.services.audit import audit
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
async def grants(staff: AdminStaff, db: DB, month: Month, by: Literal["programme", "department", "mykey_id"] = "programme",
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


CONFLICT_PAGE = 1000


def involvement(row: Any, detail: dict[str, Any], shop_id: int | None) -> str | None:
    """How a shop is involved in a conflict: it made the operation (`attempted_here`) or it is the shop whose
    earlier redemption of the voucher stands (`redeemed_here`); None when it is not involved."""
    if shop_id is None:
        return None
    if row.shop_id == shop_id:
        return "attempted_here"
    if row.kind == "offline_voucher_redeem" and detail.get("redeemed_shop_id") == shop_id:
        return "redeemed_here"
    return None


@router.get("/conflicts")
async def list_conflicts(caller: StoreOrOffice, db: DB, resolved: bool = False, include_resolved: bool = False,
                         after_id: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Office/admin: every conflict. A store terminal: those involving its shop (its own operation, or a voucher
    its shop redeemed that was also presented elsewhere), each with `involvement`. `after_id` pages by id;
    `cursor` is the last id looked at and `more` says whether to ask again from there."""
    query = select(conflicts).where(conflicts.c.id > after_id).order_by(conflicts.c.id).limit(CONFLICT_PAGE)
    if not include_resolved:
        query = query.where(conflicts.c.resolved == resolved)
    store = caller.role == "store"
    if store:  # narrow in SQL; the other shop named in the JSON detail is matched below (SQLite and PostgreSQL)
        query = query.where(or_(conflicts.c.shop_id == caller.shop_id,
                                conflicts.c.kind == "offline_voucher_redeem"))
    async with db.read() as conn:
        rows = (await conn.execute(query)).all()
    items = []
    for r in rows:
        detail = jload(r.detail) or {}
        item = {"id": r.id, "kind": r.kind, "operation_key": r.operation_key, "terminal_id": r.terminal_id,
                "shop_id": r.shop_id, "detail": detail, "created_at": iso(r.created_at),
                "resolved": bool(r.resolved)}
        if store:
            how = involvement(r, detail, caller.shop_id)
            if how is None:
                continue
            item["involvement"] = how
        items.append(item)
    return {"conflicts": items, "cursor": rows[-1].id if rows else after_id, "more": len(rows) == CONFLICT_PAGE}


@router.post("/conflicts/{conflict_id}/resolve")
async def resolve_conflict(conflict_id: DbId, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        result = await conn.execute(update(conflicts).where(conflicts.c.id == conflict_id).values(resolved=True))
        if result.rowcount == 0:
            raise ApiError("not_found")
        await audit(conn, action="conflict_resolved", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"conflict {conflict_id}")
    return {"id": conflict_id, "resolved": True}
