"""GET /v1/conflicts for shops: both shops of a voucher used twice offline see the conflict, other shops do not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .helpers import Cloud, Terminal, key


def _issue(cloud: Cloud, resident: str, points: int) -> dict[str, Any]:
    office = cloud.terminal("office")
    body = office.ok("POST", "/vouchers", {"point_type_id": cloud.point_type, "points": points, "count": 1,
                                           "consent": office.consent(cloud.resident(resident), points,
                                                                     action="voucher_issue")})
    return dict(body["vouchers"][0])


def _redeem_offline(t: Terminal, code: str) -> dict[str, Any]:
    at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    body = t.ok("POST", "/sync", {"operations": [{"key": key(), "kind": "offline_voucher_redeem",
                                                  "created_at": at, "payload": {"code": code}}]})
    return dict(body["results"][0])


def test_both_shops_and_the_office_see_a_voucher_used_twice(cloud: Cloud) -> None:
    shops = [s["id"] for s in cloud.demo.shops[:3]]
    shop_a, shop_b, shop_c = (cloud.terminal("store", shop_id=s) for s in shops)
    voucher = _issue(cloud, "yamada", 100)
    assert _redeem_offline(shop_a, voucher["code"])["status"] == "applied"
    second = _redeem_offline(shop_b, voucher["code"])
    assert second["status"] == "conflict" and second["result"]["redeemed_shop_id"] == shops[0]

    seen_a = shop_a.ok("GET", "/conflicts")["conflicts"]
    seen_b = shop_b.ok("GET", "/conflicts")["conflicts"]
    assert [(c["kind"], c["involvement"]) for c in seen_a] == [("offline_voucher_redeem", "redeemed_here")]
    assert [(c["kind"], c["involvement"]) for c in seen_b] == [("offline_voucher_redeem", "attempted_here")]
    assert seen_a[0]["id"] == seen_b[0]["id"] and seen_a[0]["shop_id"] == shops[1]
    assert seen_a[0]["detail"]["number"] == voucher["number"]
    assert seen_a[0]["detail"]["problem"] == "voucher_already_used"
    assert shop_c.ok("GET", "/conflicts")["conflicts"] == []

    office = cloud.terminal("office").ok("GET", "/conflicts")["conflicts"]
    assert [c["id"] for c in office] == [seen_a[0]["id"]] and "involvement" not in office[0]

    # paging by id: nothing after the last one; a resolved conflict is only listed with include_resolved
    page = shop_a.ok("GET", "/conflicts", params={"after_id": seen_a[0]["id"]})
    assert page["conflicts"] == [] and page["more"] is False and page["cursor"] == seen_a[0]["id"]
    cloud.terminal("office").ok("POST", f"/conflicts/{seen_a[0]['id']}/resolve")
    assert shop_a.ok("GET", "/conflicts")["conflicts"] == []
    again = shop_a.ok("GET", "/conflicts", params={"include_resolved": "true"})["conflicts"]
    assert [(c["id"], c["resolved"]) for c in again] == [(seen_a[0]["id"], True)]
    # resolving stays an office task
    assert shop_a.post(f"/conflicts/{seen_a[0]['id']}/resolve").status_code == 403


def test_a_shop_sees_its_own_offline_overspend_only(cloud: Cloud) -> None:
    shop_a = cloud.terminal("store", shop_id=cloud.demo.shops[0]["id"])
    shop_b = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    m = cloud.mykey("ito")
    have = cloud.terminal("counter").ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    consent = shop_a.consent(cloud.resident("ito"), have + 50, point_type_id=cloud.point_type)
    over = shop_a.ok("POST", "/sync", {"operations": [{
        "key": key(), "kind": "offline_payment", "created_at": at,
        "payload": {"consent": consent, "point_type_id": cloud.point_type, "points": have + 50}}]})
    assert over["results"][0]["status"] == "conflict"
    mine = shop_a.ok("GET", "/conflicts")["conflicts"]
    assert [(c["kind"], c["involvement"], c["detail"]["shortfall"]) for c in mine] == [
        ("offline_payment", "attempted_here", 50)]
    assert shop_b.ok("GET", "/conflicts")["conflicts"] == []
    counter = cloud.terminal("counter")
    assert counter.get("/conflicts").status_code == 403
