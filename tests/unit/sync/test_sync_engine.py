from __future__ import annotations

import threading
import time
from datetime import timedelta

from sync_fakecloud import FakeCloud

from kiosk.sync.client import CloudClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import OperationResult
from kiosk.sync.status import SyncStatus
from kiosk.sync.store import LocalStore


def _queue(engine: SyncEngine, n: int, kind: str = "grant") -> list[str]:
    return [engine.outbox.enqueue(kind, {"i": i}) for i in range(n)]


def test_drain_sends_everything_in_order_in_batches(engine: SyncEngine, cloud: FakeCloud) -> None:
    keys = _queue(engine, 23)
    report = engine.drain()
    assert report.error is None and report.remaining == 0
    assert [r.key for r in report.results] == keys
    assert cloud.applied == keys
    sync_calls = [body for method, path, body in cloud.requests if path == "/v1/sync"]
    assert [len(b["operations"]) for b in sync_calls] == [5, 5, 5, 5, 3]
    assert engine.status().last_sync_at is not None


def test_server_errors_and_dropped_connections_are_transient(engine: SyncEngine, cloud: FakeCloud) -> None:
    keys = _queue(engine, 7)
    cloud.fail_next = [500]
    report = engine.drain()
    assert report.error and report.remaining == 7 and engine.online is False
    assert engine.outbox.peek(1)[0].attempts == 1
    cloud.fail_next = ["drop"]
    assert engine.drain().remaining == 7
    cloud.fail_next = ["lose"]  # applied by the cloud, answer lost: the replay must not apply twice
    assert engine.drain().remaining == 7
    assert len(cloud.applied) == 5
    report = engine.drain()
    assert report.remaining == 0 and engine.online is True
    assert [r.status for r in report.results] == ["replayed"] * 5 + ["applied"] * 2
    assert cloud.applied == keys


def test_rejections_become_dead_letters_and_conflicts_are_kept(engine: SyncEngine, cloud: FakeCloud) -> None:
    cloud.reject = lambda op: ("insufficient_points", "not enough points") if op["payload"]["i"] == 1 else None
    cloud.conflict = lambda op: op["payload"]["i"] == 2
    conflicts: list[list[OperationResult]] = []
    engine.add_conflict_listener(conflicts.append)
    _queue(engine, 4)
    report = engine.drain()
    assert [r.status for r in report.results] == ["applied", "rejected", "conflict", "applied"]
    assert [d.code for d in engine.outbox.dead_letters()] == ["insufficient_points"]
    assert engine.outbox.dead_letters()[0].message_ja.endswith("（日本語）")
    assert [c.code for c in engine.outbox.conflicts()] == ["voucher_used_twice"]
    assert len(conflicts) == 1 and conflicts[0][0].status == "conflict"
    status = engine.status()
    assert (status.dead_letters, status.conflicts_open, status.queue_length) == (1, 1, 0)


def test_a_whole_batch_refusal_isolates_the_poison_operation(engine: SyncEngine, cloud: FakeCloud) -> None:
    cloud.refuse_whole_batch = lambda ops: any(op["payload"]["i"] == 3 for op in ops)
    keys = _queue(engine, 8)
    report = engine.drain()
    assert report.error is None and report.remaining == 0
    assert [r.status for r in report.results] == ["applied"] * 3 + ["rejected"] + ["applied"] * 4
    assert cloud.applied == keys[:3] + keys[4:]
    assert engine.outbox.dead_letters()[0].key == keys[3]


def test_bad_credentials_never_dead_letter(store: LocalStore, cloud: FakeCloud) -> None:
    client = CloudClient("http://cloud.test", "revoked-token", transport=cloud.transport())
    engine = SyncEngine(store, client)
    _queue(engine, 3)
    report = engine.drain()
    assert report.error and "unauthorized" in report.error
    assert engine.outbox.length() == 3 and engine.outbox.dead_letters() == []


