"""Municipal point measures (施策) and who may apply for them, as plain functions.

A measure is restricted (制限あり: only residents of its municipality, decided from the address on the card,
or only pre-registered MyKey IDs) or open to every applicant. Places are first come, first served up to the
capacity (定員). Review happens before (事前審査: eligible MyKey IDs are pre-registered, so an application is
approved at once) or after (事後審査: the municipality reviews each application).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.errors import InvalidMeasure
from kiosk.core.mykey_id import MyKeyStatus


class Eligibility(enum.StrEnum):
    OPEN = "open"  # 制限なし
    RESTRICTED = "restricted"  # 制限あり


class MeasureKind(enum.StrEnum):
    GRANT = "grant"  # 単純給付
    PURCHASE_REWARD = "purchase_reward"  # 消費活性化 (reward linked to purchases)


class Review(enum.StrEnum):
    PRE = "pre"  # 事前審査
    POST = "post"  # 事後審査


class Reason(enum.StrEnum):
    """Why an application cannot go ahead; each has translated text on the terminal."""

    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    FULL = "full"
    ALREADY_APPLIED = "already_applied"
    MYKEY_NOT_VALID = "mykey_not_valid"
    RESIDENCY_UNKNOWN = "residency_unknown"
    NOT_RESIDENT = "not_resident"
    NOT_PRE_REGISTERED = "not_pre_registered"


class Outcome(enum.StrEnum):
    APPROVED = "approved"  # points will be granted
    PENDING_REVIEW = "pending_review"  # the municipality reviews it after the application


@dataclass(frozen=True, slots=True)
class Measure:
    measure_id: str
    name: str
    municipality_code: str
    eligibility: Eligibility
    kind: MeasureKind
    points_per_person: int
    opens_at: datetime
    closes_at: datetime
    review: Review
    capacity: int | None = None  # None: no limit
    residency_required: bool = False  # 券面審査: address on the card must be in the municipality
    pre_registered: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.points_per_person <= 0:
            raise InvalidMeasure("points per person must be positive")
        if self.closes_at <= self.opens_at:
            raise InvalidMeasure("the application period must end after it starts")
        if self.capacity is not None and self.capacity <= 0:
            raise InvalidMeasure("capacity must be positive when set")


@dataclass(frozen=True, slots=True)
class Applicant:
    mykey_id: str
    status: MyKeyStatus = MyKeyStatus.VALID
    municipality_code: str | None = None  # derived from the card's address; None when not read


@dataclass(frozen=True, slots=True)
class Decision:
    eligible: bool
    reasons: tuple[Reason, ...]
    outcome: Outcome | None  # None when not eligible
    places_left: int | None


def same_municipality(code_a: str, code_b: str) -> bool:
    """Compare local-government codes, ignoring the optional 6th check digit."""
    return code_a[:5] == code_b[:5]


def check_eligibility(
    measure: Measure, applicant: Applicant, now: datetime, taken: int, already_applied: bool = False
) -> Decision:
    """Every reason the applicant cannot apply now (empty when they can), and what happens if they do."""
    reasons: list[Reason] = []
    if now < measure.opens_at:
        reasons.append(Reason.NOT_OPEN_YET)
    elif now >= measure.closes_at:
        reasons.append(Reason.CLOSED)
    places_left = None if measure.capacity is None else max(measure.capacity - taken, 0)
    if places_left == 0:
        reasons.append(Reason.FULL)
    if already_applied:
        reasons.append(Reason.ALREADY_APPLIED)
    if applicant.status is not MyKeyStatus.VALID:
        reasons.append(Reason.MYKEY_NOT_VALID)
    if measure.residency_required:
        if applicant.municipality_code is None:
            reasons.append(Reason.RESIDENCY_UNKNOWN)
        elif not same_municipality(applicant.municipality_code, measure.municipality_code):
            reasons.append(Reason.NOT_RESIDENT)
    restricted_list = measure.eligibility is Eligibility.RESTRICTED and measure.review is Review.PRE
    if restricted_list and applicant.mykey_id not in measure.pre_registered:
        reasons.append(Reason.NOT_PRE_REGISTERED)
    if reasons:
        return Decision(False, tuple(reasons), None, places_left)
    outcome = Outcome.PENDING_REVIEW if measure.review is Review.POST else Outcome.APPROVED
    return Decision(True, (), outcome, places_left)
