"""Administration over real HTTP: offline limits, voucher key rotation, reserved points, measures, shops."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta

from kiosk.core.voucher_code import decode_voucher, verify_voucher

from .helpers import Cloud, key


def test_offline_limit_per_card_per_day_is_checked_at_sync(cloud: Cloud) -> None:
    m = cloud.mykey("suzuki")
    cloud.admin.ok("POST", "/grants", {"programme_id": cloud.programme(), "mykey_id": m, "points": 5000,
                                       "idempotency_key": key()})
    cloud.admin.ok("POST", f"/admin/point-types/{cloud.point_type}/offline-limit", {"per_card_per_day": 3000})
    store = cloud.terminal("store")
    now = datetime.now(UTC).isoformat()

    def offline(points: int) -> dict:  # type: ignore[type-arg]
        consent = store.consent(cloud.resident("suzuki"), points, point_type_id=cloud.point_type)
        body = {"operations": [{"key": key(), "kind": "offline_payment", "created_at": now,
                                "payload": {"consent": consent, "point_type_id": cloud.point_type, "points": points}}]}
        return dict(store.ok("POST", "/sync", body)["results"][0])

    assert offline(2000)["status"] == "applied"
    second = offline(1500)
    assert second["status"] == "conflict" and second["result"]["problems"] == ["offline_limit_exceeded"]
    assert second["result"]["points"] == 1500  # it happened at the shop: recorded, then reported
    feed = store.ok("GET", "/changes", params={"limit": 1000})["changes"]
    limits = [c["data"] for c in feed if c["kind"] == "offline_limit" and c["id"] == str(cloud.point_type)]
    assert limits[-1] == {"point_type_id": cloud.point_type, "per_card_per_day": 3000}


def test_key_rotation_keeps_old_vouchers_valid(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    store = cloud.terminal("store")

    def issue() -> dict:  # type: ignore[type-arg]
        consent = office.consent(cloud.resident("ito"), 50, action="voucher_issue", point_type_id=cloud.point_type)
        return dict(office.ok("POST", "/vouchers", {"consent": consent,
                                                    "point_type_id": cloud.point_type, "points": 50})["vouchers"][0])

    old = issue()
    new_key = cloud.admin.ok("POST", "/admin/voucher-keys/rotate")["key_id"]
    new = issue()
    assert decode_voucher(new["code"]).key_id == new_key != decode_voucher(old["code"]).key_id
    keys = {int(c["data"]["key_id"]): base64.b64decode(c["data"]["public_key"])
            for c in store.ok("GET", "/changes", params={"limit": 1000})["changes"] if c["kind"] == "voucher_key"}
    for voucher in (old, new):
        verify_voucher(voucher["code"], keys, int(time.time()))
        assert store.ok("POST", "/vouchers/redeem", {"code": voucher["code"], "idempotency_key": key()})[
            "status"] == "redeemed"


def test_reserved_points_move_to_the_default_account_after_the_deadline(cloud: Cloud) -> None:
    m = cloud.mykey("takahashi")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    due = cloud.admin.ok("POST", "/admin/reserved", {"programme_id": cloud.programme(), "mykey_id": m, "points": 400,
                                                     "transfer_deadline": past})
    cloud.admin.ok("POST", "/admin/reserved", {"programme_id": cloud.programme(), "mykey_id": m, "points": 100,
                                               "transfer_deadline": future})
    account = cloud.admin.ok("GET", f"/balances/{m}")["accounts"][0]
    assert sorted(r["points"] for r in account["reserved"]) == [100, 400]
    moved = cloud.admin.ok("POST", "/admin/reserved/sweep")["transferred"]
    assert [(r["id"], r["points"]) for r in moved] == [(due["id"], 400)]
    assert cloud.admin.ok("POST", "/admin/reserved/sweep")["transferred"] == []
    account = cloud.admin.ok("GET", f"/balances/{m}")["accounts"][0]
    assert [r["points"] for r in account["reserved"]] == [100]


def test_admin_defines_measures_and_pre_registers(cloud: Cloud) -> None:
    now = datetime.now(UTC)
    created = cloud.admin.ok("POST", "/admin/measures", {
        "name": "テスト施策", "name_en": "Test measure", "point_type_id": cloud.point_type,
        "programme_id": cloud.programme(), "kind": "grant", "eligibility": "restricted", "review": "pre",
        "capacity": 1, "points_per_person": 700, "opens_at": (now - timedelta(hours=1)).isoformat(),
        "closes_at": (now + timedelta(days=1)).isoformat(), "payment_services": ["府中市ポイント"],
        "pre_registered": [cloud.mykey("ito"), cloud.mykey("yamada")]})
    counter = cloud.terminal("counter")
    first = counter.ok("POST", "/applications", {"measure_id": created["id"], "mykey_id": cloud.mykey("ito"),
                                                 "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert first["status"] == "granted"
    full = counter.post("/applications", {"measure_id": created["id"], "mykey_id": cloud.mykey("yamada"),
                                          "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert full.status_code == 409 and full.json()["error"]["reasons"] == ["full"]
    wrong_service = counter.post("/applications", {"measure_id": created["id"], "mykey_id": cloud.mykey("yamada"),
                                                   "payment_service": "other pay", "idempotency_key": key()})
    assert wrong_service.json()["error"]["code"] == "payment_service_unknown"
    bad = cloud.admin.post("/admin/measures", {
        "name": "x", "name_en": "x", "point_type_id": cloud.point_type, "kind": "grant", "eligibility": "open",
        "review": "pre", "points_per_person": 1, "opens_at": now.isoformat(), "closes_at": now.isoformat()})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_measure"
    feed = counter.ok("GET", "/changes", params={"limit": 1000})["changes"]
    assert str(created["id"]) in [c["id"] for c in feed if c["kind"] == "measure"]


def test_offline_payments_that_should_not_have_happened_are_conflicts(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    counter = cloud.terminal("counter")
    now = datetime.now(UTC).isoformat()

    def offline(who: str, points: int = 100) -> dict:  # type: ignore[type-arg]
        consent = store.consent(cloud.resident(who), points, point_type_id=cloud.point_type)
        body = {"operations": [{"key": key(), "kind": "offline_payment", "created_at": now,
                                "payload": {"point_type_id": cloud.point_type, "points": points, "consent": consent}}]}
        return dict(store.ok("POST", "/sync", body)["results"][0])

    unbound = offline("kobayashi")  # a good signature, but the card has no MyKey ID: nothing debited
    assert unbound["status"] == "conflict" and unbound["result"]["problems"] == ["certificate_not_bound"]
    assert unbound["result"]["points"] == 0
    m = cloud.mykey("takahashi")
    counter.ok("POST", f"/mykey-ids/{m}/status", {"status": "suspended"})
    before = counter.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    suspended = offline("takahashi")  # signed by the resident at the shop: recorded, then reported
    assert suspended["status"] == "conflict" and suspended["result"]["problems"] == ["mykey_id_not_valid"]
    assert counter.ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == before - 100
    kinds = [c["detail"]["problems"] for c in cloud.terminal("office").ok("GET", "/conflicts")["conflicts"]]
    assert ["certificate_not_bound"] in kinds and ["mykey_id_not_valid"] in kinds


def test_support_event_accounts_and_the_default_account(cloud: Cloud) -> None:
    created = cloud.admin.ok("POST", "/admin/support-events", {"point_type_id": cloud.point_type,
                                                               "name": "けやき祭り支援"})
    again = cloud.admin.post("/admin/support-events", {"point_type_id": cloud.point_type, "name": "けやき祭り支援"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "support_event_exists"
    cloud.admin.ok("POST", "/admin/support-events", {"point_type_id": cloud.point_type, "name": "防災訓練支援"})
    funded = cloud.admin.ok("POST", f"/admin/support-events/{created['account_id']}/fund",
                            {"programme_id": cloud.programme(), "points": 50_000})
    assert funded["points"] == 50_000
    wrong_type = cloud.admin.post(f"/admin/support-events/{created['account_id']}/fund",
                                  {"programme_id": cloud.programme(point_type_id=2), "points": 1})
    assert wrong_type.status_code == 404 and wrong_type.json()["error"]["code"] == "unknown_programme"
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    cloud.admin.ok("POST", "/admin/reserved", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("ito"),
                                               "points": 250, "transfer_deadline": past})
    cloud.admin.ok("POST", "/admin/reserved/sweep")
    listed = {(a["kind"], a["name"]): a["balance"] for a in cloud.admin.ok("GET", "/admin/accounts")["accounts"]}
    assert listed == {("support_event", "けやき祭り支援"): 50_000, ("support_event", "防災訓練支援"): 0,
                      ("municipal_default", ""): 250}
    assert cloud.terminal("office").get("/admin/accounts").status_code == 403
