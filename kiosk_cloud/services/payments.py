"""Card payments at shops, general path: the resident's consent, then the payment rule, then the writes.

Online (`POST /v1/payments`, sync `payment`): `verify_consent` (the statement says this shop, this terminal, this
point type and these points; signature, chain, CRL, binding, nonce), load the MyKey ID's account and its lots with
points left, `kiosk.core.rules.payment.decide_payment` (it tells expired points from too few), write the plan
(lots past their expiry written off, lot updates, one ledger row, the audit row).

Offline (sync `offline_payment`): it already happened at the shop. The statement's time becomes the payment's
time. A missing or bad proof (any consent/certificate code) is a `conflict` for the office with nothing debited;
with a good proof the rule decides what is debited and lists the problems (each makes a conflict).
The asyncpg hot path (services/fastpay.py) runs the same checks and the same rule for plain online payments.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.rules.payment import PaymentPlan, PaymentRequest, PaymentState, decide_payment
from kiosk.core.rules.refusal import Refused
from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, conflicts, ledger, point_types
from kiosk_cloud.services.accounts import lock_account, lots_with_points, take_points, takes_json, write_off
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import jdump
from kiosk_cloud.services.consent import ConsentedCard, ConsentIn, Expected, municipality_code, verify_consent
from kiosk_cloud.services.idempotent import APPLIED, CONFLICT
from kiosk_cloud.services.timewindow import limits_of
from kiosk_cloud.services.vouchers import JST
from kiosk_cloud.settings import Settings

# a proof refused with one of these codes makes an offline payment a conflict (nothing debited)
PROOF_CODES = frozenset({
    "consent_missing", "consent_malformed", "consent_mismatch", "consent_stale", "consent_future",
    "consent_bad_signature", "consent_replayed", "certificate_untrusted", "certificate_expired",
    "certificate_revoked", "revocation_list_stale", "certificate_not_bound",
})


def _shop(caller: Caller) -> int:
    if caller.shop_id is None:
        raise ApiError("terminal_has_no_shop")
    return caller.shop_id


async def payment_expected(conn: AsyncConnection, caller: Caller, point_type_id: int, points: int) -> Expected:
    return Expected("payment", await municipality_code(conn), _shop(caller), caller.terminal_id, point_type_id,
                    points)


async def _offline_used(conn: AsyncConnection, mykey_id: str, point_type_id: int, terminal_id: int,
                        at: datetime) -> int:
    """Points this card paid offline at this terminal on the JST day of `at` (before this payment)."""
    start = datetime.combine(at.astimezone(JST).date(), time(), JST)
    used = (await conn.execute(
        select(func.coalesce(func.sum(-ledger.c.points), 0))
        .join(accounts, accounts.c.id == ledger.c.account_id)
        .where(accounts.c.mykey_id == mykey_id, accounts.c.point_type_id == point_type_id,
               ledger.c.kind == "use", ledger.c.offline.is_(True), ledger.c.terminal_id == terminal_id,
               ledger.c.occurred_at >= start, ledger.c.occurred_at < start + timedelta(days=1))
    )).scalar()
    return int(used or 0)


async def _load_and_decide(conn: AsyncConnection, card: ConsentedCard, request: PaymentRequest,
                           terminal_id: int) -> tuple[int | None, PaymentPlan]:
    account_id = await lock_account(conn, card.mykey_id, request.point_type_id)
    known = select(point_types.c.id).where(point_types.c.id == request.point_type_id)
    if account_id is None and (await conn.execute(known)).first() is None:
        raise ApiError("unknown_point_type")
    lots = [] if account_id is None else await lots_with_points(conn, account_id, request.now)
    limit, used = 0, 0
    if request.offline:
        limit = (await conn.execute(select(point_types.c.offline_limit_per_card_per_day).where(
            point_types.c.id == request.point_type_id))).scalar() or 0
        if limit:
            used = await _offline_used(conn, card.mykey_id, request.point_type_id, terminal_id, card.at)
    try:
        plan = decide_payment(request, PaymentState(card.mykey_status, lots, limit, used))
    except Refused as exc:
        raise ApiError(exc.code, exc.detail, None, **exc.extra) from None
    if plan.expiring and account_id is not None:  # lots past their expiry: written off before the payment's row
        await write_off(conn, account_id, lots, list(plan.expiring), request.now)
    return account_id, plan


async def write_payment(conn: AsyncConnection, account_id: int | None, plan: PaymentPlan, *, terminal_id: int,
                        key: str | None, occurred_at: datetime, now: datetime, offline: bool) -> int | None:
    """The plan's writes: lot updates and one ledger row (none when nothing is debited), and the audit row."""
    payment_id = None
    if plan.points > 0:
        assert account_id is not None
        await take_points(conn, list(plan.takes))
        payment_id = (await conn.execute(insert(ledger).values(
            account_id=account_id, kind="use", points=-plan.points, premium_points=-plan.premium_points,
            occurred_at=occurred_at, recorded_at=now, shop_id=plan.shop_id, terminal_id=terminal_id,
            idempotency_key=key, takes=takes_json(list(plan.takes)), offline=offline,
        ).returning(ledger.c.id))).scalar_one()
    await audit(conn, action="payment", terminal_id=terminal_id, mykey_id=plan.mykey_id,
                subject=None if payment_id is None else str(payment_id), at=now,
                detail={"shop_id": plan.shop_id, "point_type_id": plan.point_type_id, "points": plan.points,
                        "requested": plan.requested, "offline": offline, "problems": list(plan.problems)})
    return payment_id


