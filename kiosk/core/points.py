"""Point accounts as lots: the rules every ledger (cloud and terminal) follows.

A MyKey ID has one account per municipality point type (e.g. "A市ポイント"). Every grant is a lot with its own
expiry; spending takes from the lots that expire first (ties: the older grant first, then the lot id, so the
plan is deterministic). Expired lots no longer count. Reserved points (留保ポイント) wait for a transfer
deadline, after which they move to the municipality's default account. Balances never go negative: a spend
that the lots cannot cover is refused as a whole.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from kiosk.core.errors import InsufficientPoints, InvalidPoints

MAX_POINTS = 10_000_000  # one operation; a guard against typos such as an extra zero run


class AccountKind(enum.StrEnum):
    PERSONAL = "personal"  # a MyKey ID's account for one point type
    MUNICIPAL_DEFAULT = "municipal_default"  # where unclaimed reserved points end up
    SUPPORT_EVENT = "support_event"  # 特定支援イベント口座


class LotKind(enum.StrEnum):
    NORMAL = "normal"  # 通常ポイント
    PREMIUM = "premium"  # プレミアムポイント (a measure's bonus part)


@dataclass(frozen=True, slots=True)
class Lot:
    lot_id: str
    remaining: int
    expires_at: datetime
    granted_at: datetime
    kind: LotKind = LotKind.NORMAL


@dataclass(frozen=True, slots=True)
class Take:
    lot_id: str
    points: int


def check_points(amount: int) -> int:
    """An amount of points a person may enter: a whole number from 1 to MAX_POINTS."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvalidPoints("points are a whole number")
    if amount <= 0:
        raise InvalidPoints("points must be at least 1")
    if amount > MAX_POINTS:
        raise InvalidPoints(f"at most {MAX_POINTS} points in one operation")
    return amount


def _live(lots: Iterable[Lot], now: datetime) -> list[Lot]:
    return [lot for lot in lots if lot.remaining > 0 and lot.expires_at > now]


def balance(lots: Iterable[Lot], now: datetime) -> int:
    return sum(lot.remaining for lot in _live(lots, now))


def breakdown(lots: Iterable[Lot], now: datetime) -> dict[LotKind, int]:
    totals = dict.fromkeys(LotKind, 0)
    for lot in _live(lots, now):
        totals[lot.kind] += lot.remaining
    return totals


def spending_order(lots: Iterable[Lot], now: datetime) -> list[Lot]:
    return sorted(_live(lots, now), key=lambda lot: (lot.expires_at, lot.granted_at, lot.lot_id))


def plan_spend(lots: Sequence[Lot], amount: int, now: datetime) -> list[Take]:
    """Which lots pay for `amount`, earliest expiry first. All or nothing."""
    check_points(amount)
    available = balance(lots, now)
    if amount > available:
        raise InsufficientPoints(amount, available)
    takes: list[Take] = []
    left = amount
    for lot in spending_order(lots, now):
        part = min(lot.remaining, left)
        takes.append(Take(lot.lot_id, part))
        left -= part
        if left == 0:
            break
    return takes


def apply_takes(lots: Sequence[Lot], takes: Iterable[Take]) -> list[Lot]:
    by_id = {take.lot_id: take.points for take in takes}
    out = []
    for lot in lots:
        taken = by_id.pop(lot.lot_id, 0)
        if taken > lot.remaining:
            raise InsufficientPoints(taken, lot.remaining)
        out.append(replace(lot, remaining=lot.remaining - taken) if taken else lot)
    if by_id:
        raise KeyError(f"unknown lots: {sorted(by_id)}")
    return out


def expired(lots: Iterable[Lot], now: datetime) -> list[Take]:
    """The points that expire at `now`: one Take per lot past its expiry with points left."""
    return [Take(lot.lot_id, lot.remaining) for lot in lots if lot.remaining > 0 and lot.expires_at <= now]


@dataclass(frozen=True, slots=True)
class ReservedPoints:
    """留保ポイント: points held for a MyKey ID until it claims them or the transfer deadline passes."""

    reserved_id: str
    points: int
    transfer_deadline: datetime


def reserved_due(reserved: Iterable[ReservedPoints], now: datetime) -> list[ReservedPoints]:
    """Reserved points whose deadline has passed: they move to the municipality's default account."""
    return [item for item in reserved if item.points > 0 and item.transfer_deadline <= now]