def test_worker_notices_offline_and_back_by_itself(engine: SyncEngine, cloud: FakeCloud) -> None:
    seen: list[SyncStatus] = []
    went_offline, came_back = threading.Event(), threading.Event()

    def on_status(status: SyncStatus) -> None:
        seen.append(status)
        if status.online is False:
            went_offline.set()
        if status.online and went_offline.is_set():
            came_back.set()

    engine.idle_probe_interval = 0.05
    engine.add_status_listener(on_status)
    cloud.fail_next = ["drop"] * 4
    engine.start()
    key = engine.submit("grant", {"i": 0})
    assert went_offline.wait(5)
    result = engine.wait_result(key, timeout=5)
    assert result is not None and result.status == "applied"
    assert came_back.wait(5)
    assert engine.backoff.failures == 0


def test_clock_offset_is_learned_and_survives_restart(store: LocalStore) -> None:
    cloud = FakeCloud(skew=timedelta(hours=1))
    client = CloudClient("http://cloud.test", "good-token", transport=cloud.transport())
    engine = SyncEngine(store, client)
    assert engine.probe()
    offset = engine.status().clock_offset_seconds
    assert offset is not None and abs(offset - 3600) < 2
    # operations are stamped in cloud time
    key = engine.submit("grant", {})
    created = engine.outbox.peek(1)[0].created_at
    assert abs((created - cloud.now()).total_seconds()) < 2, key
    restarted = SyncEngine(store, None)
    assert abs(restarted.clock.cloud_now().timestamp() - cloud.now().timestamp()) < 2


def test_reference_pull_follows_the_cursor_and_applies_deletes(engine: SyncEngine, cloud: FakeCloud) -> None:
    for i in range(7):
        cloud.add_change("shop", f"s{i}", {"name": f"Shop {i}"})
    cloud.add_change("offline_limit", "1", {"point_type_id": 1, "per_card_per_day": 3000})
    cloud.add_change("shop", "s0", None)
    assert engine.reference.pull(engine.client, page_size=3) == 9
    assert sorted(engine.reference.items("shop")) == [f"s{i}" for i in range(1, 7)]
    assert engine.reference.offline_limit(1) == 3000
    assert engine.reference.age_seconds() is not None
    cloud.add_change("shop", "s9", {"name": "late"})
    assert engine.reference.pull(engine.client) == 1  # resumes at the cursor
    assert engine.status().reference_counts["shop"] == 7


def test_a_wrong_address_never_dead_letters_the_queue(engine: SyncEngine, cloud: FakeCloud) -> None:
    _queue(engine, 4)
    cloud.fail_next = [404, 405, 409]
    for _ in range(3):
        report = engine.drain()
        assert report.error and report.remaining == 4
    assert engine.outbox.dead_letters() == []
    assert engine.drain().remaining == 0


def test_a_refused_terminal_backs_off_slowly_and_keeps_its_error(store: LocalStore, cloud: FakeCloud) -> None:
    client = CloudClient("http://cloud.test", "revoked-token", transport=cloud.transport())
    engine = SyncEngine(store, client, idle_probe_interval=0.01)
    _queue(engine, 2)
    engine.start()
    time.sleep(1.0)
    engine.stop()
    syncs = [r for r in cloud.requests if r[1] == "/v1/sync"]
    assert len(syncs) == 1  # not hammering: the next try is seconds away
    status = engine.status()
    assert status.online is True and status.last_error and "unauthorized" in status.last_error
    assert status.next_attempt_in_seconds is not None and status.next_attempt_in_seconds > 1
    assert status.queue_length == 2 and status.dead_letters == 0


def test_back_online_refreshes_the_reference_lists(engine: SyncEngine, cloud: FakeCloud) -> None:
    engine.pull_interval = 3600
    engine.cycle()
    pulls = sum(1 for r in cloud.requests if r[1] == "/v1/changes")
    assert pulls == 1
    cloud.fail_next = ["drop"]
    engine.cycle()  # offline
    assert engine.online is False
    engine._next_attempt = None  # skip the back-off wait
    cloud.add_change("voided_voucher", "1234567890128", {"number": "1234567890128"})
    engine.cycle()  # back: pulls at once although the pull interval has not passed
    assert engine.online is True and engine.reference.is_voided("1234567890128")
