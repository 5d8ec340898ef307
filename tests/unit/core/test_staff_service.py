"""The clerk's session on the terminal (issue 8): the client keeps and sends it, logout forgets it, no offline login."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from kiosk.services.errors import ServiceError
from kiosk.services.staff import StaffService
from kiosk.sync.client import CloudClient
from kiosk.sync.errors import CloudUnavailable

LOGIN = {"staff_session": "7.secret", "staff_id": 3, "name": "職員", "department_id": 1, "department_name": "課",
         "role": "counter", "idle_timeout_s": 900}


def _client(seen: list[httpx.Request]) -> CloudClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/staff/login":
            return httpx.Response(200, json=LOGIN)
        if request.url.path == "/v1/staff/logout":
            return httpx.Response(200, json={"ended": True})
        return httpx.Response(200, json={"mykey_id": "ABCD2345", "accounts": []})

    return CloudClient("http://127.0.0.1:9", "1.token", transport=httpx.MockTransport(handler))


def test_the_client_sends_the_session_after_login_and_forgets_it_at_logout() -> None:
    seen: list[httpx.Request] = []
    client = _client(seen)
    client.balances("ABCD2345")
    assert "x-staff-session" not in seen[-1].headers
    client.staff_login("S001", "pw")
    assert client.staff_session == "7.secret"
    client.balances("ABCD2345")
    assert seen[-1].headers["x-staff-session"] == "7.secret"
    client.balances("ABCD2345", resident_token="9.resident")
    assert seen[-1].headers["x-resident-token"] == "9.resident"
    assert client.staff_logout() is True
    assert seen[-1].url.path == "/v1/staff/logout" and seen[-1].headers["x-staff-session"] == "7.secret"
    client.balances("ABCD2345")
    assert "x-staff-session" not in seen[-1].headers and client.staff_session is None
    assert client.staff_logout() is False  # nothing to end
    assert json.loads(seen[1].content) == {"staff_code": "S001", "password": "pw"}


class _Cloud:
    def __init__(self, fail: Exception | None = None) -> None:
        self.fail = fail
        self.logged_out = 0

    def staff_login(self, staff_code: str, password: str) -> dict[str, Any]:
        if self.fail is not None:
            raise self.fail
        return dict(LOGIN)

    def staff_logout(self) -> None:
        self.logged_out += 1
        raise CloudUnavailable("down")  # a logout the cloud cannot hear is still a logout here


def test_staff_service_login_logout_and_no_offline_login() -> None:
    cloud = _Cloud()
    service = StaffService(cloud)  # type: ignore[arg-type]
    member = service.login(" S001 ", "pw")
    assert (member.role, member.idle_timeout_s, service.member) == ("counter", 900, member)
    service.logout()
    assert service.member is None and cloud.logged_out == 1
    offline = StaffService(_Cloud(CloudUnavailable("connect error")))  # type: ignore[arg-type]
    with pytest.raises(ServiceError) as exc:
        offline.login("S001", "pw")
    assert exc.value.code == "staff_login_offline"
    assert "オフライン" in exc.value.message_ja and "no offline login" in exc.value.detail
