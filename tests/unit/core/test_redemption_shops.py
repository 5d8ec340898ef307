"""The redemption rule's shop decision: the municipality's voucher rule names the shops that take vouchers of a
point type (empty: every shop). Online a shop not named is refused (`voucher_shop_not_allowed`); offline it is a
conflict and the voucher is left as it was (nothing credited)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.rules.redemption import VoucherRow, check_shop, decide_redeem, shop_allowed
from kiosk.core.rules.refusal import Refused
from kiosk.core.voucher_code import VoucherClaims
from kiosk.core.voucher_number import make_voucher_number

NUMBER = make_voucher_number(77)
AT = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
CLAIMS = VoucherClaims(key_id=1, point_type_id=2, number=NUMBER, points=300, valid_from=int(AT.timestamp()) - 60,
                       valid_until=int(AT.timestamp()) + 86400, terminal_id=9)
ISSUED = VoucherRow(NUMBER, "issued", 300)


def test_an_empty_list_means_every_shop() -> None:
    assert shop_allowed((), 1) and shop_allowed((), 999_999)
    plan = decide_redeem(CLAIMS, ISSUED, shop_id=5, at=AT, key="k", offline=False, shop_ids=())
    assert plan.applied and plan.result["redeemed_shop_id"] == 5


def test_a_shop_on_the_list_redeems() -> None:
    plan = decide_redeem(CLAIMS, ISSUED, shop_id=5, at=AT, key="k", offline=False, shop_ids=(3, 5))
    assert plan.applied and plan.result["status"] == "redeemed"
    check_shop(CLAIMS, (3, 5), 5)  # no refusal


def test_a_shop_not_on_the_list_is_refused_online() -> None:
    with pytest.raises(Refused) as info:
        decide_redeem(CLAIMS, ISSUED, shop_id=4, at=AT, key="k", offline=False, shop_ids=(3, 5))
    assert info.value.code == "voucher_shop_not_allowed"
    assert info.value.extra == {"shop_id": 4, "point_type_id": 2}
    with pytest.raises(Refused) as alone:
        check_shop(CLAIMS, [3, 5], 4)
    assert alone.value.code == "voucher_shop_not_allowed"


def test_offline_a_shop_not_on_the_list_is_a_conflict_and_the_voucher_stays_unused() -> None:
    plan = decide_redeem(CLAIMS, ISSUED, shop_id=4, at=AT, key="k", offline=True, shop_ids=(5, 3))
    assert not plan.applied
    assert plan.result == {"number": NUMBER, "status": "issued", "points": 300, "redeemed_at": None,
                           "redeemed_shop_id": None, "problem": "voucher_shop_not_allowed", "attempted_shop_id": 4,
                           "attempted_at": AT.isoformat(), "first_key": None, "allowed_shop_ids": [3, 5]}


def test_unknown_and_mismatched_vouchers_are_refused_before_the_shop() -> None:
    with pytest.raises(Refused) as unknown:
        decide_redeem(CLAIMS, None, shop_id=4, at=AT, key="k", offline=True, shop_ids=(5,))
    assert unknown.value.code == "unknown_voucher"
    with pytest.raises(Refused) as mismatch:
        decide_redeem(CLAIMS, VoucherRow(NUMBER, "issued", 301), shop_id=4, at=AT, key="k", offline=False,
                      shop_ids=(5,))
    assert mismatch.value.code == "voucher_invalid"


@settings(max_examples=200, deadline=None)
@given(shop_ids=st.lists(st.integers(min_value=1, max_value=12), max_size=6, unique=True),
       shop_id=st.integers(min_value=1, max_value=12), status=st.sampled_from(["issued", "redeemed", "voided"]),
       offline=st.booleans())
def test_the_decision_table(shop_ids: list[int], shop_id: int, status: str, offline: bool) -> None:
    """Applied exactly when the voucher is issued and the shop is allowed (the list is empty or names it); a shop
    not allowed is refused online / a conflict offline whatever the voucher's state; otherwise the state decides
    as before (used / voided: refused online, conflict offline). A conflict never changes the voucher."""
    allowed = not shop_ids or shop_id in shop_ids
    assert shop_allowed(shop_ids, shop_id) == allowed
    row = VoucherRow(NUMBER, status, 300, None if status != "redeemed" else AT - timedelta(hours=1),
                     None if status != "redeemed" else 99, None if status != "redeemed" else "first")
    try:
        plan = decide_redeem(CLAIMS, row, shop_id=shop_id, at=AT, key="k", offline=offline, shop_ids=shop_ids)
    except Refused as exc:
        assert not offline
        expected = ("voucher_shop_not_allowed" if not allowed
                    else "voucher_voided" if status == "voided" else "voucher_already_used")
        assert status != "issued" or not allowed  # an issued voucher at an allowed shop is never refused
        assert exc.code == expected
        return
    assert plan.applied == (allowed and status == "issued")
    assert plan.applied or offline
    if plan.applied:
        assert plan.result["status"] == "redeemed" and plan.result["redeemed_shop_id"] == shop_id
    else:
        assert plan.result["status"] == status  # the voucher's state as it was
        assert plan.result["problem"] == ("voucher_shop_not_allowed" if not allowed
                                          else "voucher_voided" if status == "voided" else "voucher_already_used")
