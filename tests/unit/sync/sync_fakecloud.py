"""An in-memory stand-in for the cloud's /v1/sync, /v1/health and /v1/changes, served through
httpx.MockTransport. Unit tests only: the integration tests drive the real kiosk_cloud server."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx


class FakeCloud:
    def __init__(self, skew: timedelta = timedelta(0)) -> None:
        self.ledger: dict[str, dict[str, Any]] = {}  # key -> stored result
        self.applied: list[str] = []  # keys in the order they were applied
        self.requests: list[tuple[str, str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.skew = skew
        self.fail_next: list[int | str] = []  # HTTP status to answer, or "drop" to raise a network error
        self.reject: Callable[[dict[str, Any]], tuple[str, str] | None] = lambda op: None
        self.conflict: Callable[[dict[str, Any]], bool] = lambda op: False
        self.refuse_whole_batch: Callable[[list[dict[str, Any]]], bool] = lambda ops: False

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.skew

    def add_change(self, kind: str, item_id: str, data: dict[str, Any] | None) -> None:
        self.changes.append({"seq": len(self.changes) + 1, "kind": kind, "id": item_id, "data": data,
                             "deleted": data is None})

    def _answer(self, status: int, body: Any) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"Date": format_datetime(self.now(), usegmt=True)})

    def handle(self, request: httpx.Request) -> httpx.Response:
        body: Any = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        if self.fail_next:
            what = self.fail_next.pop(0)
            if what == "drop":
                raise httpx.ConnectError("connection dropped", request=request)
            if what == "lose":  # the cloud applies the request but the answer never arrives
                self.handle(request)
                raise httpx.ReadError("connection lost before the answer", request=request)
            return self._answer(int(what), {"detail": "injected"})
        path = request.url.path
        if path == "/v1/health":
            return self._answer(200, {"status": "ok", "time": self.now().isoformat()})
        if request.headers.get("authorization") != "Bearer good-token":
            return self._answer(401, {"error": {"code": "unauthorized", "message": "bad token",
                                                "message_ja": "認証できません"}})
        if path == "/v1/sync":
            return self._sync(body["operations"])
        if path == "/v1/changes":
            cursor = int(request.url.params["cursor"])
            limit = int(request.url.params["limit"])
            page = [c for c in self.changes if c["seq"] > cursor][:limit]
            new_cursor = page[-1]["seq"] if page else cursor
            return self._answer(200, {"cursor": new_cursor, "more": new_cursor < len(self.changes),
                                      "changes": page})
        return self._answer(404, {"error": {"code": "not_found", "message": "no such path",
                                            "message_ja": "見つかりません"}})

    def _sync(self, operations: list[dict[str, Any]]) -> httpx.Response:
        if self.refuse_whole_batch(operations):
            return self._answer(422, {"error": {"code": "bad_operation", "message": "malformed operation",
                                                "message_ja": "不正な操作です"}})
        results = []
        for op in operations:
            key = op["key"]
            if key in self.ledger:
                stored = dict(self.ledger[key])
                if stored["status"] == "applied":
                    stored["status"] = "replayed"
                results.append(stored)
                continue
            refusal = self.reject(op)
            if refusal is not None:
                result = {"key": key, "status": "rejected", "code": refusal[0], "message": refusal[1],
                          "message_ja": refusal[1] + "（日本語）", "result": {}}
            elif self.conflict(op):
                result = {"key": key, "status": "conflict", "code": "voucher_used_twice",
                          "message": "used twice", "message_ja": "二重使用", "result": {"other_shop": "s2"}}
            else:
                self.applied.append(key)
                result = {"key": key, "status": "applied", "code": None, "message": None, "message_ja": None,
                          "result": {"n": len(self.applied)}}
            self.ledger[key] = result
            results.append(result)
        return self._answer(200, {"results": results})
