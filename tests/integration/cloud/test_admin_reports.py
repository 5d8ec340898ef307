"""The municipality's reports over real HTTP on SQLite and PostgreSQL (issue 12): numbers computed by the database
match what was done, drill-down rows, CSV with BOM, the accounting export, and the role/session refusals."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from .helpers import Cloud, key
from .staff_db import audit_rows

JST = timezone(timedelta(hours=9))
REPORTS = ("grants", "usage", "vouchers", "expired", "applications", "conflicts")


def this_month() -> str:
    return datetime.now(JST).strftime("%Y-%m")


def _activity(cloud: Cloud) -> dict[str, int]:
    """Grants (normal and premium), two card payments at the first shop, two vouchers of which one redeemed."""
    m = cloud.mykey("suzuki")
    normal, premium = cloud.programme(), cloud.programme(premium=True)
    cloud.admin.ok("POST", "/grants", {"programme_id": normal, "mykey_id": m, "points": 3000, "idempotency_key": key()})
    cloud.admin.ok("POST", "/grants", {"programme_id": premium, "mykey_id": m, "points": 500, "idempotency_key": key()})
    store = cloud.terminal("store")
    for points in (700, 300):
        assert store.pay(cloud.resident("suzuki"), points).status_code == 200
    office = cloud.terminal("office")
    consent = office.consent(cloud.resident("suzuki"), 400, action="voucher_issue", count=2)
    issued = office.ok("POST", "/vouchers", {"point_type_id": 1, "points": 200, "count": 2, "consent": consent})
    store.ok("POST", "/vouchers/redeem", {"code": issued["vouchers"][0]["code"], "idempotency_key": key()})
    return {"normal": normal, "premium": premium, "shop": int(store.shop_id or 0)}


def _rows(cloud: Cloud, name: str, **params: str) -> dict[str, dict[str, Any]]:
    body = cloud.admin.ok("GET", f"/admin/reports/{name}", params=params)
    return {f"{r.get('month')}|{r['key']}": r for r in body["rows"]}


def _delta(after: dict[str, dict[str, Any]], before: dict[str, dict[str, Any]], row: str, col: str) -> int:
    return int(after.get(row, {}).get(col, 0)) - int(before.get(row, {}).get(col, 0))


def test_reports_are_the_sums_of_what_happened(cloud: Cloud) -> None:
    month = this_month()
    names = (("grants", {}), ("grants", {"by": "mykey_id"}), ("usage", {}), ("vouchers", {}))
    before = [_rows(cloud, n, period=month, **p) for n, p in names]
    ids = _activity(cloud)
    grants, per_person, usage, flow = (_rows(cloud, n, period=month, **p) for n, p in names)
    normal, premium, shop = (f"{month}|{ids[k]}" for k in ("normal", "premium", "shop"))
    assert _delta(grants, before[0], normal, "normal") == 3000 and _delta(grants, before[0], normal, "premium") == 0
    assert _delta(grants, before[0], premium, "premium") == 500 and _delta(grants, before[0], premium, "count") == 1
    person = f"None|{cloud.mykey('suzuki')}"
    assert [_delta(per_person, before[1], person, c) for c in ("normal", "premium", "count")] == [3000, 500, 2]
    assert [_delta(usage, before[2], shop, c) for c in ("card_points", "card_count", "voucher_points",
                                                        "voucher_count")] == [1000, 2, 200, 1]
    this = f"{month}|{month}"
    assert [_delta(flow, before[3], this, c) for c in ("issued_count", "redeemed_count", "outstanding_points")] == [
        2, 1, 200]
    for name in REPORTS:  # every report answers for a month, a year and a fiscal year
        for period in (month, month[:4], "FY" + month[:4]):
            body = cloud.admin.ok("GET", f"/admin/reports/{name}", params={"period": period})
            assert body["report"] == name and isinstance(body["rows"], list)
    rows = cloud.admin.ok("GET", "/admin/reports/usage/rows",
                          params={"period": month, "key": ids["shop"], "month": month})["rows"]
    assert {300, 700} <= {-r["points"] for r in rows if r["mykey_id"] == cloud.mykey("suzuki")}


def _accounting(cloud: Cloud, month: str) -> list[dict[str, str]]:
    accounting = cloud.admin.get("/admin/exports/accounting", params={"period": month, "format": "csv"})
    assert accounting.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(accounting.content.decode("utf-8-sig"))))


def test_csv_exports_have_a_bom_and_the_same_numbers(cloud: Cloud) -> None:
    month = this_month()
    grants_before = _rows(cloud, "grants", period=month)
    paid_before = sum(int(r["amount_yen"]) for r in _accounting(cloud, month) if r["section"] == "payout")
    charged_before = sum(int(r["amount_yen"]) for r in _accounting(cloud, month) if r["section"] == "charge")
    ids = _activity(cloud)
    response = cloud.admin.get("/admin/exports/reports/grants.csv", params={"period": month})
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    assert "text/csv" in response.headers["content-type"]
    table = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    normal = f"{month}|{ids['normal']}"
    assert {f"{r['month']}|{r['key']}": int(r["normal"]) for r in table}[normal] == (
        grants_before.get(normal, {}).get("normal", 0) + 3000)
    assert audit_rows(cloud.demo.database_url, "report_exported")[-1]["subject"] == f"grants {month}"
    lines = _accounting(cloud, month)
    paid = sum(int(r["amount_yen"]) for r in lines if r["section"] == "payout")
    assert paid - paid_before == 1200  # 1000 by card + 200 by voucher
    assert sum(int(r["amount_yen"]) for r in lines if r["section"] == "charge") - charged_before == 3500
    assert all(r["account"] is not None for r in lines)


def test_bad_period_is_refused(cloud: Cloud) -> None:
    for text in ("2026-13", "0001", "0001-01", "FY0000", "9999-12"):  # year 1 JST is before UTC's year 1
        for path in ("/admin/reports/usage", "/admin/exports/reports/usage.csv", "/admin/exports/accounting"):
            response = cloud.admin.get(path, params={"period": text})
            assert response.status_code == 422, (text, path, response.text)
            assert response.json()["error"]["code"] in ("bad_period", "validation_error")


@pytest.mark.parametrize("path", ["/admin/reports/grants", "/admin/exports/reports/usage.csv",
                                  "/admin/exports/accounting", "/admin/reports/usage/rows"])
def test_reports_need_an_admin_terminal_with_an_admin_clerk(cloud: Cloud, path: str) -> None:
    params = {"period": this_month(), "key": "1"}
    bare = cloud.terminal("admin", staff=None)  # an admin terminal with nobody logged in
    assert bare.get(path, params=params).json()["error"]["code"] == "staff_session_required"
    counter = cloud.terminal("counter")  # a counter clerk on a counter terminal
    assert counter.get(path, params=params).json()["error"]["code"] == "forbidden_role"
    before = len(audit_rows(cloud.demo.database_url, "report_exported"))
    store = cloud.terminal("store")
    assert store.get(path, params=params).status_code == 403
    assert len(audit_rows(cloud.demo.database_url, "report_exported")) == before


def test_the_terminal_list_shows_last_contact_and_backlog(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    started = datetime.now(UTC) - timedelta(seconds=5)
    store.get("/changes", params={"limit": 1}, headers={"X-Outbox-Backlog": "17"})
    listed = {t["terminal_id"]: t for t in cloud.admin.ok("GET", "/admin/terminals")["terminals"]}
    assert listed[store.id]["outbox_backlog"] == 17
    assert datetime.fromisoformat(listed[store.id]["last_seen_at"]) >= started
    store.get("/changes", params={"limit": 1}, headers={"X-Outbox-Backlog": "not a number"})
    assert {t["terminal_id"]: t for t in cloud.admin.ok("GET", "/admin/terminals")["terminals"]}[
        store.id]["outbox_backlog"] == 17
    cloud.admin.ok("POST", f"/terminals/{store.id}/revoke")
    refused = store.get("/changes", params={"limit": 1})
    assert refused.status_code == 401 or refused.json()["error"]["code"] == "terminal_revoked"
