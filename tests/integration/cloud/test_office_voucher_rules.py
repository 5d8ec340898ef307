"""The municipality's voucher rules are enforced when the office issues vouchers (issue 11 / 12), over real HTTP on
SQLite and PostgreSQL: an issue that breaks them (too long a validity, too many points on one voucher) is refused
with its code and writes nothing — ledger, lots, vouchers, idempotency rows, conflicts, consent nonces, audit; the
office reads the rule it must offer; within the rule the issue goes through with the rule's validity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from .helpers import Cloud, Terminal
from .limits_db import counts as write_counts
from .limits_db import rows
from .office_helpers import balance
from .office_helpers import counts as office_counts

JST = timezone(timedelta(hours=9))


def _written(cloud: Cloud) -> dict[str, Any]:
    url = cloud.demo.database_url
    (nonces,) = rows(url, "SELECT count(*) AS n FROM consent_nonces")
    return {**write_counts(url), **office_counts(url), "consent_nonces": int(nonces.n)}


def _issue(cloud: Cloud, office: Terminal, points: int, count: int, validity_days: int | None) -> Any:
    body: dict[str, Any] = {"point_type_id": cloud.point_type, "points": points, "count": count,
                            "consent": office.consent(cloud.resident("yamada"), points * count,
                                                      action="voucher_issue", count=count)}
    if validity_days is not None:
        body["validity_days"] = validity_days
    return office.post("/vouchers", body)


@pytest.mark.parametrize(("points", "count", "validity_days", "code", "extra"), [
    (500, 1, 61, "voucher_validity_over_rule", {"longest_days": 60}),
    (500, 2, 180, "voucher_validity_over_rule", {"longest_days": 60}),
    (1001, 1, None, "voucher_points_over_rule", {"max_points": 1000}),
    (2000, 1, 30, "voucher_points_over_rule", {"max_points": 1000}),
])
def test_an_issue_outside_the_voucher_rule_is_refused_and_writes_nothing(
        cloud: Cloud, points: int, count: int, validity_days: int | None, code: str, extra: dict[str, int]) -> None:
    office = cloud.terminal("office")
    cloud.admin.ok("PUT", f"/admin/voucher-rules/{cloud.point_type}", {"validity_days": 60, "max_points": 1000})
    assert balance(cloud, "yamada") >= points * count  # refused by the rule, not by the balance
    before = _written(cloud)
    answer = _issue(cloud, office, points, count, validity_days)
    assert answer.status_code == 409, answer.text
    error = answer.json()["error"]
    assert error["code"] == code and error["message_ja"] and error["message"]
    assert {k: error[k] for k in extra} == extra
    assert _written(cloud) == before


def test_the_office_reads_the_rule_and_issues_within_it(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    default = office.ok("GET", f"/office/voucher-rules/{cloud.point_type}")
    assert default["from_rule"] is False and default["max_points"] is None
    assert default["validity_choices"] == [30, 90, 180] and default["validity_days"] == 180
    cloud.admin.ok("PUT", f"/admin/voucher-rules/{cloud.point_type}", {"validity_days": 60, "max_points": 1000})
    rule = office.ok("GET", f"/office/voucher-rules/{cloud.point_type}")
    assert (rule["from_rule"], rule["validity_days"], rule["longest_days"]) == (True, 60, 60)
    assert rule["max_points"] == 1000
    assert rule["validity_choices"] == [30, 60]
    assert cloud.terminal("store").get(f"/office/voucher-rules/{cloud.point_type}").status_code in (401, 403)
    assert office.get("/office/voucher-rules/9999").json()["error"]["code"] == "unknown_point_type"

    assert balance(cloud, "yamada") >= 1000
    answer = _issue(cloud, office, 400, 2, None)  # the rule's default validity
    assert answer.status_code == 201, answer.text
    until = [datetime.fromisoformat(v["valid_until"]).astimezone(JST).date() for v in answer.json()["vouchers"]]
    assert until == [(datetime.now(JST) + timedelta(days=60)).date()] * 2
    shorter = _issue(cloud, office, 100, 1, 30)
    assert shorter.status_code == 201, shorter.text
    # the municipality tightens the rule: the same request is now refused
    cloud.admin.ok("PUT", f"/admin/voucher-rules/{cloud.point_type}", {"validity_days": 20, "max_points": 1000})
    before = _written(cloud)
    assert _issue(cloud, office, 100, 1, 30).json()["error"]["code"] == "voucher_validity_over_rule"
    assert _written(cloud) == before
