"""± 1 hour between terminal and cloud: validity checks and ordering still hold."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from sync_fakecloud import FakeCloud
from sync_vouchers import PUBLIC, voucher

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CloudClient
from kiosk.sync.clock import ClockOffset
from kiosk.sync.engine import SyncEngine
from kiosk.sync.services import StoreDesk
from kiosk.sync.store import LocalStore


@pytest.mark.parametrize("terminal_skew", [timedelta(hours=1), timedelta(hours=-1)])
def test_skewed_terminal_clock(store: LocalStore, terminal_skew: timedelta) -> None:
    cloud = FakeCloud()
    cloud.add_change("voucher_key", "1", {"key_id": 1, "public_key": base64.b64encode(PUBLIC).decode(),
                                          "valid_from": "2020-01-01T00:00:00+00:00",
                                          "valid_until": "2099-01-01T00:00:00+00:00"})
    clock = ClockOffset(clock=lambda: datetime.now(UTC) + terminal_skew)
    client = CloudClient("http://cloud.test", "good-token", clock=clock, transport=cloud.transport())
    engine = SyncEngine(store, client, backoff=Backoff(base=0.01, cap=0.02))
    assert engine.probe()
    engine.reference.pull(client)
    offset = clock.offset
    assert offset is not None and abs((offset + terminal_skew).total_seconds()) < 2
    desk = StoreDesk(engine)
    engine._online = False
    cloud_now = cloud.now()
    # just became valid / just expired in cloud time: the raw local clock would get both wrong
    fresh = voucher(101, start=cloud_now - timedelta(minutes=10), days=10)
    stale = voucher(102, start=cloud_now - timedelta(days=10, minutes=10), days=10)
    starting_soon = voucher(103, start=cloud_now + timedelta(minutes=20), days=10)
    assert desk.redeem_voucher(fresh).accepted
    assert desk.redeem_voucher(stale).code == "voucher_expired"
    assert desk.redeem_voucher(starting_soon).code == "voucher_not_yet_valid"
    # ordering comes from the outbox sequence, and created_at is stamped in cloud time
    for i in range(5):
        engine.outbox.enqueue("grant", {"i": i})
    engine._online = None
    report = engine.drain()
    assert [op["payload"].get("i") for op in _sent(cloud)] == [None, 0, 1, 2, 3, 4]
    assert report.remaining == 0
    for op in _sent(cloud):
        created = datetime.fromisoformat(op["created_at"])
        assert abs((created - cloud_now).total_seconds()) < 60


def _sent(cloud: FakeCloud) -> list[dict]:  # type: ignore[type-arg]
    return [op for method, path, body in cloud.requests if path == "/v1/sync" for op in body["operations"]]
