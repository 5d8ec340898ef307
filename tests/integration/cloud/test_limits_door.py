"""Limits at the door (issue 8): a body over max_body_bytes is refused with 413 before it is read (stated length
or a streaming count), the fast lane included; requests without a bearer token are rate-limited per address.
Real HTTP (raw sockets where the point is what the client has NOT sent yet), SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.embedded import start_embedded
from kiosk_cloud.settings import Settings

from .helpers import Cloud, key
from .limits_db import counts

MAX_BODY = 64 * 1024


@pytest.fixture
def door_cloud(demo: DemoInfo, pki_dir: Path) -> Iterator[Cloud]:
    settings = Settings(database_url=demo.database_url, max_body_bytes=MAX_BODY, anon_rate_per_s=1.0,
                        anon_burst=8)
    server = start_embedded(demo.database_url, settings=settings)
    cloud = Cloud(server.url, demo, pki_dir / "pki")
    try:
        yield cloud
    finally:
        cloud.close()
        server.stop()


def _connect(url: str) -> socket.socket:
    parts = urlparse(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    return sock


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, headers, rest


def _request_head(url: str, path: str, token: str, extra: str) -> bytes:
    host = urlparse(url).netloc
    return (f"POST /v1{path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: {token}\r\n"
            f"Content-Type: application/json\r\n{extra}\r\n").encode()


@pytest.mark.parametrize("path", ["/sync", "/payments", "/vouchers/redeem", "/terminals/enrol"])
def test_a_20_mb_body_is_refused_from_its_stated_length_without_being_sent(door_cloud: Cloud, path: str) -> None:
    store = door_cloud.terminal("store")
    token = store.http.headers["Authorization"]
    before = counts(door_cloud.demo.database_url)
    sock = _connect(door_cloud.url)
    try:
        started = time.monotonic()
        # the head says 20 MB, only 1 KB follows: an answer now proves the server never waited for the rest
        sock.sendall(_request_head(door_cloud.url, path, token, f"Content-Length: {20 * 1024 * 1024}\r\n"))
        sock.sendall(b"{" + b" " * 1023)
        status, _, body = _read_response(sock)
        elapsed = time.monotonic() - started
    finally:
        sock.close()
    assert status == 413, (status, body)
    assert json.loads(body)["error"]["code"] == "body_too_large"
    assert json.loads(body)["error"]["message_ja"]
    assert elapsed < 2.0
    assert counts(door_cloud.demo.database_url) == before


def test_a_chunked_body_is_cut_off_by_the_streaming_count(door_cloud: Cloud) -> None:
    store = door_cloud.terminal("store")
    token = store.http.headers["Authorization"]
    before = counts(door_cloud.demo.database_url)
    sock = _connect(door_cloud.url)
    try:
        sock.sendall(_request_head(door_cloud.url, "/sync", token, "Transfer-Encoding: chunked\r\n"))
        piece = b"[" + b" " * (16 * 1024 - 1)
        sent = 0
        # four times the limit, without the final zero-length chunk: the body never ends from the client's side
        for _ in range(4 * MAX_BODY // len(piece)):
            sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            sent += len(piece)
        status, _, body = _read_response(sock)
    finally:
        sock.close()
    assert status == 413 and json.loads(body)["error"]["code"] == "body_too_large"
    assert sent > MAX_BODY
    assert counts(door_cloud.demo.database_url) == before


def test_a_body_under_the_limit_still_works(door_cloud: Cloud) -> None:
    counter = door_cloud.terminal("counter")
    op = {"key": key(), "kind": "grant", "payload": {"programme_id": door_cloud.programme(),
                                                    "mykey_id": door_cloud.mykey("yamada"), "points": 5}}
    response = counter.post("/sync", {"operations": [op]})
    assert response.status_code == 200, response.text


def test_unauthenticated_requests_are_rate_limited_per_address(door_cloud: Cloud) -> None:
    statuses = []
    for _ in range(20):
        response = door_cloud.anon.post("/terminals/enrol", json={"code": "WRONGCODE234", "name": "x"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert response.json()["error"]["code"] == "rate_limited"
            assert int(response.headers["retry-after"]) >= 1
    assert 400 in statuses and statuses[-1] == 429
    assert door_cloud.anon.get("/health").status_code == 429  # the same address, any unauthenticated endpoint
    # a terminal with its token is not held back by the address's bucket; a made-up token is no way round it
    assert door_cloud.admin.get("/terminals/me").status_code == 200
    assert door_cloud.admin.get("/health").status_code == 200
    bogus = door_cloud.anon.get("/health", headers={"Authorization": "Bearer 1.not-a-secret"})
    assert bogus.status_code == 429 and bogus.json()["error"]["code"] == "rate_limited"
    time.sleep(1.2)  # one token comes back per second
    assert door_cloud.anon.get("/health").status_code == 200
