"""The exact ledger check of the fault tests, read straight from the cloud's database (SQLite or PostgreSQL):
every expected key applied exactly once with exactly its effect, no ledger row without one, balances equal to the
expected arithmetic, vouchers redeemed by exactly their keys, one stored result per key, no conflicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, func, select
from sqlalchemy.orm import Session
from sync_mix import POINT_TYPE, Expected, Mix

from kiosk.sync.models import Operation
from kiosk.sync.outbox import Outbox, QueuedOperation
from kiosk.sync.store import LocalStore
from kiosk.sync.terminal import DB_NAME, open_terminal
from kiosk_cloud.models import accounts, conflicts, idempotency, ledger, lots, vouchers


@contextmanager
def connect(database_url: str) -> Iterator[Connection]:
    url = database_url
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


@dataclass(frozen=True)
class Snapshot:
    max_ledger_id: int
    balances: dict[str, int]  # MyKey ID -> sum of its lots' remaining points (point type 1)
    ledger_sums: dict[str, int]  # MyKey ID -> sum of its ledger rows (point type 1)
    redeemed: frozenset[str]  # voucher numbers redeemed so far


def snapshot(database_url: str) -> Snapshot:
    with connect(database_url) as conn:
        max_id = conn.execute(select(func.coalesce(func.max(ledger.c.id), 0))).scalar_one()
        balances = dict(tuple(r) for r in conn.execute(
            select(accounts.c.mykey_id, func.sum(lots.c.remaining)).join(lots, lots.c.account_id == accounts.c.id)
            .where(accounts.c.point_type_id == POINT_TYPE, accounts.c.mykey_id.is_not(None))
            .group_by(accounts.c.mykey_id)).all())
        sums = dict(tuple(r) for r in conn.execute(
            select(accounts.c.mykey_id, func.sum(ledger.c.points)).join(ledger, ledger.c.account_id == accounts.c.id)
            .where(accounts.c.point_type_id == POINT_TYPE, accounts.c.mykey_id.is_not(None))
            .group_by(accounts.c.mykey_id)).all())
        redeemed = frozenset(conn.execute(select(vouchers.c.number).where(vouchers.c.status == "redeemed")).scalars())
    return Snapshot(int(max_id), {k: int(v) for k, v in balances.items()}, {k: int(v) for k, v in sums.items()},
                    redeemed)


def applied_keys(database_url: str, terminal_ids: list[int]) -> set[str]:
    """Keys the cloud has a stored result for (committed), for these terminals."""
    with connect(database_url) as conn:
        return set(conn.execute(select(idempotency.c.key)
                                .where(idempotency.c.terminal_id.in_(terminal_ids))).scalars())


def ledger_counts(database_url: str, since_id: int = 0) -> Counter[str | None]:
    with connect(database_url) as conn:
        return Counter(conn.execute(select(ledger.c.idempotency_key).where(ledger.c.id > since_id)).scalars())


def assert_exact(database_url: str, before: Snapshot, expected: Expected, mix: Mix) -> dict[str, int]:
    """The cloud's state after the faults is exactly `before` + the expected effects. Returns figures."""
    effects = expected.effects
    terminals = [int(mix.counter.terminal_id), int(mix.store.terminal_id)]
    with connect(database_url) as conn:
        rows = conn.execute(
            select(ledger.c.idempotency_key, ledger.c.points, ledger.c.terminal_id, ledger.c.offline,
                   ledger.c.kind, accounts.c.mykey_id, accounts.c.point_type_id)
            .join(accounts, accounts.c.id == ledger.c.account_id).where(ledger.c.id > before.max_ledger_id)).all()
        vouchers_now = {r.number: r for r in conn.execute(
            select(vouchers.c.number, vouchers.c.status, vouchers.c.redeem_key, vouchers.c.redeemed_shop_id))}
        stored = conn.execute(select(idempotency.c.terminal_id, idempotency.c.key, idempotency.c.status)
                              .where(idempotency.c.terminal_id.in_(terminals))).all()
        conflict_keys = list(conn.execute(select(conflicts.c.operation_key)
                                          .where(conflicts.c.terminal_id.in_(terminals))).scalars())
    # ledger: one row per expected ledger key, none without a key, none for anything else, each its effect
    without_key = [r for r in rows if r.idempotency_key is None]
    assert not without_key, f"ledger rows without an idempotency key: {without_key[:5]}"
    per_key = Counter(r.idempotency_key for r in rows)
    want = {k for k, e in effects.items() if e.ledger}
    missing = sorted(want - set(per_key))
    doubled = {k: n for k, n in per_key.items() if n != 1}
    stray = sorted(set(per_key) - want)
    assert not missing, f"{len(missing)} operations lost: {missing[:5]}"
    assert not doubled, f"applied more than once: {doubled}"
    assert not stray, f"ledger rows for keys nobody expected: {stray[:5]}"
    for r in rows:
        e = effects[r.idempotency_key]
        got = (r.mykey_id, r.point_type_id, r.points, r.terminal_id, bool(r.offline))
        assert got == (e.mykey_id, POINT_TYPE, e.points, e.terminal_id, e.offline), (r.idempotency_key, e.kind, got)
    # balances: before + the expected arithmetic, in the lots and in the ledger alike
    after = snapshot(database_url)
    delta = expected.delta()
    for mykey in set(before.balances) | set(after.balances) | set(delta):
        want_points = before.balances.get(mykey, 0) + delta.get(mykey, 0)
        assert after.balances.get(mykey, 0) == want_points, (mykey, before.balances.get(mykey), delta.get(mykey))
        assert after.ledger_sums.get(mykey, 0) == before.ledger_sums.get(mykey, 0) + delta.get(mykey, 0), mykey
    # vouchers: redeemed by exactly their keys at this shop, no other voucher redeemed meanwhile
    redemptions = {k: e.voucher for k, e in effects.items() if e.voucher is not None}
    for key, number in redemptions.items():
        v = vouchers_now[number]
        assert (v.status, v.redeem_key, v.redeemed_shop_id) == ("redeemed", key, int(mix.store.shop_id)), (key, v)
    newly = {n for n, v in vouchers_now.items() if v.status == "redeemed"} - before.redeemed
    assert newly == set(redemptions.values()), sorted(newly ^ set(redemptions.values()))[:5]
    # one stored result per key, each applied, for the right terminal; nothing else stored; no conflicts
    stored_keys = Counter(r.key for r in stored)
    assert set(stored_keys) == set(effects) and max(stored_keys.values(), default=1) == 1, \
        sorted(set(stored_keys) ^ set(effects))[:5]
    assert all(r.status == "applied" and r.terminal_id == effects[r.key].terminal_id for r in stored), \
        [tuple(r) for r in stored if r.status != "applied"][:5]
    assert conflict_keys == [], conflict_keys[:5]
    return {"ledger_rows": len(rows), "redemptions": len(redemptions), "stored_results": len(stored)}


