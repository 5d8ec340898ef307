"""MyKey IDs: availability, generation, creation bound to the card, lookup, service IDs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.core.errors import InvalidMyKeyId
from kiosk.core.mykey_id import normalize_mykey_id
from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.ports import CloudPort


@dataclass(frozen=True)
class MyKeyRecord:
    mykey_id: str
    status: str
    created_at: str = ""


@dataclass(frozen=True)
class ServiceId:
    business_id: str
    customer_id: str


def normalize(text: str) -> str:
    """Normalise a typed MyKey ID or raise ServiceError("invalid_mykey_id")."""
    try:
        return normalize_mykey_id(text)
    except InvalidMyKeyId as exc:
        raise ServiceError("invalid_mykey_id", exc.message) from None


class MyKeyService:
    def __init__(self, cloud: CloudPort) -> None:
        self._cloud = cloud

    def is_available(self, candidate: str) -> bool:
        value = normalize(candidate)
        try:
            return bool(self._cloud.mykey_available(value))
        except Exception as exc:
            raise translate_error(exc) from None

    def generate(self) -> str:
        try:
            return normalize(self._cloud.mykey_generate())
        except ServiceError:
            raise
        except Exception as exc:
            raise translate_error(exc) from None

    def create(self, auth_token: str, mykey_id: str | None) -> MyKeyRecord:
        value = normalize(mykey_id) if mykey_id else None
        try:
            data = self._cloud.mykey_create(auth_token, value)
        except Exception as exc:
            raise translate_error(exc) from None
        return _record(data)

    def lookup(self, mykey_id: str) -> MyKeyRecord:
        value = normalize(mykey_id)
        try:
            return _record(self._cloud.mykey_get(value))
        except Exception as exc:
            raise translate_error(exc) from None

    def service_ids(self, mykey_id: str) -> list[ServiceId]:
        value = normalize(mykey_id)
        try:
            rows = self._cloud.service_ids(value)
        except Exception as exc:
            raise translate_error(exc) from None
        return [ServiceId(str(r["business_id"]), str(r["customer_id"])) for r in rows]

    def add_service_id(self, mykey_id: str, business_id: str, customer_id: str) -> ServiceId:
        value = normalize(mykey_id)
        business_id, customer_id = business_id.strip(), customer_id.strip()
        if not business_id or not customer_id:
            raise ServiceError("service_id_empty")
        try:
            self._cloud.add_service_id(value, business_id, customer_id)
        except Exception as exc:
            raise translate_error(exc) from None
        return ServiceId(business_id, customer_id)


def _record(data: dict[str, Any]) -> MyKeyRecord:
    return MyKeyRecord(str(data["mykey_id"]), str(data.get("status", "valid")), str(data.get("created_at", "")))
