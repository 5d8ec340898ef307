"""The worker notices by itself when the cloud goes away and when it comes back; nothing queued meanwhile is
lost. No switch for staff to flip."""

from __future__ import annotations

import threading
import time

from sync_cloud import Cloud

from kiosk.sync.backoff import Backoff
from kiosk.sync.status import SyncStatus
from kiosk.sync.terminal import open_terminal


def _wait(event: threading.Event, what: str, timeout: float = 20.0) -> None:
    assert event.wait(timeout), f"timed out waiting for: {what}"


def test_offline_and_back_by_itself(cloud: Cloud) -> None:
    data_dir = cloud.new_terminal("counter", "auto")
    programme_id = cloud.programme("Volunteering points")["id"]
    online, offline, back = threading.Event(), threading.Event(), threading.Event()

    def on_status(status: SyncStatus) -> None:
        if status.online is True:
            (back if offline.is_set() else online).set()
        elif status.online is False:
            offline.set()

    with open_terminal(data_dir, demo=True, idle_probe_interval=0.2, backoff=Backoff(base=0.1, cap=0.5)) as t:
        cloud.clerk(t)  # the clerk logs in while online (issue 8); the grants queued offline carry the session
        t.engine.add_status_listener(on_status)
        t.engine.start()
        _wait(online, "online")
        cloud.process.kill()
        _wait(offline, "offline noticed while idle")
        keys = [t.engine.submit("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01", "points": 1})
                for _ in range(5)]
        time.sleep(0.5)
        status = t.engine.status()
        assert status.online is False and status.queue_length == 5 and status.last_error
        cloud.process.start()
        _wait(back, "back online")
        results = [t.engine.wait_result(k, timeout=20) for k in keys]
        assert [r.status if r else None for r in results] == ["applied"] * 5
        assert t.engine.status().queue_length == 0
    assert all(cloud.ledger_counts()[k] == 1 for k in keys)
