"""Concurrency over real HTTP: one winner per voucher, no overdraft, replays applied once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from .helpers import Cloud, Terminal, key

CLIENTS = 50


async def _burst(calls: list[tuple[Terminal, str, dict[str, Any]]]) -> list[httpx.Response]:
    """Fire every request at once, each from its own client connection."""
    clients = [httpx.AsyncClient(base_url=str(t.http.base_url), headers=dict(t.http.headers), timeout=60)
               for t, _, _ in calls]
    try:
        start = asyncio.Event()

        async def one(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> httpx.Response:
            await start.wait()
            return await client.post(path, json=body)

        tasks = [asyncio.create_task(one(c, path, body)) for c, (_, path, body) in zip(clients, calls, strict=True)]
        await asyncio.sleep(0.05)
        start.set()
        return list(await asyncio.gather(*tasks))
    finally:
        for c in clients:
            await c.aclose()


def burst(calls: list[tuple[Terminal, str, dict[str, Any]]]) -> list[httpx.Response]:
    return asyncio.run(_burst(calls))


def _stores(cloud: Cloud, n: int) -> list[Terminal]:
    shops = [s["id"] for s in cloud.demo.shops]
    return [cloud.terminal("store", shop_id=shops[i % len(shops)]) for i in range(n)]


@pytest.mark.slow
def test_fifty_clients_redeem_one_voucher_exactly_one_wins(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    (voucher,) = office.ok("POST", "/vouchers", {"point_type_id": cloud.point_type, "points": 100, "consent":
                                                 office.consent(cloud.resident("yamada"), 100,
                                                                action="voucher_issue")})["vouchers"]
    stores = _stores(cloud, 10)
    calls = [(stores[i % len(stores)], "/vouchers/redeem", {"code": voucher["code"], "idempotency_key": key()})
             for i in range(CLIENTS)]
    responses = burst(calls)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * (CLIENTS - 1), [r.text for r in responses if r.status_code not in (200, 409)]
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 409} == {"voucher_already_used"}
    today = datetime.now(timezone(timedelta(hours=9))).date().isoformat()
    settlement = cloud.admin.ok("GET", "/reports/settlement", params={"from": today, "to": today})
    assert sum(s["vouchers"]["count"] for s in settlement["shops"]) == 1


@pytest.mark.slow
def test_concurrent_payments_never_overdraw(cloud: Cloud) -> None:
    m = cloud.mykey("takahashi")
    stores = _stores(cloud, 10)
    reader = cloud.terminal("counter")  # a resident's balance is read with a staff session
    balance = reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]  # 2000 in the demo
    price = 70
    assert CLIENTS * price > balance
    takahashi = cloud.resident("takahashi")
    calls = [(stores[i % len(stores)], "/payments", {
        "point_type_id": cloud.point_type, "points": price, "idempotency_key": key(),
        "consent": stores[i % len(stores)].consent(takahashi, price, point_type_id=cloud.point_type)})
        for i in range(CLIENTS)]
    responses = burst(calls)
    ok = [r for r in responses if r.status_code == 200]
    refused = [r for r in responses if r.status_code == 409]
    assert len(ok) + len(refused) == CLIENTS, [r.text for r in responses if r.status_code not in (200, 409)]
    assert len(ok) == balance // price
    assert {r.json()["error"]["code"] for r in refused} == {"insufficient_points"}
    final = reader.ok("GET", f"/balances/{m}")["accounts"][0]
    assert final["balance"] == balance - len(ok) * price >= 0
    assert all(lot["remaining"] >= 0 for lot in final["lots"])
    uses = [e for e in reader.ok("GET", f"/history/{m}", params={"limit": 500})["entries"] if e["kind"] == "use"]
    assert len(uses) == len(ok) and sum(-e["points"] for e in uses) == len(ok) * price


@pytest.mark.slow
def test_replayed_sync_batches_apply_once(cloud: Cloud) -> None:
    m = cloud.mykey("ito")
    stores = _stores(cloud, 5)
    store = stores[0]
    reader = cloud.terminal("counter")
    before = reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    ops = [{"key": key(), "kind": "payment", "payload": {
        "point_type_id": cloud.point_type, "points": 10,
        "consent": store.consent(cloud.resident("ito"), 10, point_type_id=cloud.point_type)}} for _ in range(20)]
    # the same batch sent 10 times at once (a terminal retrying after timeouts), then once more
    responses = burst([(store, "/sync", {"operations": ops}) for _ in range(10)])
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    for r in responses:
        assert {x["status"] for x in r.json()["results"]} <= {"applied", "replayed"}
    applied = sum(x["status"] == "applied" for r in responses for x in r.json()["results"])
    assert applied == len(ops)
    final = store.ok("POST", "/sync", {"operations": ops})["results"]
    assert {x["status"] for x in final} == {"replayed"}
    assert reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == before - 10 * len(ops)


def test_same_key_concurrently_is_one_payment(cloud: Cloud) -> None:
    m = cloud.mykey("suzuki")
    store = cloud.terminal("store")
    reader = cloud.terminal("counter")
    before = reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    body = {"point_type_id": cloud.point_type, "points": 30, "idempotency_key": key(),
            "consent": store.consent(cloud.resident("suzuki"), 30, point_type_id=cloud.point_type)}
    responses = burst([(store, "/payments", body) for _ in range(20)])
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    assert len({r.json()["payment_id"] for r in responses}) == 1
    assert sum(r.headers.get("Idempotent-Replay") != "true" for r in responses) == 1
    assert reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == before - 30


@pytest.mark.slow
def test_concurrent_replays_of_a_grant_batch_apply_once(cloud: Cloud) -> None:
    """Runs of grants take the batch runners; ten copies of one batch at once still apply each grant once."""
    m = cloud.mykey("yamada")
    counter = cloud.terminal("counter")
    before = counter.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
    ops = [{"key": key(), "kind": "grant", "staff_session": counter.staff["staff_session"],
            "payload": {"programme_id": cloud.programme(), "mykey_id": m, "points": 1}} for _ in range(100)]
    responses = burst([(counter, "/sync", {"operations": ops}) for _ in range(10)])
    assert all(r.status_code == 200 for r in responses), [r.text[:300] for r in responses]
    statuses = [x["status"] for r in responses for x in r.json()["results"]]
    assert set(statuses) <= {"applied", "replayed"} and statuses.count("applied") == len(ops)
    grant_ids = {x["key"]: x["result"]["grant_id"] for r in responses for x in r.json()["results"]}
    assert all(x["result"]["grant_id"] == grant_ids[x["key"]] for r in responses for x in r.json()["results"])
    assert counter.ok("GET", f"/balances/{m}")["accounts"][0]["balance"] == before + len(ops)


def test_double_tap_creates_one_mykey_id(cloud: Cloud) -> None:
    """The same card's MyKey ID creation sent ten times at once: one MyKey ID, the others a clean 409."""
    counter = cloud.terminal("counter")
    auth = counter.authenticate(cloud.resident("kobayashi"))
    responses = burst([(counter, "/mykey-ids", {"auth_token": auth["auth_token"]}) for _ in range(10)])
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] + [409] * 9, [r.text for r in responses]
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 409} <= {
        "certificate_already_bound", "mykey_id_taken", "concurrent_change"}
    created = next(r.json()["mykey_id"] for r in responses if r.status_code == 201)
    assert counter.authenticate(cloud.resident("kobayashi"))["mykey_id"] == created
    pair = {"business_id": "LIB", "customer_id": "42"}
    responses = burst([(counter, f"/mykey-ids/{created}/service-ids", pair) for _ in range(10)])
    assert {r.status_code for r in responses} <= {201, 409}
    assert len(counter.ok("GET", f"/mykey-ids/{created}/service-ids")["service_ids"]) == 1
