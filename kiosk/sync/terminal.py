"""Wiring of the sync services for one terminal data directory (used by the app and by `kiosk sync`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from kiosk.sync.client import CloudClient
from kiosk.sync.clock import ClockOffset
from kiosk.sync.credentials import CredentialStore, TerminalCredentials, check_cloud_url
from kiosk.sync.engine import SyncEngine
from kiosk.sync.store import LocalStore

# Same layout as the app (kiosk/services/runtime.py and demo_backend.py): the store in <data_dir>/terminal/,
# demo-mode credentials in <data_dir>/keyring/.
DB_NAME = "terminal/terminal.db"
DEMO_KEYRING_DIR = "keyring"


def default_data_dir() -> Path:
    """The app's data directory (kiosk.config): $KIOSK_DATA_DIR, else ~/.local/share/mykey-kiosk."""
    from kiosk.config import default_data_dir as app_data_dir

    return app_data_dir()


def demo_from_env() -> bool:
    return os.environ.get("KIOSK_DEMO", "").lower() in ("1", "true", "yes")


@dataclass
class TerminalSync:
    data_dir: Path
    store: LocalStore
    credentials: CredentialStore
    terminal: TerminalCredentials | None
    client: CloudClient | None
    engine: SyncEngine

    def close(self) -> None:
        self.engine.stop()
        if self.client is not None:
            self.client.close()
        self.store.close()

    def __enter__(self) -> TerminalSync:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def credential_store(data_dir: Path, demo: bool, backend: KeyringBackend | None = None) -> CredentialStore:
    return CredentialStore(backend, demo_dir=data_dir / DEMO_KEYRING_DIR if demo else None)


def open_terminal(data_dir: Path | None = None, *, demo: bool | None = None,
                  backend: KeyringBackend | None = None, clock: ClockOffset | None = None,
                  cloud_url: str | None = None, **engine_options: Any) -> TerminalSync:
    """Open the local store and, if the terminal is enrolled, a client with its credentials.

    `cloud_url` overrides the address saved at enrolment (settings' `cloud_url`, or the demo's embedded cloud
    that listens on a new port each start). `clock` replaces the system clock (tests of clock skew)."""
    data_dir = data_dir or default_data_dir()
    demo = demo_from_env() if demo is None else demo
    store = LocalStore(data_dir / DB_NAME)
    credentials = credential_store(data_dir, demo, backend)
    terminal = credentials.load()
    clock = clock or ClockOffset()
    client = (CloudClient(check_cloud_url(cloud_url or terminal.cloud_url, demo_keyring=credentials.demo),
                          terminal.token, clock=clock)
              if terminal is not None else None)
    engine_options.setdefault("shop_conflicts", terminal is not None and terminal.role == "store")
    engine = SyncEngine(store, client, clock=clock, credential_label=credentials.label, **engine_options)
    return TerminalSync(data_dir, store, credentials, terminal, client, engine)
