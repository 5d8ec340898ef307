"""An application's, attendance's and service ID's audit row is written in the operation's own transaction, with the
clerk of the session (never the staff_id a terminal sends), on /v1/sync and the plain endpoints; a service ID follows
one rule on both paths (issue 8's leftover). Real HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from .helpers import Cloud, key
from .staff_db import audit_rows, engine


def _measure(cloud: Cloud, name_en: str) -> int:
    counter = cloud.terminal("counter")
    return int(next(m["id"] for m in counter.ok("GET", "/measures")["measures"] if m["name_en"] == name_en))


def _event(cloud: Cloud) -> int:
    return int(next(p["id"] for p in cloud.demo.programmes if p["name_en"] == "Keyaki festival attendance"))


def _count(database_url: str, table: str) -> int:
    with engine(database_url) as eng, eng.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _fail_audit_inserts(database_url: str) -> None:
    """The database refuses every new audit row (a full disk, a broken constraint: anything after the operation)."""
    with engine(database_url) as eng, eng.begin() as conn:
        if eng.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log "
                              "BEGIN SELECT RAISE(ABORT, 'audit down'); END"))
        else:
            conn.execute(text("CREATE FUNCTION audit_down() RETURNS trigger AS $$ "
                              "BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log "
                              "FOR EACH ROW EXECUTE FUNCTION audit_down()"))


def test_sync_audits_each_staffed_kind_once_with_the_sessions_clerk(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    url = cloud.demo.database_url
    m = cloud.mykey("yamada")
    forged = 424242  # a staff_id the terminal puts in the payload: the session's clerk is recorded instead
    ops: list[dict[str, Any]] = [
        {"key": key(), "kind": "application", "payload": {
            "measure_id": _measure(cloud, "Points for every applicant"), "mykey_id": m,
            "payment_service": "府中市ポイント", "staff_id": forged}},
        {"key": key(), "kind": "attendance", "payload": {"programme_id": _event(cloud), "mykey_id": m,
                                                         "staff_id": forged}},
        {"key": key(), "kind": "service_id", "payload": {"mykey_id": m, "business_id": "GYM", "customer_id": "77",
                                                         "staff_id": forged}},
    ]
    before = len(audit_rows(url))
    results = counter.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["status"] for r in results] == ["applied"] * 3
    rows = audit_rows(url)[before:]
    assert sorted(r["action"] for r in rows) == ["application", "attendance", "service_id"]
    assert {(r["staff_id"], r["terminal_id"], r["mykey_id"]) for r in rows} == {
        (counter.staff["staff_id"], counter.id, m)}
    application = next(r for r in rows if r["action"] == "application")
    assert f"application {results[0]['result']['id']}" in str(application["subject"])
    # a replay of the batch answers from the stored results and writes no second audit row
    again = counter.ok("POST", "/sync", {"operations": ops})["results"]
    assert [r["status"] for r in again] == ["replayed"] * 3
    assert len(audit_rows(url)) == before + 3


def test_an_operation_whose_audit_row_fails_is_not_written(cloud: Cloud) -> None:
    """The operation and its audit row stand or fall together: with audit inserts failing, nothing is applied."""
    counter = cloud.terminal("counter")  # logs its clerk in first (that login is audited too)
    url = cloud.demo.database_url
    m = cloud.mykey("yamada")
    measure, event = _measure(cloud, "Points for every applicant"), _event(cloud)
    counts = {t: _count(url, t) for t in ("applications", "ledger", "service_ids", "audit_log")}
    _fail_audit_inserts(url)
    application = counter.post("/applications", {"measure_id": measure, "mykey_id": m,
                                                 "payment_service": "府中市ポイント", "idempotency_key": key()})
    assert application.status_code >= 400, application.text
    service = counter.post(f"/mykey-ids/{m}/service-ids", {"business_id": "GYM", "customer_id": "78"})
    assert service.status_code >= 400, service.text
    synced = counter.post("/sync", {"operations": [
        {"key": key(), "kind": "attendance", "payload": {"programme_id": event, "mykey_id": m}}]})
    assert synced.status_code >= 400 or synced.json()["results"][0]["status"] != "applied", synced.text
    assert {t: _count(url, t) for t in counts} == counts
    # PostgreSQL's error is answered 503 database_unavailable (try again); SQLite reports a trigger's abort as a
    # constraint, which run_once stores as a refusal — either way no idempotency row says "applied"
    with engine(url) as eng, eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM idempotency WHERE status = 'applied'")).scalar_one() == 0
    if not url.startswith("sqlite"):
        assert application.status_code == 503 and application.json()["error"]["code"] == "database_unavailable"


def test_a_suspended_mykey_id_takes_no_service_id_on_either_path(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    url = cloud.demo.database_url
    m = cloud.mykey("ito")
    counter.ok("POST", f"/mykey-ids/{m}/status", {"status": "suspended"})
    counts = {t: _count(url, t) for t in ("service_ids", "audit_log")}
    plain = counter.post(f"/mykey-ids/{m}/service-ids", {"business_id": "GYM", "customer_id": "79"})
    synced = counter.ok("POST", "/sync", {"operations": [
        {"key": key(), "kind": "service_id", "payload": {"mykey_id": m, "business_id": "GYM",
                                                         "customer_id": "79"}}]})["results"][0]
    assert 400 <= plain.status_code < 500
    assert plain.json()["error"]["code"] == synced["code"] == "mykey_id_not_valid"
    assert {t: _count(url, t) for t in counts} == counts
    # valid again: both paths register, each with its audit row
    counter.ok("POST", f"/mykey-ids/{m}/status", {"status": "valid"})
    before = len(audit_rows(url, "service_id"))
    counter.ok("POST", f"/mykey-ids/{m}/service-ids", {"business_id": "GYM", "customer_id": "79"})
    assert len(audit_rows(url, "service_id")) == before + 1
