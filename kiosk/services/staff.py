"""Staff login per department."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.ports import CloudPort


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    name: str
    department_id: str
    department_name: str


class StaffService:
    def __init__(self, cloud: CloudPort) -> None:
        self._cloud = cloud

    def login(self, staff_code: str, password: str) -> StaffMember:
        if not staff_code.strip() or not password:
            raise ServiceError("invalid_login")
        try:
            data = self._cloud.staff_login(staff_code.strip(), password)
        except Exception as exc:
            raise translate_error(exc) from None
        return StaffMember(str(data["staff_id"]), str(data["name"]), str(data.get("department_id", "")),
                           str(data.get("department_name", "")))
