"""/v1/health with its database checks and /metrics with who may read it, over real HTTP (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cloud.helpers import Cloud, key
from cloud.pg import TempCluster

from kiosk.sync.client import CloudClient
from kiosk.sync.errors import CloudUnavailable
from kiosk_cloud.api.health import CACHE_S, expected_heads
from kiosk_cloud.demo import DemoInfo, init_demo
from kiosk_cloud.embedded import EmbeddedCloud, start_embedded
from kiosk_cloud.settings import Settings


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample of the Prometheus text format (0 when absent)."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        got = dict(re.findall(r'(\w+)="([^"]*)"', line.split(" ")[0]))
        if all(got.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def _scrape(url: str, **kw: object) -> str:
    response = httpx.get(url + "/metrics", timeout=10, **kw)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


def test_health_checks_the_database_and_keeps_the_terminal_fields(cloud: Cloud, demo: DemoInfo) -> None:
    body = cloud.anon.get("/health").json()
    assert body["status"] == "ok" and datetime.fromisoformat(body["time"]).tzinfo is not None
    assert body["min_terminal_version"] == "0" and body["api_version"]
    assert body["checks"]["database"]["ok"] is True and body["checks"]["database"]["ms"] >= 0
    heads = list(expected_heads(demo.database_url))
    assert body["checks"]["migrations"] == {"ok": True, "expected": heads, "current": heads}
    # the terminal's client reads it as before (clock offset from `time`)
    client = CloudClient(cloud.url)
    try:
        assert client.health()["status"] == "ok" and client.clock.offset is not None
    finally:
        client.close()


def test_min_terminal_version_comes_from_the_setting(demo: DemoInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_CLOUD_MIN_TERMINAL_VERSION", "1.4.0")
    settings = Settings.from_env(database_url=demo.database_url)
    assert settings.min_terminal_version == "1.4.0" and Settings().min_terminal_version == "0"
    with start_embedded(demo.database_url, settings=settings) as server:
        assert httpx.get(server.url + "/v1/health").json()["min_terminal_version"] == "1.4.0"


def test_health_answers_503_when_the_schema_is_not_the_code_s(tmp_path: Path, pki_dir: Path) -> None:
    import sqlite3

    demo = init_demo(f"sqlite:///{tmp_path}/c.sqlite3", pki_dir)
    (head,) = expected_heads(demo.database_url)
    with start_embedded(demo.database_url) as server:
        assert httpx.get(server.url + "/v1/health").status_code == 200
        with sqlite3.connect(tmp_path / "c.sqlite3") as db:
            db.execute("UPDATE alembic_version SET version_num = '0001_older'")
        time.sleep(CACHE_S + 0.1)
        response = httpx.get(server.url + "/v1/health")
        assert response.status_code == 503 and response.headers["retry-after"]
        body = response.json()
        assert body["status"] == "unavailable" and body["failing"] == "migrations"
        assert body["error"]["code"] == "schema_not_current" and body["error"]["message_ja"]
        assert body["checks"]["migrations"] == {"ok": False, "expected": [head], "current": ["0001_older"]}
        with sqlite3.connect(tmp_path / "c.sqlite3") as db:
            db.execute("UPDATE alembic_version SET version_num = ?", (head,))
        time.sleep(CACHE_S + 0.1)
        assert httpx.get(server.url + "/v1/health").status_code == 200


@pytest.mark.postgres
def test_health_answers_503_when_postgresql_is_down(pki_dir: Path) -> None:
    """Its own cluster (the session's is shared): stop PostgreSQL under a running node."""
    cluster = TempCluster()
    try:
        url = cluster.start()
        demo = init_demo(url, pki_dir)
        with start_embedded(demo.database_url) as server:
            assert httpx.get(server.url + "/v1/health").status_code == 200
            cluster.stop()
            time.sleep(CACHE_S + 0.1)
            started = time.monotonic()
            response = httpx.get(server.url + "/v1/health", timeout=10)
            assert time.monotonic() - started < 5  # bounded by the check's timeout, never hangs
            assert response.status_code == 503, response.text
            body = response.json()
            assert body["failing"] == "database" and body["checks"]["database"]["ok"] is False
            assert body["error"]["code"] == "database_unavailable" and "データベース" in body["error"]["message_ja"]
            assert body["min_terminal_version"] == "0" and body["time"]
            client = CloudClient(server.url)  # a terminal counts the cloud as offline
            try:
                with pytest.raises(CloudUnavailable):
                    client.health()
            finally:
                client.close()
    finally:
        cluster.stop_quietly()


def test_metrics_move_with_traffic(cloud: Cloud) -> None:
    before = _scrape(cloud.url)
    store = cloud.terminal("store")
    counter = cloud.terminal("counter")
    yamada = cloud.resident("yamada")
    assert store.pay(yamada, 3, point_type_id=cloud.point_type).status_code == 200
    m = cloud.mykey("yamada")
    for _ in range(2):
        counter.ok("GET", f"/balances/{m}")
    assert counter.get("/no/such/path/" + m).status_code == 404
    assert counter.http.request("PROPFIND", "/balances/" + m).status_code == 405  # a method no route has
    # an offline payment made two hours ago reaches the cloud now; a voucher used offline at two shops is a conflict
    old = (datetime.now(UTC) - timedelta(hours=2)).replace(microsecond=0)
    late = cloud.terminal("store")
    paid = {"key": key(), "kind": "offline_payment", "created_at": old.isoformat(),
            "payload": {"point_type_id": cloud.point_type, "points": 5,
                        "consent": late.consent(yamada, 5, point_type_id=cloud.point_type, at=old)}}
    applied = late.ok("POST", "/sync", {"operations": [paid]})["results"][0]
    assert applied["status"] == "applied", applied
    office = cloud.terminal("office")
    voucher = office.ok("POST", "/vouchers", {"point_type_id": cloud.point_type, "points": 10, "count": 1,
                                              "consent": office.consent(yamada, 10, action="voucher_issue")})
    code = voucher["vouchers"][0]["code"]
    shop_b = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
    for t in (store, shop_b):
        op = {"key": key(), "kind": "offline_voucher_redeem", "created_at": soon, "payload": {"code": code}}
        t.ok("POST", "/sync", {"operations": [op]})

    after = _scrape(cloud.url)

    def moved(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    assert moved("kiosk_http_requests_total", method="POST", route="/v1/payments", status="200") == 1
    assert moved("kiosk_http_requests_total", method="GET", route="/v1/balances/{mykey_id}", status="200") == 2
    assert moved("kiosk_http_request_seconds_count", method="GET", route="/v1/balances/{mykey_id}") == 2
    assert moved("kiosk_http_requests_total", method="GET", route="unrouted", status="404") >= 1
    assert m not in after  # templates only: no MyKey ID, path or number in a label, no invented method
    assert moved("kiosk_http_requests_total", method="other", route="/v1/balances/{mykey_id}", status="405") == 1
    assert "PROPFIND" not in after
    assert moved("kiosk_http_requests_total", method="POST", route="/v1/sync", status="200") == 3
    assert moved("kiosk_sync_operations_total", kind="offline_payment") == 1
    assert moved("kiosk_sync_operations_total", kind="offline_voucher_redeem") == 2
    assert moved("kiosk_sync_conflicts_total", kind="offline_voucher_redeem") == 1
    assert moved("kiosk_sync_conflicts_total", kind="offline_payment") == 0
    assert 7200 <= _sample(after, "kiosk_terminal_outbox_lag_seconds", terminal=str(late.id)) < 7300
    assert _sample(after, "kiosk_terminal_outbox_lag_seconds", terminal=str(shop_b.id)) == 0  # created "soon"
    assert abs(_sample(after, "kiosk_terminal_last_sync_timestamp_seconds", terminal=str(late.id))
               - time.time()) < 60
    assert moved("kiosk_outbox_lag_seconds_bucket", le="3600.0") == 2  # the two vouchers; the payment is later
    assert moved("kiosk_outbox_lag_seconds_count") == 3


def _non_loopback_address() -> str | None:
    """An address of this machine that is not loopback (connecting to it makes this process a remote caller)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent; picks the outgoing interface
            address = str(s.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


@pytest.fixture
def exposed(demo: DemoInfo) -> Iterator[EmbeddedCloud]:
    """A node listening on every interface (as behind a load balancer on another machine), no metrics token."""
    with start_embedded(demo.database_url, host="0.0.0.0") as server:
        yield server


def test_metrics_refused_to_remote_and_relayed_callers_without_a_token(exposed: EmbeddedCloud,
                                                                       cloud: Cloud) -> None:
    port = exposed.url.rsplit(":", 1)[1]
    local = f"http://127.0.0.1:{port}"
    assert httpx.get(local + "/metrics").status_code == 200
    address = _non_loopback_address()
    if address is None:
        pytest.skip("no non-loopback address on this machine")
    remote = httpx.get(f"http://{address}:{port}/metrics")
    assert remote.status_code == 403 and remote.json()["error"]["code"] == "metrics_forbidden"
    assert "kiosk_http_requests_total" not in remote.text
    # relayed by a proxy (the load balancer adds X-Forwarded-For): refused even when the proxy is on this machine
    relayed = httpx.get(local + "/metrics", headers={"X-Forwarded-For": "127.0.0.1"})
    assert relayed.status_code == 403 and relayed.json()["error"]["message_ja"]
    # a terminal's token is no metrics credential
    store = cloud.terminal("store")
    token = store.http.headers["Authorization"]
    assert httpx.get(f"http://{address}:{port}/metrics", headers={"Authorization": token}).status_code == 403
    # and the API itself is still served to the remote caller
    assert httpx.get(f"http://{address}:{port}/v1/health").status_code == 200


def test_metrics_with_a_token_need_the_token_from_everywhere(demo: DemoInfo) -> None:
    settings = Settings(database_url=demo.database_url, metrics_token="s3cret-metrics-token")
    with start_embedded(demo.database_url, settings=settings) as server:
        missing = httpx.get(server.url + "/metrics")  # loopback is not enough once a token is set
        assert missing.status_code == 401 and missing.json()["error"]["code"] == "metrics_token_invalid"
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = httpx.get(server.url + "/metrics", headers={"Authorization": "Bearer s3cret-metrics-tokeN"})
        assert wrong.status_code == 401 and "kiosk_http" not in wrong.text
        basic = httpx.get(server.url + "/metrics", auth=("prometheus", "s3cret-metrics-token"))
        assert basic.status_code == 401
        text = _scrape(server.url, headers={"Authorization": "Bearer s3cret-metrics-token"})
        assert "kiosk_http_requests_total" in text
        assert httpx.post(server.url + "/metrics", headers={
            "Authorization": "Bearer s3cret-metrics-token"}).status_code == 405


def test_health_is_open_to_anyone_within_the_anonymous_rate_and_never_holds_back_terminals(
        demo: DemoInfo, pki_dir: Path) -> None:
    """Who may call /v1/health: anyone (load balancers, monitoring, terminals before enrolment); callers without a
    terminal token are held to the front door's per-address rate (429), enrolled terminals' probes are not."""
    settings = Settings(database_url=demo.database_url, anon_burst=3, anon_rate_per_s=0.01)
    with start_embedded(demo.database_url, settings=settings) as server:
        cloud = Cloud(server.url, demo, pki_dir / "pki")  # enrols the admin terminal: one anonymous request
        try:
            store = cloud.terminal("store")  # an authenticated enrolment-code request and one more enrolment
            anonymous = [httpx.get(server.url + "/v1/health").status_code for _ in range(4)]
            assert anonymous[-1] == 429 and set(anonymous) <= {200, 429}, anonymous
            refused = httpx.get(server.url + "/v1/health")
            assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
            assert "checks" not in refused.json()
            for _ in range(10):  # a terminal probing with its token is always answered
                assert store.get("/health").json()["status"] == "ok"
        finally:
            cloud.close()
