"""Card payments behind the load balancer: two cloud nodes beside one node, in the same run (issue 13).

    .venv/bin/python -m benchmarks.two_node [--seconds 8] [--residents 200] [--workers 2] [--rate 300]

What runs: a throwaway PostgreSQL cluster (fsync on, benchmarks/pgcluster.py), one cloud database with the demo
municipality and `--residents` residents (certificates of the demo CA, 1,000,000 points each; the seeding of
benchmarks/pay_proof.py), 50 store terminals enrolled over HTTP. Two `kiosk-cloud serve` nodes (`--workers` each)
on that database, and HAProxy (Debian's 2.6) with the configuration `deploy/haproxy_config.py` writes — plain HTTP
here: TLS termination is not measured. The load is benchmarks/proofload.py (its own process): every request a real
`POST /v1/payments` of 1 point with its own idempotency key and the resident's signed consent (signed before the
row); each connection is one terminal with its own token.

Rows, each `--seconds` long, fresh consents each:
- `node1 direct`: 50 closed-loop terminals straight to node 1 (no load balancer);
- `lb -> node1`: the same through HAProxy with node 2 out of rotation (`set server ... state maint`): the
  balancer's cost;
- `lb -> node1+node2`: the same through HAProxy with both nodes;
- open loop, `--rate` payments/s offered by 50 terminals, through HAProxy to one node and to two nodes (latency
  from the intended send time: coordinated omission corrected).
CPU per payment from /proc: the nodes' process trees, PostgreSQL, HAProxy. Prints a table and saves
benchmarks/results/two_node.json. On a machine with few cores the nodes, PostgreSQL, HAProxy and the load generator
share them: read the CPU columns (what a payment costs) beside the rates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization

from benchmarks import loadgen, pgcluster, proofload
from benchmarks.pay_proof import _KEY, TERMINALS, _build, _seed, _sign_init, _tree_cpu_s
from kiosk.demo import certs
from kiosk_cloud.demo import init_demo

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CAPACITY = 3000  # prepared payments per second of a closed-loop row (never the limit)


def _node(url: str, port: int, workers: int, pool: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "kiosk_cloud.cli", "serve", "--database-url", url, "--port",
                                str(port), "--workers", str(workers), "--pool-size", str(pool)],
                               cwd=ROOT, env={**os.environ, "KIOSK_CLOUD_ANON_BURST": "100000"},
                               start_new_session=True)
    loadgen.wait_healthy(f"http://127.0.0.1:{port}/v1/health", process)
    return process


def _stop(process: subprocess.Popen[bytes], group: bool) -> None:
    try:
        if group:
            os.killpg(process.pid, 15)
        else:
            process.terminate()
        process.wait(20)
    except (OSError, subprocess.TimeoutExpired):
        if group:
            os.killpg(process.pid, 9)
        else:
            process.kill()


def _haproxy(ports: list[int], directory: Path) -> tuple[subprocess.Popen[bytes], int, Path]:
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    port = pgcluster.free_port()
    sock = directory / "haproxy.sock"
    config = subprocess.run([sys.executable, str(ROOT / "deploy" / "haproxy_config.py"), "--listen",
                             f"127.0.0.1:{port}", "--log", "stdout format raw local0", "--stats-socket", str(sock),
                             "--maxconn", "2000", *[f"--node=127.0.0.1:{p}" for p in ports]],
                            check=True, capture_output=True, text=True).stdout
    # a benchmark logs nothing per request
    config = config.replace("    option httplog\n", "").replace("    log global\n", "    no log\n")
    path = directory / "haproxy.cfg"
    path.write_text(config)
    process = subprocess.Popen([binary, "-db", "-f", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loadgen.wait_healthy(f"http://127.0.0.1:{port}/v1/health", process)
    return process, port, sock


def _admin(sock: Path, command: str) -> str:
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(str(sock))
        s.sendall(command.encode() + b"\n")
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    return out.decode()


def _sessions(sock: Path) -> dict[str, int]:
    lines = _admin(sock, "show stat").splitlines()
    header = lines[0].lstrip("# ").split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
    return {r["svname"]: int(r["stot"]) for r in rows if r["pxname"] == "kiosk_cloud_nodes"
            and r["svname"].startswith("node")}


def _row(name: str, port: int, requests: list[list[bytes]], seconds: float, rate: float | None,
         pids: dict[str, int], sock: Path | None) -> dict[str, Any]:
    before = {k: _tree_cpu_s(pid) for k, pid in pids.items()}
    sessions = _sessions(sock) if sock else {}
    load = os.getloadavg()[0]
    figures = proofload.run_in_process("127.0.0.1", port, requests, seconds, rate)
    done = max(1, figures["completed"])
    figures["cpu_ms_per_payment"] = {k: round((_tree_cpu_s(pid) - before[k]) / done * 1000, 3)
                                     for k, pid in pids.items()}
    if sock:
        after = _sessions(sock)
        figures["requests_per_node"] = {k: after[k] - sessions.get(k, 0) for k in after}
    figures["row"] = name
    figures["load_average_before"] = round(load, 2)
    print(json.dumps(figures), flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers per node")
    parser.add_argument("--pool-size", type=int, default=10, help="database connections per worker")
    parser.add_argument("--rate", type=float, default=300.0, help="open-loop payments/s offered")
    args = parser.parse_args()
    _KEY["resident"] = certs.new_rsa_key()
    pem = _KEY["resident"].private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                              "at": datetime.now(UTC).isoformat(timespec="seconds"), "seconds_per_row": args.seconds,
                              "terminals": TERMINALS, "workers_per_node": args.workers, "pool_size": args.pool_size,
                              "rows": []}
    cluster = pgcluster.start_cluster(max_connections=300)
    nodes: list[subprocess.Popen[bytes]] = []
    balancer: subprocess.Popen[bytes] | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-two-node-") as tmp:
            url = cluster.create_database("cloud")
            info = init_demo(url, Path(tmp))
            assert info.pki_dir is not None
            residents, codes = asyncio.run(_seed(url, Path(info.pki_dir), args.residents,
                                                 [int(s["id"]) for s in info.shops]))
            ports = [pgcluster.free_port(), pgcluster.free_port()]
            nodes += [_node(url, p, args.workers, args.pool_size) for p in ports]
            balancer, lb_port, sock = _haproxy(ports, Path(tmp))
            with httpx.Client(base_url=f"http://127.0.0.1:{ports[0]}/v1", timeout=30) as client:
                terminals = []
                for j, code in enumerate(codes):
                    reply = client.post("/terminals/enrol", json={"code": code, "name": f"bench store {j}"})
                    reply.raise_for_status()
                    terminals.append(reply.json())
            pg_pid = int((cluster.directory / "data" / "postmaster.pid").read_text().split()[0])
            pids = {"node1": nodes[0].pid, "node2": nodes[1].pid, "postgres": pg_pid, "haproxy": balancer.pid}
            closed = [int(CAPACITY * args.seconds) // TERMINALS + 1] * TERMINALS
            opened = [int(args.rate * args.seconds) // TERMINALS + 2] * TERMINALS
            plan: list[tuple[str, int, list[int], float | None, str]] = [
                ("node1 direct, closed loop", ports[0], closed, None, "one"),
                ("lb -> node1, closed loop", lb_port, closed, None, "one"),
                ("lb -> node1+node2, closed loop", lb_port, closed, None, "two"),
                (f"lb -> node1, open loop {args.rate:.0f}/s", lb_port, opened, args.rate, "one"),
                (f"lb -> node1+node2, open loop {args.rate:.0f}/s", lb_port, opened, args.rate, "two"),
            ]
            with ProcessPoolExecutor(2, initializer=_sign_init, initargs=(pem,)) as pool:
                # warm-up, not recorded: every worker of both nodes sees the certificates once (chain checks cached)
                warm = _build(terminals, residents, info.municipality_code, [len(residents) // 5 + 40] * TERMINALS,
                              pool, "127.0.0.1")[0]
                proofload.run_in_process("127.0.0.1", lb_port, warm, min(3.0, args.seconds))
                for name, port, counts, rate, serving in plan:
                    state = "maint" if serving == "one" else "ready"  # one node: node 2 out of rotation
                    _admin(sock, f"set server kiosk_cloud_nodes/node2 state {state}")
                    time.sleep(0.5)
                    requests = _build(terminals, residents, info.municipality_code, counts, pool, "127.0.0.1")[0]
                    row = _row(name, port, requests, args.seconds, rate, pids, sock if port == lb_port else None)
                    row["nodes"] = 1 if serving == "one" else 2
                    report["rows"].append(row)
    finally:
        for node in nodes:
            _stop(node, group=True)
        if balancer is not None:
            _stop(balancer, group=False)
        cluster.stop()
    _print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "two_node.json").write_text(json.dumps(report, indent=2) + "\n")


def _print(report: dict[str, Any]) -> None:
    print(f"{'row':<40}{'pay/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'non-200':>9}  cpu ms/payment (node1 node2 pg haproxy)"
          "  requests per node")
    for row in report["rows"]:
        cpu = row["cpu_ms_per_payment"]
        bad = row["completed"] - row["statuses"].get("200", 0)
        print(f"{row['row']:<40}{row['requests_per_s']:>8.0f}{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{bad:>9}  "
              f"{cpu['node1']:.2f} {cpu['node2']:.2f} {cpu['postgres']:.2f} {cpu['haproxy']:.2f}"
              f"  {row.get('requests_per_node', '')}")


if __name__ == "__main__":
    main()
