"""Drain 10,000 queued operations from a terminal's outbox to a local cloud, beside a one-request-per-operation
baseline measured in the same run.

The cloud is the real `kiosk-cloud serve` in a subprocess on a fresh SQLite file (demo municipality). The
terminal side is the real LocalStore + Outbox + SyncEngine in this process. Operations are grants of 1 point.

    .venv/bin/python -m benchmarks.sync_drain [--ops 10000] [--baseline-ops 1000] [--batch-size 500]

Prints a table and writes benchmarks/results/sync_drain.json. Target: ≥ 1,000 operations/s and ≥ 20× the
baseline (the baseline drains the same way with batch size 1: one HTTP request per operation).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from kiosk.sync.client import CloudClient
from kiosk.sync.credentials import enrol
from kiosk.sync.terminal import credential_store, open_terminal

RESULTS = Path(__file__).with_name("results") / "sync_drain.json"
RESULTS_PG = Path(__file__).with_name("results") / "sync_drain_postgres.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_cloud(database_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from kiosk_cloud.cli import main; sys.exit(main())"
    proc = subprocess.Popen([sys.executable, "-c", code, "serve", "--database-url", database_url, "--port", str(port)],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(log.read_text()[-2000:])


def _terminal(tmp: Path, url: str, admin: CloudClient, name: str) -> Path:
    code = admin.create_enrolment_code("counter", name)["code"]
    data_dir = tmp / name
    enrol(url, code, name, credential_store(data_dir, demo=True))
    return data_dir


def _drain(data_dir: Path, n: int, batch_size: int, programme_id: int, clerk: bool = True) -> dict[str, Any]:
    """Enqueue then drain in this process; the caller runs it in a child so peak RSS is this phase's own."""
    with open_terminal(data_dir, demo=True, batch_size=batch_size) as t:
        assert t.client is not None
        if clerk:  # grants carry the clerk's session (issue 8); the null cloud has no login
            t.client.staff_login("S001", "demo-pass")
        t0 = time.perf_counter()
        for _ in range(n):
            t.engine.outbox.enqueue("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01", "points": 1})
        enqueue_s = time.perf_counter() - t0
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t1 = time.perf_counter()
        report = t.engine.drain()
        drain_s = time.perf_counter() - t1
        statuses: dict[str, int] = {}
        for r in report.results:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        if report.error or report.remaining or statuses != {"applied": n}:
            raise RuntimeError(f"drain incomplete: {report.error}, remaining {report.remaining}, {statuses}")
    return {"operations": n, "batch_size": batch_size, "enqueue_s": round(enqueue_s, 3),
            "enqueue_ops_per_s": round(n / enqueue_s, 1), "drain_s": round(drain_s, 3),
            "ops_per_s": round(n / drain_s, 1),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_rss_before_drain_mib": round(rss_before / 1024, 1)}


def _drain_in_child(data_dir: Path, n: int, batch_size: int, programme_id: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.sync_drain", "--phase", str(data_dir), "--ops", str(n),
                          "--batch-size", str(batch_size), "--programme", str(programme_id)],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


class _NullCloud(BaseHTTPRequestHandler):
    """Answers /v1/sync with "applied" for every operation without applying anything: isolates the terminal
    side (outbox, local store, HTTP, JSON) from the cloud's own cost."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        answer = json.dumps({"results": [{"key": op["key"], "status": "applied", "result": {}}
                                         for op in body["operations"]]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: Any) -> None:
        pass


def _null_cloud_drain(tmp: Path, n: int, batch_size: int) -> dict[str, Any]:
    from kiosk.sync.credentials import TerminalCredentials

    server = ThreadingHTTPServer(("127.0.0.1", 0), _NullCloud)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        data_dir = tmp / "null"
        url = f"http://127.0.0.1:{server.server_address[1]}"
        credential_store(data_dir, demo=True).save(TerminalCredentials(url, 0, "none", "counter"))
        return _drain(data_dir, n, batch_size, 1, clerk=False)
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--baseline-ops", type=int, default=1_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--postgres", action="store_true",
                        help="run the cloud on a throwaway PostgreSQL cluster instead of a SQLite file")
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)  # child: drain this data dir
    parser.add_argument("--programme", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase is not None:
        print(json.dumps(_drain(args.phase, args.ops, args.batch_size, args.programme)))
        return 0
    from kiosk_cloud.demo import init_demo  # not in the drain children: their RSS is the terminal's own

    cluster = None
    with tempfile.TemporaryDirectory(prefix="sync-bench-") as tmp_name:
        tmp = Path(tmp_name)
        database_url = f"sqlite:///{tmp / 'cloud.db'}"
        if args.postgres:
            from benchmarks.pgcluster import start_cluster

            cluster = start_cluster()
            database_url = cluster.create_database("kiosk_sync_bench")
        info = init_demo(database_url, tmp / "demo")
        programme_id = next(p["id"] for p in info.programmes if p["name_en"] == "Volunteering points")
        port = _free_port()
        cloud = _start_cloud(database_url, port, tmp / "cloud.log")
        url = f"http://127.0.0.1:{port}"
        try:
            admin = CloudClient(url)
            admin.set_token(admin.enrol(info.enrolment_codes["admin"], "bench admin")["token"])
            admin.staff_login("ADM01", "demo-pass")  # enrolment codes need an admin clerk (issue 8)
            baseline = _drain_in_child(_terminal(tmp, url, admin, "baseline"), args.baseline_ops, 1, programme_id)
            batched = _drain_in_child(_terminal(tmp, url, admin, "batched"), args.ops, args.batch_size,
                                      programme_id)
            admin.close()
        finally:
            cloud.terminate()
            cloud.wait(10)
            if cluster is not None:
                cluster.stop()
        null_cloud = _null_cloud_drain(tmp, args.ops, args.batch_size)
    ratio = batched["ops_per_s"] / baseline["ops_per_s"]
    result = {
        "benchmark": "sync_drain", "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "cloud": f"kiosk-cloud serve, 1 worker, {'PostgreSQL 15' if args.postgres else 'SQLite file'}", "batched": batched, "baseline": baseline,
        "null_cloud": null_cloud, "speedup": round(ratio, 1),
        "targets": {"ops_per_s": 1000, "speedup": 20},
        "met": {"ops_per_s": batched["ops_per_s"] >= 1000, "speedup": ratio >= 20},
    }
    target = RESULTS_PG if args.postgres else RESULTS
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{'':<12}{'ops':>8}{'batch':>7}{'drain s':>10}{'ops/s':>10}{'peak RSS MiB':>14}")
    for name, row in (("batched", batched), ("baseline", baseline), ("null cloud", null_cloud)):
        print(f"{name:<12}{row['operations']:>8}{row['batch_size']:>7}{row['drain_s']:>10.2f}"
              f"{row['ops_per_s']:>10.0f}{row['peak_rss_mib']:>14.1f}")
    print(f"speed-up {ratio:.1f}x over one request per operation; written to {target}")
    return 0 if all(result["met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
