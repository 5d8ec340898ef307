"""Administration (admin role): shops, grant programmes, measures, offline limits, voucher key rotation,
attendance pre-registration, reserved points."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.api.schemas import Body, DbId, Moment, MyKeyText, Points, ShortText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff, StaffCaller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import attendance_registrations, municipalities, point_types
from kiosk_cloud.services import municipal, reserved
from kiosk_cloud.services import reference as ref
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import require_valid_mykey
from kiosk_cloud.services.ledger_ops import programme_row
from kiosk_cloud.services.vouchers import rotate_key

router = APIRouter(prefix="/admin", tags=["admin"])


class ShopIn(Body):
    name: ShortText
    street: ShortText
    payee_account: Annotated[str, Field(max_length=100)] = ""


class ProgrammeIn(Body):
    department_id: DbId
    point_type_id: DbId
    name: ShortText
    name_en: ShortText
    premium: bool = False
    validity_days: Annotated[int, Field(ge=1, le=3650)] = 365
    max_points_per_grant: Points = 100_000
    repeat_rule: Literal["once_per_day", "once", "unlimited"] = "unlimited"


class MeasureIn(Body):
    name: ShortText
    name_en: ShortText
    point_type_id: DbId
    programme_id: DbId | None = None
    kind: Literal["grant", "purchase_reward"]
    eligibility: Literal["open", "restricted"]
    review: Literal["pre", "post"]
    residency_required: bool = False
    capacity: Annotated[int, Field(ge=1, le=10_000_000)] | None = None
    points_per_person: Points
    reward_rate_percent: Annotated[int, Field(ge=0, le=100)] = 0
    opens_at: Moment
    closes_at: Moment
    payment_services: Annotated[list[Annotated[str, Field(min_length=1, max_length=60)]], Field(max_length=20)] = Field(default_factory=list)
    pre_registered: Annotated[list[MyKeyText], Field(max_length=10_000)] = Field(default_factory=list)


class OfflineLimitIn(Body):
    per_card_per_day: Annotated[int, Field(ge=0, le=10_000_000)]


class AttendanceIn(Body):
    programme_id: DbId
    mykey_id: MyKeyText
    points: Points


class SupportEventIn(Body):
    point_type_id: DbId
    name: ShortText


class FundIn(Body):
    programme_id: DbId
    points: Points


class ReserveIn(Body):
    programme_id: DbId
    mykey_id: MyKeyText
    points: Points
    transfer_deadline: Moment


async def _created(conn: AsyncConnection, staff: StaffCaller, action: str, subject: str,
                   after: dict[str, Any]) -> None:
    """A set-up record created (issue 12): audited with nothing before and what was made after."""
    await audit(conn, action=action, terminal_id=staff.terminal_id, staff_id=staff.staff_id, subject=subject,
                detail={"before": None, "after": after})


@router.post("/shops", status_code=201)
async def add_shop(body: ShopIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        shop_id = await ref.add_shop(conn, body.name, body.street, body.payee_account)
        await _created(conn, staff, "setup_shop", f"shops {shop_id}", body.model_dump())
        return {"id": shop_id}


@router.post("/programmes", status_code=201)
async def add_programme(body: ProgrammeIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        programme_id = await ref.add_programme(conn, **body.model_dump())
        await _created(conn, staff, "setup_programme", f"programmes {programme_id}", body.model_dump())
        return {"id": programme_id}


@router.post("/measures", status_code=201)
async def add_measure(body: MeasureIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        code = (await conn.execute(select(municipalities.c.code).order_by(municipalities.c.id))).scalar()
        if code is None:
            raise ApiError("invalid_measure", "no municipality configured")
        if body.programme_id is not None:
            await programme_row(conn, body.programme_id)
        pre = [await require_valid_mykey(conn, m) for m in body.pre_registered]
        values = body.model_dump(exclude={"pre_registered", "payment_services"})
        measure_id = await ref.add_measure(conn, payment_services=body.payment_services, pre_registered=pre,
                                           municipality_code=code, **values)
        await _created(conn, staff, "setup_measure", f"measures {measure_id}",
                       body.model_dump(mode="json", exclude={"pre_registered"}) | {"pre_registered": len(pre)})
        return {"id": measure_id}


@router.post("/point-types/{point_type_id}/offline-limit")
async def offline_limit(point_type_id: DbId, body: OfflineLimitIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        before = (await conn.execute(select(point_types.c.offline_limit_per_card_per_day)
                                     .where(point_types.c.id == point_type_id))).scalar()
        await ref.set_offline_limit(conn, point_type_id, body.per_card_per_day)
        await audit(conn, action="setup_point_type", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"point_types {point_type_id}",
                    detail={"before": {"offline_limit_per_card_per_day": before},
                            "after": {"offline_limit_per_card_per_day": body.per_card_per_day}})
    return {"point_type_id": point_type_id, "per_card_per_day": body.per_card_per_day}


@router.post("/voucher-keys/rotate")
async def rotate(staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        return {"key_id": await rotate_key(conn, utcnow())}


@router.post("/attendance", status_code=201)
async def pre_register(body: AttendanceIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        await programme_row(conn, body.programme_id)
        mykey_id = await require_valid_mykey(conn, body.mykey_id)
        exists = (await conn.execute(select(attendance_registrations.c.points).where(
            attendance_registrations.c.programme_id == body.programme_id,
            attendance_registrations.c.mykey_id == mykey_id))).first()
        if exists is None:
            await conn.execute(insert(attendance_registrations).values(
                programme_id=body.programme_id, mykey_id=mykey_id, points=body.points))
    return {"programme_id": body.programme_id, "mykey_id": mykey_id, "points": body.points}


@router.post("/support-events", status_code=201)
async def add_support_event(body: SupportEventIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        account_id = await municipal.create_support_event(conn, body.point_type_id, body.name, utcnow())
        await _created(conn, staff, "support_event_created", f"support event {account_id}", body.model_dump())
    return {"account_id": account_id, "name": body.name, "point_type_id": body.point_type_id}


@router.post("/support-events/{account_id}/fund")
async def fund_support_event(account_id: DbId, body: FundIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        funded = await municipal.fund(conn, account_id=account_id, programme_id=body.programme_id,
                                      points=body.points, terminal_id=staff.terminal_id, now=utcnow())
        await audit(conn, action="support_event_funded", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"support event {account_id}", detail=body.model_dump())
        return funded


@router.get("/accounts")
async def municipal_accounts(staff: AdminStaff, db: DB) -> dict[str, Any]:
    """The municipality's own accounts: the default account and the support-event accounts, with balances."""
    async with db.read() as conn:
        return {"accounts": await municipal.municipal_accounts(conn, utcnow())}


@router.post("/reserved", status_code=201)
async def reserve(body: ReserveIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        mykey_id = await require_valid_mykey(conn, body.mykey_id)
        return await reserved.reserve(conn, programme_id=body.programme_id, mykey_id=mykey_id, points=body.points,
                                      transfer_deadline=body.transfer_deadline, now=utcnow())


@router.post("/reserved/sweep")
async def sweep(staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        moved = await reserved.sweep(conn, utcnow())
        await audit(conn, action="reserved_swept", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"{len(moved)} reserved", detail={"count": len(moved),
                                                               "points": sum(m["points"] for m in moved)})
        return {"transferred": moved}
