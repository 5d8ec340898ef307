"""Adapters from the real parts (kiosk.sync's CloudClient and Outbox, kiosk.card's service) to the ports.

Kept here so the services and the UI never import httpx, sqlalchemy or the card stack directly.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from kiosk.services.ports import BasicItems, Submitted


class CloudAdapter:
    """CloudPort over kiosk.sync.client.CloudClient."""

    def __init__(self, client: Any, reference: Any = None) -> None:
        self._client = client
        self._reference = reference  # kiosk.sync ReferenceCache: lists used while offline

    def revoked_serials(self) -> set[int]:
        """Revoked JPKI certificate serials from the reference data pulled last (empty before the first pull)."""
        return set(self._reference.revoked_serials()) if self._reference is not None else set()

    def is_online(self) -> bool:
        try:
            self._client.health(timeout=2.0)
        except Exception:
            return False
        return True

    def staff_login(self, staff_code: str, password: str) -> dict[str, Any]:
        return dict(self._client.staff_login(staff_code, password))

    def staff_logout(self) -> None:
        self._client.staff_logout()

    def auth_challenge(self) -> dict[str, Any]:
        return dict(self._client.auth_challenge())

    def auth_verify(self, challenge_id: str, certificate: bytes, signature: bytes) -> dict[str, Any]:
        return dict(self._client.auth_verify(challenge_id, certificate, signature))

    def mykey_available(self, mykey_id: str) -> bool:
        return bool(self._client.mykey_id_available(mykey_id).get("available"))

    def mykey_generate(self) -> str:
        data = self._client.generate_mykey_id()
        return str(data.get("mykey_id") or data.get("candidate"))

    def mykey_create(self, auth_token: str, mykey_id: str | None) -> dict[str, Any]:
        return dict(self._client.create_mykey_id(auth_token, mykey_id))

    def mykey_get(self, mykey_id: str) -> dict[str, Any]:
        return dict(self._client.get_mykey_id(mykey_id))

    def service_ids(self, mykey_id: str) -> list[dict[str, Any]]:
        return _rows(self._client.service_ids(mykey_id), "service_ids")

    def add_service_id(self, mykey_id: str, business_id: str, customer_id: str) -> dict[str, Any]:
        return dict(self._client.add_service_id(mykey_id, business_id, customer_id))

    def programmes(self) -> list[dict[str, Any]]:
        rows = self._list(lambda: self._client.programmes(), "programmes", "programme")
        try:
            listed = _rows(self._client.departments(), "departments")
        except Exception:  # offline: programmes without their department's name
            listed = []
        departments = {d.get("id"): d.get("name") for d in listed}
        english = {d.get("id"): d.get("name_en") for d in listed if d.get("name_en")}
        for row in rows:
            if "department_name" not in row and row.get("department_id") in departments:
                row["department_name"] = departments[row["department_id"]]
            if "department_name_en" not in row and row.get("department_id") in english:
                row["department_name_en"] = english[row["department_id"]]
        return [row for row in rows if row.get("active", True)]

    def history(self, mykey_id: str) -> list[dict[str, Any]]:
        return _rows(self._client.history(mykey_id), "entries")

    def measures(self, mykey_id: str | None = None) -> list[dict[str, Any]]:
        rows = self._list(lambda: self._client.measures(mykey_id), "measures", "measure")
        english = self._point_types_en()
        for row in rows:  # a payment service named as a point type is that point type: its English name
            if "payment_services_en" not in row:
                row["payment_services_en"] = [english.get(s, "") for s in row.get("payment_services") or ()]
        return rows

    def _point_types_en(self) -> dict[str, str]:
        """Japanese → English name of the point types: the reference data pulled from the changes feed (no extra
        round trip), else the cloud's list; none when neither answers (the names are then shown as they are)."""
        listed: list[dict[str, Any]] = []
        with contextlib.suppress(Exception):
            listed = list(self._reference.items("point_type").values()) if self._reference is not None else []
        if not listed:
            with contextlib.suppress(Exception):
                listed = _rows(self._client.point_types(), "point_types")
        return {str(p.get("name")): str(p.get("name_en")) for p in listed if p.get("name") and p.get("name_en")}

    def _list(self, fetch: Callable[[], Any], key: str, kind: str) -> list[dict[str, Any]]:
        """Online: the cloud's list. Offline: the reference data pulled earlier (changes feed), if any."""
        try:
            return _rows(fetch(), key)
        except Exception as exc:
            if type(exc).__name__ not in ("CloudUnavailable", "CloudProtocolError") or self._reference is None:
                raise
            cached = list(self._reference.items(kind).values())
            if not cached:
                raise
            return [dict(row) for row in cached]

    def application(self, application_id: str) -> dict[str, Any]:
        return dict(self._client.application(application_id))


