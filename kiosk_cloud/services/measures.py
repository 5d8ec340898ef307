"""Measures (施策), applications with first-come capacity, reviews, attendance grants."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.measures import (
    Applicant,
    Eligibility,
    Measure,
    MeasureKind,
    Outcome,
    Review,
    check_eligibility,
)
from kiosk.core.mykey_id import MyKeyStatus, normalize_mykey_id
from kiosk_cloud.db import as_utc
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import applications, attendance_registrations, measure_eligible, measures, mykey_ids
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.ledger_ops import grant

TAKEN = ("applied", "approved", "granted")


def measure_out(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "name": row.name, "name_en": row.name_en, "point_type_id": row.point_type_id,
        "programme_id": row.programme_id, "kind": row.kind, "eligibility": row.eligibility, "review": row.review,
        "residency_required": bool(row.residency_required), "capacity": row.capacity,
        "points_per_person": row.points_per_person, "reward_rate_percent": row.reward_rate_percent,
        "opens_at": iso(row.opens_at), "closes_at": iso(row.closes_at), "municipality_code": row.municipality_code,
        "payment_services": json.loads(row.payment_services),
    }


async def taken_by_measure(conn: AsyncConnection) -> dict[int, int]:
    """Applications counted against each measure's capacity (the same count `apply` checks under its lock)."""
    rows = (await conn.execute(select(applications.c.measure_id, func.count()).where(
        applications.c.status.in_(TAKEN)).group_by(applications.c.measure_id))).all()
    return {int(m): int(n) for m, n in rows}


async def pre_registered_for(conn: AsyncConnection, mykey_id: str) -> set[int]:
    """The measures whose list of eligible residents holds this MyKey ID."""
    rows = (await conn.execute(select(measure_eligible.c.measure_id).where(
        measure_eligible.c.mykey_id == mykey_id))).all()
    return {int(r[0]) for r in rows}


def application_out(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "measure_id": row.measure_id, "mykey_id": row.mykey_id,
        "municipality_code": row.municipality_code, "payment_service": row.payment_service, "status": row.status,
        "reason": row.reason, "created_at": iso(row.created_at), "reviewed_at": iso(row.reviewed_at),
    }


async def apply(
    conn: AsyncConnection, *, measure_id: int, mykey_text: str, municipality_code: str | None,
    payment_service: str, terminal_id: int, now: datetime,
) -> dict[str, Any]:
    mykey_id = normalize_mykey_id(mykey_text)
    # Lock the measure row: capacity (定員, first come) is counted under this lock.
    row = (await conn.execute(select(measures).where(measures.c.id == measure_id).with_for_update())).first()
    if row is None:
        raise ApiError("unknown_measure")
    services = json.loads(row.payment_services)
    if services and payment_service not in services:
        raise ApiError("payment_service_unknown")
    status = (await conn.execute(select(mykey_ids.c.status).where(mykey_ids.c.mykey_id == mykey_id))).scalar()
    if status is None:
        raise ApiError("mykey_id_unknown")
    taken = (await conn.execute(select(func.count()).select_from(applications).where(
        applications.c.measure_id == measure_id, applications.c.status.in_(TAKEN)))).scalar_one()
    already = (await conn.execute(select(applications.c.id).where(
        applications.c.measure_id == measure_id, applications.c.mykey_id == mykey_id))).first() is not None
    eligible = {r[0] for r in (await conn.execute(select(measure_eligible.c.mykey_id).where(
        measure_eligible.c.measure_id == measure_id, measure_eligible.c.mykey_id == mykey_id))).all()}
    measure = Measure(
        measure_id=str(row.id), name=row.name, municipality_code=row.municipality_code,
        eligibility=Eligibility(row.eligibility), kind=MeasureKind(row.kind), points_per_person=row.points_per_person,
        opens_at=as_utc(row.opens_at) or now, closes_at=as_utc(row.closes_at) or now, review=Review(row.review),
        capacity=row.capacity, residency_required=bool(row.residency_required), pre_registered=frozenset(eligible),
    )
    decision = check_eligibility(measure, Applicant(mykey_id, MyKeyStatus(status), municipality_code), now, taken,
                                 already)
    if not decision.eligible:
        raise ApiError("not_eligible", ", ".join(decision.reasons), reasons=[r.value for r in decision.reasons])
    app_status = "applied" if decision.outcome is Outcome.PENDING_REVIEW else "approved"
    app_id = (await conn.execute(insert(applications).values(
        measure_id=measure_id, mykey_id=mykey_id, municipality_code=municipality_code or "",
        payment_service=payment_service, status=app_status, created_at=now,
    ).returning(applications.c.id))).scalar_one()
    if app_status == "approved":
        await _grant_for(conn, row, app_id, mykey_id, terminal_id, now)
    out = (await conn.execute(select(applications).where(applications.c.id == app_id))).one()
    return application_out(out)


async def _grant_for(conn: AsyncConnection, measure: Any, app_id: int, mykey_id: str, terminal_id: int,
                     now: datetime) -> None:
    """A simple-grant measure with a programme pays its points at approval; others stay 'approved'."""
    if measure.kind != MeasureKind.GRANT or measure.programme_id is None:
        return
    result = await grant(conn, programme_id=measure.programme_id, mykey_id=mykey_id,
                         points=measure.points_per_person, terminal_id=terminal_id, now=now)
    await conn.execute(update(applications).where(applications.c.id == app_id)
                       .values(status="granted", ledger_id=result["grant_id"]))


async def review(conn: AsyncConnection, *, application_id: int, approve: bool, reason: str | None,
                 terminal_id: int, now: datetime) -> dict[str, Any]:
    row = (await conn.execute(select(applications).where(applications.c.id == application_id)
                              .with_for_update())).first()
    if row is None:
        raise ApiError("unknown_application")
    if row.status != "applied":
        raise ApiError("application_not_pending")
    await conn.execute(update(applications).where(applications.c.id == application_id).values(
        status="approved" if approve else "rejected", reason=reason, reviewed_at=now,
        reviewer_terminal_id=terminal_id))
    if approve:
        measure = (await conn.execute(select(measures).where(measures.c.id == row.measure_id))).one()
        await _grant_for(conn, measure, application_id, row.mykey_id, terminal_id, now)
    out = (await conn.execute(select(applications).where(applications.c.id == application_id))).one()
    return application_out(out)


async def attend(conn: AsyncConnection, *, programme_id: int, mykey_text: str, terminal_id: int,
                 now: datetime, occurred_at: datetime | None) -> dict[str, Any]:
    """出席登録: a pre-registered applicant taps the card; the registered points are granted once."""
    mykey_id = normalize_mykey_id(mykey_text)
    reg = (await conn.execute(select(attendance_registrations).where(
        attendance_registrations.c.programme_id == programme_id,
        attendance_registrations.c.mykey_id == mykey_id).with_for_update())).first()
    if reg is None:
        raise ApiError("not_pre_registered")
    if reg.ledger_id is not None:
        raise ApiError("already_attended")
    result = await grant(conn, programme_id=programme_id, mykey_id=mykey_id, points=reg.points,
                         terminal_id=terminal_id, now=now, occurred_at=occurred_at)
    await conn.execute(update(attendance_registrations).where(
        attendance_registrations.c.programme_id == programme_id,
        attendance_registrations.c.mykey_id == mykey_id).values(ledger_id=result["grant_id"]))
    return result
