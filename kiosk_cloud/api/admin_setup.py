"""Setting up the municipality (issue 12, admin staff session): one view of everything set up, changes to point
types, departments, programmes, shops, voucher rules and staff — each audited with what it was before and after —
the eligible list of a pre-review measure uploaded as CSV, and post-review of applications in bulk."""

from __future__ import annotations

import asyncio
import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import Table, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import InvalidMyKeyId
from kiosk.core.mykey_id import normalize_mykey_id
from kiosk_cloud.api.schemas import Body, DbId, Points, ShortText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import (
    departments,
    ledger,
    lots,
    measure_eligible,
    measures,
    municipalities,
    mykey_ids,
    point_types,
    programmes,
    shops,
    staff,
    voucher_rules,
)
from kiosk_cloud.security import hash_password
from kiosk_cloud.services import measures as measure_svc
from kiosk_cloud.services import reference as ref
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso, jdump, jload, record_change

router = APIRouter(prefix="/admin", tags=["admin setup"])

Role = Literal["counter", "office", "admin"]


class PointTypeIn(Body):
    name: ShortText | None = None
    name_en: ShortText | None = None
    offline_limit_per_card_per_day: Annotated[int, Field(ge=0, le=10_000_000)] | None = None


class NewPointType(Body):
    code: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]
    name: ShortText
    name_en: ShortText
    offline_limit_per_card_per_day: Annotated[int, Field(ge=0, le=10_000_000)] = 0


class DepartmentIn(Body):
    name: ShortText
    name_en: ShortText


class ProgrammeEdit(Body):
    name: ShortText | None = None
    name_en: ShortText | None = None
    validity_days: Annotated[int, Field(ge=1, le=3650)] | None = None
    max_points_per_grant: Points | None = None
    default_points: Points | None = None
    repeat_rule: Literal["once_per_day", "once", "unlimited"] | None = None
    active: bool | None = None
    department_id: DbId | None = None  # reports by department follow the programme's department as it is now
    point_type_id: DbId | None = None  # only before the programme has granted anything (programme_in_use)


class ShopEdit(Body):
    name: ShortText | None = None
    street: ShortText | None = None
    payee_account: Annotated[str, Field(max_length=100)] | None = None
    active: bool | None = None


class VoucherRuleIn(Body):
    validity_days: Annotated[int, Field(ge=1, le=730)]
    max_points: Points
    shop_ids: Annotated[list[DbId], Field(max_length=5000)] = Field(default_factory=list)


class StaffIn(Body):
    staff_code: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")]
    name: ShortText
    department_id: DbId
    role: Role
    password: Annotated[str, Field(min_length=8, max_length=200)]


class StaffEdit(Body):
    name: ShortText | None = None
    department_id: DbId | None = None
    role: Role | None = None
    active: bool | None = None


class EligibleCsvIn(Body):
    csv: Annotated[str, Field(max_length=2_000_000)]


class BulkReviewIn(Body):
    application_ids: Annotated[list[DbId], Field(min_length=1, max_length=500)]
    approve: bool
    reason: Annotated[str, Field(max_length=40)] | None = None


def _row(r: Any, hide: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: (iso(v) if hasattr(v, "isoformat") else v) for k, v in r._mapping.items() if k not in hide}


@router.get("/setup")
async def setup(caller: AdminStaff, db: DB) -> dict[str, Any]:
    """Everything a clerk sets up, in one answer (small tables; measures without their eligible lists)."""
    async with db.read() as conn:
        async def rows(table: Table, hide: tuple[str, ...] = ()) -> list[dict[str, Any]]:
            key = next(iter(table.primary_key.columns))
            return [_row(r, hide) for r in (await conn.execute(select(table).order_by(key))).all()]

        rules = await rows(voucher_rules)
        for rule in rules:
            rule["shop_ids"] = jload(rule["shop_ids"]) or []
        listed = await rows(measures)
        for m in listed:
            m["payment_services"] = jload(m["payment_services"]) or []
        towns = await rows(municipalities)
        return {"municipality": towns[0] if towns else None, "point_types": await rows(point_types), "departments": await rows(departments),
                "programmes": await rows(programmes), "shops": await rows(shops), "measures": listed,
                "voucher_rules": rules, "staff": await rows(staff, hide=("password_hash",))}


