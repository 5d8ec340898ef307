"""Resident authentication sessions and the MyKey ID ↔ certificate binding."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import as_utc
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import CertInfo
from kiosk_cloud.models import auth_challenges, certificates, mykey_ids, resident_sessions
from kiosk_cloud.security import hash_secret, make_token, new_secret, secret_matches, split_token


@dataclass(frozen=True)
class ResidentSession:
    session_id: int
    terminal_id: int
    cert: CertInfo
    mykey_id: str | None
    mykey_status: str | None


async def new_challenge(conn: AsyncConnection, terminal_id: int, ttl_s: int, now: datetime) -> tuple[str, bytes, datetime]:
    challenge_id = secrets.token_hex(16)
    challenge = secrets.token_bytes(32)
    expires_at = now + timedelta(seconds=ttl_s)
    await conn.execute(
        insert(auth_challenges).values(
            id=challenge_id, challenge=challenge, terminal_id=terminal_id, expires_at=expires_at
        )
    )
    return challenge_id, challenge, expires_at


async def take_challenge(conn: AsyncConnection, challenge_id: str, terminal_id: int, now: datetime) -> bytes:
    """Consume a challenge once: unknown, expired, used or another terminal's challenge is refused."""
    result = await conn.execute(
        update(auth_challenges)
        .where(
            auth_challenges.c.id == challenge_id,
            auth_challenges.c.used_at.is_(None),
            auth_challenges.c.terminal_id == terminal_id,
            auth_challenges.c.expires_at > now,
        )
        .values(used_at=now)
        .returning(auth_challenges.c.challenge)
    )
    challenge = result.scalar()
    if challenge is None:
        raise ApiError("challenge_invalid")
    return bytes(challenge)


async def bound_mykey(conn: AsyncConnection, fingerprint: str) -> tuple[str, str] | None:
    row = (
        await conn.execute(
            select(mykey_ids.c.mykey_id, mykey_ids.c.status)
            .join(certificates, certificates.c.mykey_id == mykey_ids.c.mykey_id)
            .where(certificates.c.fingerprint == fingerprint, certificates.c.unbound_at.is_(None))
        )
    ).first()
    return None if row is None else (row.mykey_id, row.status)


async def open_session(
    conn: AsyncConnection, terminal_id: int, cert: CertInfo, ttl_s: int, now: datetime
) -> str:
    secret = new_secret()
    session_id = (
        await conn.execute(
            insert(resident_sessions).values(
                token_hash=hash_secret(secret), terminal_id=terminal_id, fingerprint=cert.fingerprint,
                serial=cert.serial, issuer=cert.issuer, not_after=cert.not_after, created_at=now,
                expires_at=now + timedelta(seconds=ttl_s),
            ).returning(resident_sessions.c.id)
        )
    ).scalar_one()
    return make_token(session_id, secret)


async def resolve_session(conn: AsyncConnection, token: str, terminal_id: int, now: datetime) -> ResidentSession:
    """The resident behind an auth_token (issued to this terminal, not expired)."""
    parsed = split_token(token)
    if parsed is None:
        raise ApiError("auth_token_invalid")
    session_id, secret = parsed
    row = (await conn.execute(select(resident_sessions).where(resident_sessions.c.id == session_id))).first()
    if (
        row is None
        or not secret_matches(secret, row.token_hash)
        or row.terminal_id != terminal_id
        or (as_utc(row.expires_at) or now) <= now
    ):
        raise ApiError("auth_token_invalid")
    cert = CertInfo(row.fingerprint, row.serial, row.issuer, as_utc(row.not_after) or now)
    bound = await bound_mykey(conn, row.fingerprint)
    return ResidentSession(session_id, terminal_id, cert, bound[0] if bound else None, bound[1] if bound else None)
