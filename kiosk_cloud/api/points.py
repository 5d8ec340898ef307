"""Point types, departments, grant programmes, grants (single and bulk), balances and history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from pydantic import Field
from sqlalchemy import select

from kiosk.core.mykey_id import normalize_mykey_id
from kiosk_cloud.api.schemas import MAX_ROW_ID, Body, DbId, IdemKey, MyKeyText, Points
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AnyTerminal, AppSettings, GrantingStaff, ResidentFacing
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import departments, point_types, programmes
from kiosk_cloud.services import balances as views
from kiosk_cloud.services.idempotent import raise_if_rejected
from kiosk_cloud.services.perform import perform
from kiosk_cloud.services.reference import point_type_out, programme_out
from kiosk_cloud.services.residents import resolve_session
from kiosk_cloud.services.staff_auth import open_session

router = APIRouter(tags=["points"])


class GrantIn(Body):
    programme_id: DbId
    mykey_id: MyKeyText
    points: Points
    idempotency_key: IdemKey
    staff_id: DbId | None = Field(None, description="Ignored (kept for old terminals): the staff member is the one "
                                  "logged in (X-Staff-Session).")


class BulkItem(Body):
    mykey_id: MyKeyText
    points: Points
    idempotency_key: IdemKey
    programme_id: DbId | None = None


class BulkIn(Body):
    """The programme is given once for the batch, or per item (an item's own programme_id wins)."""

    programme_id: DbId | None = None
    staff_id: DbId | None = Field(None, description="Ignored: the staff member is the one logged in.")
    grants: Annotated[list[BulkItem], Field(min_length=1, max_length=1000)]


@router.get("/point-types")
async def list_point_types(caller: AnyTerminal, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(point_types).order_by(point_types.c.id))).all()
    return {"point_types": [point_type_out(r) for r in rows]}


@router.get("/departments")
async def list_departments(caller: AnyTerminal, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(departments).order_by(departments.c.id))).all()
    return {"departments": [{"id": r.id, "name": r.name, "name_en": r.name_en} for r in rows]}


@router.get("/programmes")
async def list_programmes(
    caller: AnyTerminal, db: DB, department_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None
) -> dict[str, Any]:
    query = select(programmes).order_by(programmes.c.id)
    if department_id is not None:
        query = query.where(programmes.c.department_id == department_id)
    async with db.read() as conn:
        rows = (await conn.execute(query)).all()
    return {"programmes": [programme_out(r) for r in rows]}


@router.post("/grants")
async def grant(body: GrantIn, staff: GrantingStaff, db: DB, settings: AppSettings,
                response: Response) -> dict[str, Any]:
    payload = body.model_dump(exclude={"idempotency_key"}, exclude_none=True)
    payload["staff_id"] = staff.staff_id  # from the session, never from the body
    op = await perform(db, staff.caller, settings, kind="grant", key=body.idempotency_key, payload=payload)
    if op.replayed:
        response.headers["Idempotent-Replay"] = "true"
    return raise_if_rejected(op)


@router.post("/grants/bulk")
async def grant_bulk(body: BulkIn, staff: GrantingStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Each grant is its own exactly-once operation; one result per item, in order."""
    results = []
    for item in body.grants:
        payload: dict[str, Any] = {"programme_id": item.programme_id or body.programme_id,
                                   "mykey_id": item.mykey_id, "points": item.points, "staff_id": staff.staff_id}
        op = await perform(db, staff.caller, settings, kind="grant", key=item.idempotency_key, payload=payload)
        results.append(op.as_json())
    return {"results": results}


async def reader(
    request: Request, mykey_id: MyKeyText, caller: ResidentFacing, db: DB,
    x_resident_token: Annotated[str | None, Header(max_length=200)] = None,
    x_staff_session: Annotated[str | None, Header(max_length=200)] = None,
) -> int | None:
    """Who may read a resident's balance and history: that resident's auth_token for this MyKey ID (any
    resident-facing terminal), or a clerk logged in on a counter/office/admin terminal. Returns the shop a store
    terminal is limited to (its own payments and redemptions), else None."""
    value = normalize_mykey_id(mykey_id)
    if x_resident_token:
        async with db.read() as conn:
            session = await resolve_session(conn, x_resident_token, caller.terminal_id, utcnow())
        if session.mykey_id != value:
            raise ApiError("resident_proof_required", "the card's authentication is for another MyKey ID")
    elif caller.role != "store" and x_staff_session:
        await open_session(db, request.app.state.settings, token=x_staff_session, terminal_id=caller.terminal_id)
    else:
        raise ApiError("resident_proof_required")
    return caller.shop_id if caller.role == "store" else None


ReadScope = Annotated[int | None, Depends(reader)]


@router.get("/balances/{mykey_id}")
async def balance(mykey_id: MyKeyText, scope: ReadScope, db: DB) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        await _exists(conn, value)
        return {"mykey_id": value, "as_of": utcnow().isoformat(), "accounts": await views.balances(conn, value, utcnow())}


@router.get("/history/{mykey_id}")
async def history(
    mykey_id: MyKeyText, scope: ReadScope, db: DB,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        await _exists(conn, value)
        return {"mykey_id": value, "entries": await views.history(conn, value, limit, before_id,
                                                                         shop_id=scope)}


async def _exists(conn: Any, mykey_id: str) -> None:
    from kiosk_cloud.models import mykey_ids

    if (await conn.execute(select(mykey_ids.c.mykey_id).where(mykey_ids.c.mykey_id == mykey_id))).first() is None:
        raise ApiError("mykey_id_unknown")
