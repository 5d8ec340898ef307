"""The clerk's session over real HTTP on SQLite and PostgreSQL (issue 8): every attack refused, nothing written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .helpers import Cloud, Terminal, key
from .staff_db import age_session, ledger_staff, session_rows, written


def _grant(t: Terminal, cloud: Cloud, points: int = 100, **extra: Any) -> Any:
    return t.post("/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"), "points": points,
                              "idempotency_key": key(), **extra})


def _sync_grant(t: Terminal, cloud: Cloud, session: str | None, *, at: datetime | None = None,
                op_key: str | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"key": op_key or key(), "kind": "grant",
                          "created_at": (at or datetime.now(UTC)).isoformat(),
                          "payload": {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"),
                                      "points": 100}}
    if session is not None:
        op["staff_session"] = session
    return dict(t.ok("POST", "/sync", {"operations": [op]})["results"][0])


def _refused(response: Any, code: str, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_login_opens_a_session_and_the_grant_records_its_clerk(cloud: Cloud) -> None:
    counter = cloud.terminal("counter", staff=None)
    login = counter.login_staff("S002")
    assert login["role"] == "counter" and login["idle_timeout_s"] == 900 and "." in login["staff_session"]
    # a body naming another staff member is ignored: the session's clerk is recorded
    grant = counter.ok("POST", "/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"),
                                           "points": 100, "idempotency_key": key(), "staff_id": 1})
    assert ledger_staff(cloud.demo.database_url, grant["grant_id"]) == login["staff_id"] != 1


def test_counter_without_a_clerk_cannot_grant_plain_or_by_sync(cloud: Cloud) -> None:
    counter = cloud.terminal("counter", staff=None)
    before = written(cloud.demo.database_url)
    _refused(_grant(counter, cloud), "staff_session_required", 401)
    _refused(counter.post("/grants/bulk", {"programme_id": cloud.programme(), "grants": [
        {"mykey_id": cloud.mykey("yamada"), "points": 1, "idempotency_key": key()}]}), "staff_session_required", 401)
    op_key = key()
    result = _sync_grant(counter, cloud, None, op_key=op_key)
    assert result["status"] == "rejected" and result["code"] == "staff_session_required"
    garbage = _sync_grant(counter, cloud, "1.not-a-session")
    assert garbage["status"] == "rejected" and garbage["code"] == "staff_session_required"
    assert written(cloud.demo.database_url) == before
    # the refusal was not stored: the same key goes through once a clerk is logged in
    session = counter.login_staff("S001")["staff_session"]
    assert _sync_grant(counter, cloud, session, op_key=op_key)["status"] == "applied"
    # a replay of an applied key is answered from its stored result even without the session: it applies nothing
    counter.logout_staff()
    after = written(cloud.demo.database_url)
    replay = _sync_grant(counter, cloud, None, op_key=op_key)
    assert (replay["status"], replay["replayed"]) == ("replayed", True)
    assert written(cloud.demo.database_url) == after


def test_a_session_of_another_terminal_is_refused(cloud: Cloud) -> None:
    mine = cloud.terminal("counter")
    other = cloud.terminal("counter", staff=None)
    before = written(cloud.demo.database_url)
    stolen = mine.staff["staff_session"]
    _refused(other.post("/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"),
                                    "points": 100, "idempotency_key": key()}, headers={"X-Staff-Session": stolen}),
             "staff_session_invalid", 401)
    assert _sync_grant(other, cloud, stolen)["code"] == "staff_session_required"
    assert written(cloud.demo.database_url) == before


def test_logged_out_and_idle_sessions_are_refused(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    session = counter.staff["staff_session"]
    counter.logout_staff()
    before = written(cloud.demo.database_url)
    _refused(counter.post("/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"),
                                      "points": 100, "idempotency_key": key()}, headers={"X-Staff-Session": session}),
             "staff_session_invalid", 401)
    assert _sync_grant(counter, cloud, session)["code"] == "staff_session_required"
    # idle: the last use 16 minutes ago (staff_idle_s 900)
    idle = counter.login_staff("S001")
    age_session(cloud.demo.database_url, int(idle["staff_session"].split(".")[0]), 16 * 60)
    assert _sync_grant(counter, cloud, idle["staff_session"])["code"] == "staff_session_required"
    _refused(_grant(counter, cloud), "staff_session_expired", 401)
    _refused(_grant(counter, cloud), "staff_session_expired", 401)  # and it stays ended
    assert written(cloud.demo.database_url) == before
    rows = {r["id"]: r for r in session_rows(cloud.demo.database_url)}
    assert rows[int(idle["staff_session"].split(".")[0])]["end_reason"] == "idle"


def test_work_queued_offline_after_a_login_still_syncs(cloud: Cloud) -> None:
    """The session idled out on the cloud (the terminal was offline), but each operation followed the previous one
    within the idle time: they were done while the clerk was logged in, so they are accepted in order."""
    counter = cloud.terminal("counter")
    login = counter.staff
    age_session(cloud.demo.database_url, int(login["staff_session"].split(".")[0]), 60 * 60)
    start = datetime.now(UTC) - timedelta(minutes=60)
    ops = [{"key": key(), "kind": "grant", "created_at": (start + timedelta(minutes=10 * i)).isoformat(),
            "staff_session": login["staff_session"],
            "payload": {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"), "points": 10}}
           for i in range(1, 4)]
    results = counter.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["status"] for r in results] == ["applied"] * 3
    # a gap longer than the idle time after the last one: the session had ended by then
    late = _sync_grant(counter, cloud, login["staff_session"], at=start + timedelta(minutes=30 + 16))
    assert late["code"] == "staff_session_required"


def test_revoking_the_terminal_ends_its_sessions(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    session_id = int(counter.staff["staff_session"].split(".")[0])
    cloud.admin.ok("POST", f"/terminals/{counter.id}/revoke")
    before = written(cloud.demo.database_url)
    _refused(_grant(counter, cloud), "terminal_revoked", 401)
    assert written(cloud.demo.database_url) == before
    row = next(r for r in session_rows(cloud.demo.database_url) if r["id"] == session_id)
    assert row["ended_at"] is not None and row["end_reason"] == "terminal_revoked"


def test_the_office_does_not_grant_programme_points(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    counter = cloud.terminal("counter", staff="OFC01")  # an office clerk at a counter terminal
    before = written(cloud.demo.database_url)
    _refused(_grant(office, cloud), "forbidden_role", 403)
    _refused(_grant(counter, cloud), "forbidden_staff_role", 403)
    result = _sync_grant(office, cloud, office.staff["staff_session"])
    assert result["status"] == "rejected" and result["code"] == "forbidden_role"
    assert written(cloud.demo.database_url)["ledger"] == before["ledger"]


def test_store_terminals_need_no_clerk_and_cannot_log_one_in(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    _refused(store.post("/staff/login", {"staff_code": "S001", "password": "demo-pass"}), "forbidden_role", 403)


def test_admin_endpoints_need_an_admin_clerk(cloud: Cloud) -> None:
    admin = cloud.terminal("admin", staff=None)
    _refused(admin.post("/admin/voucher-keys/rotate"), "staff_session_required", 401)
    admin.login_staff("S001")  # a counter clerk on the admin terminal
    _refused(admin.post("/admin/voucher-keys/rotate"), "forbidden_staff_role", 403)
    _refused(admin.post("/admin/enrolment-codes", {"role": "counter", "name": "x"}), "forbidden_staff_role", 403)
    _refused(admin.post(f"/terminals/{admin.id}/revoke"), "forbidden_staff_role", 403)
    admin.login_staff("ADM01")
    assert admin.ok("POST", "/admin/enrolment-codes", {"role": "counter", "name": "x"})["code"]


def test_an_old_scrypt_hash_still_logs_in_and_is_upgraded(cloud: Cloud) -> None:
    from sqlalchemy import select, update

    from kiosk_cloud.models import staff
    from kiosk_cloud.security import legacy_scrypt_hash

    from .staff_db import engine

    with engine(cloud.demo.database_url) as eng, eng.begin() as conn:
        conn.execute(update(staff).where(staff.c.staff_code == "S004")
                     .values(password_hash=legacy_scrypt_hash("old-pass")))
    counter = cloud.terminal("counter", staff=None)
    _refused(counter.post("/staff/login", {"staff_code": "S004", "password": "demo-pass"}), "staff_login_failed", 401)
    assert counter.login_staff("S004", "old-pass")["role"] == "counter"
    with engine(cloud.demo.database_url) as eng, eng.connect() as conn:
        stored = conn.execute(select(staff.c.password_hash).where(staff.c.staff_code == "S004")).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert counter.login_staff("S004", "old-pass")["staff_id"]  # and the new hash verifies