def _rows(body: Any, key: str) -> list[dict[str, Any]]:
    if isinstance(body, dict):
        body = body.get(key) or body.get("items") or []
    return [dict(r) for r in body]


class EngineOutbox:
    """OutboxPort over kiosk.sync's SyncEngine.

    `submit` writes the operation durably first (local row + outbox entry, one transaction) and wakes the sync
    worker; it then waits up to `wait_s` for the cloud's answer and returns it, or `queued` when the cloud has not
    answered (offline): nothing is lost, the worker delivers it later. A refusal answered while the caller waits
    is shown on screen by the caller, so it is closed in the dead-letter list at once (as the store desk does);
    refusals of operations delivered later stay there for staff.
    """

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def submit(self, kind: str, payload: dict[str, Any], wait_s: float) -> Submitted:
        key = str(self._engine.submit(kind, payload))
        result = self._engine.wait_result(key, wait_s) if wait_s > 0 else None
        if result is None or result.status == "queued":
            return Submitted(key, "queued")
        if result.status == "rejected":
            self._engine.outbox.resolve_dead_letter(key, "discard", by="terminal", note="refused on screen")
        return Submitted(key, result.status, result.code or "", result.message or "", dict(result.result or {}))

    def queued_count(self) -> int:
        return int(self._engine.outbox.length())


class CardAdapter:
    """CardPort over kiosk.card's Qt-free card service (its calls may return futures: resolved here)."""

    def __init__(self, service: Any, timeout_s: float = 20.0) -> None:
        self._service = service
        self._timeout_s = timeout_s
        self._lock = threading.Lock()

    def _call(self, name: str, *args: Any) -> Any:
        result = getattr(self._service, name)(*args)
        if hasattr(result, "result") and callable(result.result):
            return result.result(timeout=self._timeout_s)
        return result

    def jpki_tries_left(self) -> int:
        return int(self._call("jpki_tries_left"))

    def read_user_auth_certificate(self) -> bytes:
        value = self._call("read_user_auth_certificate")
        return bytes(getattr(value, "cert_der", value))

    def sign_challenge(self, pin: str, challenge: bytes) -> bytes:
        return bytes(self._call("sign_challenge", pin, challenge))

    def text_tries_left(self) -> int:
        return int(self._call("text_tries_left"))

    def read_basic_items(self, pin: str, consent: bool) -> BasicItems:
        result = self._service.read_basic_items(pin, consent=consent)
        items = result.result(timeout=self._timeout_s) if hasattr(result, "result") else result
        municipality = getattr(items, "municipality", None)
        code = getattr(municipality, "code", None)
        name = f"{municipality.prefecture}{municipality.name}" if municipality is not None else None
        return BasicItems(name=str(items.name), address=str(items.address), birth_date=str(items.birth_date),
                          sex=str(items.sex), municipality_code=code, municipality_name=name)

    def reset(self) -> None:
        """Ask the card thread to disconnect with reset. Does not wait: a wipe on the GUI thread must never block
        behind a slow card operation; the card thread runs the reset right after whatever it is doing."""
        reset = getattr(self._service, "release_card", None) or getattr(self._service, "reset", None)
        if reset is not None:
            reset()
