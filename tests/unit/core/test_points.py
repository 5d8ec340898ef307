from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.errors import InsufficientPoints, InvalidPoints
from kiosk.core.points import (
    Lot,
    LotKind,
    ReservedPoints,
    apply_takes,
    balance,
    breakdown,
    expired,
    plan_spend,
    reserved_due,
)

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def lot(lot_id, points, days, kind=LotKind.NORMAL, granted_days_ago=10):
    return Lot(lot_id, points, NOW + timedelta(days=days), NOW - timedelta(days=granted_days_ago), kind)


def test_spends_the_lot_that_expires_first():
    lots = [lot("late", 500, 90), lot("soon", 300, 5), lot("mid", 400, 30)]
    assert [(t.lot_id, t.points) for t in plan_spend(lots, 600, NOW)] == [("soon", 300), ("mid", 300)]


def test_expired_lots_do_not_count_and_are_reported():
    lots = [lot("gone", 300, -1), lot("live", 200, 10)]
    assert balance(lots, NOW) == 200
    assert [(t.lot_id, t.points) for t in expired(lots, NOW)] == [("gone", 300)]
    with pytest.raises(InsufficientPoints) as info:
        plan_spend(lots, 201, NOW)
    assert (info.value.requested, info.value.available) == (201, 200)


def test_breakdown_normal_and_premium():
    lots = [lot("a", 1000, 10), lot("b", 200, 10, LotKind.PREMIUM), lot("c", 50, -1, LotKind.PREMIUM)]
    assert breakdown(lots, NOW) == {LotKind.NORMAL: 1000, LotKind.PREMIUM: 200}


@pytest.mark.parametrize("amount", [0, -5, True, 10_000_001])
def test_refuses_amounts_nobody_means(amount):
    with pytest.raises(InvalidPoints):
        plan_spend([lot("a", 100, 10)], amount, NOW)


def test_reserved_points_move_after_deadline():
    items = [ReservedPoints("r1", 100, NOW - timedelta(seconds=1)), ReservedPoints("r2", 100, NOW + timedelta(days=1))]
    assert [r.reserved_id for r in reserved_due(items, NOW)] == ["r1"]


lots_strategy = st.lists(
    st.builds(
        lot,
        lot_id=st.uuids().map(str),
        points=st.integers(0, 10_000),
        days=st.integers(-30, 365),
        kind=st.sampled_from(list(LotKind)),
        granted_days_ago=st.integers(0, 400),
    ),
    max_size=12,
    unique_by=lambda item: item.lot_id,
)


@given(lots_strategy, st.integers(1, 50_000))
def test_ledger_never_goes_negative_and_conserves_points(lots, amount):
    before = balance(lots, NOW)
    try:
        takes = plan_spend(lots, amount, NOW)
    except InsufficientPoints:
        assert amount > before
        return
    after_lots = apply_takes(lots, takes)
    assert sum(t.points for t in takes) == amount
    assert balance(after_lots, NOW) == before - amount
    assert all(item.remaining >= 0 for item in after_lots)
    # nothing is taken from an expired lot, and a later-expiring lot is touched only when earlier ones are empty
    live = {item.lot_id: item for item in lots if item.expires_at > NOW}
    assert all(t.lot_id in live for t in takes)
    taken_expiries = [live[t.lot_id].expires_at for t in takes]
    assert taken_expiries == sorted(taken_expiries)
    for take in takes[:-1]:
        assert take.points == live[take.lot_id].remaining


@given(lots_strategy, st.lists(st.integers(1, 3000), max_size=8))
def test_repeated_spending_matches_the_balance(lots, amounts):
    current = list(lots)
    spent = 0
    for amount in amounts:
        try:
            current = apply_takes(current, plan_spend(current, amount, NOW))
            spent += amount
        except InsufficientPoints:
            continue
    assert balance(current, NOW) == balance(lots, NOW) - spent >= 0
