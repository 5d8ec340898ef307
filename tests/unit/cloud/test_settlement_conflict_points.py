"""The points a shop took for a conflicted operation and was not paid: what the settlement deducts and lists."""

from __future__ import annotations

import pytest

from kiosk_cloud.services.settlements import conflict_points


@pytest.mark.parametrize("problem", ["voucher_already_used", "voucher_voided", "voucher_shop_not_allowed"])
def test_an_offline_voucher_the_shop_took_counts_its_points(problem: str) -> None:
    assert conflict_points("offline_voucher_redeem", {"problem": problem, "points": 500}) == 500


def test_an_offline_voucher_with_another_problem_counts_nothing() -> None:
    assert conflict_points("offline_voucher_redeem", {"problem": "operation_time_out_of_window", "points": 500}) == 0


def test_an_offline_payment_counts_its_shortfall() -> None:
    assert conflict_points("offline_payment", {"shortfall": 120, "problem": "insufficient_points"}) == 120
    assert conflict_points("offline_payment", {"shortfall": -3}) == 0
