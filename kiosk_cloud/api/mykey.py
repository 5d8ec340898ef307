"""MyKey IDs: candidate availability, generation, creation bound to the certificate, lookup, status, re-binding,
service IDs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import select

from kiosk.core.mykey_id import MyKeyStatus, normalize_mykey_id
from kiosk_cloud.api.schemas import Body, MyKeyText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AppSettings, CounterStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import certificates, mykey_ids, service_ids
from kiosk_cloud.services import mykey as svc
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.residents import resolve_session
from kiosk_cloud.services.staff_auth import second_staff

router = APIRouter(tags=["mykey ids"])

AuthToken = Annotated[str, Field(min_length=1, max_length=200)]


class CreateIn(Body):
    auth_token: AuthToken
    mykey_id: MyKeyText | None = None


class StatusIn(Body):
    status: MyKeyStatus


class StaffCredentials(Body):
    staff_code: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(min_length=1, max_length=100)]


class RebindIn(Body):
    """`auth_token`: the renewed certificate's authentication. Proof that the MyKey ID is this resident's: either
    `old_auth_token` (an authentication made on this terminal with the old certificate, which must be the one bound
    to the MyKey ID) or `second_staff` (another staff member's approval, checked like a login)."""

    auth_token: AuthToken
    old_fingerprint: Annotated[str, Field(min_length=64, max_length=64, pattern="^[0-9a-fA-F]{64}$")] | None = None
    mykey_id: MyKeyText | None = None
    old_auth_token: AuthToken | None = None
    second_staff: StaffCredentials | None = None


class ServiceIdIn(Body):
    business_id: Annotated[str, Field(min_length=1, max_length=40)]
    customer_id: Annotated[str, Field(min_length=1, max_length=80)]


@router.get("/mykey-ids/{mykey_id}/available")
async def available(mykey_id: MyKeyText, staff: CounterStaff, db: DB) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        return {"mykey_id": value, "available": await svc.is_available(conn, value)}


@router.post("/mykey-ids/generate")
async def generate(staff: CounterStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return {"mykey_id": await svc.free_candidate(conn)}


@router.post("/mykey-ids", status_code=201)
async def create(body: CreateIn, staff: CounterStaff, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        session = await resolve_session(conn, body.auth_token, staff.terminal_id, now)
        mykey_id = await svc.create_mykey(conn, session, body.mykey_id, now)
        await audit(conn, action="mykey_created", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    mykey_id=mykey_id, subject=f"MyKey ID {mykey_id}", at=now)
    return {"mykey_id": mykey_id, "status": MyKeyStatus.VALID.value, "certificate": _cert_out(session.cert)}


@router.post("/mykey-ids/rebind")
async def rebind(body: RebindIn, staff: CounterStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Move a MyKey ID to a renewed certificate: only with proof from the old certificate or a second staff member's
    approval; either way an audit row says who, where, when."""
    approver = None
    old_fingerprint, wanted = body.old_fingerprint, body.mykey_id
    if body.old_auth_token is None:
        if body.second_staff is None:
            raise ApiError("rebind_proof_required")
        approver = await second_staff(db, settings, terminal_id=staff.terminal_id, first_staff_id=staff.staff_id,
                                      credentials=body.second_staff.model_dump(), purpose="rebind")
    now = utcnow()
    async with db.write() as conn:
        if body.old_auth_token is not None:
            old = await resolve_session(conn, body.old_auth_token, staff.terminal_id, now)
            if old.mykey_id is None or (wanted and normalize_mykey_id(wanted) != old.mykey_id) or (
                    old_fingerprint and old_fingerprint.lower() != old.cert.fingerprint):
                raise ApiError("rebind_not_possible", "the old certificate is not the one bound to this MyKey ID")
            old_fingerprint, wanted = old.cert.fingerprint, old.mykey_id
        session = await resolve_session(conn, body.auth_token, staff.terminal_id, now)
        mykey_id = await svc.rebind(conn, session, wanted, old_fingerprint, now)
        await audit(conn, action="mykey_rebind", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    mykey_id=mykey_id, subject=f"MyKey ID {mykey_id}",
                    detail={"proof": "old_certificate" if approver is None else "second_staff",
                            "approved_by_staff_id": None if approver is None else approver.staff_id}, at=now)
    return {"mykey_id": mykey_id, "certificate": _cert_out(session.cert)}


@router.get("/mykey-ids/{mykey_id}")
async def lookup(mykey_id: MyKeyText, staff: CounterStaff, db: DB) -> dict[str, Any]:
    """A MyKey ID's status and bound certificate: for the counter's look-up, so a clerk's session on a counter or
    admin terminal (a shop, the office or a terminal without a logged-in clerk may not browse residents' records)."""
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        row = (await conn.execute(select(mykey_ids).where(mykey_ids.c.mykey_id == value))).first()
        if row is None:
            raise ApiError("mykey_id_unknown")
        cert = (await conn.execute(select(certificates).where(
            certificates.c.mykey_id == value, certificates.c.unbound_at.is_(None)))).first()
    return {
        "mykey_id": value,
        "status": row.status,
        "created_at": iso(row.created_at),
        "status_changed_at": iso(row.status_changed_at),
        "certificate": None if cert is None else {
            "fingerprint": cert.fingerprint, "serial": cert.serial, "issuer": cert.issuer,
            "not_after": iso(cert.not_after), "bound_at": iso(cert.bound_at),
        },
    }


@router.post("/mykey-ids/{mykey_id}/status")
async def set_status(mykey_id: MyKeyText, body: StatusIn, staff: CounterStaff, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        await svc.set_status(conn, mykey_id, body.status, now)
        await audit(conn, action="mykey_status", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    mykey_id=normalize_mykey_id(mykey_id), subject=f"status {body.status.value}",
                    detail={"status": body.status.value}, at=now)
    return {"mykey_id": normalize_mykey_id(mykey_id), "status": body.status.value}


@router.get("/mykey-ids/{mykey_id}/service-ids")
async def list_service_ids(mykey_id: MyKeyText, staff: CounterStaff, db: DB) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        if await svc.is_available(conn, value):
            raise ApiError("mykey_id_unknown")
        rows = (await conn.execute(select(service_ids).where(service_ids.c.mykey_id == value)
                                   .order_by(service_ids.c.id))).all()
    return {"mykey_id": value, "service_ids": [
        {"id": r.id, "business_id": r.business_id, "customer_id": r.customer_id, "created_at": iso(r.created_at)}
        for r in rows]}


@router.post("/mykey-ids/{mykey_id}/service-ids", status_code=201)
async def add_service_id(mykey_id: MyKeyText, body: ServiceIdIn, staff: CounterStaff, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        return await svc.register_service_id(conn, mykey_id, body.business_id, body.customer_id,
                                             terminal_id=staff.terminal_id, staff_id=staff.staff_id, now=utcnow())


def _cert_out(cert: Any) -> dict[str, Any]:
    return {"fingerprint": cert.fingerprint, "serial": cert.serial, "issuer": cert.issuer,
            "not_after": iso(cert.not_after)}
