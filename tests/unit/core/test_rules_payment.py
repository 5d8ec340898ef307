"""kiosk.core.rules.payment: the one payment decision of the general path and the hot path (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.errors import InsufficientPoints, InvalidPoints
from kiosk.core.points import Lot, LotKind, balance, plan_spend
from kiosk.core.rules.payment import PaymentRequest, PaymentState, decide_payment
from kiosk.core.rules.refusal import Refused

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)

lots_st = st.lists(
    st.builds(
        lambda i, remaining, days, kind: Lot(str(i), remaining, NOW + timedelta(days=days), NOW - timedelta(days=1),
                                             kind),
        st.integers(1, 10**6), st.integers(1, 5000), st.integers(-30, 400), st.sampled_from(list(LotKind)),
    ),
    max_size=8, unique_by=lambda lot: lot.lot_id,
)


def _request(points: int, offline: bool = False) -> PaymentRequest:
    return PaymentRequest("ITOYKO04", 1, points, shop_id=3, now=NOW, offline=offline)


@given(lots_st, st.integers(1, 20_000))
def test_online_takes_exactly_the_points_earliest_expiry_first_or_refuses(lots: list[Lot], points: int) -> None:
    available = balance(lots, NOW)
    if points > available:
        lapsed = sum(lot.remaining for lot in lots if lot.expires_at <= NOW)
        if lapsed and available + lapsed >= points:  # the expired lots would have paid: said so
            with pytest.raises(Refused) as refused:
                decide_payment(_request(points), PaymentState("valid", lots))
            assert refused.value.code == "points_expired"
            assert refused.value.extra["available"] == available and refused.value.extra["expired"] == lapsed
            return
        with pytest.raises(InsufficientPoints) as exc:
            decide_payment(_request(points), PaymentState("valid", lots))
        assert exc.value.available == available and exc.value.code == "insufficient_points"
        return
    plan = decide_payment(_request(points), PaymentState("valid", lots))
    assert plan.points == plan.requested == points and not plan.problems and not plan.conflict
    assert list(plan.takes) == plan_spend(lots, points, NOW)
    assert plan.balance_after == available - points
    premium = {lot.lot_id for lot in lots if lot.kind is LotKind.PREMIUM}
    assert plan.premium_points == sum(t.points for t in plan.takes if t.lot_id in premium)
    assert {t.lot_id for t in plan.expiring} == {lot.lot_id for lot in lots if lot.expires_at <= NOW}
    assert plan.result(41) == {"mykey_id": "ITOYKO04", "shop_id": 3, "payment_id": 41, "points": points,
                               "requested": points, "balance": available - points}


@given(lots_st, st.integers(1, 20_000), st.integers(0, 9000), st.integers(0, 9000),
       st.sampled_from(["valid", "suspended", None]))
def test_offline_records_what_is_there_and_lists_every_problem(lots: list[Lot], points: int, limit: int, used: int,
                                                               status: str | None) -> None:
    available = balance(lots, NOW)
    plan = decide_payment(_request(points, offline=True), PaymentState(status, lots, limit, used))
    assert plan.points == min(points, available) and plan.balance_after == available - plan.points
    assert sum(t.points for t in plan.takes) == plan.points
    expected = []
    if status is None:
        expected.append("mykey_id_unknown")
    elif status != "valid":
        expected.append("mykey_id_not_valid")
    if points > available:
        expected.append("insufficient_points")
    if limit and used + plan.points > limit:
        expected.append("offline_limit_exceeded")
    assert list(plan.problems) == expected and plan.conflict == bool(expected)
    if expected:
        result = plan.result(None if plan.points == 0 else 9)
        assert result["problems"] == expected and result["shortfall"] == points - plan.points


def test_online_refusals_have_the_catalogued_codes() -> None:
    lots = [Lot("1", 500, NOW + timedelta(days=9), NOW)]
    with pytest.raises(Refused) as unknown:
        decide_payment(_request(10), PaymentState(None, lots))
    assert unknown.value.code == "mykey_id_unknown"
    with pytest.raises(Refused) as suspended:
        decide_payment(_request(10), PaymentState("suspended", lots))
    assert suspended.value.code == "mykey_id_not_valid"
    for bad in (0, -5, 10_000_001):
        with pytest.raises(InvalidPoints):
            decide_payment(_request(bad), PaymentState("valid", lots))
    with pytest.raises(Refused) as lapsed:  # an expired lot does not pay, and the refusal says why
        decide_payment(_request(10), PaymentState("valid", [Lot("2", 500, NOW, NOW - timedelta(days=9))]))
    assert lapsed.value.code == "points_expired"
    assert lapsed.value.extra == {"available": 0, "expired": 500, "expired_at": NOW.isoformat()}


def test_expired_points_only_when_they_would_have_paid() -> None:
    """Live 100 + expired 300: 350 is refused as expired points; 500 is simply too few (with or without them)."""
    lots = [Lot("live", 100, NOW + timedelta(days=9), NOW - timedelta(days=30)),
            Lot("old", 200, NOW - timedelta(days=2), NOW - timedelta(days=60)),
            Lot("older", 100, NOW - timedelta(days=5), NOW - timedelta(days=90))]
    with pytest.raises(Refused) as lapsed:
        decide_payment(_request(350), PaymentState("valid", lots))
    assert lapsed.value.code == "points_expired" and lapsed.value.extra["expired"] == 300
    assert lapsed.value.extra["expired_at"] == (NOW - timedelta(days=2)).isoformat()  # the latest expiry
    with pytest.raises(InsufficientPoints) as short:
        decide_payment(_request(500), PaymentState("valid", lots))
    assert not isinstance(short.value, Refused) and short.value.available == 100
    plan = decide_payment(_request(100), PaymentState("valid", lots))  # the live lot pays; the others expire
    assert [t.lot_id for t in plan.takes] == ["live"] and {t.lot_id for t in plan.expiring} == {"old", "older"}
    offline = decide_payment(_request(350, offline=True), PaymentState("valid", lots))  # offline: a conflict
    assert offline.points == 100 and offline.problems == ("insufficient_points",)
