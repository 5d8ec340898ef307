"""Prometheus metrics of the cloud (issue 13) and the `/metrics` endpoint that exposes them.

What is counted:
- `kiosk_http_requests_total{method, route, status}` and `kiosk_http_request_seconds{method, route}`: every
  request, labelled by its route *template* (`/v1/balances/{mykey_id}`, never a MyKey ID or a number); requests no
  route matched (404s, the front door's 413/429) are `route="unrouted"` and unusual methods `method="other"`, so a
  scan cannot blow up the series.
- `kiosk_sync_operations_total{kind}` and `kiosk_sync_conflicts_total{kind}`: operations received in sync batches
  and those that ended as conflicts (an offline payment over the limit, a voucher taken twice, a bad offline proof).
- Outbox lag, from the sync envelopes: for each operation, the time it was received minus its `created_at` (when
  the terminal recorded it; clamped at 0 for clock skew): `kiosk_outbox_lag_seconds` (histogram over all
  terminals), and per terminal `kiosk_terminal_outbox_lag_seconds{terminal}` (the largest lag in its latest batch)
  and `kiosk_terminal_last_sync_timestamp_seconds{terminal}` (when its latest batch arrived). A terminal offline
  for a day shows a lag of a day when it comes back; one that stops syncing shows an old timestamp.

Who may read `/metrics` (never through the load balancer: deploy/haproxy denies the path there too):
- with `KIOSK_CLOUD_METRICS_TOKEN` set: callers presenting it as `Authorization: Bearer <token>` (Prometheus's
  `authorization: {credentials: ...}`), from anywhere; otherwise 401 `metrics_token_invalid`;
- without a token: callers on this machine only (a loopback peer, and no X-Forwarded-For / Forwarded header, i.e.
  not relayed by a proxy); otherwise 403 `metrics_forbidden`.

Several workers (`kiosk-cloud serve --workers N`): prometheus_client's multiprocess mode, one directory per node
(`prepare_multiprocess`, called by `serve` before the workers start), so a scrape of any worker sums them all.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import os
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from kiosk_cloud.errors import describe, error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PATH = "/metrics"
PREFIX = "/v1"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})  # any other: "other"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# paths answered before routing (kiosk_cloud/fastlane.py): fixed, so they are their own template
FAST_LANE_PATHS = frozenset({"/v1/payments", "/v1/vouchers/redeem"})

REQUESTS = Counter("kiosk_http_requests", "HTTP requests answered, by route template and status",
                   ["method", "route", "status"])
LATENCY = Histogram("kiosk_http_request_seconds", "Time to answer an HTTP request, by route template",
                    ["method", "route"],
                    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))
SYNC_OPERATIONS = Counter("kiosk_sync_operations", "Operations received in sync batches", ["kind"])
CONFLICTS = Counter("kiosk_sync_conflicts", "Sync operations that ended as a conflict", ["kind"])
OUTBOX_LAG = Histogram("kiosk_outbox_lag_seconds", "Received time minus the terminal's created_at, per operation",
                       buckets=(1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400))
TERMINAL_LAG = Gauge("kiosk_terminal_outbox_lag_seconds", "Largest outbox lag in the terminal's latest sync batch",
                     ["terminal"], multiprocess_mode="mostrecent")
TERMINAL_LAST_SYNC = Gauge("kiosk_terminal_last_sync_timestamp_seconds", "When the terminal's latest sync batch "
                           "arrived (Unix time)", ["terminal"], multiprocess_mode="mostrecent")


_CHILDREN: dict[tuple[str, str, int], tuple[Any, Any]] = {}


def prepare_multiprocess(workers: int) -> Path | None:
    """Before uvicorn starts its workers: give them one shared, empty metrics directory. `PROMETHEUS_MULTIPROC_DIR`
    set by the operator (e.g. the systemd unit's RuntimeDirectory) is emptied of the last run's files; unset and
    more than one worker, a fresh temporary directory is made (removed when the node stops cleanly)."""
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        directory = Path(given)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink()
        return directory
    if workers <= 1:
        return None
    directory = Path(tempfile.mkdtemp(prefix="kiosk-cloud-metrics-"))
    os.environ[MULTIPROC_ENV] = str(directory)
    return directory


def remove_multiprocess_dir(directory: Path | None) -> None:
    if directory is not None and directory.name.startswith("kiosk-cloud-metrics-"):
        shutil.rmtree(directory, ignore_errors=True)


def exposition() -> bytes:
    """The text format of every metric (all workers of this node in multiprocess mode)."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def observe_sync(terminal_id: int, operations: Sequence[Any], results: Iterable[dict[str, Any]],
                 received_at: datetime) -> None:
    """Called by POST /v1/sync with the batch it received and the results it answers."""
    kinds: dict[str, str] = {}
    worst = 0.0
    for op in operations:
        kinds[op.key] = op.kind
        SYNC_OPERATIONS.labels(op.kind).inc()
        created: datetime | None = op.created_at
        if created is not None:
            lag = max(0.0, (received_at - created).total_seconds())
            OUTBOX_LAG.observe(lag)
            worst = max(worst, lag)
    for result in results:
        if result.get("status") == "conflict":
            CONFLICTS.labels(kinds.get(str(result.get("key")), "unknown")).inc()
    if operations:
        terminal = str(terminal_id)
        TERMINAL_LAG.labels(terminal).set(worst)
        TERMINAL_LAST_SYNC.labels(terminal).set(received_at.timestamp())


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refusal(scope: Scope, token: str) -> str | None:
    """None when this caller may read the metrics, else the error code of the refusal."""
    if token:
        raw = _header(scope, b"authorization") or b""
        scheme, _, given = raw.decode("latin-1").partition(" ")
        ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
        return None if ok else "metrics_token_invalid"
    client = scope.get("client")
    host = str(client[0]) if client else ""
    relayed = _header(scope, b"x-forwarded-for") is not None or _header(scope, b"forwarded") is not None
    return None if _is_loopback(host) and not relayed else "metrics_forbidden"


