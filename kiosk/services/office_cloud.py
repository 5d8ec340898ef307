"""The office terminal's connection: the sync package's CloudClient (its typed errors, clock and staff session)
plus the office endpoints of issue 11 (JSON and file downloads). Qt-free."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kiosk.services.errors import translate_error


class OfficeCloud:
    def __init__(self, client: Any) -> None:
        """`client`: kiosk.sync.client.CloudClient with the office terminal's token."""
        self.client = client

    def online(self) -> bool:
        try:
            self.client.health(timeout=2.0)
        except Exception:
            return False
        return True

    def now(self) -> datetime:
        clock = getattr(self.client, "clock", None)
        return clock.cloud_now() if clock is not None else datetime.now(UTC)

    def login(self, staff_code: str, password: str) -> dict[str, Any]:
        return dict(self.client.staff_login(staff_code, password))

    def logout(self) -> None:
        self.client.staff_logout()

    def call(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        """One JSON request; any failure as the services' ServiceError (the cloud's code and messages kept)."""
        try:
            return self.client.http.request(method, path, json=body, params=params)
        except Exception as exc:
            raise translate_error(exc) from None

    def download(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """A file the cloud produces (CSV, Zengin transfer file): its exact bytes; errors decoded as usual."""
        try:
            response = self.client.http._send("GET", path, params=params)
            if response.status_code >= 400:
                self.client.http._decode(response)
            return bytes(response.content)
        except Exception as exc:
            raise translate_error(exc) from None
