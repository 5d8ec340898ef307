from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.errors import InvalidMeasure
from kiosk.core.measures import (
    Applicant,
    Eligibility,
    Measure,
    MeasureKind,
    Outcome,
    Reason,
    Review,
    check_eligibility,
)
from kiosk.core.mykey_id import MyKeyStatus

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def measure(**changes):
    base = dict(
        measure_id="m1", name="子育て応援ポイント", municipality_code="131024", eligibility=Eligibility.OPEN,
        kind=MeasureKind.GRANT, points_per_person=5000, opens_at=NOW - timedelta(days=1),
        closes_at=NOW + timedelta(days=30), review=Review.POST,
    )
    base.update(changes)
    return Measure(**base)


def test_open_measure_post_review_goes_to_review():
    decision = check_eligibility(measure(), Applicant("AB12CD34"), NOW, taken=0)
    assert decision.eligible and decision.outcome is Outcome.PENDING_REVIEW and decision.places_left is None


def test_pre_registered_list_approves_at_once_and_refuses_others():
    m = measure(eligibility=Eligibility.RESTRICTED, review=Review.PRE, pre_registered=frozenset({"AB12CD34"}))
    assert check_eligibility(m, Applicant("AB12CD34"), NOW, 0).outcome is Outcome.APPROVED
    refused = check_eligibility(m, Applicant("ZZ12CD34"), NOW, 0)
    assert not refused.eligible and refused.reasons == (Reason.NOT_PRE_REGISTERED,)


def test_residency_from_card_address():
    m = measure(residency_required=True, municipality_code="131024")
    assert check_eligibility(m, Applicant("AB12CD34", municipality_code="13102"), NOW, 0).eligible
    assert check_eligibility(m, Applicant("AB12CD34", municipality_code="132063"), NOW, 0).reasons == (
        Reason.NOT_RESIDENT,
    )
    assert check_eligibility(m, Applicant("AB12CD34"), NOW, 0).reasons == (Reason.RESIDENCY_UNKNOWN,)


def test_capacity_period_status_and_repeat_all_reported_together():
    m = measure(capacity=100, closes_at=NOW)
    decision = check_eligibility(
        m, Applicant("AB12CD34", status=MyKeyStatus.SUSPENDED), NOW, taken=100, already_applied=True
    )
    assert set(decision.reasons) == {Reason.CLOSED, Reason.FULL, Reason.ALREADY_APPLIED, Reason.MYKEY_NOT_VALID}
    assert decision.places_left == 0 and decision.outcome is None


def test_not_open_yet_and_places_left():
    m = measure(capacity=10, opens_at=NOW + timedelta(hours=1))
    decision = check_eligibility(m, Applicant("AB12CD34"), NOW, taken=3)
    assert decision.reasons == (Reason.NOT_OPEN_YET,) and decision.places_left == 7


@pytest.mark.parametrize(
    "bad", [dict(points_per_person=0), dict(closes_at=NOW - timedelta(days=2)), dict(capacity=0)]
)
def test_nonsense_measures_are_refused(bad):
    with pytest.raises(InvalidMeasure):
        measure(**bad)
