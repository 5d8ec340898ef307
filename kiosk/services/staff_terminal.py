"""What the online-only staff terminals share (the office, issue 11; the administration, issue 12): the cloud client
with the terminal's credentials, the demo enrolment beside the demo counter (credentials in the labelled demo file
keyring), the demo clerks' logins, and `stop()` (log the clerk out, close what was opened). Qt-free."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any


@dataclass
class StaffTerminal:
    """Base of `OfficeTerminal` and `AdminTerminal` (dataclasses that give `service` and their own parts; the two
    fields here are keyword-only, so a role's fields come first: `AdminTerminal(service, cloud, credentials)`)."""

    demo_logins: dict[str, tuple[str, str]] = field(default_factory=dict, kw_only=True)
    cleanups: list[Callable[[], None]] = field(default_factory=list, kw_only=True)

    if TYPE_CHECKING:
        service: Any

    @staticmethod
    def open_client(data_dir: Path, cloud_url: str, credentials: Any, *, demo_keyring: bool = False) -> Any:
        """The terminal's CloudClient (the cloud URL checked: https, or the demo's local http), `data_dir` made."""
        from kiosk.sync.client import CloudClient
        from kiosk.sync.credentials import check_cloud_url

        cloud_url = check_cloud_url(cloud_url, demo_keyring=demo_keyring)
        data_dir.mkdir(parents=True, exist_ok=True)
        return CloudClient(cloud_url, credentials.token)

    @staticmethod
    def demo_credentials(backend: Any, role: str, name: str) -> Any:
        """The demo `role` terminal's credentials: saved in <demo data>/<role>-keyring, else enrolled now."""
        from kiosk.sync.credentials import CredentialStore, enrol

        data_dir: Path = backend.data_dir
        keyring = CredentialStore(demo_dir=data_dir / f"{role}-keyring")
        saved = keyring.load()
        if saved is None:
            saved = enrol(backend.cloud.url, backend.info["enrolment_codes"][role], name, keyring)
        return saved

    def add_demo_logins(self, backend: Any, codes: Iterable[str]) -> None:
        """The demo clerks' staff codes and passwords (the demo's login buttons)."""
        logins = {s.get("staff_code"): s for s in backend.info.get("staff_logins", [])}
        for code in codes:
            if code in logins:
                self.demo_logins[code] = (code, str(logins[code].get("password") or "demo-pass"))

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.service.logout()
        while self.cleanups:
            fn = self.cleanups.pop(0)
            with contextlib.suppress(Exception):
                fn()
