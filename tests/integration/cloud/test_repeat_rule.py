"""Per-programme duplicate rule (`repeat_rule`): once_per_day / once / unlimited, on every grant path."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.sync.credentials import enrol
from kiosk.sync.terminal import credential_store, open_terminal

from .helpers import Cloud, Terminal, key
from .staff_db import logged_in_since


def _programme(cloud: Cloud, rule: str | None) -> int:
    base = next(p for p in cloud.demo.programmes if p["name_en"] == "Volunteering points")
    body: dict[str, Any] = {"department_id": base["department_id"], "point_type_id": base["point_type_id"],
                            "name": f"テスト {rule}", "name_en": f"test {rule}"}
    if rule is not None:
        body["repeat_rule"] = rule
    return int(cloud.admin.ok("POST", "/admin/programmes", body)["id"])


def _grant(programme_id: int, mykey_id: str, points: int = 10, created_at: datetime | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"key": key(), "kind": "grant",
                          "payload": {"programme_id": programme_id, "mykey_id": mykey_id, "points": points}}
    if created_at is not None:
        op["created_at"] = created_at.isoformat()
    return op


def _sync(t: Terminal, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    return list(t.ok("POST", "/sync", {"operations": list(ops)})["results"])


def _balance(t: Terminal, mykey_id: str) -> int:
    return sum(a["balance"] for a in t.ok("GET", f"/balances/{mykey_id}")["accounts"])


def test_rules_are_published_and_default_to_unlimited(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    plain = _programme(cloud, None)
    daily = _programme(cloud, "once_per_day")
    listed = {p["id"]: p["repeat_rule"] for p in counter.ok("GET", "/programmes")["programmes"]}
    assert listed[plain] == "unlimited" and listed[daily] == "once_per_day"
    demo = {p["name_en"]: p["repeat_rule"] for p in cloud.demo.programmes}
    assert demo["Walking day points"] == "once_per_day" and demo["Health check-up points"] == "once"
    assert demo["Volunteering points"] == "unlimited"
    bad = cloud.admin.post("/admin/programmes", {"department_id": 1, "point_type_id": 1, "name": "x", "name_en": "x",
                                                 "repeat_rule": "twice"})
    assert bad.status_code == 422
    feed = counter.ok("GET", "/changes", params={"cursor": 0, "limit": 1000})["changes"]
    assert any(c["kind"] == "programme" and c["data"]["id"] == daily and c["data"]["repeat_rule"] == "once_per_day"
               for c in feed)


def test_once_per_day_in_a_batch_mixed_with_unlimited_grants(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    daily, free = _programme(cloud, "once_per_day"), _programme(cloud, "unlimited")
    m, other = cloud.mykey("ito"), cloud.mykey("yamada")
    before = _balance(counter, m)
    yesterday = datetime.now(UTC) - timedelta(days=2)
    logged_in_since(cloud.demo.database_url, counter.staff["staff_session"], 3 * 86400)  # the clerk was there then
    results = _sync(counter,
                    _grant(free, m, 1), _grant(free, m, 2),       # a batch-runner run
                    _grant(daily, m, 100),                         # general path: applied
                    _grant(free, m, 3),
                    _grant(daily, m, 100),                         # the same day: refused
                    _grant(daily, other, 100),                     # another person: applied
                    _grant(daily, m, 100, created_at=yesterday),   # made offline on another day: applied
                    _grant(free, m, 4))
    assert [r["status"] for r in results] == ["applied", "applied", "applied", "applied", "rejected", "applied",
                                              "applied", "applied"], results
    refused = results[4]
    assert refused["code"] == "duplicate_grant"
    assert "付与済み" in refused["message_ja"] and "already granted" in refused["message"]
    assert _balance(counter, m) == before + 1 + 2 + 100 + 3 + 100 + 4
    # a replay of the refused op repeats the refusal; a replay of an applied one applies nothing
    again = _sync(counter, {**_grant(daily, m), "key": refused["key"]})[0]
    assert (again["status"], again["code"], again["replayed"]) == ("rejected", "duplicate_grant", True)


def test_once_refuses_on_any_day_and_on_the_plain_endpoint(cloud: Cloud) -> None:
    office = cloud.terminal("counter")  # (the office no longer grants programme points: issue 8)
    logged_in_since(cloud.demo.database_url, office.staff["staff_session"], 3 * 86400)
    once = _programme(cloud, "once")
    m = cloud.mykey("takahashi")
    long_ago = datetime.now(UTC) - timedelta(days=2)  # another day, inside the offline window (72 h)
    first = _sync(office, _grant(once, m, 50, created_at=long_ago))[0]
    assert first["status"] == "applied"
    response = office.post("/grants", {"programme_id": once, "mykey_id": m, "points": 50, "idempotency_key": key()})
    assert response.status_code == 409 and response.json()["error"]["code"] == "duplicate_grant"
    assert response.json()["error"]["message_ja"]
    bulk = office.ok("POST", "/grants/bulk", {"programme_id": once, "grants": [
        {"mykey_id": m, "points": 5, "idempotency_key": key()},
        {"mykey_id": cloud.mykey("suzuki"), "points": 5, "idempotency_key": key()}]})
    assert [r.get("status") for r in bulk["results"]] == ["rejected", "applied"], bulk


def test_two_terminals_offline_grant_the_same_person_one_applies(cloud: Cloud) -> None:
    """Both terminals granted while offline; they sync (at the same moment): one applied, one rejected."""
    terminals = [cloud.terminal("counter") for _ in range(4)]
    daily = _programme(cloud, "once_per_day")
    m = cloud.mykey("suzuki")
    before = _balance(terminals[0], m)
    earlier = datetime.now(UTC) - timedelta(minutes=5)
    batches = [[_grant(daily, m, 70, created_at=earlier)] for _ in terminals]
    for t in terminals:
        logged_in_since(cloud.demo.database_url, t.staff["staff_session"], 600)
    with ThreadPoolExecutor(len(terminals)) as pool:
        results = list(pool.map(lambda tb: _sync(tb[0], *tb[1])[0], zip(terminals, batches, strict=True)))
    assert sorted(r["status"] for r in results) == ["applied"] + ["rejected"] * (len(terminals) - 1), results
    assert {r["code"] for r in results if r["status"] == "rejected"} == {"duplicate_grant"}
    assert _balance(terminals[0], m) == before + 70


def test_two_real_terminals_queue_the_same_grant_offline_then_sync(cloud: Cloud, tmp_path: Path) -> None:
    """Two kiosk terminals (real local store + outbox + sync engine) each grant the same person a once_per_day
    programme while offline; when they sync, the cloud applies the first and rejects the second."""
    daily = _programme(cloud, "once_per_day")
    m = cloud.mykey("ito")
    before = _balance(cloud.admin, m)
    terminals = []
    for name in ("north", "south"):
        code = cloud.admin.ok("POST", "/admin/enrolment-codes", {"role": "counter", "name": name})["code"]
        data_dir = tmp_path / name
        enrol(cloud.url, code, name, credential_store(data_dir, demo=True))
        terminals.append(open_terminal(data_dir, demo=True, cloud_url=cloud.url))
    try:
        for t in terminals:
            assert t.client is not None
            t.client.staff_login("S001", "demo-pass")  # the clerk logs in while online, then works offline
        keys = [t.engine.outbox.enqueue("grant", {"programme_id": daily, "mykey_id": m, "points": 40}, offline=True)
                for t in terminals]
        reports = [t.engine.drain() for t in terminals]
        assert all(r.error is None and r.remaining == 0 for r in reports), reports
        first, second = (t.engine.outbox.operation(k) for t, k in zip(terminals, keys, strict=True))
        assert first is not None and second is not None
        assert first.status == "applied" and (second.status, second.code) == ("rejected", "duplicate_grant")
        assert second.message_ja
        letters = terminals[1].engine.outbox.dead_letters()
        assert [(d.key, d.code) for d in letters] == [(keys[1], "duplicate_grant")]  # the office sees it
    finally:
        for t in terminals:
            t.close()
    assert _balance(cloud.admin, m) == before + 40
