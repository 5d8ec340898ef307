"""The Qt bridge delivers the engine's status, results and conflicts as signals on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from sync_cloud import Cloud

from kiosk.sync.qt import SyncBridge
from kiosk.sync.terminal import open_terminal


def test_bridge_signals_arrive_on_the_gui_thread(qtbot: Any, cloud: Cloud) -> None:
    data_dir = cloud.new_terminal("counter", "qt-1")
    programme_id = cloud.programme("Volunteering points")["id"]
    with open_terminal(data_dir, demo=True, idle_probe_interval=0.1) as t:
        cloud.clerk(t)  # the clerk logs in (issue 8): the queued grants carry the session
        bridge = SyncBridge(t.engine)
        gui_thread = QThread.currentThread()
        seen: dict[str, Any] = {}

        def on_results(results: list[Any]) -> None:
            seen["results_thread"] = QThread.currentThread()
            seen["results"] = results

        bridge.operationResults.connect(on_results)
        bridge.deadLettered.connect(lambda rs: seen.setdefault("dead", rs))
        with qtbot.waitSignal(bridge.statusChanged, timeout=10_000,
                              check_params_cb=lambda s: s.online is True):
            t.engine.start()
        with qtbot.waitSignal(bridge.deadLettered, timeout=10_000):
            t.engine.submit("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01", "points": 3})
            t.engine.submit("grant", {"programme_id": programme_id, "mykey_id": "NOSUCHID", "points": 3})
        qtbot.waitUntil(lambda: bridge.snapshot().queue_length == 0, timeout=10_000)
        assert seen["results_thread"] is gui_thread
        assert threading.current_thread() is threading.main_thread()
        assert [r.status for r in seen["dead"]] == ["rejected"]
        assert bridge.snapshot().dead_letters == 1
        t.engine.stop()
