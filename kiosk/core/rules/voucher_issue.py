"""The voucher-issue rule: what the municipality's voucher rules (table `voucher_rules`, set by the administration,
one row per point type) allow the office to issue. Pure; the cloud refuses with it (POST /v1/vouchers) and the
office screen offers only the choices it allows.

A rule holds `validity_days` (the validity the vouchers get by default, and the longest allowed) and `max_points`
(the most points on one voucher). A point type without a row falls back to the cloud's settings: the default
validity `voucher_validity_days`, at most LONGEST_DAYS, and no limit per voucher below the API's own.

`decide_issue(rule, points, count, validity_days)` → the validity in days to sign, or `Refused`:
- `voucher_validity_over_rule` (`longest_days`): the validity asked for is longer than the rule allows;
- `voucher_points_over_rule` (`max_points`): one voucher would carry more points than the rule allows.
The balance, the consent and the count's bounds are checked elsewhere (the cloud's issue service, the API).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.rules.refusal import Refused

LONGEST_DAYS = 730  # the API's bound on a voucher's validity
VALIDITY_PRESETS = (30, 90, 180)  # what the office screen offers below the rule's validity


@dataclass(frozen=True, slots=True)
class VoucherRule:
    point_type_id: int
    validity_days: int  # the default validity
    longest_days: int  # the longest validity allowed (= validity_days when the municipality set a rule)
    max_points: int | None  # the most points on one voucher (None: no rule)
    shop_ids: tuple[int, ...] = ()  # the shops that accept them (empty: every shop)
    from_rule: bool = True  # False: no row, the cloud's settings

    @classmethod
    def of_row(cls, point_type_id: int, validity_days: int, max_points: int,
               shop_ids: Iterable[int] = ()) -> VoucherRule:
        return cls(point_type_id, validity_days, validity_days, max_points, tuple(sorted(shop_ids)))

    @classmethod
    def default(cls, point_type_id: int, validity_days: int) -> VoucherRule:
        return cls(point_type_id, min(validity_days, LONGEST_DAYS), LONGEST_DAYS, None, (), from_rule=False)

    def as_json(self) -> dict[str, Any]:
        return {"point_type_id": self.point_type_id, "validity_days": self.validity_days,
                "longest_days": self.longest_days, "max_points": self.max_points, "shop_ids": list(self.shop_ids),
                "from_rule": self.from_rule, "validity_choices": list(validity_choices(self))}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VoucherRule:
        max_points = data.get("max_points")
        return cls(int(data["point_type_id"]), int(data["validity_days"]), int(data["longest_days"]),
                   None if max_points is None else int(max_points),
                   tuple(int(s) for s in data.get("shop_ids") or ()), bool(data.get("from_rule", True)))


def validity_choices(rule: VoucherRule) -> tuple[int, ...]:
    """The validity periods to offer, shortest first: the presets not longer than the default, and the default."""
    return tuple(sorted({d for d in VALIDITY_PRESETS if d <= rule.validity_days} | {rule.validity_days}))


def points_choices(rule: VoucherRule, presets: Iterable[int]) -> tuple[int, ...]:
    """The points-per-voucher presets the rule allows (the rule's maximum itself when none of them fits)."""
    allowed = tuple(p for p in presets if rule.max_points is None or p <= rule.max_points)
    if allowed:
        return allowed
    return (rule.max_points,) if rule.max_points else ()


def decide_issue(rule: VoucherRule, points: int, count: int, validity_days: int | None) -> int:
    """The validity (days) the vouchers are signed with, or `Refused` (see the module docstring)."""
    days = rule.validity_days if validity_days is None else validity_days
    if days > rule.longest_days:
        raise Refused("voucher_validity_over_rule", f"at most {rule.longest_days} days",
                      longest_days=rule.longest_days, point_type_id=rule.point_type_id)
    if rule.max_points is not None and points > rule.max_points:
        raise Refused("voucher_points_over_rule", f"at most {rule.max_points} points on one voucher",
                      max_points=rule.max_points, point_type_id=rule.point_type_id)
    return days
