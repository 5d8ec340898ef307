"""Wiring of the sync services for one terminal data directory (used by the app and by `kiosk sync`)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from kiosk.sync.client import CloudClient
from kiosk.sync.clock import ClockOffset
from kiosk.sync.credentials import CredentialStore, TerminalCredentials
from kiosk.sync.engine import SyncEngine
from kiosk.sync.store import LocalStore

DB_NAME = "terminal.db"


def default_data_dir() -> Path:
    env = os.environ.get("KIOSK_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "MyKeyKiosk"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "mykey-kiosk"


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
    return CredentialStore(backend, demo_dir=data_dir / "demo-keyring" if demo else None)


def open_terminal(data_dir: Path | None = None, *, demo: bool | None = None,
                  backend: KeyringBackend | None = None, clock: ClockOffset | None = None,
                  **engine_options: Any) -> TerminalSync:
    """Open the local store and, if the terminal is enrolled, a client with its credentials.

    `clock` replaces the system clock (tests of clock skew); client and engine share it."""
    data_dir = data_dir or default_data_dir()
    demo = demo_from_env() if demo is None else demo
    store = LocalStore(data_dir / DB_NAME)
    credentials = credential_store(data_dir, demo, backend)
    terminal = credentials.load()
    clock = clock or ClockOffset()
    client = CloudClient(terminal.cloud_url, terminal.token, clock=clock) if terminal is not None else None
    engine = SyncEngine(store, client, clock=clock, credential_label=credentials.label, **engine_options)
    return TerminalSync(data_dir, store, credentials, terminal, client, engine)
