"""Staff login throttling, the cost of unknown codes, and the audit log (issue 8), over real HTTP on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import statistics
import time
from collections.abc import Iterator

import httpx
import pytest

from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.embedded import start_embedded
from kiosk_cloud.settings import Settings

from .helpers import Cloud, Terminal, key
from .staff_db import all_text, audit_rows


def _login(t: Terminal, code: str, password: str) -> httpx.Response:
    return t.post("/staff/login", {"staff_code": code, "password": password})


def _code(response: httpx.Response) -> str:
    return str(response.json()["error"]["code"])


def test_lockout_per_staff_code_and_per_terminal(cloud: Cloud) -> None:
    a, b, c = (cloud.terminal("counter", staff=None) for _ in range(3))
    for _ in range(5):  # staff_login_max_failures
        assert _code(_login(a, "S003", "wrong")) == "staff_login_failed"
    locked = _login(a, "S003", "demo-pass")  # even the right password, while locked
    assert locked.status_code == 429 and _code(locked) == "staff_login_locked"
    assert locked.json()["error"]["retry_after_s"] > 0
    assert _code(_login(c, "S003", "demo-pass")) == "staff_login_locked"  # the code is locked everywhere
    # one terminal trying many codes (unknown ones count too) is locked as a terminal
    for i in range(5):
        assert _code(_login(b, f"NOSUCH{i}", "guess")) == "staff_login_failed"
    assert _code(_login(b, "S004", "demo-pass")) == "staff_login_locked"
    assert _login(c, "S004", "demo-pass").status_code == 200  # another terminal, another code: fine
    actions = [r["action"] for r in audit_rows(cloud.demo.database_url)]
    assert actions.count("staff_login_failed") >= 10 and actions.count("staff_login_locked") == 3
    locks = [r for r in audit_rows(cloud.demo.database_url, "staff_login_locked")]
    assert {r["terminal_id"] for r in locks} == {a.id, b.id, c.id}


@pytest.fixture
def lenient(demo: DemoInfo) -> Iterator[str]:
    """A second server on the same database that never locks (to time many failed logins)."""
    settings = Settings(database_url=demo.database_url, staff_login_max_failures=10_000)
    server = start_embedded(demo.database_url, settings=settings, migrate=False)
    try:
        yield server.url
    finally:
        server.stop()


def test_unknown_codes_cost_the_same_time_as_known_ones(cloud: Cloud, lenient: str) -> None:
    """Medians of several tries each, interleaved; generous margin (the password hash dominates: ~tens of ms)."""
    t = cloud.terminal("counter", staff=None)
    http = httpx.Client(base_url=lenient + "/v1", timeout=30, headers=dict(t.http.headers))
    known: list[float] = []
    unknown: list[float] = []
    try:
        for i in range(9):
            for code, bucket in (("S002", known), (f"ZZ{i:04d}", unknown)):
                start = time.perf_counter()
                response = http.post("/staff/login", json={"staff_code": code, "password": "not-the-password"})
                bucket.append(time.perf_counter() - start)
                assert response.status_code == 401
    finally:
        http.close()
    k, u = statistics.median(known), statistics.median(unknown)
    print(f"staff login failure, median of 9: known code {k * 1000:.1f} ms, unknown code {u * 1000:.1f} ms")
    assert 0.5 < u / k < 2.0, (k, u)


def test_audit_rows_for_the_sensitive_actions_and_no_secrets(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    session = counter.staff["staff_session"]
    assert _code(_login(counter, "S002", "a-wrong-password")) == "staff_login_failed"
    grant = counter.ok("POST", "/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("ito"),
                                           "points": 30, "idempotency_key": key()})
    synced = counter.ok("POST", "/sync", {"operations": [{
        "key": key(), "kind": "grant", "payload": {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("ito"),
                                                   "points": 40}}]})["results"][0]
    assert synced["status"] == "applied"
    resident = cloud.resident("ito")
    auth = counter.authenticate(resident)
    counter.ok("POST", f"/mykey-ids/{cloud.mykey('ito')}/status", {"status": "valid"})
    doomed = cloud.terminal("counter")
    cloud.admin.ok("POST", f"/terminals/{doomed.id}/revoke")
    counter.logout_staff()
    rows = audit_rows(cloud.demo.database_url)
    by_action: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_action.setdefault(str(row["action"]), []).append(row)
    for action in ("staff_login", "staff_login_failed", "grant", "mykey_status", "terminal_enrolment_code",
                   "terminal_enrolled", "terminal_revoked", "staff_logout"):
        assert action in by_action, (action, sorted(by_action))
    grants = by_action["grant"]
    assert {(g["terminal_id"], g["staff_id"], g["mykey_id"]) for g in grants} == {
        (counter.id, counter.staff["staff_id"], cloud.mykey("ito"))}
    assert any(f"grant {grant['grant_id']}" in str(g["subject"]) for g in grants) and len(grants) == 2
    revoked = by_action["terminal_revoked"][-1]
    assert (revoked["terminal_id"], revoked["subject"]) == (cloud.admin.id, f"terminal {doomed.id}")
    assert revoked["staff_id"] == cloud.admin.staff["staff_id"]
    text = all_text(cloud.demo.database_url)
    assert resident.cert_der is not None
    for secret in ("demo-pass", "a-wrong-password", session, session.split(".")[1], auth["auth_token"],
                   auth["auth_token"].split(".")[1], base64.b64encode(resident.cert_der).decode()[:40],
                   cloud.admin.staff["staff_session"].split(".")[1]):  # (a PIN never reaches the cloud at all)
        assert secret not in text


def test_admin_reads_the_audit_log_in_pages(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    for _ in range(3):
        counter.ok("POST", "/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"),
                                       "points": 1, "idempotency_key": key()})
    first = cloud.admin.ok("GET", "/admin/audit", params={"action": "grant", "limit": 2})
    assert [e["action"] for e in first["entries"]] == ["grant", "grant"] and first["total"] == 3
    assert first["next_before_id"] is not None
    rest = cloud.admin.ok("GET", "/admin/audit", params={"action": "grant", "limit": 2,
                                                          "before_id": first["next_before_id"]})
    assert len(rest["entries"]) == 1 and rest["next_before_id"] is None
    ids = [e["id"] for e in first["entries"] + rest["entries"]]
    assert ids == sorted(ids, reverse=True)
    assert cloud.admin.ok("GET", "/admin/audit", params={"mykey_id": cloud.mykey("yamada")})["total"] >= 3
    # only an admin clerk on an admin terminal
    assert _code(counter.get("/admin/audit")) == "forbidden_role"
    bare = cloud.terminal("admin", staff=None)
    assert _code(bare.get("/admin/audit")) == "staff_session_required"
