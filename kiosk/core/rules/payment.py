"""The payment rule: may a card payment at a shop happen, which lots pay for it, and what is written.

Every path that debits a card payment (the general SQLAlchemy path `services/payments.py`, the asyncpg hot path
`services/fastpay.py`) loads a `PaymentState` for the MyKey ID the resident's signed consent is bound to, calls
`decide_payment`, and writes the returned `PaymentPlan`: the lot updates `plan.takes`, one ledger row
(`-plan.points`, `-plan.premium_points`) unless `plan.points` is 0, and the result `plan.result(payment_id)`.
The resident's consent itself (signature, certificate, nonce) is checked before this rule, by
`kiosk_cloud.services.consent.verify_consent`.

Online (the resident waits at the shop), in this order:
1. the points are a whole number from 1 to MAX_POINTS (`invalid_points`);
2. the MyKey ID exists (`mykey_id_unknown`) and is valid (`mykey_id_not_valid`);
3. the live lots cover the points: all or nothing, earliest expiry first (`kiosk.core.points.plan_spend`). When they
   do not, and the lots past their expiry that still hold points would have covered it, the points the resident
   had have expired: `points_expired` (with `available`, `expired` — those lots' points — and `expired_at`, the
   latest of their expiry times, ISO-8601); otherwise `insufficient_points` (with `available`).

Offline (it already happened at the shop, with a valid proof): recorded even when it should not have happened —
the debit is what the live lots cover (possibly 0) and every problem is listed; any problem makes the operation a
`conflict` for the office (`plan.problems` ⊆ `mykey_id_unknown`, `mykey_id_not_valid`, `insufficient_points`,
`offline_limit_exceeded`: this card's offline payments at this terminal on the JST day of the payment, this one
included, above the point type's per-card-per-day limit).

Lots are live while `expires_at > now` (the cloud's time of recording). The state holds every lot with points
left, live or not: `plan.expiring` lists those past their expiry, which the general path writes off after planning
(and a refusal, rolled back, leaves them for the next attempt to name); a hot path that meets any leaves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.errors import InsufficientPoints
from kiosk.core.mykey_id import MyKeyStatus
from kiosk.core.points import Lot, LotKind, Take, balance, check_points, expired, plan_spend
from kiosk.core.rules.refusal import Refused

MYKEY_ID_UNKNOWN = "mykey_id_unknown"
MYKEY_ID_NOT_VALID = "mykey_id_not_valid"
INSUFFICIENT_POINTS = "insufficient_points"
OFFLINE_LIMIT_EXCEEDED = "offline_limit_exceeded"
POINTS_EXPIRED = "points_expired"


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    mykey_id: str  # the MyKey ID bound to the consent's certificate
    point_type_id: int
    points: int  # requested
    shop_id: int
    now: datetime  # the cloud's time of recording: which lots are live
    offline: bool = False


@dataclass(frozen=True, slots=True)
class PaymentState:
    mykey_status: str | None  # None: no such MyKey ID
    lots: Sequence[Lot] = ()  # the account's lots with points left, expired ones included (none: no account)
    offline_limit: int = 0  # points per card per JST day offline (0: no limit)
    offline_used: int = 0  # offline: this card's earlier offline payments at this terminal that JST day


@dataclass(frozen=True, slots=True)
class PaymentPlan:
    mykey_id: str
    shop_id: int
    point_type_id: int
    requested: int
    points: int  # debited (offline: possibly less, possibly 0)
    takes: tuple[Take, ...]
    premium_points: int
    balance_after: int
    expiring: tuple[Take, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def conflict(self) -> bool:
        return bool(self.problems)

    def result(self, payment_id: int | None) -> dict[str, object]:
        """The stored and answered result (offline with problems: the conflict's detail)."""
        out: dict[str, object] = {
            "mykey_id": self.mykey_id, "shop_id": self.shop_id, "payment_id": payment_id, "points": self.points,
            "requested": self.requested, "balance": self.balance_after,
        }
        if self.problems:
            out["problems"] = list(self.problems)
            out["shortfall"] = self.requested - self.points
        return out


def _premium(lots: Sequence[Lot], takes: Sequence[Take]) -> int:
    premium = {lot.lot_id for lot in lots if lot.kind is LotKind.PREMIUM}
    return sum(t.points for t in takes if t.lot_id in premium)


def _refuse_short(request: PaymentRequest, state: PaymentState, available: int) -> None:
    """Too few live points: `points_expired` when the expired lots would have paid, else `insufficient_points`."""
    lapsed = [lot for lot in state.lots if lot.remaining > 0 and lot.expires_at <= request.now]
    gone = sum(lot.remaining for lot in lapsed)
    if lapsed and available + gone >= request.points:
        last = max(lot.expires_at for lot in lapsed)
        raise Refused(POINTS_EXPIRED, f"requested {request.points} points, {available} live, {gone} expired",
                      available=available, expired=gone, expired_at=last.isoformat())
    raise InsufficientPoints(request.points, available)


def decide_payment(request: PaymentRequest, state: PaymentState) -> PaymentPlan:
    """The plan of a payment; online refusals raise `Refused` (`points_expired` among them) /
    `InsufficientPoints` / `InvalidPoints`."""
    check_points(request.points)
    problems: list[str] = []
    if state.mykey_status is None:
        problems.append(MYKEY_ID_UNKNOWN)
    elif state.mykey_status != MyKeyStatus.VALID:
        problems.append(MYKEY_ID_NOT_VALID)
    if problems and not request.offline:
        if problems[0] == MYKEY_ID_UNKNOWN:
            raise Refused(MYKEY_ID_UNKNOWN)
        raise Refused(MYKEY_ID_NOT_VALID, f"status {state.mykey_status}")
    now = request.now
    available = balance(state.lots, now)
    if request.offline:
        amount = min(request.points, available)
        if amount < request.points:
            problems.append(INSUFFICIENT_POINTS)
        if state.offline_limit and state.offline_used + amount > state.offline_limit:
            problems.append(OFFLINE_LIMIT_EXCEEDED)
    else:
        if request.points > available:
            _refuse_short(request, state, available)
        amount = request.points
    takes = tuple(plan_spend(state.lots, amount, now)) if amount > 0 else ()
    return PaymentPlan(
        mykey_id=request.mykey_id, shop_id=request.shop_id, point_type_id=request.point_type_id,
        requested=request.points, points=amount, takes=takes, premium_points=_premium(state.lots, takes),
        balance_after=available - amount, expiring=tuple(expired(state.lots, now)), problems=tuple(problems),
    )
