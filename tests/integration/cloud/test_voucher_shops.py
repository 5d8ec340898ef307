"""The municipality's voucher rule names the shops that take its vouchers (`voucher_rules.shop_ids`; empty: every
shop), and the one redemption rule (kiosk.core.rules.redemption) enforces it on every path — over real HTTP on
SQLite and PostgreSQL (where POST /v1/vouchers/redeem first tries the asyncpg fast path, which steps aside to the
general path when the point type's rule names shops).

The attack: a shop not on the list redeems a genuine, unused voucher. Online it is refused
(`voucher_shop_not_allowed`, en + ja) and nothing is written — the voucher stays unused, ledger, lots, vouchers,
conflicts unchanged; the only row is the stored refusal of that idempotency key (so that a replay gets the same
answer), never an applied one. Through a sync batch, an offline redemption at such a shop is a conflict with
nothing credited (the voucher stays unused and an allowed shop can still take it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kiosk_cloud.services import perform

from .helpers import Cloud, Terminal, key
from .limits_db import counts, issue_vouchers, rows


@pytest.fixture
def fast_answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """What the asyncpg fast path answered, one entry per try: True = it redeemed, False = it stepped aside."""
    seen: list[bool] = []
    real = perform.fast_redeem

    async def counted(*args: Any, **kw: Any) -> Any:
        result = await real(*args, **kw)
        seen.append(result is not None)
        return result

    monkeypatch.setattr(perform, "fast_redeem", counted)
    yield seen


def _vouchers(cloud: Cloud, office: Terminal, count: int) -> list[dict[str, Any]]:
    return issue_vouchers(cloud.demo.database_url, mykey_id=cloud.mykey("yamada"), point_type_id=cloud.point_type,
                          points=40, count=count, terminal_id=office.id)


def _status(cloud: Cloud, number: str) -> tuple[str, int | None]:
    (row,) = rows(cloud.demo.database_url, "SELECT status, redeemed_shop_id FROM vouchers WHERE number = :n",
                  n=number)
    return str(row.status), row.redeemed_shop_id


def _idem(cloud: Cloud, k: str) -> list[Any]:
    return rows(cloud.demo.database_url, "SELECT status, code FROM idempotency WHERE key = :k", k=k)


def _rule(cloud: Cloud, shop_ids: list[int]) -> None:
    cloud.admin.ok("PUT", f"/admin/voucher-rules/{cloud.point_type}",
                   {"validity_days": 180, "max_points": 10_000, "shop_ids": shop_ids})


def test_a_shop_not_on_the_rule_is_refused_online_and_nothing_is_written(cloud: Cloud,
                                                                         fast_answers: list[bool]) -> None:
    shop_a, shop_b = cloud.demo.shops[0]["id"], cloud.demo.shops[1]["id"]
    allowed, other = cloud.terminal("store", shop_a), cloud.terminal("store", shop_b)
    v1, v2 = _vouchers(cloud, cloud.terminal("office"), 2)
    _rule(cloud, [shop_a])

    before = counts(cloud.demo.database_url)
    k = key()
    answer = other.post("/vouchers/redeem", {"code": v1["code"], "idempotency_key": k})
    assert answer.status_code == 409, answer.text
    error = answer.json()["error"]
    assert error["code"] == "voucher_shop_not_allowed"
    assert "this shop" in error["message"] and "この店舗では使用できません" in error["message_ja"]
    assert (error["shop_id"], error["point_type_id"]) == (shop_b, cloud.point_type)
    after = counts(cloud.demo.database_url)
    assert _status(cloud, v1["number"]) == ("issued", None)
    assert {k_: after[k_] for k_ in after if k_ != "idempotency"} == {k_: before[k_] for k_ in before
                                                                      if k_ != "idempotency"}
    # the one row written is the refusal stored under its key (a replay gets the same refusal), never "applied"
    assert after["idempotency"] == before["idempotency"] + 1
    assert [(r.status, r.code) for r in _idem(cloud, k)] == [("rejected", "voucher_shop_not_allowed")]
    replay = other.post("/vouchers/redeem", {"code": v1["code"], "idempotency_key": k})
    assert replay.status_code == 409 and replay.json()["error"]["code"] == "voucher_shop_not_allowed"
    assert counts(cloud.demo.database_url) == after

    # the shop on the list redeems it; the list emptied again, every shop takes the next voucher
    won = allowed.ok("POST", "/vouchers/redeem", {"code": v1["code"], "idempotency_key": key()})
    assert (won["status"], won["redeemed_shop_id"]) == ("redeemed", shop_a)
    _rule(cloud, [])
    assert other.ok("POST", "/vouchers/redeem", {"code": v2["code"], "idempotency_key": key()})["status"] == "redeemed"
    assert _status(cloud, v2["number"]) == ("redeemed", shop_b)
    # PostgreSQL: the fast path was tried once per request (refused, replay, the shop on the list, no list): it
    # stepped aside for the shop not on the list and redeemed itself for the shop on it and with no list
    assert fast_answers == ([] if cloud.demo.database_url.startswith("sqlite") else [False, False, True, True])


def test_a_rule_for_another_point_type_restricts_nothing_here(cloud: Cloud) -> None:
    other_type = next((int(p["id"]) for p in cloud.admin.ok("GET", "/admin/setup")["point_types"]
                       if int(p["id"]) != cloud.point_type), None)
    shop_a, shop_b = cloud.demo.shops[0]["id"], cloud.demo.shops[1]["id"]
    (v1,) = _vouchers(cloud, cloud.terminal("office"), 1)
    if other_type is not None:
        cloud.admin.ok("PUT", f"/admin/voucher-rules/{other_type}",
                       {"validity_days": 180, "max_points": 10_000, "shop_ids": [shop_a]})
    store = cloud.terminal("store", shop_b)
    assert store.ok("POST", "/vouchers/redeem", {"code": v1["code"], "idempotency_key": key()})["status"] == "redeemed"


def test_through_a_sync_batch_the_shop_rule_is_a_conflict_and_nothing_is_credited(cloud: Cloud) -> None:
    shop_a, shop_b = cloud.demo.shops[0]["id"], cloud.demo.shops[1]["id"]
    allowed, other = cloud.terminal("store", shop_a), cloud.terminal("store", shop_b)
    v1, v2 = _vouchers(cloud, cloud.terminal("office"), 2)
    _rule(cloud, [shop_a])
    feed = [c for c in other.ok("GET", "/changes", params={"limit": 1000})["changes"] if c["kind"] == "voucher_rule"]
    assert feed[-1]["id"] == str(cloud.point_type) and feed[-1]["data"]["shop_ids"] == [shop_a]  # the terminal's copy

    before = counts(cloud.demo.database_url)
    k_off, k_on = key(), key()
    results = other.ok("POST", "/sync", {"operations": [
        {"key": k_off, "kind": "offline_voucher_redeem", "payload": {"code": v1["code"]}},
        {"key": k_on, "kind": "voucher_redeem", "payload": {"code": v2["code"]}},
    ]})["results"]
    assert (results[0]["status"], results[0]["result"]["problem"]) == ("conflict", "voucher_shop_not_allowed")
    assert results[0]["result"]["allowed_shop_ids"] == [shop_a] and results[0]["result"]["status"] == "issued"
    assert (results[1]["status"], results[1]["code"]) == ("rejected", "voucher_shop_not_allowed")
    after = counts(cloud.demo.database_url)
    assert _status(cloud, v1["number"]) == ("issued", None) and _status(cloud, v2["number"]) == ("issued", None)
    for table in ("ledger", "lots", "lot_points", "vouchers", "redeemed"):
        assert after[table] == before[table], table
    assert after["conflicts"] == before["conflicts"] + 1
    (conflict,) = rows(cloud.demo.database_url, "SELECT kind, shop_id, detail FROM conflicts WHERE operation_key = :k",
                       k=k_off)
    assert (conflict.kind, conflict.shop_id) == ("offline_voucher_redeem", shop_b)
    assert "voucher_shop_not_allowed" in conflict.detail
    assert [(r.status, r.code) for r in _idem(cloud, k_off)] == [("conflict", None)]
    assert [(r.status, r.code) for r in _idem(cloud, k_on)] == [("rejected", "voucher_shop_not_allowed")]
    # the shop's terminal is told (GET /v1/conflicts: its own operation)
    (mine,) = [c for c in other.ok("GET", "/conflicts")["conflicts"] if c["operation_key"] == k_off]
    assert (mine["involvement"], mine["detail"]["problem"]) == ("attempted_here", "voucher_shop_not_allowed")
    # the shop on the list can still take both (offline too)
    ok = allowed.ok("POST", "/sync", {"operations": [
        {"key": key(), "kind": "offline_voucher_redeem", "payload": {"code": v1["code"]}}]})["results"][0]
    assert ok["status"] == "applied" and _status(cloud, v1["number"]) == ("redeemed", shop_a)


def test_paper_vouchers_from_a_shop_not_on_the_rule_are_not_reconciled(cloud: Cloud) -> None:
    """Pattern ①: the office reconciles a bundle of paper vouchers per shop; a shop the rule does not name is not
    paid for them (outcome `shop_not_allowed`, code voucher_shop_not_allowed), the vouchers stay unused."""
    shop_a, shop_b = cloud.demo.shops[0]["id"], cloud.demo.shops[1]["id"]
    office = cloud.terminal("office")
    v1, v2 = _vouchers(cloud, office, 2)
    _rule(cloud, [shop_a])
    before = counts(cloud.demo.database_url)
    batch = office.ok("POST", "/office/reconciliations", {"shop_id": shop_b, "codes": [v1["code"], v2["code"]]})
    assert [(r["outcome"], r["code"]) for r in batch["results"]] == [("shop_not_allowed", "voucher_shop_not_allowed")] * 2
    assert (batch["accepted"], batch["accepted_points"], batch["refused"]) == (0, 0, 2)
    after = counts(cloud.demo.database_url)
    assert (after["redeemed"], after["ledger"], after["lot_points"]) == (before["redeemed"], before["ledger"],
                                                                         before["lot_points"])
    assert _status(cloud, v1["number"]) == ("issued", None)
    ok = office.ok("POST", "/office/reconciliations", {"shop_id": shop_a, "codes": [v1["code"]]})
    assert ok["accepted"] == 1 and _status(cloud, v1["number"]) == ("redeemed", shop_a)
