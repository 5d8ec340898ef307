"""Vouchers, the sync endpoint, the changes feed, measures and applications over real HTTP."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.core.voucher_code import verify_voucher
from kiosk.core.voucher_number import make_voucher_number

from .helpers import Cloud, Terminal, key


def _feed(t: Terminal) -> list[dict[str, Any]]:
    return list(t.ok("GET", "/changes", params={"cursor": 0, "limit": 1000})["changes"])


def _reader(cloud: Cloud) -> Terminal:
    """A counter terminal with its clerk logged in: reads a resident's balance and history (a store may not)."""
    return cloud.terminal("counter")


def _issue(cloud: Cloud, resident: str, points: int, count: int = 1) -> list[dict[str, Any]]:
    office = cloud.terminal("office")
    consent = office.consent(cloud.resident(resident), points * count, action="voucher_issue", count=count,
                             point_type_id=cloud.point_type)
    body = office.ok("POST", "/vouchers", {"consent": consent, "point_type_id": cloud.point_type,
                                           "points": points, "count": count})
    return list(body["vouchers"])


def test_issue_verify_offline_redeem_once(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    before = _reader(cloud).ok("GET", f"/balances/{cloud.mykey('yamada')}")["accounts"][0]["balance"]
    vouchers = _issue(cloud, "yamada", 500, count=2)
    assert len(vouchers) == 2 and len({v["number"] for v in vouchers}) == 2
    after = _reader(cloud).ok("GET", f"/balances/{cloud.mykey('yamada')}")["accounts"][0]["balance"]
    assert after == before - 1000
    keys = {int(c["data"]["key_id"]): base64.b64decode(c["data"]["public_key"])
            for c in _feed(store) if c["kind"] == "voucher_key"}
    claims = verify_voucher(vouchers[0]["code"], keys, int(time.time()))
    assert claims.number == vouchers[0]["number"] and claims.points == 500
    k = key()
    won = store.ok("POST", "/vouchers/redeem", {"code": vouchers[0]["code"], "idempotency_key": k})
    assert won["status"] == "redeemed" and won["redeemed_shop_id"] == store.shop_id
    assert store.post("/vouchers/redeem", {"code": vouchers[0]["code"], "idempotency_key": k}).status_code == 200
    again = store.post("/vouchers/redeem", {"code": vouchers[0]["code"], "idempotency_key": key()})
    assert again.status_code == 409 and again.json()["error"]["code"] == "voucher_already_used"
    tampered = vouchers[1]["code"][:-3] + ("AAA" if not vouchers[1]["code"].endswith("AAA") else "BBB")
    forged = store.post("/vouchers/redeem", {"code": tampered, "idempotency_key": key()})
    assert forged.status_code == 400 and forged.json()["error"]["code"] in {"voucher_bad_signature",
                                                                            "voucher_malformed"}


def test_void_returns_points_and_feeds_the_void_list(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    store = cloud.terminal("store")
    m = cloud.mykey("ito")
    before = _reader(cloud).ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    (voucher,) = _issue(cloud, "ito", 300)
    voided = office.ok("POST", f"/vouchers/{voucher['number']}/void")
    assert voided["points_restored"] == 300
    assert _reader(cloud).ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == before
    assert voucher["number"] in [c["id"] for c in _feed(store) if c["kind"] == "voided_voucher"]
    r = store.post("/vouchers/redeem", {"code": voucher["code"], "idempotency_key": key()})
    assert r.status_code == 409 and r.json()["error"]["code"] == "voucher_voided"
    assert store.post(f"/vouchers/{voucher['number']}/void").status_code == 403


def test_paper_reconciliation(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    v1, v2 = _issue(cloud, "takahashi", 100, count=2)
    shop = cloud.demo.shops[2]["id"]
    mistyped = v1["number"][:-1] + str((int(v1["number"][-1]) + 1) % 10)
    never_issued = make_voucher_number(999_999_999_999)
    second_clerk = {"staff_code": "S002", "password": "demo-pass"}  # numbers alone need another clerk (issue 8)
    res = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop, "numbers": [v1["number"], mistyped,
                                                                                never_issued],
                                                    "second_staff": second_clerk})["results"]
    assert [r["result"] for r in res] == ["redeemed", "invalid", "unknown"]
    second = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop, "numbers": [v1["number"], v2["number"]],
                                                       "second_staff": second_clerk})
    assert [r["result"] for r in second["results"]] == ["redeemed", "redeemed"]
    assert second["results"][0]["code"] == "voucher_already_used"


