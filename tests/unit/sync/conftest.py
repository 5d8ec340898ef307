from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_fakecloud import FakeCloud

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CloudClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.store import LocalStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "terminal.db") as s:
        yield s


@pytest.fixture
def cloud() -> FakeCloud:
    return FakeCloud()


@pytest.fixture
def engine(store: LocalStore, cloud: FakeCloud) -> Iterator[SyncEngine]:
    client = CloudClient("http://cloud.test", "good-token", transport=cloud.transport())
    eng = SyncEngine(store, client, batch_size=5, backoff=Backoff(base=0.01, cap=0.05))
    yield eng
    eng.stop()
    client.close()
