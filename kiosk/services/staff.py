"""The clerk's login: a session on the cloud, bound to this terminal (issue 8).

The session is held by the cloud client (sent as X-Staff-Session and recorded with the operations that need it);
it ends on the clerk's logout, when the terminal logs out, or after the cloud's idle time. There is no offline
login: the cloud must check the password and open the session.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.ports import CloudPort

OFFLINE_LOGIN = ("The points cloud cannot be reached, so staff cannot log in now (there is no offline login). "
                 "Check the network and try again.",
                 "ポイントクラウドに接続できないため、いまは職員ログインができません（オフラインではログインできません）。"
                 "ネットワークを確認して、もう一度お試しください。")


@dataclass(frozen=True)
class StaffMember:
    staff_id: str
    name: str
    department_id: str
    department_name: str
    role: str = "counter"
    idle_timeout_s: int = 900
    department_name_en: str = ""  # shown in English (issue 13)


class StaffService:
    def __init__(self, cloud: CloudPort) -> None:
        self._cloud = cloud
        self.member: StaffMember | None = None

    def login(self, staff_code: str, password: str) -> StaffMember:
        if not staff_code.strip() or not password:
            raise ServiceError("invalid_login")
        try:
            data = self._cloud.staff_login(staff_code.strip(), password)
        except Exception as exc:
            error = translate_error(exc)
            if error.code == "cloud_unavailable":
                raise ServiceError("staff_login_offline", OFFLINE_LOGIN[0], message_ja=OFFLINE_LOGIN[1],
                                   transient=True) from None
            raise error from None
        self.member = StaffMember(str(data["staff_id"]), str(data["name"]), str(data.get("department_id", "")),
                                  str(data.get("department_name", "")), str(data.get("role", "counter")),
                                  int(data.get("idle_timeout_s", 900)), str(data.get("department_name_en") or ""))
        return self.member

    def logout(self) -> None:
        """The clerk's logout (and the terminal's): ends the session on the cloud; forgotten here even when the
        cloud cannot be reached (it then ends by idling out). Blocking: call it from a worker thread."""
        self.member = None
        with contextlib.suppress(Exception):
            self._cloud.staff_logout()
