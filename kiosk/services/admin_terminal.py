"""An administration terminal's Qt-free parts (issue 12): the cloud connection with the terminal's credentials and
the admin service. Online only (every change is the cloud's). `AdminTerminal.demo(backend)` enrols an admin
terminal beside the demo counter on the same embedded cloud (credentials in the labelled demo file keyring)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.services.admin import AdminService
from kiosk.services.office_cloud import OfficeCloud

DEMO_ADMIN_NAME = "デモ総合管理端末"


@dataclass
class AdminTerminal:
    service: AdminService
    cloud: OfficeCloud
    credentials: Any
    demo_logins: dict[str, tuple[str, str]] = field(default_factory=dict)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @classmethod
    def start(cls, data_dir: Path, cloud_url: str, credentials: Any, card_service: Any = None, *,
              demo_keyring: bool = False) -> AdminTerminal:
        from kiosk.sync.client import CloudClient
        from kiosk.sync.credentials import check_cloud_url

        cloud_url = check_cloud_url(cloud_url, demo_keyring=demo_keyring)
        data_dir.mkdir(parents=True, exist_ok=True)
        client = CloudClient(cloud_url, credentials.token)
        cloud = OfficeCloud(client)
        service = AdminService(cloud, data_dir / "exports", card=card_service,
                               terminal_id=int(getattr(credentials, "terminal_id", 0) or 0),
                               municipality_code=str(getattr(credentials, "municipality_code", "") or ""))
        terminal = cls(service, cloud, credentials)
        terminal.cleanups.append(client.close)
        return terminal

    @classmethod
    def demo(cls, backend: Any) -> AdminTerminal:
        from kiosk.sync.credentials import CredentialStore, enrol

        data_dir: Path = backend.data_dir
        keyring = CredentialStore(demo_dir=data_dir / "admin-keyring")
        saved = keyring.load()
        if saved is None:
            saved = enrol(backend.cloud.url, backend.info["enrolment_codes"]["admin"], DEMO_ADMIN_NAME, keyring)
        terminal = cls.start(data_dir / "admin-terminal", backend.cloud.url, saved,
                             getattr(getattr(backend, "runtime", None), "card_service", None), demo_keyring=True)
        logins = {s.get("staff_code"): s for s in backend.info.get("staff_logins", [])}
        if "ADM01" in logins:
            terminal.demo_logins["ADM01"] = ("ADM01", str(logins["ADM01"].get("password") or "demo-pass"))
        return terminal

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.service.logout()
        while self.cleanups:
            fn = self.cleanups.pop(0)
            with contextlib.suppress(Exception):
                fn()
