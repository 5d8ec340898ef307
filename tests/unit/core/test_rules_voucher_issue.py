"""The voucher-issue rule (kiosk/core/rules/voucher_issue.py): what the municipality's voucher rule lets the office
issue, and the choices the issue screen offers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.rules.refusal import Refused
from kiosk.core.rules.voucher_issue import (
    LONGEST_DAYS,
    VoucherRule,
    decide_issue,
    points_choices,
    validity_choices,
)


def test_a_rule_row_is_the_default_and_the_longest_validity() -> None:
    rule = VoucherRule.of_row(1, 60, 1000, [3, 1])
    assert (rule.validity_days, rule.longest_days, rule.max_points, rule.shop_ids) == (60, 60, 1000, (1, 3))
    assert decide_issue(rule, 1000, 5, None) == 60 and decide_issue(rule, 500, 1, 30) == 30
    with pytest.raises(Refused) as too_long:
        decide_issue(rule, 500, 1, 61)
    assert too_long.value.code == "voucher_validity_over_rule" and too_long.value.extra["longest_days"] == 60
    with pytest.raises(Refused) as too_many:
        decide_issue(rule, 1001, 1, None)
    assert too_many.value.code == "voucher_points_over_rule" and too_many.value.extra["max_points"] == 1000
    assert validity_choices(rule) == (30, 60) and points_choices(rule, (500, 1000, 2000)) == (500, 1000)
    assert points_choices(VoucherRule.of_row(1, 10, 300), (500, 1000)) == (300,)
    assert validity_choices(VoucherRule.of_row(1, 10, 300)) == (10,)


def test_without_a_rule_the_settings_apply() -> None:
    rule = VoucherRule.default(1, 180)
    assert not rule.from_rule and rule.max_points is None and rule.longest_days == LONGEST_DAYS
    assert decide_issue(rule, 100_000, 1, None) == 180 and decide_issue(rule, 1, 1, LONGEST_DAYS) == LONGEST_DAYS
    assert validity_choices(rule) == (30, 90, 180)
    assert VoucherRule.from_json(rule.as_json()) == rule


@given(st.integers(1, 730), st.integers(1, 100_000), st.integers(1, 100_000), st.one_of(st.none(), st.integers(1, 800)))
def test_what_is_allowed_is_exactly_within_the_rule(days: int, max_points: int, points: int,
                                                    asked: int | None) -> None:
    rule = VoucherRule.of_row(1, days, max_points)
    allowed = (asked or days) <= days and points <= max_points
    try:
        got = decide_issue(rule, points, 1, asked)
    except Refused:
        assert not allowed
    else:
        assert allowed and got == (asked or days)
    assert all(d <= days for d in validity_choices(rule)) and days in validity_choices(rule)
    assert all(p <= max_points for p in points_choices(rule, (500, 1000, 2000, 5000)))
