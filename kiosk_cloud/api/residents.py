"""Resident authentication: one-time challenge → card signature → MyKey ID and a short-lived auth_token."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import Field

from kiosk_cloud.api.schemas import Body
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AppSettings, ResidentFacing
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import verify_user_auth
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.residents import bound_mykey, new_challenge, open_session, take_challenge
from kiosk_cloud.services.timewindow import limits_of
from kiosk_cloud.services.trust import trust_store

router = APIRouter(tags=["resident auth"])


class VerifyIn(Body):
    challenge_id: Annotated[str, Field(min_length=1, max_length=64)]
    certificate: Annotated[str, Field(min_length=1, max_length=20_000)]
    signature: Annotated[str, Field(min_length=1, max_length=2_000)]


def _b64(text: str, code: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(code, "not base64") from None


@router.post("/auth/challenge")
async def challenge(caller: ResidentFacing, db: DB, settings: AppSettings) -> dict[str, Any]:
    async with db.write() as conn:
        challenge_id, value, expires_at = await new_challenge(conn, caller.terminal_id, settings.challenge_ttl_s, utcnow())
    return {"challenge_id": challenge_id, "challenge": base64.b64encode(value).decode(), "expires_at": iso(expires_at)}


@router.post("/auth/verify")
async def verify(body: VerifyIn, caller: ResidentFacing, db: DB, settings: AppSettings) -> dict[str, Any]:
    cert_der = _b64(body.certificate, "certificate_invalid")
    signature = _b64(body.signature, "signature_invalid")
    now = utcnow()
    # The challenge is consumed in its own transaction so that a failed verification cannot be retried with it.
    async with db.write() as conn:
        value = await take_challenge(conn, body.challenge_id, caller.terminal_id, now)
        trust = await trust_store(conn)  # parsed once per worker, not per request
        grace_s = (await limits_of(conn, settings)).crl_grace_s
    info = verify_user_auth(cert_der, signature, value, trust, now, crl_grace_s=grace_s)
    async with db.write() as conn:
        token = await open_session(conn, caller.terminal_id, info, settings.resident_token_ttl_s, now)
        bound = await bound_mykey(conn, info.fingerprint)
    return {
        "mykey_id": bound[0] if bound else None,
        "status": bound[1] if bound else None,
        "certificate": {"fingerprint": info.fingerprint, "serial": info.serial, "issuer": info.issuer,
                        "not_after": iso(info.not_after)},
        "auth_token": token,
    }
