"""Many threads write while the worker drains: every operation reaches the real cloud once, in the order the
local store gave them (its sequence), whatever thread wrote them."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_cloud import Cloud

from kiosk.sync.models import Operation
from kiosk.sync.terminal import open_terminal


@pytest.mark.slow
def test_concurrent_writers_drain_in_store_order(cloud: Cloud) -> None:
    data_dir = cloud.new_terminal("counter", "threads")
    programme_id = cloud.programme("Volunteering points")["id"]
    with open_terminal(data_dir, demo=True, batch_size=25, idle_probe_interval=0.05) as t:
        cloud.clerk(t)  # the clerk logs in (issue 8): the queued grants carry the session
        t.engine.start()
        keys: list[str] = []
        lock = threading.Lock()

        def writer() -> None:
            for _ in range(60):
                key = t.engine.submit("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01", "points": 1})
                with lock:
                    keys.append(key)

        threads = [threading.Thread(target=writer) for _ in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        deadline = time.monotonic() + 120
        while t.engine.outbox.length() and time.monotonic() < deadline:
            time.sleep(0.05)
        t.engine.stop()
        assert t.engine.outbox.length() == 0

        def local_order(session: Session) -> list[str]:
            return list(session.scalars(select(Operation.key).order_by(Operation.id)))

        order = t.store.read(local_order)
    assert sorted(order) == sorted(keys) and len(keys) == 480
    conn = sqlite3.connect(f"file:{cloud.process.db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT idempotency_key, count(*), min(id) FROM ledger WHERE idempotency_key IS NOT NULL "
                            "GROUP BY idempotency_key").fetchall()
    finally:
        conn.close()
    ledger = {key: (n, first_id) for key, n, first_id in rows}
    assert all(ledger[k][0] == 1 for k in keys)
    assert sorted(keys, key=lambda k: ledger[k][1]) == order  # the cloud applied them in the store's order
