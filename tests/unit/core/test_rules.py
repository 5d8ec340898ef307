"""The one grant rule and the one redemption rule (kiosk.core.rules), as plain functions over state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.errors import (
    InvalidPoints,
    VoucherBadSignature,
    VoucherExpired,
    VoucherKeyExpired,
    VoucherKeyRevoked,
    VoucherMalformed,
    VoucherNotYetValid,
    VoucherUnknownKey,
)
from kiosk.core.rules.grant import (
    JST,
    GrantRequest,
    GrantState,
    Programme,
    decide_grant,
    jst_day_bounds,
    repeat_window,
)
from kiosk.core.rules.redemption import (
    OFFLINE_LEEWAY_S,
    VoucherKey,
    VoucherRow,
    check_code,
    decide_redeem,
)
from kiosk.core.rules.refusal import Refused
from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import make_voucher_number

T0 = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # 12:00 JST
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC))


def prog(rule: str = "unlimited", **kw: object) -> Programme:
    base: dict[str, object] = {"programme_id": 7, "point_type_id": 1, "premium": False, "validity_days": 30,
                               "max_points_per_grant": 1000, "active": True, "repeat_rule": rule}
    base.update(kw)
    return Programme(**base)  # type: ignore[arg-type]


def grant(points: int = 100, at: datetime = T0, **state: object) -> object:
    s: dict[str, object] = {"mykey_status": "valid", "programme": prog()}
    s.update(state)
    return decide_grant(GrantRequest("ABCD2345", 7, points, at), GrantState(**s))  # type: ignore[arg-type]


def refused(fn: object, *args: object, **kw: object) -> Refused:
    with pytest.raises(Refused) as info:
        fn(*args, **kw)  # type: ignore[operator]
    return info.value


# --- grants ---------------------------------------------------------------------------------------------------

def test_a_grant_plan_and_its_result() -> None:
    plan = decide_grant(GrantRequest("ABCD2345", 7, 300, T0), GrantState("valid", prog(premium=True)))
    assert (plan.points, plan.premium_points, plan.point_type_id) == (300, 300, 1)
    assert plan.granted_at == T0 and plan.expires_at == T0 + timedelta(days=30)
    assert plan.result(41) == {"grant_id": 41, "mykey_id": "ABCD2345", "programme_id": 7, "point_type_id": 1,
                               "points": 300, "premium": True, "expires_at": "2026-12-30T03:00:00+00:00"}


def test_each_grant_refusal_has_its_code_in_order() -> None:
    assert refused(grant, mykey_status=None).code == "mykey_id_unknown"
    assert refused(grant, mykey_status="suspended").code == "mykey_id_not_valid"
    assert refused(grant, mykey_status="suspended").detail == "status suspended"
    assert refused(grant, programme=None).code == "unknown_programme"
    assert refused(grant, programme=prog(programme_id=8)).code == "unknown_programme"  # a loader's mix-up
    assert refused(grant, programme=prog(active=False)).code == "programme_inactive"
    too_many = refused(grant, 1001)
    assert too_many.code == "invalid_points" and "at most 1000" in too_many.detail
    dup = refused(grant, programme=prog("once"), existing=[T0 - timedelta(days=900)])
    assert dup.code == "duplicate_grant" and dup.extra == {"rule": "once"}
    with pytest.raises(InvalidPoints):
        grant(0)
    # the MyKey ID is checked before the programme
    assert refused(grant, mykey_status=None, programme=None).code == "mykey_id_unknown"


def test_repeat_windows() -> None:
    assert repeat_window("unlimited", T0) is None
    assert repeat_window("once", T0) == (None, None)
    assert repeat_window("something new", T0) == (None, None)  # unknown rules are read as the strictest
    start, end = repeat_window("once_per_day", T0)  # type: ignore[misc]
    assert start == datetime(2026, 11, 29, 15, 0, tzinfo=UTC) and end == start + timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(at=moments, earlier=st.lists(moments, max_size=4), rule=st.sampled_from(["once_per_day", "once", "unlimited"]))
def test_repeat_rule_against_a_plain_reading(at: datetime, earlier: list[datetime], rule: str) -> None:
    """once: any earlier grant refuses; once_per_day: one on the same JST calendar day; unlimited: never."""
    same_day = [e for e in earlier if e.astimezone(JST).date() == at.astimezone(JST).date()]
    expect_refused = {"once": bool(earlier), "once_per_day": bool(same_day), "unlimited": False}[rule]
    try:
        grant(at=at, programme=prog(rule), existing=earlier)
    except Refused as exc:
        assert exc.code == "duplicate_grant" and expect_refused
    else:
        assert not expect_refused


@settings(max_examples=100, deadline=None)
@given(at=moments)
def test_jst_day_bounds_hold_the_moment(at: datetime) -> None:
    start, end = jst_day_bounds(at)
    assert start <= at < end and end - start == timedelta(days=1)
    assert start.astimezone(JST).hour == 0


@settings(max_examples=100, deadline=None)
@given(points=st.integers(min_value=-5, max_value=2000), status=st.sampled_from([None, "valid", "invalid"]),
       active=st.booleans(), premium=st.booleans())
def test_a_grant_is_allowed_exactly_when_every_check_holds(points: int, status: str | None, active: bool,
                                                           premium: bool) -> None:
    ok = 1 <= points <= 1000 and status == "valid" and active
    try:
        plan = grant(points, mykey_status=status, programme=prog(active=active, premium=premium))
    except (Refused, InvalidPoints):
        assert not ok
    else:
        assert ok and plan.points == points and plan.premium_points == (points if premium else 0)  # type: ignore[attr-defined]


# --- redemptions ------------------------------------------------------------------------------------------------

PRIVATE, PUBLIC = new_signing_key()
NUMBER = make_voucher_number(123)
VALID_FROM, VALID_UNTIL = int(T0.timestamp()), int((T0 + timedelta(days=30)).timestamp())
CODE = encode_voucher(VoucherClaims(key_id=3, point_type_id=1, number=NUMBER, points=500, valid_from=VALID_FROM,
                                    valid_until=VALID_UNTIL, terminal_id=9), PRIVATE)
KEY = VoucherKey(PUBLIC, T0 - timedelta(days=1), T0 + timedelta(days=365), T0 + timedelta(days=800))
KEYS = {3: KEY}


def test_an_issued_voucher_is_redeemed_online() -> None:
    at = T0 + timedelta(days=1)
    claims = check_code(CODE, KEYS, shop_id=4, at=at)
    plan = decide_redeem(claims, VoucherRow(NUMBER, "issued", 500), shop_id=4, at=at, key="k1", offline=False)
    assert plan.applied and (plan.number, plan.points, plan.shop_id) == (NUMBER, 500, 4)
    assert plan.result == {"number": NUMBER, "status": "redeemed", "points": 500,
                           "redeemed_at": at.isoformat(), "redeemed_shop_id": 4}


def test_code_refusals() -> None:
    at = T0 + timedelta(days=1)
    assert refused(check_code, CODE, KEYS, shop_id=None, at=at).code == "terminal_has_no_shop"
    with pytest.raises(VoucherMalformed):
        check_code(CODE[:-1], KEYS, shop_id=4, at=at)
    with pytest.raises(VoucherUnknownKey):
        check_code(CODE, {}, shop_id=4, at=at)
    with pytest.raises(VoucherKeyRevoked):  # revoked: nothing of it verifies any more
        check_code(CODE, {3: VoucherKey(PUBLIC, KEY.valid_from, KEY.valid_until, None, T0)}, shop_id=4, at=at)
    with pytest.raises(VoucherKeyExpired):  # past the key's verification period
        check_code(CODE, {3: VoucherKey(PUBLIC, KEY.valid_from, KEY.valid_until, T0)}, shop_id=4, at=at)
    with pytest.raises(VoucherKeyExpired):  # signed before the key could sign
        check_code(CODE, {3: VoucherKey(PUBLIC, T0 + timedelta(seconds=1), KEY.valid_until)}, shop_id=4, at=at)
    with pytest.raises(VoucherBadSignature):
        check_code(CODE, {3: VoucherKey(new_signing_key()[1], KEY.valid_from, KEY.valid_until)}, shop_id=4, at=at)
    with pytest.raises(VoucherNotYetValid):
        check_code(CODE, KEYS, shop_id=4, at=T0 - timedelta(seconds=1))
    with pytest.raises(VoucherExpired):
        check_code(CODE, KEYS, shop_id=4, at=T0 + timedelta(days=30, seconds=1))
    # offline, the shop's clock may drift by the leeway
    late = T0 + timedelta(days=30, seconds=OFFLINE_LEEWAY_S)
    assert check_code(CODE, KEYS, shop_id=4, at=late, leeway=OFFLINE_LEEWAY_S).number == NUMBER


def test_used_voided_unknown_and_mismatched_vouchers() -> None:
    at = T0 + timedelta(days=2)
    claims = check_code(CODE, KEYS, shop_id=4, at=at)
    first = T0 + timedelta(days=1)
    used = VoucherRow(NUMBER, "redeemed", 500, first, 2, "first-key")
    online = refused(decide_redeem, claims, used, shop_id=4, at=at, key="k2", offline=False)
    assert online.code == "voucher_already_used"
    assert online.extra == {"number": NUMBER, "points": 500, "redeemed_at": first.isoformat(), "redeemed_shop_id": 2}
    voided = VoucherRow(NUMBER, "voided", 500)
    assert refused(decide_redeem, claims, voided, shop_id=4, at=at, key=None, offline=False).code == "voucher_voided"
    assert refused(decide_redeem, claims, None, shop_id=4, at=at, key=None, offline=True).code == "unknown_voucher"
    mismatch = VoucherRow(NUMBER, "issued", 499)
    assert refused(decide_redeem, claims, mismatch, shop_id=4, at=at, key=None, offline=False).code == "voucher_invalid"
    offline_at = datetime(2026, 12, 2, 12, 0, tzinfo=JST)
    conflict = decide_redeem(claims, used, shop_id=4, at=offline_at, key="k3", offline=True)
    assert not conflict.applied
    assert conflict.result == {"number": NUMBER, "status": "redeemed", "points": 500, "redeemed_at": first.isoformat(),
                               "redeemed_shop_id": 2, "problem": "voucher_already_used", "attempted_shop_id": 4,
                               "attempted_at": "2026-12-02T12:00:00+09:00", "first_key": "first-key"}
    assert decide_redeem(claims, voided, shop_id=4, at=at, key=None, offline=True).result["problem"] == "voucher_voided"


@settings(max_examples=60, deadline=None)
@given(status=st.sampled_from(["issued", "redeemed", "voided"]), offline=st.booleans(),
       shift=st.integers(min_value=-2 * 86400, max_value=32 * 86400))
def test_redeem_decision_table(status: str, offline: bool, shift: int) -> None:
    """Applied exactly for an issued voucher inside its window; else refused (online) or a conflict (offline use)."""
    at = T0 + timedelta(seconds=shift)
    leeway = OFFLINE_LEEWAY_S if offline else 0
    inside = VALID_FROM - leeway <= int(at.timestamp()) <= VALID_UNTIL + leeway
    try:
        claims = check_code(CODE, KEYS, shop_id=1, at=at, leeway=leeway)
    except (VoucherNotYetValid, VoucherExpired):
        assert not inside
        return
    assert inside
    row = VoucherRow(NUMBER, status, 500, None if status == "issued" else T0, None if status == "issued" else 2)
    try:
        plan = decide_redeem(claims, row, shop_id=1, at=at, key="k", offline=offline)
    except Refused as exc:
        assert status != "issued" and not offline
        assert exc.code == ("voucher_voided" if status == "voided" else "voucher_already_used")
    else:
        assert plan.applied == (status == "issued")
        assert status == "issued" or offline
