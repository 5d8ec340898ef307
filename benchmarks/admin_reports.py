"""The municipality's reports at the size of a 300,000-resident town over one year (issue 12).

    python -m benchmarks.admin_reports --backend postgres            # 300k MyKey IDs, 5M ledger rows, ...
    python -m benchmarks.admin_reports --backend sqlite --scale 0.1  # honestly labelled smaller scale

Data: `kiosk_cloud.benchseed_year.seed_year` (INSERT … SELECT in the database, not the API) after init-demo. The
cloud runs as its own process (`kiosk-cloud serve`); an admin terminal with the admin clerk's session asks each
report over HTTP for a month (2025-06) and for the year (2025) — the answer's time, three runs, the slowest kept —
and downloads every CSV export of the year streamed, recording the server process's peak RSS during each download
(VmHWM, reset before each through /proc/<pid>/clear_refs). Results: printed, and saved to
benchmarks/results/admin_reports_<backend>.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from kiosk_cloud.benchseed_year import seed_year
from kiosk_cloud.demo import init_demo

ROOT = Path(__file__).resolve().parent.parent
REPORTS = [("grants", "programme"), ("grants", "department"), ("grants", "mykey_id"), ("usage", None),
           ("vouchers", None), ("expired", None), ("applications", None), ("conflicts", None)]


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak(pid: int) -> None:
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="admin-bench-"))
    cluster = None
    if args.backend == "postgres":
        from benchmarks.pgcluster import start_cluster

        cluster = start_cluster()
        url = cluster.create_database("bench")
    else:
        url = f"sqlite:///{work}/cloud.sqlite3"
    size = {k: int(v * args.scale) for k, v in (("residents", 300_000), ("ledger_rows", 5_000_000),
                                                ("shops", 1000), ("vouchers", 200_000),
                                                ("applications", 100_000), ("conflicts", 10_000))}
    server = None
    try:
        demo = init_demo(url, work / "demo")
        started = time.perf_counter()
        seeded = seed_year(url, **size)
        seeded["total_s"] = round(time.perf_counter() - started, 1)
        print("seeded", json.dumps(seeded), flush=True)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "kiosk_cloud.cli", "serve", "--database-url", url,
                                   "--port", str(port)], cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}/v1"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        enrolled = httpx.post(base + "/terminals/enrol", json={"code": demo.enrolment_codes["admin"],
                                                               "name": "bench admin"}).json()
        client = httpx.Client(base_url=base, timeout=600,
                              headers={"Authorization": f"Bearer {enrolled['token']}"})
        login = client.post("/staff/login", json={"staff_code": "ADM01", "password": "demo-pass"}).json()
        client.headers["X-Staff-Session"] = login["staff_session"]
        rows: list[dict[str, Any]] = []
        for name, by in REPORTS:
            for period in ("2025-06", "2025"):
                times = []
                count = 0
                for _ in range(3):
                    t0 = time.perf_counter()
                    response = client.get(f"/admin/reports/{name}", params={"period": period, "by": by or "programme"})
                    times.append(time.perf_counter() - t0)
                    response.raise_for_status()
                    count = len(response.json()["rows"])
                rows.append({"report": name + (f" by {by}" if by else ""), "period": period,
                             "seconds_max": round(max(times), 3), "seconds_min": round(min(times), 3),
                             "rows": count})
                print(f"{rows[-1]['report']:<26} {period:<8} {max(times):7.3f} s  ({count} rows)", flush=True)
        exports: list[dict[str, Any]] = []
        targets = [(f"/admin/exports/reports/{n}.csv", {"period": "2025", "by": b or "programme"},
                    n + (f" by {b}" if b else "")) for n, b in REPORTS]
        targets.append(("/admin/exports/accounting", {"period": "2025", "format": "csv"}, "accounting (精算データ)"))
        assert server is not None
        for path, params, label in targets:
            _reset_peak(server.pid)
            before = _rss_mb(server.pid, "VmRSS")
            t0 = time.perf_counter()
            size_bytes = lines = 0
            with client.stream("GET", path, params=params) as response:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    size_bytes += len(chunk)
                    lines += chunk.count(b"\n")
            exports.append({"export": label, "seconds": round(time.perf_counter() - t0, 2),
                            "lines": lines, "mb": round(size_bytes / 1e6, 1), "server_rss_before_mb": round(before),
                            "server_peak_rss_mb": round(_rss_mb(server.pid, "VmHWM"))})
            print(f"csv {label:<26} {exports[-1]['seconds']:7.2f} s {lines:>9} lines {exports[-1]['mb']:6.1f} MB "
                  f"server peak {exports[-1]['server_peak_rss_mb']} MB", flush=True)
        result = {"backend": args.backend, "scale": args.scale, "data": seeded, "reports": rows, "exports": exports,
                  "cpus": os.cpu_count(), "load_average": os.getloadavg()}
        args.out.mkdir(parents=True, exist_ok=True)
        suffix = "" if args.scale == 1.0 else f"_x{args.scale:g}"
        target = args.out / f"admin_reports_{args.backend}{suffix}.json"
        target.write_text(json.dumps(result, ensure_ascii=False, indent=1))
        print("saved", target)
    finally:
        if server is not None:
            server.terminate()
            server.wait(20)
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