def test_sync_batch_results_in_order_and_replay_changes_nothing(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    m = cloud.mykey("suzuki")
    (voucher,) = _issue(cloud, "suzuki", 200)
    suzuki = cloud.resident("suzuki")
    ops = [
        {"key": key(), "kind": "payment", "payload": {"point_type_id": cloud.point_type, "points": 100,
                                                      "consent": store.consent(suzuki, 100)}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": cloud.programme(), "mykey_id": m,
                                                    "points": 5}},
        {"key": key(), "kind": "voucher_redeem", "payload": {"code": voucher["code"]}},
        {"key": key(), "kind": "teleport", "payload": {}},
        {"key": key(), "kind": "payment", "payload": {"point_type_id": cloud.point_type, "points": 10**7,
                                                      "consent": store.consent(suzuki, 10**7)}},
    ]
    first = store.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["key"] for r in first] == [o["key"] for o in ops]
    assert [r["status"] for r in first] == ["applied", "rejected", "applied", "rejected", "rejected"]
    assert [r["code"] for r in first[1:]] == [None, "forbidden_role", None, "unknown_operation_kind",
                                              "insufficient_points"][1:]
    balance = _reader(cloud).ok("GET", f"/balances/{m}")["accounts"]
    history = _reader(cloud).ok("GET", f"/history/{m}")["entries"]
    second = store.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["status"] for r in second] == ["replayed", "rejected", "replayed", "rejected", "rejected"]
    assert second[0]["result"] == first[0]["result"] and all(r["replayed"] for r in second)
    assert _reader(cloud).ok("GET", f"/balances/{m}")["accounts"] == balance
    assert _reader(cloud).ok("GET", f"/history/{m}")["entries"] == history


def test_offline_conflicts_are_recorded(cloud: Cloud) -> None:
    shop_a = cloud.terminal("store", shop_id=cloud.demo.shops[0]["id"])
    shop_b = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    (voucher,) = _issue(cloud, "yamada", 100)
    at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    a = shop_a.ok("POST", "/sync", {"operations": [{"key": key(), "kind": "offline_voucher_redeem",
                                                    "created_at": at, "payload": {"code": voucher["code"]}}]})
    b = shop_b.ok("POST", "/sync", {"operations": [{"key": key(), "kind": "offline_voucher_redeem",
                                                    "created_at": at, "payload": {"code": voucher["code"]}}]})
    assert a["results"][0]["status"] == "applied" and b["results"][0]["status"] == "conflict"
    m = cloud.mykey("ito")
    have = _reader(cloud).ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    consent = shop_a.consent(cloud.resident("ito"), have + 50, point_type_id=cloud.point_type)
    over = shop_a.ok("POST", "/sync", {"operations": [{
        "key": key(), "kind": "offline_payment", "created_at": at,
        "payload": {"consent": consent, "point_type_id": cloud.point_type, "points": have + 50}}]})
    res = over["results"][0]
    assert res["status"] == "conflict" and res["result"]["shortfall"] == 50 and res["result"]["points"] == have
    assert _reader(cloud).ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == 0
    conflicts = cloud.terminal("office").ok("GET", "/conflicts")["conflicts"]
    assert {c["kind"] for c in conflicts} == {"offline_voucher_redeem", "offline_payment"}


def test_changes_feed_cursor(cloud: Cloud) -> None:
    t = cloud.terminal("store")
    page = t.ok("GET", "/changes", params={"cursor": 0, "limit": 5})
    assert page["more"] is True and len(page["changes"]) == 5
    rest = t.ok("GET", "/changes", params={"cursor": page["cursor"], "limit": 1000})
    assert rest["changes"][0]["seq"] > page["cursor"] and rest["more"] is False
    kinds = {c["kind"] for c in page["changes"] + rest["changes"]}
    assert kinds >= {"point_type", "offline_limit", "programme", "shop", "measure", "voucher_key", "revocation"}
    cloud.admin.ok("POST", "/admin/shops", {"name": "新しい店", "street": "けやき通り商店街"})
    newer = t.ok("GET", "/changes", params={"cursor": rest["cursor"]})
    assert [c["kind"] for c in newer["changes"]] == ["shop"] and newer["changes"][0]["data"]["name"] == "新しい店"


