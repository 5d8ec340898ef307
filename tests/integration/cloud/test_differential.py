"""Differential test: the fast paths change nothing but speed.

Two fresh clouds of the same demo data — one with `fast_paths` on (sync batch runners; on PostgreSQL also the
asyncpg hot paths and the fast lane), one with them off (`KIOSK_CLOUD_FAST_PATHS=0`: the general path only) — get
the same hypothesis-generated steps over real HTTP: sync batches of grants (every programme's repeat rule, unknown
and malformed MyKey IDs, too many points), card payments with the resident's signed consent (online by sync and
by POST /v1/payments, offline ones that overspend; consents for other points and consents used twice), voucher
redemptions online and offline (double use at two
shops, vouchers voided by the office, redemptions at a shop the municipality's voucher rule does not name — the
fast path steps aside while the rule names shops), and replays of earlier keys. After every step the answers, and after every example the stored ledger,
lots, accounts, vouchers, conflicts and idempotency rows, must be equal — ids and times aside (normalised).

Cost: one pair of servers per database for the whole module (each example continues on the same data, so the
two sides stay comparable as long as they agree); a few examples, no shrinking (a divergence is printed whole);
the seed rotates and is printed (`KIOSK_DIFF_SEED=<n>` replays it).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.core.voucher_code import decode_voucher
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.demo import DemoInfo, init_demo
from kiosk_cloud.embedded import EmbeddedCloud, start_embedded
from kiosk_cloud.models import accounts, conflicts, idempotency, ledger, lots, vouchers
from kiosk_cloud.services import perform
from kiosk_cloud.services import vouchers as vsvc
from kiosk_cloud.settings import Settings

from .helpers import Cloud, Terminal, key
from .pg import fresh_database

READY_AT: dict[str, datetime] = {}
SEED = int(os.environ.get("KIOSK_DIFF_SEED") or random.randrange(2**32))
RESIDENTS = ("yamada", "suzuki", "takahashi", "ito")
VOUCHERS_PER_SIDE = 12
DROP = {"grant_id", "payment_id", "reversal_id", "ledger_id", "id", "expires_at", "redeemed_at", "created_at",
        "recorded_at", "issued_at", "message"}


@dataclass
class Side:
    name: str
    server: EmbeddedCloud
    cloud: Cloud
    counter: Terminal
    office: Terminal
    stores: list[Terminal]
    codes: list[str]  # voucher codes by index (the numbers are the same on both sides, the signatures differ)
    numbers: list[str]
    url: str


def _issue_vouchers(database_url: str, mykey_ids: list[str], terminal_id: int) -> list[str]:
    async def run() -> list[str]:
        db = Database(database_url, pool_size=1)
        try:
            out: list[str] = []
            for mykey_id in mykey_ids:
                async with db.write() as conn:
                    issued = await vsvc.issue(conn, mykey_id=mykey_id, point_type_id=1, points=100,
                                              count=VOUCHERS_PER_SIDE // len(mykey_ids), terminal_id=terminal_id,
                                              validity_days=30, now=utcnow())
                out += [v["code"] for v in issued]
            return out
        finally:
            await db.dispose()

    return asyncio.run(run())


def _side(name: str, database_url: str, pki_dir: Path, fast: bool) -> Side:
    demo: DemoInfo = init_demo(database_url, pki_dir)
    server = start_embedded(database_url, settings=Settings(database_url=database_url, fast_paths=fast))
    cloud = Cloud(server.url, demo, pki_dir / "pki")
    counter = cloud.terminal("counter")
    office = cloud.terminal("office")
    stores = [cloud.terminal("store", demo.shops[0]["id"]), cloud.terminal("store", demo.shops[1]["id"])]
    codes = _issue_vouchers(database_url, [cloud.mykey("yamada"), cloud.mykey("ito")], cloud.admin.id)
    numbers = [decode_voucher(c).number for c in codes]
    return Side(name, server, cloud, counter, office, stores, codes, numbers, database_url)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def pair(request: pytest.FixtureRequest, pki_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[Side, Side]]:
    def url(tag: str) -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp('diff-' + tag)}/cloud.sqlite3"
        return fresh_database(request.getfixturevalue("pg_server"))

    fast = _side("fast", url("fast"), pki_dir, True)
    general = _side("general", url("general"), pki_dir, False)
    assert [t.id for t in fast.stores] == [t.id for t in general.stores] and fast.counter.id == general.counter.id
    READY_AT[fast.url] = datetime.now(UTC)
    try:
        yield fast, general
    finally:
        for side in (fast, general):
            side.cloud.close()
            side.server.stop()


# --- steps --------------------------------------------------------------------------------------------------------

def _programmes(demo: DemoInfo) -> list[int]:
    return sorted(int(p["id"]) for p in demo.programmes)


grant_op = st.fixed_dictionaries({
    "kind": st.just("grant"),
    "programme": st.integers(min_value=0, max_value=6),  # index into the demo programmes (+1: unknown)
    "who": st.sampled_from([*RESIDENTS, "ZZZZ9999", "bad id!"]),
    "points": st.one_of(st.integers(min_value=1, max_value=400), st.just(150_000), st.just(20_000_000)),
    "ago_min": st.integers(min_value=0, max_value=60 * 40),
})
store_op = st.fixed_dictionaries({
    "kind": st.sampled_from(["payment", "offline_payment", "voucher_redeem", "offline_voucher_redeem"]),
    "store": st.integers(min_value=0, max_value=1),
    "who": st.sampled_from(RESIDENTS),
    "points": st.integers(min_value=1, max_value=1500),
    "voucher": st.integers(min_value=0, max_value=VOUCHERS_PER_SIDE - 1),
    "proof": st.sampled_from(["good", "good", "good", "wrong_points", "reused"]),
    "ago_min": st.integers(min_value=1, max_value=60 * 30),
})
step = st.one_of(
    st.fixed_dictionaries({"via": st.just("sync_counter"), "ops": st.lists(grant_op, min_size=1, max_size=8)}),
    st.fixed_dictionaries({"via": st.just("sync_store"), "store": st.integers(0, 1),
                           "ops": st.lists(store_op, min_size=1, max_size=5)}),
    st.fixed_dictionaries({"via": st.just("http"), "op": store_op.filter(lambda o: not o["kind"].startswith("off"))}),
    st.fixed_dictionaries({"via": st.just("replay"), "back": st.integers(min_value=1, max_value=6)}),
    st.fixed_dictionaries({"via": st.just("void"), "voucher": st.integers(0, VOUCHERS_PER_SIDE - 1)}),
    # the voucher rule's shop list (store indices; empty: every shop), set by the administration
    st.fixed_dictionaries({"via": st.just("rule"), "stores": st.sampled_from([(), (), (0,), (1,), (0, 1)])}),
)


class Script:
    """Turns generated steps into concrete requests (same keys, same consents for both sides)."""

    def __init__(self, fast: Side, ready_at: datetime) -> None:
        self.fast = fast
        self.now = datetime.now(UTC).replace(microsecond=0)
        # stated times go back at most to when both sides were set up: after the clerk's login (a grant's staff
        # session must have been open at its time) and after the vouchers were issued
        self.span_s = max(1, int((self.now - ready_at).total_seconds()))
        self.sent: list[tuple[str, int | None, Any]] = []  # (via, store index, request body) for replays
        self.last_payment: dict[int, dict[str, Any]] = {}  # per store: the last payment payload (consent reuse)

    def ago(self, minutes: int) -> datetime:
        return self.now - timedelta(seconds=(minutes * 60) % self.span_s)

    def grant(self, op: dict[str, Any]) -> dict[str, Any]:
        progs = _programmes(self.fast.cloud.demo)
        pid = progs[op["programme"]] if op["programme"] < len(progs) else 999_999
        who = op["who"]
        mykey = self.fast.cloud.mykey(who) if who in RESIDENTS else who
        return {"key": key(), "kind": "grant", "created_at": self.ago(op["ago_min"]).isoformat(),
                "payload": {"programme_id": pid, "mykey_id": mykey, "points": op["points"]}}

    def store_op(self, op: dict[str, Any], store: int) -> dict[str, Any]:
        terminal = self.fast.stores[store]
        kind = op["kind"]
        if kind.endswith("voucher_redeem"):
            payload: dict[str, Any] = {"voucher": op["voucher"]}  # the code is filled in per side
        elif op["proof"] == "reused" and store in self.last_payment:
            payload = dict(self.last_payment[store])  # the same signed consent again, under a new key
        else:
            at = self.ago(op["ago_min"]) if kind == "offline_payment" else datetime.now(UTC)
            signed_points = op["points"] + (1 if op["proof"] == "wrong_points" else 0)
            consent = terminal.consent(self.fast.cloud.resident(op["who"]), signed_points, at=at)
            payload = {"point_type_id": 1, "points": op["points"], "consent": consent}
            self.last_payment[store] = payload
        out = {"key": key(), "kind": kind, "payload": payload}
        if kind.startswith("offline"):
            out["created_at"] = self.ago(op["ago_min"]).isoformat()
        return out


def _with_code(op: dict[str, Any], side: Side) -> dict[str, Any]:
    if "voucher" in op["payload"]:
        return {**op, "payload": {"code": side.codes[op["payload"]["voucher"]]}}
    return op


def _send(side: Side, via: str, store: int | None, body: Any) -> Any:
    if via == "sync_counter":
        ops = [{**op, "staff_session": side.counter.staff["staff_session"]} for op in body]
        r = side.counter.post("/sync", {"operations": ops})
    elif via == "sync_store":
        assert store is not None
        r = side.stores[store].post("/sync", {"operations": [_with_code(op, side) for op in body]})
    elif via == "void":
        r = side.office.post(f"/vouchers/{side.numbers[body]}/void")
    elif via == "rule":
        r = side.cloud.admin.http.put(f"/admin/voucher-rules/{side.cloud.point_type}", json={
            "validity_days": 180, "max_points": 100_000, "shop_ids": [side.stores[i].shop_id for i in body]})
    else:
        assert store is not None
        op = _with_code(body, side)
        if op["kind"] == "payment":
            r = side.stores[store].post("/payments", {**op["payload"], "idempotency_key": op["key"]})
        else:
            r = side.stores[store].post("/vouchers/redeem", {**op["payload"], "idempotency_key": op["key"]})
    return {"status": r.status_code, "body": r.json()}


def _norm(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in sorted(value.items()) if k not in DROP}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, str) and value.startswith("{"):
        try:
            return _norm(json.loads(value))
        except ValueError:
            return value
    return value


def _rows(database_url: str) -> dict[str, Any]:
    """The stored state, ids and times aside: multisets of rows keyed by what they mean."""

    async def run() -> dict[str, Any]:
        db = Database(database_url, pool_size=1)
        try:
            async with db.read() as conn:
                acc = {r.id: (r.mykey_id, r.point_type_id, r.kind)
                       for r in (await conn.execute(select(accounts))).all()}
                lot_rows = (await conn.execute(select(lots).order_by(lots.c.id))).all()
                lot_name = {r.id: (acc[r.account_id], r.programme_id, i) for i, r in enumerate(lot_rows)}

                def takes(text: str | None) -> Any:
                    return sorted((lot_name[int(i)], p) for i, p in json.loads(text or "[]"))

                out = {
                    "accounts": sorted(acc.values(), key=repr),
                    "lots": sorted(((acc[r.account_id], r.programme_id, r.premium, r.original, r.remaining)
                                    for r in lot_rows), key=repr),
                    "ledger": sorted(((r.kind, acc[r.account_id], r.points, r.premium_points, r.programme_id,
                                       r.shop_id, r.terminal_id, r.staff_id, r.idempotency_key, bool(r.offline),
                                       takes(r.takes)) for r in (await conn.execute(select(ledger))).all()),
                                     key=repr),
                    "vouchers": sorted((r.number, r.status, r.points, r.redeemed_shop_id, r.redeem_method,
                                        r.redeem_key) for r in (await conn.execute(select(vouchers))).all()),
                    "conflicts": sorted(((r.kind, r.operation_key, r.terminal_id, r.shop_id, _norm(r.detail))
                                         for r in (await conn.execute(select(conflicts))).all()), key=repr),
                    "idempotency": sorted(((r.key, r.kind, r.terminal_id, r.status, r.code, _norm(r.result))
                                           for r in (await conn.execute(select(idempotency))).all()), key=repr),
                }
            return out
        finally:
            await db.dispose()

    return asyncio.run(run())


FAST_CALLS: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()  # what the examples exercised (printed with -s)


def _outcomes(answer: dict[str, Any]) -> list[str]:
    body = answer["body"]
    if "results" in body:
        return [f"{r['status']}:{r['code'] or ''}" for r in body["results"]]
    return [f"http{answer['status']}:{body.get('error', {}).get('code', '')}"]


@pytest.fixture(scope="module", autouse=True)
def _count_fast_paths() -> Iterator[None]:
    """Count the hot-path calls, to show the fast side took them and the general side never did."""
    mp = pytest.MonkeyPatch()
    for name in ("fast_pay", "fast_redeem"):
        real = getattr(perform, name, None)
        if real is None:
            continue

        def counted(*args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            FAST_CALLS[_name] += 1
            return _real(*args, **kw)

        mp.setattr(perform, name, counted)
    from kiosk_cloud.api import sync as sync_api
    for runner in ("run_grants",):
        real_run = getattr(sync_api, runner)

        def counted_run(*args: Any, _real: Any = real_run, **kw: Any) -> Any:
            FAST_CALLS["sqlite_batch"] += 1
            return _real(*args, **kw)

        mp.setattr(sync_api, runner, counted_run)
    real_pg = sync_api.pg_batch.run_grants

    async def counted_pg(*args: Any, **kw: Any) -> Any:
        FAST_CALLS["pg_batch"] += 1
        return await real_pg(*args, **kw)

    mp.setattr(sync_api.pg_batch, "run_grants", counted_pg)
    yield
    mp.undo()


@seed(SEED)
@settings(max_examples=int(os.environ.get("KIOSK_DIFF_EXAMPLES", "40")), deadline=None, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck), database=None)
@given(steps=st.lists(step, min_size=3, max_size=8))
def test_fast_paths_on_and_off_store_the_same(pair: tuple[Side, Side], steps: list[dict[str, Any]]) -> None:
    print(f"differential seed: KIOSK_DIFF_SEED={SEED}")
    fast, general = pair
    script = Script(fast, READY_AT[fast.url])
    for i, st_ in enumerate(steps):
        via = st_["via"]
        if via == "replay":
            if not script.sent:
                continue
            via, store, body = script.sent[-min(st_["back"], len(script.sent))]
        elif via == "sync_counter":
            store, body = None, [script.grant(op) for op in st_["ops"]]
        elif via == "void":
            store, body = None, st_["voucher"]
        elif via == "rule":
            store, body = None, st_["stores"]
        elif via == "sync_store":
            store, body = st_["store"], [script.store_op(op, st_["store"]) for op in st_["ops"]]
        else:
            store, body = st_["op"]["store"], script.store_op(st_["op"], st_["op"]["store"])
        script.sent.append((via, store, body))
        answer_fast = _send(fast, via, store, body)
        between = FAST_CALLS.copy()
        answer_general = _send(general, via, store, body)
        assert between == FAST_CALLS, f"the general side took a fast path: {FAST_CALLS - between}"
        assert _norm(answer_fast) == _norm(answer_general), (i, via, body, answer_fast, answer_general)
        OUTCOMES.update(_outcomes(answer_fast))
    state_fast, state_general = _rows(fast.url), _rows(general.url)
    for table in state_fast:
        assert state_fast[table] == state_general[table], (table, SEED)


def test_the_fast_side_took_the_fast_paths(pair: tuple[Side, Side]) -> None:
    """Run after the differential examples of the same database (file order): the fast paths were exercised."""
    fast, _ = pair
    print(f"fast-path calls {dict(FAST_CALLS)}; outcomes {dict(OUTCOMES)}")
    if fast.url.startswith("sqlite"):
        assert FAST_CALLS["sqlite_batch"] > 0
    else:
        assert FAST_CALLS["pg_batch"] > 0 and FAST_CALLS["fast_redeem"] + FAST_CALLS["fast_pay"] > 0