async def online_payment(conn: AsyncConnection, consent: ConsentIn | None, *, point_type_id: int, points: int,
                         caller: Caller, settings: Settings, key: str, now: datetime) -> tuple[str, dict[str, Any]]:
    expected = await payment_expected(conn, caller, point_type_id, points)
    card = await verify_consent(conn, consent, expected, now=now, offline=False,
                                window=await limits_of(conn, settings))
    request = PaymentRequest(card.mykey_id, point_type_id, points, expected.shop_id or 0, now)
    account_id, plan = await _load_and_decide(conn, card, request, caller.terminal_id)
    payment_id = await write_payment(conn, account_id, plan, terminal_id=caller.terminal_id, key=key,
                                     occurred_at=now, now=now, offline=False)
    return APPLIED, plan.result(payment_id)


async def _conflict(conn: AsyncConnection, caller: Caller, key: str, detail: dict[str, Any], now: datetime) -> None:
    await conn.execute(insert(conflicts).values(
        kind="offline_payment", operation_key=key, terminal_id=caller.terminal_id, shop_id=caller.shop_id,
        detail=jdump(detail), created_at=now))


async def offline_payment(conn: AsyncConnection, consent: ConsentIn | None, *, point_type_id: int, points: int,
                          caller: Caller, settings: Settings, key: str, now: datetime) -> tuple[str, dict[str, Any]]:
    """Recorded even when it should not have happened; then a conflict for the office. A bad proof debits nothing."""
    expected = await payment_expected(conn, caller, point_type_id, points)
    try:
        card = await verify_consent(conn, consent, expected, now=now, offline=True,
                                    window=await limits_of(conn, settings))
    except ApiError as exc:
        if exc.code not in PROOF_CODES:
            raise
        detail = {"mykey_id": None, "shop_id": expected.shop_id, "payment_id": None, "points": 0,
                  "requested": points, "balance": 0, "problems": [exc.code], "shortfall": points,
                  "proof": exc.code}
        await _conflict(conn, caller, key, detail, now)
        return CONFLICT, detail
    request = PaymentRequest(card.mykey_id, point_type_id, points, expected.shop_id or 0, now, offline=True)
    account_id, plan = await _load_and_decide(conn, card, request, caller.terminal_id)
    payment_id = await write_payment(conn, account_id, plan, terminal_id=caller.terminal_id, key=key,
                                     occurred_at=card.at, now=now, offline=True)
    result = {**plan.result(payment_id), "at": card.at.isoformat()}
    if plan.conflict:
        await _conflict(conn, caller, key, result, now)
        return CONFLICT, result
    return APPLIED, result