def test_measures_applications_and_review(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    measures = {m["name_en"]: m for m in counter.ok("GET", "/measures")["measures"]}
    open_all = measures["Points for every applicant"]
    m = cloud.mykey("takahashi")
    applied = counter.ok("POST", "/applications", {"measure_id": open_all["id"], "mykey_id": m,
                                                   "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert applied["status"] == "granted"
    dup = counter.post("/applications", {"measure_id": open_all["id"], "mykey_id": m,
                                         "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert dup.status_code == 409 and "already_applied" in dup.json()["error"]["reasons"]
    pre = measures["Child-care households (pre-registered)"]
    refused = counter.post("/applications", {"measure_id": pre["id"], "mykey_id": m,
                                             "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert refused.json()["error"]["reasons"] == ["not_pre_registered"]
    card_face = measures["Residents only (card-face review)"]
    wrong_town = counter.post("/applications", {"measure_id": card_face["id"], "mykey_id": m,
                                                "municipality_code": "342084", "payment_service": "府中市ポイント",
                                                "idempotency_key": key()})
    assert wrong_town.json()["error"]["reasons"] == ["not_resident"]
    pending = counter.ok("POST", "/applications", {"measure_id": card_face["id"], "mykey_id": cloud.mykey("suzuki"),
                                                   "municipality_code": "132063", "payment_service": "府中市ポイント",
                                                   "idempotency_key": key()})
    assert pending["status"] == "applied"
    assert counter.post(f"/applications/{pending['id']}/review", {"approve": True}).status_code == 403
    reviewed = cloud.admin.ok("POST", f"/applications/{pending['id']}/review", {"approve": True})
    assert reviewed["status"] == "granted"
    assert counter.ok("GET", f"/applications/{pending['id']}")["status"] == "granted"


def test_attendance_grants_once(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    event = next(p for p in cloud.demo.programmes if p["name_en"] == "Keyaki festival attendance")
    op = {"key": key(), "kind": "attendance", "payload": {"programme_id": event["id"],
                                                         "mykey_id": cloud.mykey("yamada")}}
    first = counter.ok("POST", "/sync", {"operations": [op]})["results"][0]
    assert first["status"] == "applied" and first["result"]["points"] == 300
    op2 = {**op, "key": key()}
    second = counter.ok("POST", "/sync", {"operations": [op2]})["results"][0]
    assert second["status"] == "rejected" and second["code"] == "already_attended"
    op3 = {"key": key(), "kind": "attendance", "payload": {"programme_id": event["id"],
                                                          "mykey_id": cloud.mykey("suzuki")}}
    assert counter.ok("POST", "/sync", {"operations": [op3]})["results"][0]["code"] == "not_pre_registered"


def test_sync_grant_runs_mixed_with_refusals_and_replays(cloud: Cloud) -> None:
    """Runs of grants (taken by the SQLite batch runner) interleaved with refusals, replays and other kinds."""
    counter = cloud.terminal("counter")
    m, other = cloud.mykey("ito"), cloud.mykey("yamada")
    before = {x: counter.ok("GET", f"/balances/{x}")["accounts"][0]["balance"] for x in (m, other)}
    prog = cloud.programme()
    earlier = {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": m, "points": 3}}
    assert counter.ok("POST", "/sync", {"operations": [earlier]})["results"][0]["status"] == "applied"
    ops = [
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": m, "points": 1}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": "ｉｔｏｙｋｏ０４", "points": 2}},
        earlier,  # a replay inside a run
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": "NOSUCH99", "points": 5}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": 999, "mykey_id": m, "points": 5}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": m, "points": 0}},
        {"key": key(), "kind": "service_id", "payload": {"mykey_id": m, "business_id": "GYM", "customer_id": "7"}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": other, "points": 4}},
        {"key": key(), "kind": "grant", "payload": {"programme_id": prog, "mykey_id": m, "points": 8,
                                                    "staff_id": 424242}},  # ignored: the session's clerk is recorded
    ]
    first = counter.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["key"] for r in first] == [o["key"] for o in ops]
    assert [r["status"] for r in first] == ["applied", "applied", "replayed", "rejected", "rejected", "rejected",
                                            "applied", "applied", "applied"]
    assert [r["code"] for r in first][3:6] == ["mykey_id_unknown", "unknown_programme", "validation_error"]
    assert first[1]["result"]["mykey_id"] == m and first[0]["result"]["premium"] is False
    assert datetime.fromisoformat(first[0]["result"]["expires_at"]) > datetime.now(UTC)
    after = {x: counter.ok("GET", f"/balances/{x}")["accounts"][0]["balance"] for x in (m, other)}
    assert after == {m: before[m] + 3 + 1 + 2 + 8, other: before[other] + 4}
    from .staff_db import ledger_staff  # issue 8: the session's clerk, whatever the payload says

    assert ledger_staff(cloud.demo.database_url, first[8]["result"]["grant_id"]) == counter.staff["staff_id"]
    second = counter.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["status"] for r in second] == ["replayed", "replayed", "replayed", "rejected", "rejected", "rejected",
                                             "replayed", "replayed", "replayed"]
    assert [r["result"] for r in second] == [r["result"] for r in first]
    history = counter.ok("GET", f"/history/{m}")["entries"]
    assert [e["points"] for e in history[:4]] == [8, 2, 1, 3]
    assert {e["programme_id"] for e in history[:4]} == {prog}
