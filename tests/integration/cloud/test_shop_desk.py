"""The shop terminal's own endpoints (issue 10): its activity for a period and a reversal with a reason — store
terminals only, their own shop only; refusals write nothing. SQLite and PostgreSQL, over real HTTP."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from typing import Any

from .helpers import Cloud

JST = timezone(timedelta(hours=9))


def today() -> str:
    from datetime import datetime

    return datetime.now(JST).date().isoformat()


def activity(terminal: Any, first: str | None = None, last: str | None = None) -> dict[str, Any]:
    return dict(terminal.ok("GET", "/shop/activity", params={"from": first or today(), "to": last or today()}))


def balance(cloud: Cloud, name: str) -> int:
    counter = cloud.terminal("counter")
    data = counter.ok("GET", f"/balances/{cloud.mykey(name)}")
    return int(next(a["balance"] for a in data["accounts"] if a["point_type_id"] == cloud.point_type))


def test_activity_lists_own_payments_reversals_and_redemptions(cloud: Cloud) -> None:
    shop = cloud.terminal("store")
    other = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    paid = shop.pay(cloud.resident("yamada"), 300)
    assert paid.status_code == 200, paid.text
    assert other.pay(cloud.resident("suzuki"), 200).status_code == 200
    payment_id = paid.json()["payment_id"]
    data = activity(shop)
    assert data["shop_id"] == shop.shop_id and data["shop_name"]
    payments = [e for e in data["entries"] if e["kind"] == "payment"]
    assert [p["id"] for p in payments] == [payment_id]  # the other shop's payment is not listed
    assert payments[0]["points"] == 300 and payments[0]["reversible"] and not payments[0]["reversed"]
    reversed_ = shop.ok("POST", f"/shop/payments/{payment_id}/reverse", {"reason": "金額の入力誤り"})
    assert reversed_["payment_id"] == payment_id and reversed_["points"] == 300
    after = activity(shop)["entries"]
    assert {e["kind"] for e in after} == {"payment", "reversal"}
    pay_row = next(e for e in after if e["kind"] == "payment")
    assert pay_row["reversed"] and not pay_row["reversible"]
    assert next(e for e in after if e["kind"] == "reversal")["payment_id"] == payment_id
    audit = cloud.admin.ok("GET", "/admin/audit", params={"action": "payment_reversal"})["entries"]
    assert audit[0]["subject"] == str(payment_id) and audit[0]["detail"]["reason"] == "金額の入力誤り"


def test_reversal_returns_the_points_once(cloud: Cloud) -> None:
    shop = cloud.terminal("store")
    before = balance(cloud, "ito")
    payment_id = shop.pay(cloud.resident("ito"), 700).json()["payment_id"]
    assert balance(cloud, "ito") == before - 700
    shop.ok("POST", f"/shop/payments/{payment_id}/reverse", {"reason": "お客様の取りやめ"})
    assert balance(cloud, "ito") == before
    again = shop.post(f"/shop/payments/{payment_id}/reverse", {"reason": "again"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_reversed"
    assert balance(cloud, "ito") == before


def test_another_shop_cannot_reverse_or_see(cloud: Cloud) -> None:
    shop = cloud.terminal("store")
    other = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    before = balance(cloud, "yamada")
    payment_id = shop.pay(cloud.resident("yamada"), 100).json()["payment_id"]
    refused = other.post(f"/shop/payments/{payment_id}/reverse", {"reason": "not mine"})
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "unknown_payment"
    assert balance(cloud, "yamada") == before - 100  # nothing given back
    assert all(e["kind"] != "reversal" for e in activity(shop)["entries"])
    assert not [e for e in activity(other)["entries"] if e.get("id") == payment_id]


def test_store_only_and_reason_required(cloud: Cloud) -> None:
    shop = cloud.terminal("store")
    payment_id = shop.pay(cloud.resident("suzuki"), 100).json()["payment_id"]
    for role in ("counter", "office", "admin"):
        t = cloud.terminal(role)
        response = t.get("/shop/activity", params={"from": today(), "to": today()})
        assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden_role"
        response = t.post(f"/shop/payments/{payment_id}/reverse", {"reason": "x"})
        assert response.status_code == 403
    for body in ({}, {"reason": ""}, {"reason": "x" * 201}, {"reason": "x", "extra": 1}):
        response = shop.post(f"/shop/payments/{payment_id}/reverse", body)
        assert response.status_code == 422, body
    assert cloud.anon.get("/shop/activity", params={"from": today(), "to": today()}).status_code == 401
    assert all(e["kind"] != "reversal" for e in activity(shop)["entries"])


def test_window_passed_is_refused(cloud: Cloud) -> None:
    """A payment recorded before the window: moved back in the database, then refused and left alone."""
    import asyncio

    from sqlalchemy import update

    from kiosk_cloud.db import Database, utcnow
    from kiosk_cloud.models import ledger

    shop = cloud.terminal("store")
    payment_id = shop.pay(cloud.resident("takahashi"), 100).json()["payment_id"]

    async def age() -> None:
        db = Database(cloud.demo.database_url, 1)
        try:
            async with db.write() as conn:
                old = utcnow() - timedelta(days=2)
                await conn.execute(update(ledger).where(ledger.c.id == payment_id).values(recorded_at=old))
        finally:
            await db.dispose()

    asyncio.run(age())
    row = next(e for e in activity(shop)["entries"] if e.get("id") == payment_id)
    assert not row["reversible"]
    refused = shop.post(f"/shop/payments/{payment_id}/reverse", {"reason": "late"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "reversal_window_passed"
    assert all(e["kind"] != "reversal" for e in activity(shop)["entries"])


def test_period_limits(cloud: Cloud) -> None:
    shop = cloud.terminal("store")
    first = date.fromisoformat(today())
    bad = shop.get("/shop/activity", params={"from": first.isoformat(), "to": (first - timedelta(days=1)).isoformat()})
    assert bad.status_code == 422
    long = shop.get("/shop/activity", params={"from": (first - timedelta(days=80)).isoformat(), "to": today()})
    assert long.status_code == 422
    assert activity(shop, (first - timedelta(days=30)).isoformat())["entries"] == []
