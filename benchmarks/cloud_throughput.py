"""Card payments per second and p50/p99 latency at 1, 10 and 50 terminals, beside the bare baseline.

For each database (SQLite file, then a throwaway PostgreSQL cluster) this starts the real cloud
(`kiosk-cloud serve --workers 2`) on a fresh database with the demo municipality, seeds bench residents (MyKey
IDs bound to certificates of the demo CA, kiosk_cloud.benchseed) with points, then drives `POST /v1/payments` with
wrk from 1, 10 and 50 connections over pre-made bodies (pay_bodies.lua): each payment has its own idempotency key
and its own consent signed with the bench resident's key before the row (signing is the card's work), so the
cloud's figures include the whole proof check (statement, chain, validity, CRL, signature, nonce, audit row).
The superseding benchmark with an open-loop row is benchmarks/pay_proof.py. The bare baseline (benchmarks/baseline_asgi.py: raw ASGI,
driver only, same debit transaction) runs on the same database engine in the same run.

    .venv/bin/python -m benchmarks.cloud_throughput [--seconds 10] [--residents 200] [--only sqlite|postgresql]

Prints a table and saves benchmarks/results/cloud_throughput.json.
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
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from benchmarks import baseline_asgi, loadgen, pgcluster
from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire
from kiosk_cloud.benchseed import BenchResident, load_bench_residents, seed_benchmark
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


def seed_residents(url: str, data_dir: Path, info: Any, count: int) -> tuple[list[BenchResident], int]:
    """`count` bench residents (MyKey IDs bound to certificates of the demo CA, kiosk_cloud.benchseed) with
    points; returns (residents, point type)."""
    seed_benchmark(url, count, 10_000_000, data_dir)
    return load_bench_residents(data_dir)[:count], int(info.point_types[0]["id"])


def _enrol_store(base: str, info: Any) -> tuple[str, int, int]:
    reply = httpx.post(f"{base}/v1/terminals/enrol", json={"code": info.enrolment_codes["store"], "name": "bench"},
                       timeout=30)
    reply.raise_for_status()
    body = reply.json()
    return str(body["token"]), int(body["terminal_id"]), int(body["shop_id"])


_SIGNER: dict[str, Any] = {}


def _signer_init(pem: bytes) -> None:
    _SIGNER["key"] = serialization.load_pem_private_key(pem, None)


def _sign_all(statements: list[bytes]) -> list[bytes]:
    return [_SIGNER["key"].sign(s, padding.PKCS1v15(), hashes.SHA256()) for s in statements]


def payment_bodies(residents: list[BenchResident], *, municipality: str, shop_id: int, terminal_id: int,
                   point_type: int, count: int, out: Path) -> Path:
    """`count` payment bodies of 1 point, each with its own key and its own signed consent (made now)."""
    picks = [residents[i % len(residents)] for i in range(count)]
    statements = [encode_statement(ConsentStatement(
        action="payment", municipality_code=municipality, shop_id=shop_id, terminal_id=terminal_id,
        point_type_id=point_type, points=1, count=1, nonce=new_nonce(), at=statement_now(datetime.now(UTC))))
        for _ in picks]
    pem = residents[0].key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    chunks = [statements[i:i + 500] for i in range(0, len(statements), 500)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2, initializer=_signer_init, initargs=(pem,)) as pool:
        signatures = [sig for part in pool.map(_sign_all, chunks) for sig in part]
    with out.open("w") as f:
        for resident, statement, signature in zip(picks, statements, signatures, strict=True):
            body = {"point_type_id": point_type, "points": 1, "idempotency_key": uuid.uuid4().hex,
                    "consent": to_wire(statement, signature, resident.cert_der)}
            f.write(json.dumps(body, separators=(",", ":")) + "\n")
    return out


def measure_cloud(url: str, data_dir: Path, residents: int, seconds: int, capacity: int) -> list[dict[str, Any]]:
    """The real payment path with the proof checked: every request carries a consent signed before the row (the
    clock skew allows 300 s, so a row plus its signing must stay well inside that)."""
    info = init_demo(url, data_dir)
    bench, point_type = seed_residents(url, data_dir, info, residents)
    port = pgcluster.free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start([sys.executable, "-m", "kiosk_cloud.cli", "serve", "--database-url", url, "--port", str(port),
                     "--workers", str(WORKERS)], {}, f"{base}/v1/health")
    try:
        rows = []
        token, terminal_id, shop_id = _enrol_store(base, info)  # the demo's store code (one use): one till
        for n in CONNECTIONS:
            bodies = payment_bodies(bench, municipality=info.municipality_code, shop_id=shop_id,
                                    terminal_id=terminal_id, point_type=point_type, count=capacity * seconds,
                                    out=data_dir / f"bodies-{n}.jsonl")
            rows.append(loadgen.run_wrk_bodies(base, "/v1/payments", bodies, n, seconds, auth=token).as_dict())
        return rows
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


def run(engine: str, residents: int, seconds: int, capacity: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        data_dir = Path(tmp)
        if engine == "sqlite":
            return {"cloud": measure_cloud(f"sqlite:///{tmp}/cloud.db", data_dir, residents, seconds, capacity),
                    "baseline": measure_baseline(f"sqlite:///{tmp}/baseline.db", residents, seconds)}
        cluster = pgcluster.start_cluster()
        try:
            cloud_url = cluster.create_database("cloud")
            base_url = cluster.create_database("baseline")
            return {"cloud": measure_cloud(cloud_url, data_dir, residents, seconds, capacity),
                    "baseline": measure_baseline(base_url, residents, seconds)}
        finally:
            cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--capacity", type=int, default=1500,
                        help="signed payment bodies prepared per second of a cloud row (keep above the rate)")
    args = parser.parse_args()
    engines = [args.only] if args.only else ["sqlite", "postgresql"]
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                              "at": datetime.now(UTC).isoformat(timespec="seconds"),
                              "seconds_per_point": args.seconds, "residents": args.residents, "results": {}}
    for engine in engines:
        report["results"][engine] = run(engine, args.residents, args.seconds, args.capacity)
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
