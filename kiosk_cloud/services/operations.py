"""The operation kinds shared by /v1/sync and the plain endpoints: payload models, roles, handlers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import certificates, conflicts
from kiosk_cloud.services import ledger_ops, measures, mykey, payments
from kiosk_cloud.services import vouchers as vsvc
from kiosk_cloud.services.audit import audit_grant, audit_staffed
from kiosk_cloud.services.common import jdump, require_valid_mykey
from kiosk_cloud.services.consent import ConsentIn
from kiosk_cloud.services.idempotent import APPLIED, CONFLICT
from kiosk_cloud.services.trust import check_crl_current, trust_store
from kiosk_cloud.settings import Settings

Points = Annotated[int, Field(ge=1, le=10_000_000)]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Text40 = Annotated[str, Field(min_length=1, max_length=40)]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GrantPayload(Payload):
    programme_id: DbId
    mykey_id: Text40
    points: Points
    staff_id: DbId | None = None


class PaymentPayload(Payload):
    """A card payment: the resident's signed consent names this shop, this terminal, the point type and points
    (kiosk.core.consent). Without it the operation is refused (`consent_missing`); offline: a conflict."""
    point_type_id: DbId
    points: Points
    consent: ConsentIn | None = None


class OfflinePaymentPayload(PaymentPayload):
    pass


class RedeemPayload(Payload):
    code: Annotated[str, Field(min_length=1, max_length=400)]


class ApplicationPayload(Payload):
    measure_id: DbId
    mykey_id: Text40
    municipality_code: Annotated[str, Field(pattern="^[0-9]{5,6}$")] | None = None
    payment_service: Annotated[str, Field(min_length=1, max_length=60)]
    staff_id: DbId | None = None  # set by the cloud from the clerk's session, never taken from the terminal


class AttendancePayload(Payload):
    """A tap at the counter in attendance mode: the MyKey ID, or the fingerprint of the card's user-auth
    certificate (read without a PIN) that the cloud maps to the bound MyKey ID."""
    programme_id: DbId
    mykey_id: Text40 | None = None
    certificate_fingerprint: Annotated[str, Field(pattern="^[0-9a-fA-F]{64}$")] | None = None
    staff_id: DbId | None = None

    @model_validator(mode="after")
    def _one_resident(self) -> AttendancePayload:
        if (self.mykey_id is None) == (self.certificate_fingerprint is None):
            raise ValueError("give exactly one of mykey_id and certificate_fingerprint")
        return self


class ServiceIdPayload(Payload):
    mykey_id: Text40
    business_id: Annotated[str, Field(min_length=1, max_length=40)]
    customer_id: Annotated[str, Field(min_length=1, max_length=80)]
    staff_id: DbId | None = None


@dataclass(frozen=True)
class Ctx:
    caller: Caller
    settings: Settings
    key: str
    now: datetime
    occurred_at: AwareDatetime | None


Handler = Callable[[AsyncConnection, Any, Ctx], Awaitable[tuple[str, dict[str, Any]]]]


def _shop(ctx: Ctx) -> int:
    if ctx.caller.shop_id is None:
        raise ApiError("terminal_has_no_shop")
    return ctx.caller.shop_id


async def _conflict(conn: AsyncConnection, ctx: Ctx, kind: str, detail: dict[str, Any]) -> None:
    await conn.execute(insert(conflicts).values(
        kind=kind, operation_key=ctx.key, terminal_id=ctx.caller.terminal_id, shop_id=ctx.caller.shop_id,
        detail=jdump(detail), created_at=ctx.now))


async def do_grant(conn: AsyncConnection, p: GrantPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    result = await ledger_ops.grant(  # the grant rule: kiosk.core.rules.grant, via ledger_ops.grant
        conn, programme_id=p.programme_id, mykey_id=p.mykey_id, points=p.points, terminal_id=ctx.caller.terminal_id,
        now=ctx.now, occurred_at=ctx.occurred_at, staff_id=p.staff_id, key=ctx.key)
    await audit_grant(conn, terminal_id=ctx.caller.terminal_id, staff_id=p.staff_id, mykey_id=result["mykey_id"],
                      programme_id=p.programme_id, grant_id=result["grant_id"], points=result["points"], at=ctx.now)
    return APPLIED, result


async def do_payment(conn: AsyncConnection, p: PaymentPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    return await payments.online_payment(conn, p.consent, point_type_id=p.point_type_id, points=p.points,
                                         caller=ctx.caller, settings=ctx.settings, key=ctx.key, now=ctx.now)


async def do_offline_payment(conn: AsyncConnection, p: OfflinePaymentPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    """Already happened at the shop (services/payments.py: a bad proof is a conflict with nothing debited)."""
    return await payments.offline_payment(conn, p.consent, point_type_id=p.point_type_id, points=p.points,
                                          caller=ctx.caller, settings=ctx.settings, key=ctx.key, now=ctx.now)


async def do_redeem(conn: AsyncConnection, p: RedeemPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    return APPLIED, await vsvc.redeem(conn, code=p.code, shop_id=_shop(ctx), now=ctx.now, key=ctx.key)


async def do_offline_redeem(conn: AsyncConnection, p: RedeemPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    """The shop accepted the voucher offline (signature and expiry checked there). A second use is a conflict."""
    at = ctx.occurred_at or ctx.now
    plan = await vsvc.apply_redemption(conn, code=p.code, shop_id=ctx.caller.shop_id, at=at, key=ctx.key, offline=True)
    if plan.applied:
        return APPLIED, plan.result
    await _conflict(conn, ctx, "offline_voucher_redeem", plan.result)
    return CONFLICT, plan.result


async def _audited(conn: AsyncConnection, kind: str, p: Payload, ctx: Ctx,
                   result: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """APPLIED with its audit row, in the operation's transaction (issue 8)."""
    await audit_staffed(conn, kind=kind, terminal_id=ctx.caller.terminal_id, staff_id=getattr(p, "staff_id", None),
                        payload=p.model_dump(), result=result, at=ctx.now)
    return APPLIED, result