async def audited_update(conn: AsyncConnection, caller: AdminStaff, table: Table, key: Any, values: dict[str, Any],
                         action: str) -> tuple[Any, dict[str, Any]]:
    """Change one row; the audit row holds the changed fields before and after. Returns (new row, changes)."""
    pk = next(iter(table.primary_key.columns))
    before = (await conn.execute(select(table).where(pk == key).with_for_update())).first()
    if before is None:
        raise ApiError("not_found")
    changed = {k: v for k, v in values.items() if v is not None and getattr(before, k) != v}
    if not changed:
        raise ApiError("nothing_changed")
    await conn.execute(update(table).where(pk == key).values(**changed))
    after = (await conn.execute(select(table).where(pk == key))).one()
    diff = {"before": {k: getattr(before, k) for k in changed}, "after": changed}
    await audit(conn, action=action, terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                subject=f"{table.name} {key}", detail=diff)
    return after, diff


@router.patch("/point-types/{point_type_id}")
async def edit_point_type(point_type_id: DbId, body: PointTypeIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        row, diff = await audited_update(conn, caller, point_types, point_type_id, body.model_dump(),
                                         "setup_point_type")
        await record_change(conn, "point_type", point_type_id, ref.point_type_out(row))
        if "offline_limit_per_card_per_day" in diff["after"]:
            await record_change(conn, "offline_limit", point_type_id, {
                "point_type_id": point_type_id, "per_card_per_day": row.offline_limit_per_card_per_day})
    return {"point_type": ref.point_type_out(row), "changed": diff}


@router.post("/point-types", status_code=201)
async def add_point_type(body: NewPointType, caller: AdminStaff, db: DB) -> dict[str, Any]:
    """A new municipal point (e.g. a second 地域ポイント): published on the changes feed with its offline limit."""
    async with db.write() as conn:
        if (await conn.execute(select(point_types.c.id).where(point_types.c.code == body.code))).first():
            raise ApiError("point_type_exists")
        town = (await conn.execute(select(municipalities.c.id).order_by(municipalities.c.id))).scalar()
        if town is None:
            raise ApiError("not_found", "no municipality")
        pid = await ref.add_point_type(conn, int(town), body.code, body.name, body.name_en,
                                       body.offline_limit_per_card_per_day)
        await audit(conn, action="setup_point_type", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"point_types {pid}", detail={"before": None, "after": body.model_dump()})
        row = (await conn.execute(select(point_types).where(point_types.c.id == pid))).one()
    return {"point_type": ref.point_type_out(row)}


@router.post("/departments", status_code=201)
async def add_department(body: DepartmentIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        dept = await ref.add_department(conn, body.name, body.name_en)
        await audit(conn, action="setup_department", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"departments {dept}", detail={"before": None, "after": body.model_dump()})
    return {"id": dept}


@router.patch("/programmes/{programme_id}")
async def edit_programme(programme_id: DbId, body: ProgrammeEdit, caller: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        if body.department_id is not None and (await conn.execute(
                select(departments.c.id).where(departments.c.id == body.department_id))).first() is None:
            raise ApiError("not_found", "unknown department")
        if body.point_type_id is not None:
            await _check_point_type_change(conn, programme_id, body.point_type_id)
        row, diff = await audited_update(conn, caller, programmes, programme_id, body.model_dump(),
                                         "setup_programme")
        await record_change(conn, "programme", programme_id, ref.programme_out(row))
    return {"programme": _row(row), "changed": diff}


async def _check_point_type_change(conn: AsyncConnection, programme_id: int, point_type_id: int) -> None:
    """A programme's points live in accounts of its point type: the type may change only while nothing was granted
    (no lot and no ledger row of the programme), and never to a point type that does not exist."""
    if (await conn.execute(select(point_types.c.id).where(point_types.c.id == point_type_id))).first() is None:
        raise ApiError("unknown_point_type")
    current = (await conn.execute(select(programmes.c.point_type_id).where(programmes.c.id == programme_id))).scalar()
    if current is None or current == point_type_id:
        return  # unknown programme: audited_update says not_found; the same type: nothing to check
    used = (await conn.execute(select(lots.c.id).where(lots.c.programme_id == programme_id).limit(1))).first() or (
        await conn.execute(select(ledger.c.id).where(ledger.c.programme_id == programme_id).limit(1))).first()
    if used:
        raise ApiError("programme_in_use")


@router.patch("/shops/{shop_id}")
async def edit_shop(shop_id: DbId, body: ShopEdit, caller: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        row, diff = await audited_update(conn, caller, shops, shop_id, body.model_dump(), "setup_shop")
        await record_change(conn, "shop", shop_id, ref.shop_out(row))
    return {"shop": _row(row), "changed": diff}


@router.put("/voucher-rules/{point_type_id}")
async def set_voucher_rule(point_type_id: DbId, body: VoucherRuleIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    shop_ids = sorted(set(body.shop_ids))
    async with db.write() as conn:
        if (await conn.execute(select(point_types.c.id).where(point_types.c.id == point_type_id))).first() is None:
            raise ApiError("unknown_point_type")
        known = set((await conn.execute(select(shops.c.id).where(shops.c.id.in_(shop_ids)))).scalars())
        if len(known) != len(shop_ids):
            raise ApiError("unknown_shop")
        old = (await conn.execute(select(voucher_rules).where(voucher_rules.c.point_type_id == point_type_id)
                                  .with_for_update())).first()
        after = {"validity_days": body.validity_days, "max_points": body.max_points, "shop_ids": shop_ids}
        before = None if old is None else {"validity_days": old.validity_days, "max_points": old.max_points,
                                           "shop_ids": jload(old.shop_ids) or []}
        if before == after:
            raise ApiError("nothing_changed")
        values = {"validity_days": body.validity_days, "max_points": body.max_points, "shop_ids": jdump(shop_ids),
                  "updated_at": utcnow()}
        if old is None:
            await conn.execute(insert(voucher_rules).values(point_type_id=point_type_id, **values))
        else:
            await conn.execute(update(voucher_rules).where(voucher_rules.c.point_type_id == point_type_id)
                               .values(**values))
        await record_change(conn, "voucher_rule", point_type_id, {"point_type_id": point_type_id, **after})
        await audit(conn, action="setup_voucher_rule", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"voucher_rules {point_type_id}", detail={"before": before, "after": after})
    return {"point_type_id": point_type_id, **after}


@router.post("/staff", status_code=201)
async def add_staff(body: StaffIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    hashed = await asyncio.to_thread(hash_password, body.password)  # memory-hard: off the event loop
    async with db.write() as conn:
        if (await conn.execute(select(departments.c.id).where(departments.c.id == body.department_id))).first() is None:
            raise ApiError("not_found", "unknown department")
        if (await conn.execute(select(staff.c.id).where(staff.c.staff_code == body.staff_code))).first():
            raise ApiError("validation_error", "this staff code is taken", status=409)
        sid = (await conn.execute(insert(staff).values(
            staff_code=body.staff_code, name=body.name, department_id=body.department_id, role=body.role,
            password_hash=hashed).returning(staff.c.id))).scalar_one()
        shown = body.model_dump(exclude={"password"})
        await audit(conn, action="setup_staff", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"staff {sid}", detail={"before": None, "after": shown})
    return {"id": sid, **shown}


@router.patch("/staff/{staff_id}")
async def edit_staff(staff_id: DbId, body: StaffEdit, caller: AdminStaff, db: DB) -> dict[str, Any]:
    if staff_id == caller.staff_id and (body.active is False or body.role not in (None, "admin")):
        raise ApiError("validation_error", "an administrator cannot lock themself out", status=409)
    async with db.write() as conn:
        row, diff = await audited_update(conn, caller, staff, staff_id, body.model_dump(), "setup_staff")
    return {"staff": _row(row, hide=("password_hash",)), "changed": diff}


def eligible_ids(text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """MyKey IDs from a CSV (the first column; a header line and blank lines are skipped, a BOM is ignored)."""
    good: list[str] = []
    bad: list[dict[str, Any]] = []
    for number, record in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1):
        cell = record[0].strip() if record else ""
        if not cell or (number == 1 and not any(ch.isdigit() for ch in cell)):
            continue
        try:
            good.append(normalize_mykey_id(cell))
        except InvalidMyKeyId:
            bad.append({"line": number, "value": cell[:40], "problem": "malformed"})
    return good, bad


@router.post("/measures/{measure_id}/eligible")
async def upload_eligible(measure_id: DbId, body: EligibleCsvIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    """The eligible list of a restricted measure (pre-review). All or nothing: a list with a line that is not a
    valid MyKey ID is refused with the lines named, and nothing is added."""
    ids, bad = eligible_ids(body.csv)
    async with db.write() as conn:
        measure = (await conn.execute(select(measures).where(measures.c.id == measure_id))).first()
        if measure is None:
            raise ApiError("not_found")
        unique = sorted(set(ids))
        valid = set((await conn.execute(select(mykey_ids.c.mykey_id).where(
            mykey_ids.c.mykey_id.in_(unique), mykey_ids.c.status == "valid"))).scalars()) if unique else set()
        bad += [{"line": None, "value": m, "problem": "unknown_or_not_valid"} for m in unique if m not in valid]
        if bad:
            return {"measure_id": measure_id, "added": 0, "already": 0, "refused": bad[:200], "refused_count": len(bad)}
        have = set((await conn.execute(select(measure_eligible.c.mykey_id).where(
            measure_eligible.c.measure_id == measure_id, measure_eligible.c.mykey_id.in_(unique)))).scalars())
        new = [m for m in unique if m not in have]
        if new:
            await conn.execute(insert(measure_eligible), [{"measure_id": measure_id, "mykey_id": m} for m in new])
        await audit(conn, action="setup_eligible_list", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"measure {measure_id}", detail={"added": len(new), "already": len(have),
                                                             "lines": len(ids)})
    return {"measure_id": measure_id, "added": len(new), "already": len(have), "refused": [], "refused_count": 0}


@router.post("/applications/review")
async def bulk_review(body: BulkReviewIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    """事後審査 in bulk: each application approved (points granted) or rejected with the reason, one audit row each.
    Each is its own transaction: one already reviewed does not undo the others (it is listed as refused)."""
    if not body.approve and not (body.reason or "").strip():
        raise ApiError("validation_error", "a rejection needs a reason", status=422)
    done, refused = [], []
    for app_id in dict.fromkeys(body.application_ids):
        now = utcnow()
        try:
            async with db.write() as conn:
                result = await measure_svc.review(conn, application_id=app_id, approve=body.approve,
                                                  reason=body.reason, terminal_id=caller.terminal_id, now=now)
                await audit(conn, action="application_reviewed", terminal_id=caller.terminal_id,
                            staff_id=caller.staff_id, mykey_id=result.get("mykey_id"), subject=f"application {app_id}",
                            detail={"approve": body.approve, "reason": body.reason, "status": result.get("status"),
                                    "bulk": True}, at=now)
            done.append(result)
        except ApiError as exc:
            refused.append({"application_id": app_id, "code": exc.code})
    return {"reviewed": done, "refused": refused}
