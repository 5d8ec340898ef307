"""The backup and the restore drill of deploy/backup, run as an operator runs them: pg_dump of a loaded cloud
database (also while terminals keep paying), restored into a fresh PostgreSQL cluster, the cloud run on it, and
balances, ledger and idempotency rows found as they were; a damaged or mislabelled backup fails the drill."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cloud.helpers import Cloud, Terminal
from cloud.pg import fresh_database
from sqlalchemy import create_engine, text

from kiosk_cloud.demo import init_demo
from kiosk_cloud.embedded import EmbeddedCloud, start_embedded
from kiosk_cloud.settings import sync_database_url

from .procs import ROOT

BACKUP = [sys.executable, str(ROOT / "deploy" / "backup" / "backup.py")]
DRILL = [sys.executable, str(ROOT / "deploy" / "backup" / "restore_drill.py")]
RESIDENTS = ("yamada", "suzuki", "takahashi", "ito")

pytestmark = pytest.mark.postgres


@pytest.fixture
def loaded(pg_server: str, pki_dir: Path) -> Iterator[tuple[Cloud, EmbeddedCloud, str]]:
    """A cloud database with payments, grants by sync, an offline payment, vouchers and a conflict in it."""
    url = fresh_database(pg_server)
    demo = init_demo(url, pki_dir)
    assert demo.pki_dir is not None
    server = start_embedded(url)
    cloud = Cloud(server.url, demo, Path(demo.pki_dir))
    try:
        store, counter, office = cloud.terminal("store"), cloud.terminal("counter"), cloud.terminal("office")
        for i, name in enumerate(RESIDENTS * 5):
            assert store.pay(cloud.resident(name), 1 + i % 4, point_type_id=cloud.point_type).status_code == 200
        grants = [{"key": uuid.uuid4().hex, "kind": "grant", "payload": {
            "programme_id": cloud.programme(), "mykey_id": cloud.mykey(n), "points": 11}} for n in RESIDENTS * 3]
        assert {r["status"] for r in counter.ok("POST", "/sync", {"operations": grants})["results"]} == {"applied"}
        at = (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0)
        offline = {"key": uuid.uuid4().hex, "kind": "offline_payment", "created_at": at.isoformat(), "payload": {
            "point_type_id": cloud.point_type, "points": 9,
            "consent": store.consent(cloud.resident("ito"), 9, point_type_id=cloud.point_type, at=at)}}
        assert store.ok("POST", "/sync", {"operations": [offline]})["results"][0]["status"] == "applied"
        body = office.ok("POST", "/vouchers", {"point_type_id": cloud.point_type, "points": 20, "count": 2,
                                               "consent": office.consent(cloud.resident("suzuki"), 40,
                                                                         action="voucher_issue", count=2)})
        code = body["vouchers"][0]["code"]
        other = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
        for t in (store, other):  # the same voucher taken offline at two shops: one conflict
            t.ok("POST", "/sync", {"operations": [{"key": uuid.uuid4().hex, "kind": "offline_voucher_redeem",
                                                   "created_at": datetime.now(UTC).isoformat(),
                                                   "payload": {"code": code}}]})
        yield cloud, server, url
    finally:
        cloud.close()
        server.stop()


def _balances(reader: Terminal | httpx.Client, cloud: Cloud) -> dict[str, Any]:
    out = {}
    for name in RESIDENTS:
        response = reader.get(f"/balances/{cloud.mykey(name)}")
        assert response.status_code == 200, response.text
        out[name] = response.json()["accounts"]
    return out


def _db(url: str, sql: str) -> list[Any]:
    engine = create_engine(sync_database_url(url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


LEDGER = "SELECT id, account_id, kind, points, terminal_id, idempotency_key FROM ledger ORDER BY id"
IDEMPOTENCY = "SELECT terminal_id, key, kind, status, result FROM idempotency ORDER BY terminal_id, key"


def _backup(url: str, directory: Path) -> Path:
    out = subprocess.run([*BACKUP, "--database-url", url, "--dir", str(directory)], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    dump = Path(out.stdout.strip())
    assert dump.exists() and dump.with_suffix(".dump.json").exists() and dump.with_suffix(".dump.sha256").exists()
    assert not list(directory.glob(".*partial"))
    return dump


def test_backup_restores_into_a_fresh_cluster_with_the_same_balances_and_ledger(
        loaded: tuple[Cloud, EmbeddedCloud, str], tmp_path: Path) -> None:
    cloud, _, url = loaded
    reader = cloud.terminal("counter")
    balances = _balances(reader, cloud)
    ledger, idempotency = _db(url, LEDGER), _db(url, IDEMPOTENCY)
    dump = _backup(url, tmp_path / "backups")
    meta = json.loads(dump.with_suffix(".dump.json").read_text())
    assert meta["fingerprint"]["ledger"]["rows"] == len(ledger) and meta["fingerprint"]["conflicts"]["rows"] == 1

    drill = subprocess.Popen([*DRILL, str(dump), "--keep-running"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert drill.stdout is not None
        report = json.loads(drill.stdout.readline() or "{}")
        ready = drill.stdout.readline().split()
        assert ready[:1] == ["READY"], (report, drill.stderr.read() if drill.poll() is not None else "")
        assert report["ok"] and report["compared"].startswith("equal") and report["accounts_ledger_not_lots"] == 0
        restored_cloud, restored_db = ready[1], ready[2]
        assert restored_db != url and httpx.get(restored_cloud + "/v1/health").json()["status"] == "ok"
        # the cloud on the restored database: the same terminals (tokens), the same clerk's session, same answers
        with httpx.Client(base_url=restored_cloud + "/v1", headers=dict(reader.http.headers)) as again:
            assert _balances(again, cloud) == balances
        assert _db(restored_db, LEDGER) == ledger and _db(restored_db, IDEMPOTENCY) == idempotency
        # and it goes on: a payment replayed with a key the original cloud applied is answered, not applied again
        store = next(t for t in cloud._terminals if t.role == "store")
        key = next(k for tid, k, kind, _, _ in idempotency if kind == "payment" and tid == store.id)
        with httpx.Client(base_url=restored_cloud + "/v1", headers=dict(store.http.headers)) as till:
            consent = store.consent(cloud.resident("yamada"), 1, point_type_id=cloud.point_type)
            replay = till.post("/payments", json={"point_type_id": cloud.point_type, "points": 1,
                                                  "idempotency_key": key, "consent": consent})
            assert replay.status_code == 200 and replay.headers.get("idempotent-replay") == "true"
        assert _db(restored_db, LEDGER) == ledger
    finally:
        if drill.stdin:
            drill.stdin.close()
        assert drill.wait(60) == 0


def test_a_backup_taken_while_terminals_pay_restores_to_its_own_snapshot(
        loaded: tuple[Cloud, EmbeddedCloud, str], tmp_path: Path) -> None:
    cloud, _, url = loaded
    store = cloud.terminal("store")
    stop = threading.Event()
    paid = [0]

    def keep_paying() -> None:
        while not stop.is_set():
            assert store.pay(cloud.resident("takahashi"), 1, point_type_id=cloud.point_type).status_code == 200
            paid[0] += 1

    payer = threading.Thread(target=keep_paying)
    payer.start()
    try:
        while paid[0] < 5:
            threading.Event().wait(0.05)
        dump = _backup(url, tmp_path / "backups")
        at_dump = paid[0]
        while paid[0] < at_dump + 5:
            threading.Event().wait(0.05)
    finally:
        stop.set()
        payer.join(30)
    recorded = json.loads(dump.with_suffix(".dump.json").read_text())["fingerprint"]
    live_rows = _db(url, "SELECT count(*) FROM ledger")[0][0]
    assert live_rows > recorded["ledger"]["rows"]  # the database moved on after the snapshot ...
    out = subprocess.run([*DRILL, str(dump)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr  # ... and the dump restores to exactly what it recorded
    assert json.loads(out.stdout)["fingerprint"] == recorded


def test_the_drill_fails_on_a_damaged_or_mislabelled_backup(loaded: tuple[Cloud, EmbeddedCloud, str],
                                                            tmp_path: Path) -> None:
    _, _, url = loaded
    dump = _backup(url, tmp_path / "backups")
    damaged = tmp_path / "damaged" / dump.name
    damaged.parent.mkdir()
    raw = bytearray(dump.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    (damaged.with_suffix(".dump.sha256")).write_text(dump.with_suffix(".dump.sha256").read_text())
    out = subprocess.run([*DRILL, str(damaged)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 1 and "SHA-256 differs" in json.loads(out.stdout)["failed"]

    meta = json.loads(dump.with_suffix(".dump.json").read_text())
    meta["fingerprint"]["ledger"]["points"] += 1  # the backup says there were other points than the dump holds
    dump.with_suffix(".dump.json").write_text(json.dumps(meta))
    out = subprocess.run([*DRILL, str(dump)], capture_output=True, text=True, timeout=300)
    report = json.loads(out.stdout)
    assert out.returncode == 1 and "restored figures differ" in report["failed"] and '"ledger"' in report["failed"]
