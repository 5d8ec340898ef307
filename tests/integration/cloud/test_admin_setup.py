"""Setting up the municipality over real HTTP on SQLite and PostgreSQL (issue 12): each change audited with before
and after, the eligible list as CSV (all or nothing), bulk post-review, voucher rules, staff accounts, support-event
pay-out; refused for an admin terminal without a clerk and for a counter clerk, with nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from .helpers import Cloud, key
from .office_helpers import counts
from .staff_db import audit_rows


def _programme(cloud: Cloud) -> dict[str, Any]:
    setup = cloud.admin.ok("GET", "/admin/setup")
    return next(p for p in setup["programmes"] if p["id"] == cloud.programme())


def test_a_programme_change_is_audited_with_before_and_after_and_published(cloud: Cloud) -> None:
    old = _programme(cloud)
    answer = cloud.admin.ok("PATCH", f"/admin/programmes/{old['id']}",
                            {"repeat_rule": "once_per_day", "default_points": 1500, "name": old["name"]})
    assert answer["changed"] == {"before": {"repeat_rule": old["repeat_rule"], "default_points": None},
                                 "after": {"repeat_rule": "once_per_day", "default_points": 1500}}
    row = audit_rows(cloud.demo.database_url, "setup_programme")[-1]
    assert row["staff_id"] is not None and row["subject"] == f"programmes {old['id']}"
    assert '"once_per_day"' in row["detail"] and old["repeat_rule"] in row["detail"]
    feed = cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"]
    assert [c["data"]["repeat_rule"] for c in feed if c["kind"] == "programme" and c["id"] == str(old["id"])][
        -1] == "once_per_day"
    again = cloud.admin.http.patch(f"/admin/programmes/{old['id']}", json={"repeat_rule": "once_per_day"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "nothing_changed"


def test_shop_voucher_rule_and_staff_setup(cloud: Cloud) -> None:
    shop = cloud.admin.ok("POST", "/admin/shops", {"name": "新しい店", "street": "駅前商店街"})["id"]
    created = audit_rows(cloud.demo.database_url, "setup_shop")[-1]
    assert created["subject"] == f"shops {shop}" and '"before": null' in created["detail"].replace('":null', '": null')
    cloud.admin.ok("PATCH", f"/admin/shops/{shop}", {"payee_account": "0001-001-1234567"})
    changed = audit_rows(cloud.demo.database_url, "setup_shop")[-1]
    assert "0001-001-1234567" in changed["detail"] and changed["id"] > created["id"]
    rule = cloud.admin.ok("PUT", f"/admin/voucher-rules/{cloud.point_type}",
                          {"validity_days": 90, "max_points": 5000, "shop_ids": [shop]})
    assert rule["shop_ids"] == [shop]
    assert cloud.admin.http.put("/admin/voucher-rules/1", json={"validity_days": 90, "max_points": 5000,
                                                                "shop_ids": [999999]}).status_code == 404
    dept = cloud.admin.ok("POST", "/admin/departments", {"name": "観光課", "name_en": "Tourism"})["id"]
    made = cloud.admin.ok("POST", "/admin/staff", {"staff_code": "T900", "name": "新 職員", "department_id": dept,
                                                   "role": "counter", "password": "new-clerk-pass"})
    counter = cloud.terminal("counter", staff=None)
    counter.login_staff("T900", "new-clerk-pass")
    cloud.admin.ok("PATCH", f"/admin/staff/{made['id']}", {"active": False})
    setup = cloud.admin.ok("GET", "/admin/setup")
    assert all("password_hash" not in s for s in setup["staff"])
    assert [r["action"] for r in audit_rows(cloud.demo.database_url)].count("setup_staff") == 2
    assert "new-clerk-pass" not in str(audit_rows(cloud.demo.database_url))


def test_eligible_list_csv_is_all_or_nothing(cloud: Cloud) -> None:
    measure = next(m for m in cloud.admin.ok("GET", "/admin/setup")["measures"] if m["review"] == "pre")
    good = [cloud.mykey("suzuki"), cloud.mykey("ito")]
    bad = "\ufeffmykey_id\r\n" + good[0] + "\r\nNOT-AN-ID\r\n"
    refused = cloud.admin.ok("POST", f"/admin/measures/{measure['id']}/eligible", {"csv": bad})
    assert refused["added"] == 0 and refused["refused"][0]["line"] == 3
    body = "\ufeffmykey_id,name\r\n" + "\r\n".join(f"{m},x" for m in good) + "\r\n\r\n"
    first = cloud.admin.ok("POST", f"/admin/measures/{measure['id']}/eligible", {"csv": body})
    second = cloud.admin.ok("POST", f"/admin/measures/{measure['id']}/eligible", {"csv": body})
    assert first["added"] + first["already"] == 2 and (second["added"], second["already"]) == (0, 2)


def test_bulk_post_review(cloud: Cloud) -> None:
    now = datetime.now(UTC)
    measure = cloud.admin.ok("POST", "/admin/measures", {
        "name": "事後審査の施策", "name_en": "Post-review measure", "point_type_id": cloud.point_type,
        "programme_id": cloud.programme(), "kind": "grant", "eligibility": "open", "review": "post",
        "points_per_person": 700, "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=1)).isoformat(), "payment_services": ["府中市ポイント"]})["id"]
    counter = cloud.terminal("counter")
    ids = [counter.ok("POST", "/applications", {"measure_id": measure, "mykey_id": cloud.mykey(name),
                                                "payment_service": "府中市ポイント", "idempotency_key": key()})["id"]
           for name in ("ito", "yamada")]
    no_reason = cloud.admin.post("/admin/applications/review", {"application_ids": ids, "approve": False})
    assert no_reason.status_code == 422
    done = cloud.admin.ok("POST", "/admin/applications/review",
                          {"application_ids": [*ids, ids[0]], "approve": False, "reason": "対象外"})
    assert [r["status"] for r in done["reviewed"]] == ["rejected", "rejected"] and done["refused"] == []
    again = cloud.admin.ok("POST", "/admin/applications/review", {"application_ids": ids, "approve": True})
    assert [r["code"] for r in again["refused"]] == ["application_not_pending"] * 2


def test_support_event_pay_out(cloud: Cloud) -> None:
    event = cloud.admin.ok("POST", "/admin/support-events", {"point_type_id": cloud.point_type, "name": "旧小学校整備"})
    account = event["account_id"]
    cloud.admin.ok("POST", f"/admin/support-events/{account}/fund", {"programme_id": cloud.programme(),
                                                                      "points": 5000})
    too_much = cloud.admin.post(f"/admin/support-events/{account}/payout", {"points": 6000, "payee": "整備委員会"})
    assert too_much.status_code == 409
    cloud.admin.ok("POST", f"/admin/support-events/{account}/payout", {"points": 2000, "payee": "整備委員会"})
    detail = cloud.admin.ok("GET", f"/admin/support-events/{account}")
    assert detail["balance"] == 3000 and [e["kind"] for e in detail["entries"]] == ["event_fund", "event_payout"]
    assert audit_rows(cloud.demo.database_url, "support_event_payout")[-1]["subject"] == f"support event {account}"


WRITES = [("PATCH", "/admin/programmes/1", {"repeat_rule": "once"}),
          ("PATCH", "/admin/shops/1", {"name": "乗っ取り"}),
          ("PUT", "/admin/voucher-rules/1", {"validity_days": 1, "max_points": 1}),
          ("POST", "/admin/staff", {"staff_code": "EVIL", "name": "x", "department_id": 1, "role": "admin",
                                    "password": "evil-pass-1"}),
          ("POST", "/admin/applications/review", {"application_ids": [1], "approve": True}),
          ("POST", "/admin/support-events/1/payout", {"points": 1, "payee": "x"}),
          ("GET", "/admin/terminals", None), ("GET", "/admin/setup", None)]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_refused_without_an_admin_clerk_and_nothing_written(cloud: Cloud, method: str, path: str,
                                                            body: dict[str, Any] | None) -> None:
    url = cloud.demo.database_url
    bare = cloud.terminal("admin", staff=None)
    counter = cloud.terminal("counter")
    before = counts(url)
    audit_before = len(audit_rows(url))
    setup_before = cloud.admin.ok("GET", "/admin/setup")
    since = datetime.now(UTC) - timedelta(seconds=1)
    first = bare.http.request(method, path, json=body)
    assert first.status_code == 401 and first.json()["error"]["code"] == "staff_session_required"
    second = counter.http.request(method, path, json=body)
    assert second.status_code == 403 and second.json()["error"]["code"] == "forbidden_role"
    assert counts(url) == before and len(audit_rows(url)) == audit_before
    assert cloud.admin.ok("GET", "/admin/setup") == setup_before
    assert since < datetime.now(UTC)
