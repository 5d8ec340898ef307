"""An administration terminal's Qt-free parts (issue 12): the cloud connection with the terminal's credentials and
the admin service. Online only (every change is the cloud's). `AdminTerminal.demo(backend)` enrols an admin
terminal beside the demo counter on the same embedded cloud (credentials in the labelled demo file keyring)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.services.admin import AdminService
from kiosk.services.office_cloud import OfficeCloud
from kiosk.services.staff_terminal import StaffTerminal

DEMO_ADMIN_NAME = "デモ総合管理端末"


@dataclass
class AdminTerminal(StaffTerminal):
    service: AdminService
    cloud: OfficeCloud
    credentials: Any

    @classmethod
    def start(cls, data_dir: Path, cloud_url: str, credentials: Any, card_service: Any = None, *,
              demo_keyring: bool = False) -> AdminTerminal:
        client = cls.open_client(data_dir, cloud_url, credentials, demo_keyring=demo_keyring)
        cloud = OfficeCloud(client)
        service = AdminService(cloud, data_dir / "exports", card=card_service,
                               terminal_id=int(getattr(credentials, "terminal_id", 0) or 0),
                               municipality_code=str(getattr(credentials, "municipality_code", "") or ""))
        terminal = cls(service, cloud, credentials)
        terminal.cleanups.append(client.close)
        return terminal

    @classmethod
    def demo(cls, backend: Any) -> AdminTerminal:
        saved = cls.demo_credentials(backend, "admin", DEMO_ADMIN_NAME)
        terminal = cls.start(backend.data_dir / "admin-terminal", backend.cloud.url, saved,
                             getattr(getattr(backend, "runtime", None), "card_service", None), demo_keyring=True)
        terminal.add_demo_logins(backend, ("ADM01",))
        return terminal
