"""Administration of the limits (issue 8): the municipality's offline window and CRL grace, the revocation
list, voucher signing-key revocation. Each change goes out on the changes feed."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import Field
from sqlalchemy import select, update

from kiosk_cloud.api.schemas import Body, DbId
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff, AppSettings
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import voucher_keys
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso, record_change
from kiosk_cloud.services.timewindow import set_limits
from kiosk_cloud.services.trust import set_crl
from kiosk_cloud.services.voucher_keys import cache_for

router = APIRouter(prefix="/admin", tags=["admin"])

WINDOW_MAX_S = 30 * 24 * 3600


class LimitsIn(Body):
    """None: back to the cloud's setting."""
    offline_window_s: Annotated[int, Field(ge=60, le=WINDOW_MAX_S)] | None = None
    crl_grace_s: Annotated[int, Field(ge=0, le=WINDOW_MAX_S)] | None = None


class CrlIn(Body):
    crl: Annotated[str, Field(min_length=1, max_length=700_000, description="base64 DER")]


@router.post("/limits")
async def limits(body: LimitsIn, staff: AdminStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    async with db.write() as conn:
        result = (await set_limits(conn, settings, offline_window_s=body.offline_window_s,
                                   crl_grace_s=body.crl_grace_s)).as_json()
        await audit(conn, action="limits_set", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject="municipality limits", detail=result)
    return result


@router.post("/crl")
async def install_crl(body: CrlIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    """Install the periodic revocation list of a trusted CA; an older list than the installed one is refused."""
    try:
        der = base64.b64decode(body.crl, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError("revocation_list_invalid", "not base64") from None
    try:
        async with db.write() as conn:
            installed = await set_crl(conn, der)
            if installed:
                await audit(conn, action="crl_installed", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                            subject="revocation list")
    except ValueError as exc:
        raise ApiError("revocation_list_invalid", str(exc)[:120]) from None
    return {"installed": installed}


@router.post("/voucher-keys/{key_id}/revoke")
async def revoke_voucher_key(key_id: DbId, staff: AdminStaff, db: DB, request: Request) -> dict[str, Any]:
    """No voucher signed by the key verifies any more (cloud and terminals, via the changes feed); the key no
    longer signs (a new one is made at the next issue)."""
    now = utcnow()
    async with db.write() as conn:
        row = (await conn.execute(select(voucher_keys).where(voucher_keys.c.key_id == key_id))).first()
        if row is None:
            raise ApiError("unknown_voucher_key")
        revoked_at = row.revoked_at
        if revoked_at is None:
            revoked_at = now
            await conn.execute(update(voucher_keys).where(voucher_keys.c.key_id == key_id)
                               .values(revoked_at=now, active=False))
            await record_change(conn, "voucher_key", key_id, {
                "key_id": key_id, "public_key": base64.b64encode(bytes(row.public_key)).decode(),
                "valid_from": iso(row.valid_from), "valid_until": iso(row.valid_until),
                "verify_until": iso(row.verify_until or row.valid_until), "revoked_at": iso(now)})
            await audit(conn, action="voucher_key_revoked", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                        subject=f"voucher key {key_id}")
    _forget_voucher_keys(request)
    return {"key_id": key_id, "revoked_at": iso(revoked_at)}


def _forget_voucher_keys(request: Request) -> None:
    """This worker reloads its cached keys at once (other workers within the cache's TTL, voucher_keys.TTL_S)."""
    cache_for(request.app.state.db.engine.sync_engine).loaded = float("-inf")