def assert_local_done(data_dir: Path, keys: list[str]) -> dict[str, Operation]:
    """Nothing left or lost on the terminal: queue empty, no dead letters, each operation applied or replayed."""
    with LocalStore(data_dir / DB_NAME) as store:
        outbox = Outbox(store)
        assert outbox.length() == 0
        assert outbox.dead_letters() == []

        def load(session: Session) -> dict[str, Operation]:
            return {o.key: o for o in session.scalars(select(Operation))}

        ops = store.read(load)
    assert set(ops) == set(keys), sorted(set(ops) ^ set(keys))[:5]
    assert {ops[k].status for k in keys} <= {"applied", "replayed"}, Counter(ops[k].status for k in keys)
    return ops


def resend_all(data_dir: Path, ops: dict[str, Operation], keys: list[str], cloud_url: str) -> None:
    """Every operation sent again as it was (same key, payload, time and session): all come back replayed."""
    with open_terminal(data_dir, demo=True, cloud_url=cloud_url) as t:
        assert t.client is not None
        for start in range(0, len(keys), 200):
            chunk = [QueuedOperation(0, k, ops[k].kind, ops[k].payload, ops[k].created_at, 0, ops[k].staff_session)
                     for k in keys[start:start + 200]]
            answers = t.client.sync(chunk)
            assert {r.status for r in answers} == {"replayed"}, Counter((r.status, r.code) for r in answers)


def assert_exactly_once_everywhere(database_url: str, before: Snapshot, mix: Mix, cloud_url: str) -> dict[str, Any]:
    """The exact check, then every key replayed (applies nothing: the same exact check again)."""
    figures: dict[str, Any] = dict(assert_exact(database_url, before, mix.expected, mix))
    replayed = 0
    for data_dir, tid in ((mix.counter_dir, int(mix.counter.terminal_id)), (mix.store_dir, int(mix.store.terminal_id))):
        keys = [k for k, e in mix.expected.effects.items() if e.terminal_id == tid]
        ops = assert_local_done(data_dir, keys)
        replayed += sum(ops[k].status == "replayed" for k in keys)
        resend_all(data_dir, ops, keys, cloud_url)
    assert assert_exact(database_url, before, mix.expected, mix) == {k: figures[k] for k in
                                                                     ("ledger_rows", "redemptions", "stored_results")}
    figures["recorded_as_replayed"] = replayed  # answered "replayed" on the terminal: the cloud had applied it before
    return figures
