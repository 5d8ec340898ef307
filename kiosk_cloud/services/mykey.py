"""MyKey ID creation, status and certificate re-binding; service IDs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.mykey_id import MyKeyStatus, generate_candidate, normalize_mykey_id
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import certificates, mykey_ids, service_ids
from kiosk_cloud.services.audit import audit_staffed
from kiosk_cloud.services.common import require_valid_mykey
from kiosk_cloud.services.residents import ResidentSession


async def is_available(conn: AsyncConnection, mykey_id: str) -> bool:
    return (await conn.execute(select(mykey_ids.c.mykey_id).where(mykey_ids.c.mykey_id == mykey_id))).first() is None


async def free_candidate(conn: AsyncConnection) -> str:
    for _ in range(50):
        candidate = generate_candidate()
        if await is_available(conn, candidate):
            return candidate
    raise RuntimeError("no free MyKey ID candidate after 50 tries")


async def create_mykey(conn: AsyncConnection, session: ResidentSession, wanted: str | None, now: datetime) -> str:
    if session.mykey_id is not None:
        raise ApiError("certificate_already_bound", mykey_id=session.mykey_id)
    mykey_id = normalize_mykey_id(wanted) if wanted else await free_candidate(conn)
    if not await is_available(conn, mykey_id):
        raise ApiError("mykey_id_taken")
    # A fingerprint row is never reused: an unbound certificate cannot be bound a second time.
    if (await conn.execute(select(certificates.c.fingerprint).where(
        certificates.c.fingerprint == session.cert.fingerprint))).first() is not None:
        raise ApiError("certificate_already_bound")
    try:
        async with conn.begin_nested():
            await conn.execute(
                insert(mykey_ids).values(mykey_id=mykey_id, status=MyKeyStatus.VALID, created_at=now,
                                         status_changed_at=now)
            )
    except IntegrityError:
        raise ApiError("mykey_id_taken") from None
    await _bind(conn, mykey_id, session, now)
    return mykey_id


async def _bind(conn: AsyncConnection, mykey_id: str, session: ResidentSession, now: datetime) -> None:
    cert = session.cert
    try:
        async with conn.begin_nested():
            await conn.execute(
                insert(certificates).values(
                    fingerprint=cert.fingerprint, mykey_id=mykey_id, serial=cert.serial, issuer=cert.issuer,
                    not_after=cert.not_after, bound_at=now,
                )
            )
    except IntegrityError:  # the same card bound concurrently (a double tap): the first one won
        raise ApiError("certificate_already_bound") from None


async def rebind(
    conn: AsyncConnection, session: ResidentSession, mykey_text: str | None, old_fingerprint: str | None,
    now: datetime,
) -> str:
    """Move a MyKey ID to the resident's renewed certificate (at a counter, after the clerk checked identity)."""
    if session.mykey_id is not None:
        raise ApiError("certificate_already_bound", mykey_id=session.mykey_id)
    query = select(certificates.c.fingerprint, certificates.c.mykey_id).where(certificates.c.unbound_at.is_(None))
    if old_fingerprint:
        query = query.where(certificates.c.fingerprint == old_fingerprint.lower())
    if mykey_text:
        query = query.where(certificates.c.mykey_id == normalize_mykey_id(mykey_text))
    if not old_fingerprint and not mykey_text:
        raise ApiError("rebind_not_possible", "give mykey_id or old_fingerprint")
    old = (await conn.execute(query.with_for_update())).first()
    if old is None:
        raise ApiError("rebind_not_possible")
    if (await conn.execute(select(certificates.c.fingerprint).where(
        certificates.c.fingerprint == session.cert.fingerprint))).first() is not None:
        raise ApiError("certificate_already_bound")
    await conn.execute(
        update(certificates).where(certificates.c.fingerprint == old.fingerprint).values(unbound_at=now)
    )
    await _bind(conn, old.mykey_id, session, now)
    return str(old.mykey_id)


async def set_status(conn: AsyncConnection, mykey_text: str, status: MyKeyStatus, now: datetime) -> None:
    mykey_id = normalize_mykey_id(mykey_text)
    result = await conn.execute(
        update(mykey_ids).where(mykey_ids.c.mykey_id == mykey_id).values(status=status, status_changed_at=now)
    )
    if result.rowcount == 0:
        raise ApiError("mykey_id_unknown")


async def add_service_id(conn: AsyncConnection, mykey_id: str, business_id: str, customer_id: str,
                         now: datetime) -> dict[str, object]:
    existing = (await conn.execute(
        select(service_ids.c.id, service_ids.c.mykey_id).where(
            service_ids.c.business_id == business_id, service_ids.c.customer_id == customer_id)
    )).first()
    if existing is not None:
        if existing.mykey_id != mykey_id:
            raise ApiError("service_id_taken")
        return {"id": existing.id, "mykey_id": mykey_id, "business_id": business_id, "customer_id": customer_id}
    try:
        async with conn.begin_nested():
            new_id = (await conn.execute(
                insert(service_ids).values(mykey_id=mykey_id, business_id=business_id, customer_id=customer_id,
                                           created_at=now).returning(service_ids.c.id)
            )).scalar_one()
    except IntegrityError:  # registered concurrently
        raise ApiError("service_id_taken") from None
    return {"id": new_id, "mykey_id": mykey_id, "business_id": business_id, "customer_id": customer_id}


async def register_service_id(conn: AsyncConnection, mykey_text: str, business_id: str, customer_id: str, *,
                              terminal_id: int | None, staff_id: int | None, now: datetime) -> dict[str, object]:
    """The one rule for a service ID, on /v1/sync and POST /v1/mykey-ids/{id}/service-ids alike: the MyKey ID must
    exist and be valid (有効; a suspended one takes none), and the audit row is written in the same transaction."""
    mykey_id = await require_valid_mykey(conn, mykey_text)
    result = await add_service_id(conn, mykey_id, business_id, customer_id, now)
    await audit_staffed(conn, kind="service_id", terminal_id=terminal_id, staff_id=staff_id,
                        payload={"mykey_id": mykey_id, "business_id": business_id}, result=dict(result), at=now)
    return result
