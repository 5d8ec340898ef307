"""Build a terminal's Qt-free parts: cloud client, local store, sync engine, card service, application services.

`TerminalRuntime.start(...)` is used by `kiosk run` (enrolled terminal) and by the demo backend; the UI gets
`runtime.services` by constructor and the card/sync Qt bridges are made from `runtime.card_service` and
`runtime.engine` in kiosk/app.py.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.services import Services, build_services
from kiosk.services.adapters import CardAdapter, CloudAdapter, EngineOutbox

log = logging.getLogger(__name__)


@dataclass
class TerminalRuntime:
    services: Services
    engine: Any
    store: Any
    client: Any
    card_service: Any
    credential_label: str | None
    role: str
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @classmethod
    def start(cls, data_dir: Path, cloud_url: str, token: str, role: str, card_service: Any,
              credential_label: str | None = None, wait_s: float = 3.0,
              probe_interval: float = 5.0) -> TerminalRuntime:
        from kiosk.sync.client import CloudClient
        from kiosk.sync.credentials import check_cloud_url
        from kiosk.sync.engine import SyncEngine
        from kiosk.sync.store import LocalStore

        # https only, plain http for a loopback cloud; the demo's unencrypted keyring only with a loopback cloud
        cloud_url = check_cloud_url(cloud_url, demo_keyring=credential_label is not None)
        data_dir.mkdir(parents=True, exist_ok=True)
        store = LocalStore(data_dir / "terminal.db")
        client = CloudClient(cloud_url, token)
        engine = SyncEngine(store, client, credential_label=credential_label, idle_probe_interval=probe_interval)
        services = build_services(CloudAdapter(client, engine.reference), CardAdapter(card_service),
                                  EngineOutbox(engine), wait_s=wait_s)
        runtime = cls(services, engine, store, client, card_service, credential_label, role)
        runtime.cleanups += [services.staff.logout, engine.stop, client.close, store.close]  # the clerk logs out too
        engine.start()
        return runtime

    def stop(self) -> None:
        while self.cleanups:
            fn = self.cleanups.pop(0)
            with contextlib.suppress(Exception):
                fn()
