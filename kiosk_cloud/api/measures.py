"""Measures (施策), applications with the chosen payment service, reviews."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Response
from pydantic import Field
from sqlalchemy import select

from kiosk.core.mykey_id import normalize_mykey_id
from kiosk_cloud.api.schemas import Body, DbId, IdemKey, MyKeyText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff, AnyTerminal, AppSettings, CounterStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import applications, measures
from kiosk_cloud.services import measures as svc
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.idempotent import raise_if_rejected
from kiosk_cloud.services.perform import perform

router = APIRouter(tags=["measures"])


class ApplicationIn(Body):
    measure_id: DbId
    mykey_id: MyKeyText
    municipality_code: Annotated[str, Field(pattern="^[0-9]{5,6}$")] | None = None
    payment_service: Annotated[str, Field(min_length=1, max_length=60)]
    idempotency_key: IdemKey


class ReviewIn(Body):
    approve: bool
    reason: Annotated[str, Field(max_length=40)] | None = None


@router.get("/measures")
async def list_measures(caller: AnyTerminal, db: DB, mykey_id: MyKeyText | None = None) -> dict[str, Any]:
    """Every measure with `taken` (applications counted against the capacity: applied, approved, granted); with
    `?mykey_id=`, also `pre_registered`: whether that MyKey ID is on the measure's list of eligible residents."""
    async with db.read() as conn:
        rows = (await conn.execute(select(measures).order_by(measures.c.id))).all()
        taken = await svc.taken_by_measure(conn)
        listed = await svc.pre_registered_for(conn, normalize_mykey_id(mykey_id)) if mykey_id is not None else None
    out = []
    for r in rows:
        item = {**svc.measure_out(r), "taken": taken.get(r.id, 0)}
        if listed is not None:
            item["pre_registered"] = r.id in listed
        out.append(item)
    return {"measures": out}


@router.post("/applications")
async def apply(body: ApplicationIn, staff: CounterStaff, db: DB, settings: AppSettings,
                response: Response) -> dict[str, Any]:
    payload = body.model_dump(exclude={"idempotency_key"}, exclude_none=True)
    payload["staff_id"] = staff.staff_id  # from the session, never from the body (audited in the application's transaction)
    op = await perform(db, staff.caller, settings, kind="application", key=body.idempotency_key, payload=payload)
    if op.replayed:
        response.headers["Idempotent-Replay"] = "true"
    return raise_if_rejected(op)


@router.get("/applications/{application_id}")
async def get_application(application_id: DbId, staff: CounterStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        row = (await conn.execute(select(applications).where(applications.c.id == application_id))).first()
    if row is None:
        raise ApiError("unknown_application")
    return svc.application_out(row)


@router.get("/applications")
async def list_applications(staff: AdminStaff, db: DB, measure_id: DbId | None = None,
                            status: Annotated[str, Field(max_length=10)] | None = None) -> dict[str, Any]:
    query = select(applications).order_by(applications.c.id).limit(1000)
    if measure_id is not None:
        query = query.where(applications.c.measure_id == measure_id)
    if status is not None:
        query = query.where(applications.c.status == status)
    async with db.read() as conn:
        rows = (await conn.execute(query)).all()
    return {"applications": [svc.application_out(r) for r in rows]}


@router.post("/applications/{application_id}/review")
async def review(application_id: DbId, body: ReviewIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        result = await svc.review(conn, application_id=application_id, approve=body.approve, reason=body.reason,
                                  terminal_id=staff.terminal_id, now=now)
        await audit(conn, action="application_reviewed", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    mykey_id=result.get("mykey_id"), subject=f"application {application_id}",
                    detail={"approve": body.approve, "reason": body.reason, "status": result.get("status")}, at=now)
    return result
