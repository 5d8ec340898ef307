"""Helpers shared by the fault tests: queue grants, check exactly-once against the cloud."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_cloud import Cloud

from kiosk.sync.models import Operation
from kiosk.sync.outbox import Outbox, QueuedOperation
from kiosk.sync.store import LocalStore
from kiosk.sync.terminal import DB_NAME, open_terminal

YAMADA = "YMDTRU01"


def queue_grants(outbox: Outbox, programme_id: int, n: int) -> list[str]:
    return [outbox.enqueue("grant", {"programme_id": programme_id, "mykey_id": YAMADA, "points": 1})
            for _ in range(n)]


def assert_exactly_once(cloud: Cloud, data_dir: Path, keys: list[str]) -> None:
    """Every key applied exactly once in the cloud's ledger, nothing left or lost locally, replays apply nothing."""
    counts = cloud.ledger_counts()
    missing = [k for k in keys if k not in counts]
    doubled = {k: n for k, n in counts.items() if n != 1}
    assert not missing, f"{len(missing)} operations lost"
    assert not doubled, f"applied more than once: {doubled}"
    with LocalStore(data_dir / DB_NAME) as store:
        outbox = Outbox(store)
        assert outbox.length() == 0
        assert outbox.dead_letters() == []

        def load(session: Session) -> dict[str, Operation]:
            return {o.key: o for o in session.scalars(select(Operation))}

        ops = store.read(load)
    assert set(ops) == set(keys)
    assert {ops[k].status for k in keys} <= {"applied", "replayed"}
    with open_terminal(data_dir, demo=True) as t:
        assert t.client is not None
        for start in range(0, len(keys), 200):
            chunk = [QueuedOperation(0, k, ops[k].kind, ops[k].payload, ops[k].created_at, 0)
                     for k in keys[start:start + 200]]
            assert {r.status for r in t.client.sync(chunk)} == {"replayed"}
    assert cloud.ledger_counts() == counts
