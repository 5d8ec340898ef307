"""`kiosk-cloud init-demo` and `kiosk-cloud serve --workers 2` as real processes: several workers share one
database and still never overdraw (SQLite: BEGIN IMMEDIATE across processes; PostgreSQL: row locks)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.embedded import start_embedded

from .helpers import Cloud, key
from .test_concurrency import burst

CLI = [sys.executable, "-c", "import sys; from kiosk_cloud.cli import main; sys.exit(main())"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(demo: DemoInfo) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen([*CLI, "serve", "--database-url", demo.database_url, "--port", str(port),
                             "--workers", "2", "--pool-size", "5"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode() if proc.stdout else ""
                raise RuntimeError(f"kiosk-cloud serve did not come up: {out[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def test_init_demo_cli_prints_codes(tmp_path: Path, pki_dir: Path) -> None:
    url = f"sqlite:///{tmp_path}/c.sqlite3"
    out = subprocess.run([*CLI, "init-demo", "--database-url", url, "--data-dir", str(pki_dir)],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "府中市" in out and "counter" in out and "S001" in out
    assert "YMDTRU01" in out


@pytest.mark.slow
def test_two_workers_never_overdraw(served: str, demo: DemoInfo, pki_dir: Path) -> None:
    cloud = Cloud(served, demo, pki_dir / "pki")
    try:
        m = cloud.mykey("takahashi")
        stores = [cloud.terminal("store", shop_id=s["id"]) for s in demo.shops]
        reader = cloud.terminal("counter")  # a resident's balance is read with a staff session
        balance = reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
        price = 90
        takahashi = cloud.resident("takahashi")
        calls = [(stores[i % len(stores)], "/payments", {
            "point_type_id": cloud.point_type, "points": price, "idempotency_key": key(),
            "consent": stores[i % len(stores)].consent(takahashi, price, point_type_id=cloud.point_type)})
            for i in range(50)]
        responses = burst(calls)
        codes = sorted(r.status_code for r in responses)
        assert set(codes) <= {200, 409}, [r.text for r in responses if r.status_code not in (200, 409)]
        assert codes.count(200) == balance // price
        final = reader.ok("GET", f"/balances/{m}")["accounts"][0]["balance"]
        assert final == balance - codes.count(200) * price
    finally:
        cloud.close()


def test_trust_commands_install_a_ca_and_crl(tmp_path: Path) -> None:
    """A production set-up: the JPKI CA and its CRL come from files (PEM or DER), not from the demo PKI."""
    from cryptography.hazmat.primitives import serialization

    from kiosk.demo import certs
    from kiosk_cloud.cli import main

    now = certs.utcnow()
    ca_key = certs.new_rsa_key()
    ca = certs.make_ca(ca_key, now)
    crl = certs.make_crl(ca_key, ca, [4242], now)
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "crl.der").write_bytes(crl.public_bytes(serialization.Encoding.DER))
    (tmp_path / "junk.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    url = f"sqlite:///{tmp_path}/c.sqlite3"
    assert main(["trust-add-ca", "--database-url", url, str(tmp_path / "ca.pem")]) == 0
    assert main(["trust-set-crl", "--database-url", url, str(tmp_path / "crl.der")]) == 0
    assert main(["trust-add-ca", "--database-url", url, str(tmp_path / "junk.pem")]) == 2
    import sqlite3

    rows = sqlite3.connect(tmp_path / "c.sqlite3").execute(
        "SELECT data FROM changes WHERE kind = 'revocation' ORDER BY seq").fetchall()
    assert '"revoked_serials":["4242"]' in rows[-1][0]
    # installing the same CA and CRL again (e.g. `serve --ca-cert` at every start) changes nothing
    assert main(["trust-add-ca", "--database-url", url, str(tmp_path / "ca.pem")]) == 0
    assert main(["trust-set-crl", "--database-url", url, str(tmp_path / "crl.der")]) == 0
    again = sqlite3.connect(tmp_path / "c.sqlite3").execute(
        "SELECT count(*) FROM changes WHERE kind = 'revocation'").fetchone()[0]
    assert again == len(rows)


def test_seed_bench_creates_paying_residents(demo: DemoInfo) -> None:
    """Bench MyKey IDs are bound to certificates of the demo CA and pay with a signed consent like any card."""
    from kiosk_cloud.benchseed import load_bench_residents
    from kiosk_cloud.cli import main

    assert demo.pki_dir is not None
    data_dir = str(Path(demo.pki_dir).parent)
    args = ["seed-bench", "--database-url", demo.database_url, "--residents", "3", "--data-dir", data_dir]
    assert main([*args, "--points", "10000000"]) == 0
    assert main([*args, "--points", "5"]) == 0  # tops up, same certificates
    bench = load_bench_residents(Path(data_dir))
    assert [b.mykey_id for b in bench] == ["B0000001", "B0000002", "B0000003"]
    server = start_embedded(demo.database_url)
    cloud = Cloud(server.url, demo, Path(demo.pki_dir))
    try:
        store = cloud.terminal("store")
        consent = bench[2].consent(municipality_code=demo.municipality_code, shop_id=store.shop_id,
                                   terminal_id=store.id, point_type_id=cloud.point_type, points=5)
        paid = store.ok("POST", "/payments", {"point_type_id": cloud.point_type, "points": 5,
                                              "idempotency_key": key(), "consent": consent})
        assert paid["mykey_id"] == "B0000003" and paid["balance"] == 10_000_000
    finally:
        cloud.close()
        server.stop()
