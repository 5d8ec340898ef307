"""The operation kinds shared by /v1/sync and the plain endpoints: payload models, roles, handlers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.mykey_id import normalize_mykey_id
from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, certificates, conflicts, ledger, mykey_ids, point_types
from kiosk_cloud.services import ledger_ops, measures, mykey
from kiosk_cloud.services import vouchers as vsvc
from kiosk_cloud.services.common import jdump, require_valid_mykey
from kiosk_cloud.services.idempotent import APPLIED, CONFLICT
from kiosk_cloud.services.residents import resolve_session
from kiosk_cloud.services.trust import check_crl_current
from kiosk_cloud.services.vouchers import JST
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
    point_type_id: DbId
    points: Points
    mykey_id: Text40 | None = None
    auth_token: Annotated[str, Field(min_length=1, max_length=200)] | None = None

    @model_validator(mode="after")
    def _one_resident(self) -> PaymentPayload:
        if (self.mykey_id is None) == (self.auth_token is None):
            raise ValueError("give exactly one of mykey_id and auth_token")
        return self


class OfflinePaymentPayload(Payload):
    point_type_id: DbId
    points: Points
    mykey_id: Text40 | None = None
    certificate_fingerprint: Annotated[str, Field(pattern="^[0-9a-fA-F]{64}$")] | None = None

    @model_validator(mode="after")
    def _one_resident(self) -> OfflinePaymentPayload:
        if (self.mykey_id is None) == (self.certificate_fingerprint is None):
            raise ValueError("give exactly one of mykey_id and certificate_fingerprint")
        return self


class RedeemPayload(Payload):
    code: Annotated[str, Field(min_length=1, max_length=400)]


class ApplicationPayload(Payload):
    measure_id: DbId
    mykey_id: Text40
    municipality_code: Annotated[str, Field(pattern="^[0-9]{5,6}$")] | None = None
    payment_service: Annotated[str, Field(min_length=1, max_length=60)]


class AttendancePayload(Payload):
    """A tap at the counter in attendance mode: the MyKey ID, or the fingerprint of the card's user-auth
    certificate (read without a PIN) that the cloud maps to the bound MyKey ID."""
    programme_id: DbId
    mykey_id: Text40 | None = None
    certificate_fingerprint: Annotated[str, Field(pattern="^[0-9a-fA-F]{64}$")] | None = None

    @model_validator(mode="after")
    def _one_resident(self) -> AttendancePayload:
        if (self.mykey_id is None) == (self.certificate_fingerprint is None):
            raise ValueError("give exactly one of mykey_id and certificate_fingerprint")
        return self


class ServiceIdPayload(Payload):
    mykey_id: Text40
    business_id: Annotated[str, Field(min_length=1, max_length=40)]
    customer_id: Annotated[str, Field(min_length=1, max_length=80)]


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
    return APPLIED, await ledger_ops.grant(  # the grant rule: kiosk.core.rules.grant, via ledger_ops.grant
        conn, programme_id=p.programme_id, mykey_id=p.mykey_id, points=p.points, terminal_id=ctx.caller.terminal_id,
        now=ctx.now, occurred_at=ctx.occurred_at, staff_id=p.staff_id, key=ctx.key)


async def do_payment(conn: AsyncConnection, p: PaymentPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    shop_id = _shop(ctx)
    if p.auth_token is not None:
        session = await resolve_session(conn, p.auth_token, ctx.caller.terminal_id, ctx.now)
        if session.mykey_id is None:
            raise ApiError("certificate_not_bound")
        mykey_id = session.mykey_id
    else:
        mykey_id = normalize_mykey_id(p.mykey_id or "")
    result = await ledger_ops.pay(conn, mykey_id=mykey_id, point_type_id=p.point_type_id, points=p.points,
                                  shop_id=shop_id, terminal_id=ctx.caller.terminal_id, now=ctx.now, key=ctx.key,
                                  require_valid=True)
    return APPLIED, {"mykey_id": mykey_id, "shop_id": shop_id, **result}


async def do_offline_payment(conn: AsyncConnection, p: OfflinePaymentPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    """Already happened at the shop: recorded even when it should not have (a card that overspent, a card with
    no MyKey ID, a MyKey ID no longer valid, above the offline limit) — then a conflict for the office."""
    shop_id = _shop(ctx)
    if p.certificate_fingerprint is not None:
        mykey_id = (await conn.execute(select(certificates.c.mykey_id).where(
            certificates.c.fingerprint == p.certificate_fingerprint.lower()))).scalar()
        if mykey_id is None:
            detail = {"mykey_id": None, "shop_id": shop_id, "payment_id": None, "points": 0, "requested": p.points,
                      "balance": 0, "problems": ["certificate_not_bound"], "shortfall": p.points,
                      "certificate_fingerprint": p.certificate_fingerprint.lower()}
            await _conflict(conn, ctx, "offline_payment", detail)
            return CONFLICT, detail
    else:
        mykey_id = normalize_mykey_id(p.mykey_id or "")
    status = (await conn.execute(select(mykey_ids.c.status).where(mykey_ids.c.mykey_id == mykey_id))).scalar()
    result = await ledger_ops.pay(conn, mykey_id=mykey_id, point_type_id=p.point_type_id, points=p.points,
                                  shop_id=shop_id, terminal_id=ctx.caller.terminal_id, now=ctx.now,
                                  occurred_at=ctx.occurred_at, key=ctx.key, offline=True, partial=True)
    result = {"mykey_id": mykey_id, "shop_id": shop_id, **result}
    limit = (await conn.execute(select(point_types.c.offline_limit_per_card_per_day).where(
        point_types.c.id == p.point_type_id))).scalar() or 0
    problems = []
    if status is None:
        problems.append("mykey_id_unknown")
    elif status != "valid":
        problems.append("mykey_id_not_valid")
    if result["points"] < p.points:
        problems.append("insufficient_points")
    if limit and await _offline_used_today(conn, ctx, mykey_id, p.point_type_id) > limit:
        problems.append("offline_limit_exceeded")
    if problems:
        detail = {**result, "problems": problems, "shortfall": p.points - result["points"]}
        await _conflict(conn, ctx, "offline_payment", detail)
        return CONFLICT, detail
    return APPLIED, result


async def _offline_used_today(conn: AsyncConnection, ctx: Ctx, mykey_id: str, point_type_id: int) -> int:
    """Points this card paid offline at this terminal on the (JST) day of this operation, this one included."""
    day = (ctx.occurred_at or ctx.now).astimezone(JST).date()
    start = datetime.combine(day, time(), JST)
    used = (await conn.execute(
        select(func.coalesce(func.sum(-ledger.c.points), 0))
        .join(accounts, accounts.c.id == ledger.c.account_id)
        .where(accounts.c.mykey_id == mykey_id, accounts.c.point_type_id == point_type_id,
               ledger.c.kind == "use", ledger.c.offline.is_(True), ledger.c.terminal_id == ctx.caller.terminal_id,
               ledger.c.occurred_at >= start, ledger.c.occurred_at < start + timedelta(days=1))
    )).scalar()
    return int(used or 0)


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


async def do_application(conn: AsyncConnection, p: ApplicationPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    return APPLIED, await measures.apply(
        conn, measure_id=p.measure_id, mykey_text=p.mykey_id, municipality_code=p.municipality_code,
        payment_service=p.payment_service, terminal_id=ctx.caller.terminal_id, now=ctx.now)


async def do_attendance(conn: AsyncConnection, p: AttendancePayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    if p.certificate_fingerprint is not None:
        mykey_text = await mykey_for_certificate(conn, p.certificate_fingerprint, ctx.occurred_at or ctx.now,
                                                   ctx.settings)
    else:
        mykey_text = p.mykey_id or ""
    await require_valid_mykey(conn, mykey_text)
    return APPLIED, await measures.attend(conn, programme_id=p.programme_id, mykey_text=mykey_text,
                                          terminal_id=ctx.caller.terminal_id, now=ctx.now, occurred_at=ctx.occurred_at)


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
    # the revocation list must be current (limits, issue 8); the trust store is parsed once per worker
    trust = await check_crl_current(conn, settings or Settings(), str(row.issuer), datetime.now(UTC))
    if str(row.serial) in trust.revoked_serials():
        raise ApiError("certificate_revoked")
    return str(row.mykey_id)


async def do_service_id(conn: AsyncConnection, p: ServiceIdPayload, ctx: Ctx) -> tuple[str, dict[str, Any]]:
    mykey_id = await require_valid_mykey(conn, p.mykey_id)
    return APPLIED, await mykey.add_service_id(conn, mykey_id, p.business_id, p.customer_id, ctx.now)


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
