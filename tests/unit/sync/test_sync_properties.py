"""Property: whatever mix of writes, drains and faults (dropped connections, 500s, answers lost after the cloud
applied the batch), the cloud applies every operation exactly once and in the order the terminal wrote them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_fakecloud import FakeCloud

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CloudClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.store import LocalStore

steps = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.integers(1, 7)),
        st.tuples(st.just("drain"), st.lists(st.sampled_from(["ok", "drop", "lose", 500, 503]), max_size=4)),
    ),
    min_size=1, max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps, batch_size=st.integers(1, 6))
def test_exactly_once_and_in_order(steps: list[tuple[str, object]], batch_size: int) -> None:
    cloud = FakeCloud()
    with tempfile.TemporaryDirectory() as tmp, LocalStore(Path(tmp) / "t.db") as store:
        client = CloudClient("http://cloud.test", "good-token", transport=cloud.transport())
        engine = SyncEngine(store, client, batch_size=batch_size, backoff=Backoff(base=0.0, cap=0.0))
        written: list[str] = []
        for action, arg in steps:
            if action == "write":
                assert isinstance(arg, int)
                written += [engine.outbox.enqueue("grant", {"n": len(written) + i}) for i in range(arg)]
            else:
                assert isinstance(arg, list)
                cloud.fail_next = [f for f in arg if f != "ok"]
                engine.drain()
                # whatever reached the cloud is a prefix of what was written, each once
                assert cloud.applied == written[:len(cloud.applied)]
        cloud.fail_next = []
        report = engine.drain()
        assert report.error is None and report.remaining == 0
        assert cloud.applied == written
        statuses = {engine.outbox.operation(k).status for k in written}  # type: ignore[union-attr]
        assert statuses <= {"applied", "replayed"}
        client.close()
