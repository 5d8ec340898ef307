"""The cloud's front door (issue 8): body size and unauthenticated request rate, before anything else runs.

`Limits` is plain ASGI, the outermost middleware of the app (outside the fast lane and FastAPI):

- A body larger than `settings.max_body_bytes` is refused with 413 `body_too_large` without being read: at
  once from its Content-Length, or, for a body of unstated length (chunked), as soon as the running count of
  received bytes passes the limit (nothing beyond that is buffered; the connection is closed).
- A request without a valid bearer token (enrolment, health, anything unauthenticated — and one whose token is
  not a live terminal's, checked with `deps.authenticate`, the same cached check the routes make) takes a token
  from its client address's bucket (`anon_rate_per_s`, burst `anon_burst`); an empty bucket answers 429
  `rate_limited` with Retry-After. Enrolled terminals (their health probes carry the token) are never held back. Behind a reverse proxy the address is the one uvicorn reports (its --proxy-headers /
  --forwarded-allow-ips decide whether X-Forwarded-For is believed).
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from kiosk_cloud.errors import describe, error_body
from kiosk_cloud.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_ADDRESSES = 50_000  # buckets kept; beyond, the full (idle) ones are dropped


class _TooLarge(Exception):
    pass


class Buckets:
    """Token buckets per client address."""

    def __init__(self, rate_per_s: float, burst: int) -> None:
        self.rate = rate_per_s
        self.burst = float(burst)
        self._state: dict[str, tuple[float, float]] = {}  # address -> (tokens, at)

    def take(self, address: str, now: float | None = None) -> float:
        """0 when a token was taken; else the seconds until one is available."""
        now = time.monotonic() if now is None else now
        tokens, at = self._state.get(address, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens >= 1.0:
            self._state[address] = (tokens - 1.0, now)
            if len(self._state) > MAX_ADDRESSES:
                self._prune(now)
            return 0.0
        self._state[address] = (tokens, now)
        return (1.0 - tokens) / self.rate if self.rate > 0 else 3600.0

    def _prune(self, now: float) -> None:
        for address, (tokens, at) in list(self._state.items()):
            if tokens + (now - at) * self.rate >= self.burst:
                del self._state[address]
        if len(self._state) > MAX_ADDRESSES:
            self._state.clear()


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.decode("latin-1").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _is_terminal(scope: Scope, token: str) -> bool:
    """True for a live terminal's token (cached per worker, deps.TERMINAL_CACHE_S)."""
    from kiosk_cloud.deps import authenticate
    from kiosk_cloud.errors import ApiError

    try:
        await authenticate(scope["app"].state, token)
    except ApiError:
        return False
    except Exception:  # e.g. the database is away: the route answers, this is not the place
        return True
    return True


async def _answer(send: Send, code: str, extra_headers: list[tuple[bytes, bytes]] | None = None,
                  detail: str = "") -> None:
    status = describe(code)[0]
    payload = json.dumps(error_body(code, detail), ensure_ascii=False, separators=(",", ":")).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
               *(extra_headers or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


class Limits:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.max_body = settings.max_body_bytes
        self.buckets = Buckets(settings.anon_rate_per_s, settings.anon_burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _bearer(scope)
        if token is None or not await _is_terminal(scope, token):
            client = scope.get("client")
            wait = self.buckets.take(str(client[0]) if client else "-")
            if wait > 0:
                await _answer(send, "rate_limited", [(b"retry-after", str(max(1, math.ceil(wait))).encode())])
                return
        close = [(b"connection", b"close")]
        stated = _header(scope, b"content-length")
        if stated is not None:
            text = stated.decode("latin-1").strip()
            if not text.isdigit():
                await _answer(send, "validation_error", close, "Content-Length is not a number")
                return
            if int(text) > self.max_body:
                await _answer(send, "body_too_large", close, f"at most {self.max_body} bytes")
                return
        state = {"size": 0, "too_large": False, "started": False}

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["size"] += len(message.get("body", b""))
                if state["size"] > self.max_body:
                    state["too_large"] = True
                    raise _TooLarge  # FastAPI may turn this into its own 400: watched_send answers 413 instead
            return message

        async def watched_send(message: Message) -> None:
            if state["too_large"]:
                if message["type"] == "http.response.start" and not state["started"]:
                    state["started"] = True
                    await _answer(send, "body_too_large", close, f"at most {self.max_body} bytes")
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counted_receive, watched_send)
        if state["too_large"] and not state["started"]:
            await _answer(send, "body_too_large", close, f"at most {self.max_body} bytes")
