"""Card payments WITH the resident's proof on PostgreSQL: 1, 10 and 50 closed-loop terminals and an open-loop row,
beside a bare baseline doing the same debit and the same signature + chain check; and what the proof costs.

    .venv/bin/python -m benchmarks.pay_proof [--seconds 8] [--residents 200] [--rate 500] [--pool-size 20]

What runs: a throwaway PostgreSQL cluster (fsync on, benchmarks/pgcluster.py); the real cloud
(`kiosk-cloud serve --workers 2`, demo municipality) and the baseline (benchmarks/baseline_asgi.py under uvicorn,
2 workers, `POST /pay_proof`) side by side, each on its own database. Residents: `--residents` user-auth
certificates issued by the demo CA (one RSA key, many certificates), bound to MyKey IDs with 1,000,000 points each.
Terminals: 50 store terminals enrolled over HTTP, spread over the demo shops; each connection of the load is one
terminal with its own token. Every request is a real `POST /v1/payments` of 1 point with its own idempotency key
and its own consent (statement naming that terminal and its shop, a unique nonce, signed with the resident's key):
everything the cloud does for a payment is counted per payment — the statement checks, the chain to the CA, the
certificate's validity at the statement's time, the CRL, the signature, the nonce consumed in the debit's
transaction, the audit row. The consents are signed BEFORE each row (signing is the card's work, not the cloud's).

Load: benchmarks/proofload.py (raw asyncio sockets on uvloop, in its own process). Closed loop: each terminal sends
its next payment when the last one is answered. Open loop: `--rate` payments/s offered by 50 terminals together on
a fixed schedule, latency measured from the intended send time (corrected for coordinated omission).

CPU: the server's process tree and PostgreSQL's, per answered payment (from /proc), for every target.

Proof cost: (1) in-process timing of `services.consent.check_proof` and of its crypto parts, per payment;
(2) the baseline with and without the proof check (`/pay_proof` vs `/pay`) at 50 terminals.

Prints a table and saves benchmarks/results/pay_proof.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from sqlalchemy import insert

from benchmarks import baseline_asgi, loadgen, pgcluster, proofload
from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire
from kiosk.demo import certs
from kiosk_cloud.api.terminals import issue_enrolment_code
from kiosk_cloud.benchseed import _bench_programme
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.demo import init_demo
from kiosk_cloud.jpki import cert_info
from kiosk_cloud.models import certificates, mykey_ids
from kiosk_cloud.services.ledger_ops import grant

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
WORKERS = 2
TERMINALS = 50
CLOSED = (1, 10, 50)
CAPACITY = {1: 1200, 10: 3000, 50: 3000}  # prepared payments per second of a closed-loop row (never the limit)
_KEY: dict[str, Any] = {}


def _sign_init(pem: bytes) -> None:
    _KEY["key"] = serialization.load_pem_private_key(pem, None)


def _sign(statements: list[bytes]) -> list[bytes]:
    return [_KEY["key"].sign(s, padding.PKCS1v15(), hashes.SHA256()) for s in statements]


async def _seed(url: str, pki_dir: Path, residents: int, shops: list[int]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Residents (MyKey ID, certificate DER) with points, and one store enrolment code per terminal."""
    ca_key = serialization.load_pem_private_key((pki_dir / "ca.key.pem").read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate((pki_dir / "ca.crt.pem").read_bytes())
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    key = _KEY["resident"]
    db = Database(url, pool_size=2)
    out: list[tuple[str, bytes]] = []
    try:
        now = utcnow()
        async with db.write() as conn:
            programme = await _bench_programme(conn)
            for i in range(residents):
                cert = certs.make_user_auth_cert(ca_key, ca_cert, key.public_key(), now - timedelta(days=1))
                der = cert.public_bytes(serialization.Encoding.DER)
                info = cert_info(cert, der)
                mykey_id = f"P{i:07d}"
                await conn.execute(insert(mykey_ids).values(mykey_id=mykey_id, status="valid", created_at=now,
                                                            status_changed_at=now))
                await conn.execute(insert(certificates).values(fingerprint=info.fingerprint, mykey_id=mykey_id,
                                                               serial=info.serial, issuer=info.issuer,
                                                               not_after=info.not_after, bound_at=now))
                await grant(conn, programme_id=programme, mykey_id=mykey_id, points=1_000_000, terminal_id=None,
                            now=now)
                out.append((info.fingerprint, der))
        codes = [await issue_enrolment_code(db, "store", f"bench store {j}", shops[j % len(shops)], 3600)
                 for j in range(TERMINALS)]
        return out, codes
    finally:
        await db.dispose()


def _tree_cpu_s(root: int) -> float:
    """CPU seconds (user + system) used so far by process `root` and all its descendants (Linux /proc)."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parent[int(entry)] = int(fields[1])
        ticks[int(entry)] = int(fields[11]) + int(fields[12])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, ppid in parent.items():
            if ppid == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def _measured(host: str, port: int, requests: list[list[bytes]], seconds: float, rate: float | None,
              server: int, postgres: int) -> dict[str, Any]:
    """One load run, with the CPU the server's processes and PostgreSQL's spent on it, per answered payment."""
    before = _tree_cpu_s(server), _tree_cpu_s(postgres)
    figures = proofload.run_in_process(host, port, requests, seconds, rate)
    done = max(1, figures["completed"])
    figures["server_cpu_ms_per_payment"] = round((_tree_cpu_s(server) - before[0]) / done * 1000, 3)
    figures["postgres_cpu_ms_per_payment"] = round((_tree_cpu_s(postgres) - before[1]) / done * 1000, 3)
    return figures


def _start(cmd: list[str], env: dict[str, str], health: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env})
    loadgen.wait_healthy(health, process)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def _build(terminals: list[dict[str, Any]], residents: list[tuple[str, bytes]], municipality: str,
           counts: list[int], pool: ProcessPoolExecutor, host: str) -> tuple[list[list[bytes]], list[list[bytes]],
                                                                             list[list[bytes]]]:
    """Per connection: cloud requests, baseline-with-proof requests, baseline-without-proof requests (same
    consents). The statements are dated 60 s ahead, within the cloud's ±300 s skew for the next ~6 minutes."""
    at = statement_now(datetime.now(UTC) + timedelta(seconds=60))
    plan: list[tuple[int, int, bytes]] = []
    for j, n in enumerate(counts):
        t = terminals[j]
        for k in range(n):
            r = (j * 7919 + k) % len(residents)
            s = ConsentStatement("payment", municipality, t["shop_id"], t["terminal_id"], 1, 1, 1, new_nonce(), at)
            plan.append((j, r, encode_statement(s)))
    chunks = [[p[2] for p in plan[i:i + 500]] for i in range(0, len(plan), 500)]
    signatures = [sig for part in pool.map(_sign, chunks) for sig in part]
    cloud: list[list[bytes]] = [[] for _ in counts]
    proof: list[list[bytes]] = [[] for _ in counts]
    bare: list[list[bytes]] = [[] for _ in counts]
    for (j, r, statement), signature in zip(plan, signatures, strict=True):
        t, (fingerprint, der) = terminals[j], residents[r]
        consent = to_wire(statement, signature, der)
        key = uuid.uuid4().hex
        body = {"point_type_id": 1, "points": 1, "idempotency_key": key, "consent": consent}
        cloud[j].append(proofload.http_request(host, "/v1/payments", json.dumps(body).encode(), t["token"]))
        proof[j].append(proofload.http_request(host, "/pay_proof", json.dumps(
            {**body, "terminal_id": t["terminal_id"], "shop_id": t["shop_id"]}).encode(), None))
        bare[j].append(proofload.http_request(host, "/pay", json.dumps(
            {"mykey_id": fingerprint, "points": 1, "idempotency_key": key + "-bare"}).encode(), None))
    return cloud, proof, bare


def proof_cost(residents: list[tuple[str, bytes]], pki_dir: Path, municipality: str, n: int = 2000) -> dict[str, Any]:
    """Microseconds per payment of the proof check, in-process: the whole `check_proof` and its crypto parts."""
    from kiosk_cloud.jpki import TrustStore
    from kiosk_cloud.services.consent import ConsentIn, Expected, check_proof
    from kiosk_cloud.settings import Settings

    ca_der = x509.load_pem_x509_certificate((pki_dir / "ca.crt.pem").read_bytes()).public_bytes(
        serialization.Encoding.DER)
    trust = TrustStore.from_der([ca_der], [(pki_dir / "crl.der").read_bytes()])
    ca = trust.cas[0]
    now = datetime.now(UTC)
    at = statement_now(now)
    items = []
    for k in range(n):
        s = ConsentStatement("payment", municipality, 1, 1, 1, 1, 1, new_nonce(), at)
        data = encode_statement(s)
        sig = _KEY["resident"].sign(data, padding.PKCS1v15(), hashes.SHA256())
        items.append((data, sig, residents[k % len(residents)][1]))
    consents = [ConsentIn(**to_wire(d, s, c)) for d, s, c in items]
    expected = Expected("payment", municipality, 1, 1, 1, 1)
    settings = Settings()

    def timed(fn: Any) -> float:
        t0 = time.perf_counter()
        for i in range(n):
            fn(i)
        return round((time.perf_counter() - t0) / n * 1e6, 1)

    certs_ = [x509.load_der_x509_certificate(c) for _, _, c in items]
    return {
        "check_proof_us": timed(lambda i: check_proof(consents[i], expected, trust, now=now, offline=False,
                                                      window=settings)),
        "parts_us": {
            "load_certificate": timed(lambda i: x509.load_der_x509_certificate(items[i][2])),
            "chain_signature": timed(lambda i: certs_[i].verify_directly_issued_by(ca)),
            "statement_signature": timed(lambda i: certs_[i].public_key().verify(  # type: ignore[union-attr,call-arg]
                items[i][1], items[i][0], padding.PKCS1v15(), hashes.SHA256())),  # type: ignore[arg-type]
        },
        "samples": n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--rate", type=float, default=500.0)
    parser.add_argument("--pool-size", type=int, default=20, help="the cloud's database connections per worker")
    args = parser.parse_args()
    _KEY["resident"] = certs.new_rsa_key()
    pem = _KEY["resident"].private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                              "at": datetime.now(UTC).isoformat(timespec="seconds"), "seconds_per_row": args.seconds,
                              "residents": args.residents, "terminals": TERMINALS, "pool_size": args.pool_size,
                              "rows": []}
    cluster = pgcluster.start_cluster()
    servers: list[subprocess.Popen[bytes]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
            cloud_url, base_url = cluster.create_database("cloud"), cluster.create_database("baseline")
            info = init_demo(cloud_url, Path(tmp))
            assert info.pki_dir is not None
            pki_dir = Path(info.pki_dir)
            shops = [int(s["id"]) for s in info.shops]
            residents, codes = asyncio.run(_seed(cloud_url, pki_dir, args.residents, shops))
            asyncio.run(baseline_asgi.prepare(base_url, [fp for fp, _ in residents], 10**12))
            cport, bport = pgcluster.free_port(), pgcluster.free_port()
            servers.append(_start([sys.executable, "-m", "kiosk_cloud.cli", "serve", "--database-url", cloud_url,
                                   "--port", str(cport), "--workers", str(WORKERS), "--pool-size", str(args.pool_size)],
                                  {"KIOSK_CLOUD_ANON_BURST": "100000"}, f"http://127.0.0.1:{cport}/v1/health"))
            servers.append(_start([sys.executable, "-m", "uvicorn", "benchmarks.baseline_asgi:app", "--port",
                                   str(bport), "--workers", str(WORKERS), "--log-level", "warning",
                                   "--no-access-log"],
                                  {"BASELINE_DB_URL": base_url, "BASELINE_CA_PEM": str(pki_dir / "ca.crt.pem"),
                                   "BASELINE_CRL_DER": str(pki_dir / "crl.der")}, f"http://127.0.0.1:{bport}/health"))
            with httpx.Client(base_url=f"http://127.0.0.1:{cport}/v1", timeout=30) as client:
                terminals = []
                for j, code in enumerate(codes):
                    reply = client.post("/terminals/enrol", json={"code": code, "name": f"bench store {j}"})
                    reply.raise_for_status()
                    terminals.append(reply.json())
            report["proof_cost"] = proof_cost(residents, pki_dir, info.municipality_code)
            pg_pid = int((cluster.directory / "data" / "postmaster.pid").read_text().split()[0])
            rows: list[tuple[str, int, float | None]] = [("closed", n, None) for n in CLOSED]
            rows.append(("open", TERMINALS, args.rate))
            with ProcessPoolExecutor(2, initializer=_sign_init, initargs=(pem,)) as pool:
                for mode, n, rate in rows:
                    per = (int(CAPACITY[n] * args.seconds) // n + 1) if rate is None else (
                        int(rate * args.seconds) // n + 2)
                    cloud, proof, bare = _build(terminals, residents, info.municipality_code, [per] * n, pool,
                                                "127.0.0.1")
                    row: dict[str, Any] = {"mode": mode, "terminals": n, "offered_per_s": rate,
                                           "load_average_before": round(os.getloadavg()[0], 2)}
                    cpid, bpid = servers[0].pid, servers[1].pid
                    row["cloud"] = _measured("127.0.0.1", cport, cloud, args.seconds, rate, cpid, pg_pid)
                    row["baseline_proof"] = _measured("127.0.0.1", bport, proof, args.seconds, rate, bpid, pg_pid)
                    if mode == "closed" and n == TERMINALS:
                        row["baseline_no_proof"] = _measured("127.0.0.1", bport, bare, args.seconds, None, bpid,
                                                             pg_pid)
                    report["rows"].append(row)
                    print(json.dumps(row), flush=True)
    finally:
        for server in servers:
            _stop(server)
        cluster.stop()
    _print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pay_proof.json").write_text(json.dumps(report, indent=2) + "\n")


def _print(report: dict[str, Any]) -> None:
    print(f"{'row':<22}{'target':<18}{'pay/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ok':>8}{'other':>8}{'ran out':>9}"
          f"{'srv ms':>8}{'pg ms':>7}")
    for row in report["rows"]:
        name = f"{row['mode']} {row['terminals']}" + (f" @{row['offered_per_s']:.0f}/s" if row["offered_per_s"] else "")
        for target in ("cloud", "baseline_proof", "baseline_no_proof"):
            if target not in row:
                continue
            f = row[target]
            ok = f["statuses"].get("200", 0)
            print(f"{name:<22}{target:<18}{f['requests_per_s']:>9.0f}{f['p50_ms']:>9.1f}{f['p99_ms']:>9.1f}"
                  f"{ok:>8}{f['completed'] - ok:>8}{f['ran_out']:>9}{f['server_cpu_ms_per_payment']:>8.2f}"
                  f"{f['postgres_cpu_ms_per_payment']:>7.2f}")
    cost = report.get("proof_cost", {})
    print(f"proof check per payment (in-process): {cost.get('check_proof_us')} µs; parts {cost.get('parts_us')}")


if __name__ == "__main__":
    main()
