"""The grant rule under concurrency: twelve sync batches at once from six counters, each mixing unlimited and
once-a-day grants for the same four people (so the batch runners, which lock a person's MyKey ID row for a
repeat-ruled grant, and the general path they step aside to, run side by side): the daily programme is granted once
per person, every other grant once per key, and nothing ends in a 5xx or a deadlock (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from .helpers import Cloud, Terminal, key
from .test_concurrency import burst

RESIDENTS = ("yamada", "suzuki", "takahashi", "ito")


def _programme(cloud: Cloud, rule: str) -> int:
    return int(next(p["id"] for p in cloud.demo.programmes if p["repeat_rule"] == rule and p["point_type_id"] == 1))


def _batch(cloud: Cloud, counter: Terminal, rng: random.Random, at: str) -> dict[str, Any]:
    """Unlimited and once-a-day grants for every resident, shuffled: runs mix both, and people repeat."""
    unlimited, daily = _programme(cloud, "unlimited"), _programme(cloud, "once_per_day")
    ops = [{"programme_id": pid, "mykey_id": cloud.mykey(who), "points": 1}
           for who in RESIDENTS for pid in (unlimited, daily, unlimited)]
    rng.shuffle(ops)
    return {"operations": [{"key": key(), "kind": "grant", "created_at": at, "payload": op,
                            "staff_session": counter.staff["staff_session"]} for op in ops]}


def test_concurrent_batches_grant_a_daily_programme_once_per_person(cloud: Cloud) -> None:
    rng = random.Random(8)
    counters = [cloud.terminal("counter") for _ in range(6)]
    at = datetime.now(UTC).replace(microsecond=0).isoformat()  # one JST day for every operation
    daily = _programme(cloud, "once_per_day")
    calls = [(c, "/sync", _batch(cloud, c, rng, at)) for c in counters for _ in range(2)]
    responses = burst(calls)
    assert all(r.status_code == 200 for r in responses), [r.text[:200] for r in responses if r.status_code != 200]
    results = [(op, res) for (_, _, body), r in zip(calls, responses, strict=True)
               for op, res in zip(body["operations"], r.json()["results"], strict=True)]
    for who in RESIDENTS:
        mine = [(op["payload"]["programme_id"], res) for op, res in results
                if op["payload"]["mykey_id"] == cloud.mykey(who)]
        daily_results = [res for pid, res in mine if pid == daily]
        assert [r["status"] for r in daily_results].count("applied") == 1, daily_results
        assert {r["code"] for r in daily_results if r["status"] != "applied"} == {"duplicate_grant"}
        assert all(res["status"] == "applied" for pid, res in mine if pid != daily)
        history = cloud.admin.ok("GET", f"/history/{cloud.mykey(who)}?limit=100")["entries"]
        assert sum(1 for e in history if e["kind"] == "grant" and e["programme_id"] == daily) == 1
        assert sum(1 for e in history if e["kind"] == "grant" and e["programme_id"] != daily) >= 2 * len(calls)
