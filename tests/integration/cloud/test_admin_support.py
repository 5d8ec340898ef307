"""Support-event supporters (特定支援イベント, issue 12) over real HTTP on SQLite and PostgreSQL: a resident gives
points to an event with a signed consent (action `event_support`, shop = the event's account) on an admin terminal
with the admin clerk's session; the points move with their expiry, the ledger has `event_support` on both accounts,
the event lists the supporter with the name they wished to give, and the organiser is paid from them. Every attack
(another role, no clerk, a counter clerk, no consent, a consent for another event or amount, a replay, more than
the balance) is refused with nothing written."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from kiosk_cloud.models import consent_nonces, event_supporters, ledger

from .helpers import Cloud
from .staff_db import audit_rows, engine, written


def _event(cloud: Cloud, name: str = "夏祭り応援") -> int:
    return int(cloud.admin.ok("POST", "/admin/support-events", {"point_type_id": 1, "name": name})["account_id"])


def _state(cloud: Cloud) -> dict[str, Any]:
    out = written(cloud.demo.database_url)
    with engine(cloud.demo.database_url) as eng, eng.connect() as conn:
        for table in (event_supporters, consent_nonces):
            out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
        out["event_support"] = conn.execute(select(func.count()).select_from(ledger).where(
            ledger.c.kind == "event_support")).scalar_one()
    return out


def _balance(cloud: Cloud, mykey_id: str) -> int:
    counter = cloud.terminal("counter")
    accounts = counter.ok("GET", f"/balances/{mykey_id}")["accounts"]
    return sum(int(a["balance"]) for a in accounts if a["point_type_id"] == 1)


def test_a_supporter_gives_points_to_the_event(cloud: Cloud) -> None:
    event = _event(cloud)
    m = cloud.mykey("suzuki")
    before = _balance(cloud, m)
    consent = cloud.admin.consent(cloud.resident("suzuki"), 300, action="event_support", shop_id=event)
    given = cloud.admin.ok("POST", f"/admin/support-events/{event}/support",
                           {"points": 300, "consent": consent, "name": "鈴木 花子"})
    assert given["mykey_id"] == m and given["points"] == 300 and given["balance"] == before - 300
    assert _balance(cloud, m) == before - 300
    again = cloud.admin.consent(cloud.resident("suzuki"), 50, action="event_support", shop_id=event)
    cloud.admin.ok("POST", f"/admin/support-events/{event}/support", {"points": 50, "consent": again})
    other = cloud.admin.consent(cloud.resident("takahashi"), 20, action="event_support", shop_id=event)
    cloud.admin.ok("POST", f"/admin/support-events/{event}/support", {"points": 20, "consent": other})
    detail = cloud.admin.ok("GET", f"/admin/support-events/{event}")
    assert detail["balance"] == 370
    assert {s["mykey_id"]: (s["name"], s["points"], s["count"]) for s in detail["supporters"]} == {
        m: ("鈴木 花子", 350, 2), cloud.mykey("takahashi"): (None, 20, 1)}
    assert [e["kind"] for e in detail["entries"]] == ["event_support"] * 3
    assert [e["supporter"] for e in detail["entries"]] == ["鈴木 花子", m, cloud.mykey("takahashi")]
    row = audit_rows(cloud.demo.database_url, "support_event_support")[-1]
    assert row["mykey_id"] == cloud.mykey("takahashi") and row["subject"] == f"support event {event}"
    paid = cloud.admin.ok("POST", f"/admin/support-events/{event}/payout", {"points": 370, "payee": "実行委員会"})
    assert paid["points"] == 370
    assert cloud.admin.ok("GET", f"/admin/support-events/{event}")["balance"] == 0


def test_attacks_on_the_support_are_refused_with_nothing_written(cloud: Cloud) -> None:
    event, other_event = _event(cloud), _event(cloud, "別のイベント")
    resident = cloud.resident("suzuki")
    path = f"/admin/support-events/{event}/support"

    def body(terminal: Any, points: int = 100, **changes: Any) -> dict[str, Any]:
        fields = {"action": "event_support", "shop_id": event, **changes}
        return {"points": points, "consent": terminal.consent(resident, points, **fields)}

    before = _state(cloud)
    counter = cloud.terminal("counter")  # a counter clerk on a counter terminal
    assert counter.post(path, body(counter)).json()["error"]["code"] == "forbidden_role"
    store = cloud.terminal("store")  # a shop terminal
    assert store.post(path, body(store)).status_code == 403
    bare = cloud.terminal("admin", staff=None)  # an admin terminal with nobody logged in
    refused = bare.post(path, body(bare))
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "staff_session_required"
    clerk = cloud.terminal("admin", staff="S001")  # a counter clerk logged in on an admin terminal
    assert clerk.post(path, body(clerk)).json()["error"]["code"] == "forbidden_staff_role"
    admin = cloud.admin
    assert admin.post(path, {"points": 100}).json()["error"]["code"] == "consent_missing"
    mismatch = admin.post(path, body(admin, shop_id=other_event)).json()["error"]
    assert mismatch["code"] == "consent_mismatch" and mismatch.get("field") in ("shop", "shop_id", None)
    assert admin.post(path, {"points": 200, "consent": body(admin)["consent"]}).json()["error"]["code"] == (
        "consent_mismatch")
    assert admin.post(path, body(admin, action="payment")).json()["error"]["code"] == "consent_mismatch"
    payment = admin.consent(resident, 100, action="payment", shop_id=cloud.demo.shops[0]["id"])
    assert admin.post(path, {"points": 100, "consent": payment}).json()["error"]["code"] == "consent_mismatch"
    too_much = admin.post(path, body(admin, points=10_000_000)).json()["error"]["code"]
    assert too_much == "insufficient_points"
    assert _state(cloud) == before  # no ledger row, lot, supporter or used nonce
    good = body(admin)
    assert admin.post(path, good).status_code == 201
    after_one = _state(cloud)
    assert after_one["event_support"] == before["event_support"] + 2 and after_one["event_supporters"] == 1
    replay = admin.post(path, good)
    assert replay.json()["error"]["code"] == "consent_replayed"
    assert _state(cloud) == after_one
    not_an_event = admin.post("/admin/support-events/1/support", body(admin, shop_id=1))
    assert not_an_event.status_code == 404 or not_an_event.json()["error"]["code"] == "not_found"
    assert _state(cloud) == after_one