async def do_application(conn: AsyncConnection, p: ApplicationPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    return await _audited(conn, "application", p, ctx, await measures.apply(
        conn, measure_id=p.measure_id, mykey_text=p.mykey_id, municipality_code=p.municipality_code,
        payment_service=p.payment_service, terminal_id=ctx.caller.terminal_id, now=ctx.now))


async def do_attendance(conn: AsyncConnection, p: AttendancePayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    if p.certificate_fingerprint is not None:
        mykey_text = await mykey_for_certificate(conn, p.certificate_fingerprint, ctx.occurred_at or ctx.now,
                                                   ctx.settings)
    else:
        mykey_text = p.mykey_id or ""
    await require_valid_mykey(conn, mykey_text)
    return await _audited(conn, "attendance", p, ctx, await measures.attend(
        conn, programme_id=p.programme_id, mykey_text=mykey_text, terminal_id=ctx.caller.terminal_id, now=ctx.now,
        occurred_at=ctx.occurred_at))


async def mykey_for_certificate(conn: AsyncConnection, fingerprint: str, at: datetime,
                                settings: Settings | None = None) -> str:
    """The MyKey ID bound to a card certificate known by its fingerprint (no signature: attendance taps only).
    Refuses a certificate never bound or since replaced, one past its validity, one on the revocation data."""
    row = (await conn.execute(select(certificates).where(
        certificates.c.fingerprint == fingerprint.lower(), certificates.c.unbound_at.is_(None)))).first()
    if row is None:
        raise ApiError("certificate_not_bound")
    not_after = row.not_after if row.not_after.tzinfo else row.not_after.replace(tzinfo=UTC)
    if not_after < at:
        raise ApiError("certificate_expired")
    trust = await trust_store(conn)  # parsed once per worker
    if str(row.serial) in trust.revoked_serials():
        raise ApiError("certificate_revoked")
    # not listed: that only counts if the revocation list is current (limits, issue 8)
    await check_crl_current(conn, settings or Settings(), str(row.issuer), datetime.now(UTC))
    return str(row.mykey_id)


async def do_service_id(conn: AsyncConnection, p: ServiceIdPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    return APPLIED, await mykey.register_service_id(conn, p.mykey_id, p.business_id, p.customer_id,
                                                   terminal_id=ctx.caller.terminal_id, staff_id=p.staff_id, now=ctx.now)


@dataclass(frozen=True)
class Kind:
    payload: type[Payload]
    roles: frozenset[str]
    handler: Handler


KINDS: dict[str, Kind] = {
    "grant": Kind(GrantPayload, frozenset({"counter", "admin"}), do_grant),  # not the office (issue 8)
    "payment": Kind(PaymentPayload, frozenset({"store"}), do_payment),
    "offline_payment": Kind(OfflinePaymentPayload, frozenset({"store"}), do_offline_payment),
    "voucher_redeem": Kind(RedeemPayload, frozenset({"store"}), do_redeem),
    "offline_voucher_redeem": Kind(RedeemPayload, frozenset({"store"}), do_offline_redeem),
    "application": Kind(ApplicationPayload, frozenset({"counter", "admin"}), do_application),
    "attendance": Kind(AttendancePayload, frozenset({"counter", "admin"}), do_attendance),
    "service_id": Kind(ServiceIdPayload, frozenset({"counter", "admin"}), do_service_id),
}
