"""The grant rule: may points of a programme be granted to a MyKey ID at a given time, and what is written.

Every path that grants (the general path, the SQLite and PostgreSQL sync batch runners, attendance, measures)
loads a `GrantState`, calls `decide_grant`, and writes the returned `GrantPlan`: one lot, one ledger row, and the
result `plan.result(grant_id)`. The checks, in this order:

1. the points are a whole number from 1 to MAX_POINTS (`invalid_points`);
2. the MyKey ID exists (`mykey_id_unknown`) and is valid (`mykey_id_not_valid`);
3. the programme exists (`unknown_programme`) and is active (`programme_inactive`);
4. the points are within the programme's `max_points_per_grant` (`invalid_points`);
5. the programme's repeat rule (`duplicate_grant`): `unlimited`; `once` — no grant of this programme to this
   MyKey ID at any time; `once_per_day` — none on the JST calendar day of the operation's time. Any other rule
   text is treated as `once` (the strictest reading).

The loader learns which earlier grants matter from `repeat_window(rule, at)` and passes their times in
`GrantState.existing`; the decision re-checks each time against the window, so a loader that passes too much
cannot make the rule looser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone

from kiosk.core.mykey_id import MyKeyStatus
from kiosk.core.points import check_points
from kiosk.core.rules.refusal import Refused

JST = timezone(timedelta(hours=9))
ONCE_PER_DAY, ONCE, UNLIMITED = "once_per_day", "once", "unlimited"
REPEAT_RULES = (ONCE_PER_DAY, ONCE, UNLIMITED)


@dataclass(frozen=True, slots=True)
class Programme:
    programme_id: int
    point_type_id: int
    premium: bool
    validity_days: int
    max_points_per_grant: int
    active: bool
    repeat_rule: str = UNLIMITED


@dataclass(frozen=True, slots=True)
class GrantRequest:
    mykey_id: str  # normalised (kiosk.core.mykey_id.normalize_mykey_id) before the state is loaded
    programme_id: int
    points: int
    at: datetime  # when the grant happened: the operation's accepted time, else the cloud's now


@dataclass(frozen=True, slots=True)
class GrantState:
    mykey_status: str | None  # None: no such MyKey ID
    programme: Programme | None  # None: no such programme
    existing: Sequence[datetime] = ()  # times of this MyKey ID's grants of this programme inside repeat_window


@dataclass(frozen=True, slots=True)
class GrantPlan:
    mykey_id: str
    programme_id: int
    point_type_id: int
    points: int
    premium: bool
    granted_at: datetime  # the lot's granted_at and the ledger row's occurred_at
    expires_at: datetime

    @property
    def premium_points(self) -> int:
        return self.points if self.premium else 0

    def result(self, grant_id: int) -> dict[str, object]:
        """The stored and answered result of the grant, once its ledger row has an id."""
        return {"grant_id": grant_id, "mykey_id": self.mykey_id, "programme_id": self.programme_id,
                "point_type_id": self.point_type_id, "points": self.points, "premium": self.premium,
                "expires_at": self.expires_at.astimezone(UTC).isoformat()}


def jst_day_bounds(at: datetime) -> tuple[datetime, datetime]:
    """The JST calendar day around `at`, as UTC datetimes [start, end)."""
    start = datetime.combine(at.astimezone(JST).date(), time(), JST)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def repeat_window(rule: str, at: datetime) -> tuple[datetime | None, datetime | None] | None:
    """Which earlier grants a loader must look for: None — none (unlimited); (None, None) — any at all (once);
    (start, end) — those with start <= occurred_at < end (once_per_day)."""
    if rule == UNLIMITED:
        return None
    if rule == ONCE_PER_DAY:
        return jst_day_bounds(at)
    return None, None


def _counts(window: tuple[datetime | None, datetime | None], when: datetime) -> bool:
    start, end = window
    return (start is None or when >= start) and (end is None or when < end)


def decide_grant(request: GrantRequest, state: GrantState) -> GrantPlan:
    """The plan of an allowed grant; raises `Refused` (or `InvalidPoints`) otherwise."""
    check_points(request.points)
    if state.mykey_status is None:
        raise Refused("mykey_id_unknown")
    if state.mykey_status != MyKeyStatus.VALID:
        raise Refused("mykey_id_not_valid", f"status {state.mykey_status}")
    prog = state.programme
    if prog is None or prog.programme_id != request.programme_id:
        raise Refused("unknown_programme")
    if not prog.active:
        raise Refused("programme_inactive")
    if request.points > prog.max_points_per_grant:
        raise Refused("invalid_points", f"at most {prog.max_points_per_grant} points per grant in this programme")
    window = repeat_window(prog.repeat_rule, request.at)
    if window is not None and any(_counts(window, when) for when in state.existing):
        raise Refused("duplicate_grant", rule=prog.repeat_rule)
    return GrantPlan(
        mykey_id=request.mykey_id, programme_id=prog.programme_id, point_type_id=prog.point_type_id,
        points=request.points, premium=prog.premium, granted_at=request.at,
        expires_at=request.at + timedelta(days=prog.validity_days),
    )