def _template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        # routers are included under /v1; recent FastAPI hands over the router's own route (path without prefix)
        return PREFIX + path if not path.startswith(PREFIX) and scope.get("path", "").startswith(PREFIX + "/") else path
    return scope.get("path", "") if scope.get("path") in FAST_LANE_PATHS else "unrouted"


class Metrics:
    """Outermost ASGI middleware: answers GET /metrics, and times and counts every other HTTP request."""

    def __init__(self, app: ASGIApp, token: str = "") -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("path") == PATH:
            await self._scrape(scope, send)
            return
        started = time.perf_counter()
        status = [500]

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            method = scope.get("method", "")
            key = (method if method in METHODS else "other", _template(scope), status[0])
            children = _CHILDREN.get(key)
            if children is None:  # the labelled series, looked up once per (method, route, status)
                children = (REQUESTS.labels(key[0], key[1], str(key[2])), LATENCY.labels(key[0], key[1]))
                if len(_CHILDREN) < 10_000:
                    _CHILDREN[key] = children
            children[0].inc()
            children[1].observe(time.perf_counter() - started)

    async def _scrape(self, scope: Scope, send: Send) -> None:
        code = refusal(scope, self.token)
        if code is None and scope.get("method") not in ("GET", "HEAD"):
            code = "method_not_allowed"
        if code is not None:
            payload = json.dumps(error_body(code), ensure_ascii=False).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
            if code == "metrics_token_invalid":
                headers.append((b"www-authenticate", b"Bearer"))
            await send({"type": "http.response.start", "status": describe(code)[0], "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        payload = await asyncio.to_thread(exposition)
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", CONTENT_TYPE_LATEST.encode()), (b"content-length", str(len(payload)).encode()),
            (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": payload if scope.get("method") == "GET" else b""})
