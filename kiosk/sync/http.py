"""HTTP transport to the points cloud: one httpx client, bearer token, typed errors, cloud time.

Every response's `Date` header feeds the terminal's `ClockOffset`. Network errors, timeouts and 5xx become
`CloudUnavailable`; 4xx become `CloudRejected` with the cloud's code and its English and Japanese text.
"""

from __future__ import annotations

import email.utils
from datetime import timedelta
from typing import Any

import httpx

from kiosk.sync.clock import ClockOffset
from kiosk.sync.errors import CloudProtocolError, CloudRejected, CloudUnavailable

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=3.0)


class CloudTransport:
    def __init__(self, base_url: str, token: str | None = None, *, clock: ClockOffset | None = None,
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.staff_session: str | None = None  # the logged-in clerk's session: X-Staff-Session (issue 8)
        self.outbox_backlog: int | None = None  # operations still queued, sent as X-Outbox-Backlog (issue 12)
        self.clock = clock or ClockOffset()
        verify: Any = True
        if transport is None and self.base_url.lower().startswith("https:"):
            from kiosk.sync.tls import ssl_context  # system trust store, optional CA file and pins

            verify = ssl_context()
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport, verify=verify,
                                  headers={"User-Agent": "mykey-kiosk"})

    def close(self) -> None:
        self._http.close()

    def request(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
                auth: bool = True, timeout: float | None = None, headers: dict[str, str] | None = None) -> Any:
        """Send a request and decode the JSON answer (typed errors on failure)."""
        return self._decode(self._send(method, path, json=json, params=params, auth=auth, timeout=timeout,
                                       headers=headers))

    def request_text(self, method: str, path: str, *, params: dict[str, Any] | None = None) -> str:
        """For answers that are not JSON (CSV exports); errors are decoded as usual."""
        response = self._send(method, path, params=params, auth=True, timeout=None)
        if response.status_code >= 400:
            self._decode(response)
        return response.text

    def _send(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None,
              auth: bool = True, timeout: float | None = None,
              headers: dict[str, str] | None = None) -> httpx.Response:
        headers = dict(headers or {})
        if auth:
            if not self.token:
                raise CloudRejected("not_enrolled", "This terminal has no credentials for the cloud.",
                                    "この端末にはクラウドの資格情報がありません。", 401)
            headers["Authorization"] = f"Bearer {self.token}"
            staff = self.staff_session
            if staff and "X-Staff-Session" not in headers:
                headers["X-Staff-Session"] = staff
            if self.outbox_backlog is not None:  # set by the sync engine at each drain
                headers["X-Outbox-Backlog"] = str(int(self.outbox_backlog))
        sent_at = self.clock.local_now()
        try:
            response = self._http.request(method, path, json=json, params=params, headers=headers,
                                          timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT)
        except httpx.TimeoutException as exc:
            raise CloudUnavailable(f"timeout: {type(exc).__name__}") from exc
        except httpx.HTTPError as exc:  # connect errors, dropped connections, protocol errors
            from kiosk.sync.tls import refusal

            refused = refusal(exc)  # an untrusted or wrongly pinned certificate: said so, nothing was sent
            raise (refused or CloudUnavailable(f"{type(exc).__name__}: {exc}")) from exc
        self._observe_date(response, sent_at)
        return response

    def _observe_date(self, response: httpx.Response, sent_at: Any) -> None:
        value = response.headers.get("date")
        if not value:
            return
        try:
            cloud_time = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return
        if cloud_time.tzinfo is None:
            return
        self.clock.observe(cloud_time, sent_at, self.clock.local_now(), resolution=timedelta(seconds=1))

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        status = response.status_code
        if status >= 500:
            raise CloudUnavailable(f"HTTP {status}", status=status)
        try:
            body = response.json() if response.content else None
        except ValueError as exc:
            if status >= 400:
                raise CloudRejected("http_error", f"HTTP {status}", f"HTTPエラー {status}", status) from exc
            raise CloudProtocolError(f"HTTP {status} with a body that is not JSON") from exc
        if status >= 400:
            error = body.get("error") if isinstance(body, dict) else None
            if not isinstance(error, dict):  # e.g. FastAPI's own {"detail": ...}
                detail = body.get("detail") if isinstance(body, dict) else body
                raise CloudRejected("http_error", f"HTTP {status}: {detail}", f"HTTPエラー {status}: {detail}",
                                    status)
            code = str(error.get("code") or "http_error")
            message = str(error.get("message") or code)
            raise CloudRejected(code, message, str(error.get("message_ja") or message), status)
        return body
