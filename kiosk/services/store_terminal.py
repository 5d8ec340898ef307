"""A shop terminal's Qt-free parts (issue 10): its own local store + sync engine (shop conflicts on), the store
desk with the terminal's credentials, the store service and the shop's records.

`StoreTerminal.start(...)` is used by `kiosk run` on an enrolled store terminal; `StoreTerminal.demo(backend)`
enrols a second, store terminal beside the demo's counter on the same embedded cloud and card reader (its
credentials in the labelled demo file keyring), for `kiosk demo`, the UI tests, the screenshots and benchmarks.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.services.store import StoreService
from kiosk.services.store_records import StoreRecords, parse_target

log = logging.getLogger(__name__)
DEMO_STORE_NAME = "デモ店舗端末"


@dataclass
class StoreTerminal:
    service: StoreService
    records: StoreRecords
    engine: Any
    client: Any
    credentials: Any  # kiosk.sync.credentials.TerminalCredentials
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @classmethod
    def start(cls, data_dir: Path, cloud_url: str, credentials: Any, card_service: Any, *, demo_keyring: bool = False,
              printer: str | None = None, answer_wait: float = 5.0, probe_interval: float = 5.0) -> StoreTerminal:
        from kiosk.sync.client import CloudClient
        from kiosk.sync.credentials import check_cloud_url
        from kiosk.sync.engine import SyncEngine
        from kiosk.sync.services import StoreDesk
        from kiosk.sync.store import LocalStore

        cloud_url = check_cloud_url(cloud_url, demo_keyring=demo_keyring)
        data_dir.mkdir(parents=True, exist_ok=True)
        store = LocalStore(data_dir / "terminal.db")
        client = CloudClient(cloud_url, credentials.token)
        engine = SyncEngine(store, client, idle_probe_interval=probe_interval, shop_conflicts=True)
        desk = StoreDesk(engine, answer_wait=answer_wait, terminal=credentials)
        shop_name = _shop_name(engine, credentials)
        name = str(credentials.name or "")
        service = StoreService(desk, client, card_service, shop_name=shop_name, terminal_name=name)
        records = StoreRecords(engine, client, shop_name=shop_name, terminal_name=name,
                               receipts_dir=data_dir / "receipts", printer=parse_target(printer))
        terminal = cls(service, records, engine, client, credentials)
        terminal.cleanups += [engine.stop, client.close, store.close]
        with contextlib.suppress(Exception):  # offline at start: the cached reference data will do
            engine.pull_reference()
            service.shop_name = records.shop_name = _shop_name(engine, credentials)
        engine.start()
        return terminal

    @classmethod
    def demo(cls, backend: Any, *, answer_wait: float = 5.0, probe_interval: float = 0.5,
             printer: str | None = None) -> StoreTerminal:
        """The demo's store terminal: enrolled once with the demo store code, beside the demo counter."""
        from kiosk.sync.credentials import CredentialStore, enrol

        data_dir: Path = backend.data_dir
        keyring = CredentialStore(demo_dir=data_dir / "store-keyring")
        saved = keyring.load()
        if saved is None:
            saved = enrol(backend.cloud.url, backend.info["enrolment_codes"]["store"], DEMO_STORE_NAME, keyring)
        return cls.start(data_dir / "store-terminal", backend.cloud.url, saved, backend.runtime.card_service,
                         demo_keyring=True, printer=printer, answer_wait=answer_wait, probe_interval=probe_interval)

    def stop(self) -> None:
        while self.cleanups:
            fn = self.cleanups.pop(0)
            with contextlib.suppress(Exception):
                fn()


def _shop_name(engine: Any, credentials: Any) -> str:
    shops = engine.reference.items("shop")
    data = shops.get(str(credentials.shop_id)) or {}
    return str(data.get("name") or "")
