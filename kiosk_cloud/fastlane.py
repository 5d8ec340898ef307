"""A lane past the framework for the two hot endpoints on PostgreSQL: POST /v1/payments and /v1/vouchers/redeem.

FastAPI's routing, dependency injection and response building cost about as much CPU as the payment itself. A
plain, well-formed request from a store terminal takes this lane instead: the body is validated with the very
models of the routes (`PaymentIn`, `RedeemIn`), the terminal is authenticated by `deps.authenticate` (the same
cache and checks as every route), and `perform.try_fast` runs the same hot path the route would have run.
Anything else — a parse or NUL failure, a refused or non-store terminal, SQLite, a hot-path fallback (replay,
refusal, expiry, ...) — is handed to FastAPI with the body replayed, and answered there exactly as before.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk_cloud.api.shops import PaymentIn, RedeemIn
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import Caller, authenticate
from kiosk_cloud.errors import ApiError
from kiosk_cloud.services.perform import FAST_TRIED, try_fast

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ROUTES: dict[str, tuple[str, type[BaseModel]]] = {
    "/v1/payments": ("payment", PaymentIn),
    "/v1/vouchers/redeem": ("voucher_redeem", RedeemIn),
}
MAX_BODY = 16_384


class FastLane:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = ROUTES.get(scope.get("path", "")) if scope["type"] == "http" and scope["method"] == "POST" else None
        if route is None or scope["app"].state.db.sqlite or not scope["app"].state.settings.fast_paths:
            await self.app(scope, receive, send)
            return
        body, complete = await _read_body(receive)
        tried: list[bool] = []
        answer = await self._try(scope, body, *route, tried) if complete else None
        if answer is None:
            if tried:  # the hot path said no: the route goes straight to the general path (never twice)
                scope.setdefault("state", {})[FAST_TRIED] = True
            await self.app(scope, _replay(body, complete, receive), send)
            return
        payload = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})

    async def _try(self, scope: Scope, body: bytes, kind: str, model: type[BaseModel],
                   tried: list[bool]) -> dict[str, Any] | None:
        if b"\x00" in body or b"\\u0000" in body or scope.get("query_string"):
            return None
        token = _bearer(scope)
        if token is None:
            return None
        state = scope["app"].state
        try:
            caller: Caller = await authenticate(state, token)
            parsed = model.model_validate_json(body)
        except (ApiError, ValidationError):
            return None
        db: Database = state.db
        fields = parsed.model_dump(exclude_none=True)
        key = fields.pop("idempotency_key")
        tried.append(True)
        op = await try_fast(db, caller, state.settings, kind=kind, key=key, payload=fields, now=utcnow())
        return None if op is None else op.result


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The whole body, or (what was read, False) past MAX_BODY or on a disconnect (FastAPI then deals with it)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True
        if size > MAX_BODY:
            return b"".join(chunks), False


def _replay(body: bytes, complete: bool, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": not complete}
        return await receive()

    return replayed
