"""What the services need from the parts below them (card layer, cloud client, outbox).

These are structural types: the real objects (kiosk.card's service, kiosk.sync's client and outbox, wrapped by
kiosk/services/adapters.py) satisfy them. Every method is blocking and is called from a worker thread (the UI's
operations run off the GUI thread); the card layer serialises its own traffic on its card thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class BasicItems:
    """The four basic items of the card-text application plus the municipality derived from the address."""

    name: str
    address: str
    birth_date: str  # YYYYMMDD
    sex: str  # ISO 5218: "1" | "2" | "9"
    municipality_code: str | None
    municipality_name: str | None


class CardPort(Protocol):
    def jpki_tries_left(self) -> int: ...
    def read_user_auth_certificate(self) -> bytes: ...
    def sign_challenge(self, pin: str, challenge: bytes) -> bytes: ...
    def text_tries_left(self) -> int: ...
    def read_basic_items(self, pin: str, consent: bool) -> BasicItems: ...
    def reset(self) -> None: ...


class CloudPort(Protocol):
    def is_online(self) -> bool: ...
    def staff_login(self, staff_code: str, password: str) -> dict[str, Any]: ...
    def auth_challenge(self) -> dict[str, Any]: ...
    def auth_verify(self, challenge_id: str, certificate: bytes, signature: bytes) -> dict[str, Any]: ...
    def mykey_available(self, mykey_id: str) -> bool: ...
    def mykey_generate(self) -> str: ...
    def mykey_create(self, auth_token: str, mykey_id: str | None) -> dict[str, Any]: ...
    def mykey_get(self, mykey_id: str) -> dict[str, Any]: ...
    def service_ids(self, mykey_id: str) -> list[dict[str, Any]]: ...
    def add_service_id(self, mykey_id: str, business_id: str, customer_id: str) -> dict[str, Any]: ...
    def programmes(self) -> list[dict[str, Any]]: ...
    def measures(self) -> list[dict[str, Any]]: ...
    def application(self, application_id: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Submitted:
    """Result of handing a write to the outbox: applied/replayed (with the cloud's result), rejected, or queued."""

    key: str
    status: str  # "applied" | "replayed" | "rejected" | "conflict" | "queued"
    code: str = ""
    message: str = ""
    result: dict[str, Any] | None = None

    @property
    def done(self) -> bool:
        return self.status in ("applied", "replayed")


class OutboxPort(Protocol):
    def submit(self, kind: str, payload: dict[str, Any], wait_s: float) -> Submitted:
        """Write the operation durably (local row + outbox entry), try to deliver it within `wait_s` seconds."""
        ...

    def queued_count(self) -> int: ...
