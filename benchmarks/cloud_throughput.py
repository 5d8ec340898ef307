"""Card payments per second and p50/p99 latency at 1, 10 and 50 terminals, beside the bare baseline.

For each database (SQLite file, then a throwaway PostgreSQL cluster) this starts the real cloud
(`kiosk-cloud serve --workers 2`) on a fresh database with the demo municipality, creates resident MyKey IDs
through the real resident-auth flow (challenge → signature with a test JPKI key → verify → create), grants them
points, then drives `POST /v1/payments` with wrk from 1, 10 and 50 connections (each connection one store
terminal's stream of payments, unique idempotency keys). The bare baseline (benchmarks/baseline_asgi.py: raw ASGI,
driver only, same debit transaction) runs on the same database engine in the same run.

    .venv/bin/python -m benchmarks.cloud_throughput [--seconds 10] [--residents 200] [--only sqlite|postgresql]

Prints a table and saves benchmarks/results/cloud_throughput.json.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from benchmarks import baseline_asgi, loadgen, pgcluster
from kiosk.demo import certs
from kiosk_cloud.demo import init_demo

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CONNECTIONS = (1, 10, 50)
WORKERS = 2  # server processes, for the cloud and the baseline alike


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


def seed_residents(base: str, info: Any, count: int) -> tuple[list[str], str, int]:
    """Create `count` MyKey IDs through resident auth, grant each the programme's maximum; return (ids, store token, pt)."""
    pki = Path(info.pki_dir)
    ca_key = serialization.load_pem_private_key((pki / "ca.key.pem").read_bytes(), None)
    ca_cert = certs.x509.load_pem_x509_certificate((pki / "ca.crt.pem").read_bytes())
    resident_key = certs.new_rsa_key()  # one key, many certificates: enough for a benchmark
    with httpx.Client(base_url=base, timeout=30) as client:
        def enrol(role: str) -> str:
            reply = client.post("/v1/terminals/enrol", json={"code": info.enrolment_codes[role], "name": f"bench {role}"})
            reply.raise_for_status()
            return str(reply.json()["token"])

        counter, store = enrol("counter"), enrol("store")
        auth = {"Authorization": f"Bearer {counter}"}
        programme = info.programmes[0]
        ids = []
        now = datetime.now(UTC)
        for _ in range(count):
            cert = certs.make_user_auth_cert(ca_key, ca_cert, resident_key.public_key(), now)  # type: ignore[arg-type]
            challenge = client.post("/v1/auth/challenge", headers=auth).json()
            signature = resident_key.sign(base64.b64decode(challenge["challenge"]), padding.PKCS1v15(), hashes.SHA256())
            verified = client.post("/v1/auth/verify", headers=auth, json={
                "challenge_id": challenge["challenge_id"],
                "certificate": base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode(),
                "signature": base64.b64encode(signature).decode(),
            })
            verified.raise_for_status()
            created = client.post("/v1/mykey-ids", headers=auth, json={"auth_token": verified.json()["auth_token"]})
            created.raise_for_status()
            ids.append(created.json()["mykey_id"])
        points = int(programme["max_points_per_grant"])
        grants = [{"mykey_id": i, "points": points, "idempotency_key": str(uuid.uuid4())} for i in ids]
        reply = client.post("/v1/grants/bulk", headers=auth, json={"programme_id": programme["id"], "grants": grants})
        reply.raise_for_status()
        refused = [r for r in reply.json()["results"] if r["status"] not in ("applied", "replayed")]
        if refused:
            raise RuntimeError(f"grants refused: {refused[:3]}")
    return ids, store, int(programme["point_type_id"])


def measure_cloud(url: str, data_dir: Path, residents: int, seconds: int) -> list[dict[str, Any]]:
    info = init_demo(url, data_dir)
    port = pgcluster.free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start([sys.executable, "-m", "kiosk_cloud.cli", "serve", "--database-url", url, "--port", str(port),
                     "--workers", str(WORKERS)], {}, f"{base}/v1/health")
    try:
        ids, store, point_type = seed_residents(base, info, residents)
        extra = f',"point_type_id":{point_type}'
        return [loadgen.run_wrk(base, "/v1/payments", ids, n, seconds, auth=store, extra_json=extra).as_dict()
                for n in CONNECTIONS]
    finally:
        _stop(server)


def measure_baseline(url: str, residents: int, seconds: int) -> list[dict[str, Any]]:
    ids = [f"B{i:07d}" for i in range(residents)]
    asyncio.run(baseline_asgi.prepare(url, ids, 10**12))
    port = pgcluster.free_port()
    server = _start([sys.executable, "-m", "uvicorn", "benchmarks.baseline_asgi:app", "--port", str(port),
                     "--workers", str(WORKERS), "--log-level", "warning", "--no-access-log"],
                    {"BASELINE_DB_URL": url}, f"http://127.0.0.1:{port}/health")
    try:
        return [loadgen.run_wrk(f"http://127.0.0.1:{port}", "/pay", ids, n, seconds).as_dict() for n in CONNECTIONS]
    finally:
        _stop(server)


def run(engine: str, residents: int, seconds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        data_dir = Path(tmp)
        if engine == "sqlite":
            return {"cloud": measure_cloud(f"sqlite:///{tmp}/cloud.db", data_dir, residents, seconds),
                    "baseline": measure_baseline(f"sqlite:///{tmp}/baseline.db", residents, seconds)}
        cluster = pgcluster.start_cluster()
        try:
            cloud_url = cluster.create_database("cloud")
            base_url = cluster.create_database("baseline")
            return {"cloud": measure_cloud(cloud_url, data_dir, residents, seconds),
                    "baseline": measure_baseline(base_url, residents, seconds)}
        finally:
            cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    engines = [args.only] if args.only else ["sqlite", "postgresql"]
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                              "at": datetime.now(UTC).isoformat(timespec="seconds"),
                              "seconds_per_point": args.seconds, "residents": args.residents, "results": {}}
    for engine in engines:
        report["results"][engine] = run(engine, args.residents, args.seconds)
    print(f"{'engine':<11}{'target':<9}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
    for engine, result in report["results"].items():
        for target in ("cloud", "baseline"):
            for row in result[target]:
                print(f"{engine:<11}{target:<9}{row['connections']:>6}{row['requests_per_s']:>10.0f}"
                      f"{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['non_2xx']:>9}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cloud_throughput.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
