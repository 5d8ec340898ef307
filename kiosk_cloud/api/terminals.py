"""Terminal enrolment with one-time codes, terminal credentials and revocation (staff login: api/staff.py)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi import APIRouter, Request
from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.api.schemas import Body, DbId, ShortText
from kiosk_cloud.db import Database, as_utc, utcnow
from kiosk_cloud.deps import DB, AdminStaff, AnyTerminal, AppSettings
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import enrolment_codes, municipalities, shops, terminals
from kiosk_cloud.security import hash_secret, make_token, new_secret
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.staff_auth import end_terminal_sessions

router = APIRouter(tags=["terminals"])

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I

Role = Literal["counter", "store", "office", "admin"]


class EnrolmentCodeIn(Body):
    role: Role
    name: ShortText
    shop_id: DbId | None = None


class EnrolIn(Body):
    code: ShortText
    name: ShortText


def _new_code() -> str:
    """A one-time enrolment code, 12 characters of upper-case letters and digits (read out or typed by staff)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))


async def insert_enrolment_code(conn: AsyncConnection, role: str, name: str, shop_id: int | None,
                                ttl_s: int) -> tuple[str, datetime]:
    if role == "store" and shop_id is None:
        raise ApiError("unknown_shop", "a store terminal needs shop_id", status=422)
    if shop_id is not None and (await conn.execute(select(shops.c.id).where(shops.c.id == shop_id))).first() is None:
        raise ApiError("unknown_shop")
    code, now = _new_code(), utcnow()
    expires_at = now + timedelta(seconds=ttl_s)
    await conn.execute(insert(enrolment_codes).values(
        code_hash=hash_secret(code), role=role, name=name, shop_id=shop_id, created_at=now, expires_at=expires_at))
    return code, expires_at


async def issue_enrolment_code(db: Database, role: str, name: str, shop_id: int | None, ttl_s: int) -> str:
    """In-process helper for init-demo and tests."""
    async with db.write() as conn:
        return (await insert_enrolment_code(conn, role, name, shop_id, ttl_s))[0]


@router.post("/admin/enrolment-codes")
async def create_enrolment_code(body: EnrolmentCodeIn, staff: AdminStaff, db: DB,
                                settings: AppSettings) -> dict[str, Any]:
    async with db.write() as conn:
        code, expires_at = await insert_enrolment_code(conn, body.role, body.name, body.shop_id,
                                                       settings.enrolment_code_ttl_s)
        await audit(conn, action="terminal_enrolment_code", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"{body.role} {body.name}"[:200], detail={"role": body.role, "shop_id": body.shop_id})
    return {"code": code, "expires_at": expires_at.isoformat(), "role": body.role}


@router.post("/terminals/enrol")
async def enrol(body: EnrolIn, db: DB, settings: AppSettings) -> dict[str, Any]:
    now = utcnow()
    secret = new_secret()
    async with db.write() as conn:
        row = (
            await conn.execute(
                select(enrolment_codes).where(enrolment_codes.c.code_hash == hash_secret(body.code.strip().upper()))
                .with_for_update()
            )
        ).first()
        if row is None or row.used_at is not None or (as_utc(row.expires_at) or now) <= now:
            raise ApiError("enrolment_code_invalid")
        await conn.execute(update(enrolment_codes).where(enrolment_codes.c.id == row.id).values(used_at=now))
        terminal_id = (
            await conn.execute(
                insert(terminals).values(
                    name=body.name, role=row.role, shop_id=row.shop_id, token_hash=hash_secret(secret), created_at=now
                ).returning(terminals.c.id)
            )
        ).scalar_one()
        code = (await conn.execute(select(municipalities.c.code).order_by(municipalities.c.id))).scalar()
        await audit(conn, action="terminal_enrolled", terminal_id=terminal_id, subject=f"{row.role} {body.name}"[:200],
                    detail={"role": row.role, "shop_id": row.shop_id, "enrolment_code_id": row.id}, at=now)
    return {
        "terminal_id": terminal_id,
        "token": make_token(terminal_id, secret),
        "role": row.role,
        "municipality_code": code or settings.municipality_code,
        "shop_id": row.shop_id,
    }


@router.post("/terminals/{terminal_id}/revoke")
async def revoke(terminal_id: DbId, staff: AdminStaff, db: DB, request: Request) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        result = await conn.execute(
            update(terminals).where(terminals.c.id == terminal_id, terminals.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        if result.rowcount == 0:
            exists = (await conn.execute(select(terminals.c.id).where(terminals.c.id == terminal_id))).first()
            if exists is None:
                raise ApiError("not_found")
        else:
            await end_terminal_sessions(conn, terminal_id, "terminal_revoked", now)
            await audit(conn, action="terminal_revoked", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                        subject=f"terminal {terminal_id}", at=now)
    request.app.state.terminal_cache.forget(terminal_id)
    return {"terminal_id": terminal_id, "revoked": True}


@router.get("/terminals")
async def list_terminals(staff: AdminStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(terminals).order_by(terminals.c.id))).all()
    return {
        "terminals": [
            {"terminal_id": r.id, "name": r.name, "role": r.role, "shop_id": r.shop_id,
             "created_at": iso(r.created_at), "revoked_at": iso(r.revoked_at)}
            for r in rows
        ]
    }


@router.get("/terminals/me")
async def whoami(caller: AnyTerminal) -> dict[str, Any]:
    return {"terminal_id": caller.terminal_id, "role": caller.role, "shop_id": caller.shop_id, "name": caller.name}
