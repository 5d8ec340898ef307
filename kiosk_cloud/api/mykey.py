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
from kiosk_cloud.deps import DB, Counter, ResidentFacing
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import certificates, mykey_ids, service_ids
from kiosk_cloud.services import mykey as svc
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.residents import resolve_session

router = APIRouter(tags=["mykey ids"])

AuthToken = Annotated[str, Field(min_length=1, max_length=200)]


class CreateIn(Body):
    auth_token: AuthToken
    mykey_id: MyKeyText | None = None


class StatusIn(Body):
    status: MyKeyStatus


class RebindIn(Body):
    auth_token: AuthToken
    old_fingerprint: Annotated[str, Field(min_length=64, max_length=64, pattern="^[0-9a-fA-F]{64}$")] | None = None
    mykey_id: MyKeyText | None = None


class ServiceIdIn(Body):
    business_id: Annotated[str, Field(min_length=1, max_length=40)]
    customer_id: Annotated[str, Field(min_length=1, max_length=80)]


@router.get("/mykey-ids/{mykey_id}/available")
async def available(mykey_id: MyKeyText, caller: Counter, db: DB) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.read() as conn:
        return {"mykey_id": value, "available": await svc.is_available(conn, value)}


@router.post("/mykey-ids/generate")
async def generate(caller: Counter, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return {"mykey_id": await svc.free_candidate(conn)}


@router.post("/mykey-ids", status_code=201)
async def create(body: CreateIn, caller: Counter, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        session = await resolve_session(conn, body.auth_token, caller.terminal_id, now)
        mykey_id = await svc.create_mykey(conn, session, body.mykey_id, now)
    return {"mykey_id": mykey_id, "status": MyKeyStatus.VALID.value, "certificate": _cert_out(session.cert)}


@router.post("/mykey-ids/rebind")
async def rebind(body: RebindIn, caller: Counter, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        session = await resolve_session(conn, body.auth_token, caller.terminal_id, now)
        mykey_id = await svc.rebind(conn, session, body.mykey_id, body.old_fingerprint, now)
    return {"mykey_id": mykey_id, "certificate": _cert_out(session.cert)}


@router.get("/mykey-ids/{mykey_id}")
async def lookup(mykey_id: MyKeyText, caller: ResidentFacing, db: DB) -> dict[str, Any]:
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
async def set_status(mykey_id: MyKeyText, body: StatusIn, caller: Counter, db: DB) -> dict[str, Any]:
    async with db.write() as conn:
        await svc.set_status(conn, mykey_id, body.status, utcnow())
    return {"mykey_id": normalize_mykey_id(mykey_id), "status": body.status.value}


@router.get("/mykey-ids/{mykey_id}/service-ids")
async def list_service_ids(mykey_id: MyKeyText, caller: Counter, db: DB) -> dict[str, Any]:
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
async def add_service_id(mykey_id: MyKeyText, body: ServiceIdIn, caller: Counter, db: DB) -> dict[str, Any]:
    value = normalize_mykey_id(mykey_id)
    async with db.write() as conn:
        if await svc.is_available(conn, value):
            raise ApiError("mykey_id_unknown")
        return await svc.add_service_id(conn, value, body.business_id, body.customer_id, utcnow())


def _cert_out(cert: Any) -> dict[str, Any]:
    return {"fingerprint": cert.fingerprint, "serial": cert.serial, "issuer": cert.issuer,
            "not_after": iso(cert.not_after)}
