#!/usr/bin/env python3
"""The restore drill: restore a backup into a brand-new PostgreSQL cluster, run the cloud on it, check it.

    /opt/kiosk-cloud/venv/bin/python deploy/backup/restore_drill.py /var/backups/kiosk-cloud/kiosk-cloud-….dump
        [--keep-running] [--json report.json]

Run it monthly (kiosk-cloud-restore-drill.timer) and after every change to the database set-up: a backup that has
never been restored is a hope, not a backup. On a machine with PostgreSQL's server binaries (Debian: postgresql-15;
the drill's cluster listens on 127.0.0.1 only, on a free port, in a temporary directory removed afterwards; as
root it runs as the `postgres` user). Steps, each failing the drill (exit 1) with a message:
1. the dump's SHA-256 matches NAME.dump.sha256 (written by backup.py);
2. `initdb` + `pg_ctl start`: a fresh, empty cluster; `pg_restore --exit-on-error --jobs 2` into a new database;
3. the figures of fingerprint.py on the restored database equal those recorded at backup time in NAME.dump.json
   (ledger rows, sums and checksum; balances per account; idempotency rows; vouchers; counts; schema revision);
4. every account's ledger sum equals the points left in its lots;
5. `kiosk-cloud serve` on the restored database (it upgrades an older schema to this release's head first, as a
   real restore onto a newer release would): `GET /v1/health` answers 200 with its database and migration checks.
With `--keep-running` the cloud stays up after the checks: the drill prints `READY <cloud URL> <database URL>` and
waits until its standard input closes (a test or an operator then checks balances through the API).
Prints a JSON report (and writes it with --json). Exit 0: the backup restores to the state it recorded.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fingerprint import fingerprint, ledger_mismatches


class DrillFailed(Exception):
    pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bindir(given: str | None) -> Path:
    if given:
        return Path(given)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]))
    if not found:
        raise DrillFailed("PostgreSQL server binaries not found (Debian: postgresql-15) — or give --pg-bin")
    return Path(found[-1]).parent


class Cluster:
    """A throwaway cluster: trust authentication on 127.0.0.1 only, removed by stop()."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-restore-drill-"))
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else os.environ.get("USER", "postgres")
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def run(self, *args: str, server: bool = True) -> str:
        """Run a PostgreSQL program; the server's own (initdb, pg_ctl) as `postgres` when we are root, the clients
        (createdb, pg_restore) as ourselves over TCP (they read the dump with our rights)."""
        cmd = (["runuser", "-u", "postgres", "--"] if self.as_root and server else []) + list(args)
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            raise DrillFailed(f"{Path(args[0]).name} failed: {(done.stderr or done.stdout or '')[-1500:]}")
        return done.stdout or ""

    def start(self) -> None:
        data = str(self.root / "data")
        self.run(str(self.bindir / "initdb"), "-D", data, "-U", self.user, "-A", "trust", "-E", "UTF8",
                 "--locale=C")
        self.run(str(self.bindir / "pg_ctl"), "-D", data, "-l", str(self.root / "log"), "-w", "-t", "60", "-o",
                 f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}",
                 "start")

    def url(self, db: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        with contextlib.suppress(DrillFailed):
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def _check_digest(dump: Path) -> str:
    h = hashlib.sha256()
    with dump.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    recorded = dump.with_suffix(".dump.sha256")
    if recorded.exists() and recorded.read_text().split()[0] != h.hexdigest():
        raise DrillFailed(f"{dump.name}: SHA-256 differs from {recorded.name} (the file changed since the backup)")
    return h.hexdigest()


def _serve(database_url: str, command: list[str], port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([*command, "serve", "--database-url", database_url, "--port", str(port)],
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    url = f"http://127.0.0.1:{port}/v1/health"
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                body = json.loads(answer.read())
                if answer.status == 200 and body["checks"]["database"]["ok"] and body["checks"]["migrations"]["ok"]:
                    return proc
        except (OSError, ValueError, KeyError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise DrillFailed(f"the cloud did not become healthy on the restored database: "
                              f"{log.read_text(errors='replace')[-1500:]}")
        time.sleep(0.3)


def drill(dump: Path, *, command: list[str], pg_bin: str | None = None, keep_running: bool = False) -> dict[str, Any]:
    import psycopg

    report: dict[str, Any] = {"dump": str(dump), "ok": False}
    started = time.monotonic()
    report["sha256"] = _check_digest(dump)
    meta_path = dump.with_suffix(".dump.json")
    expected = json.loads(meta_path.read_text())["fingerprint"] if meta_path.exists() else None
    cluster = Cluster(_bindir(pg_bin))
    cloud: subprocess.Popen[bytes] | None = None
    try:
        cluster.start()
        cluster.run(str(cluster.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", cluster.user,
                    "kiosk_restored", server=False)
        url = cluster.url("kiosk_restored")
        cluster.run(str(cluster.bindir / "pg_restore"), "--exit-on-error", "--no-owner", "--no-privileges",
                    "--jobs", "2", f"--dbname={url}", str(dump), server=False)
        report["restore_s"] = round(time.monotonic() - started, 2)
        with psycopg.connect(url) as conn:
            got = fingerprint(conn)
            mismatched = ledger_mismatches(conn)
        report["fingerprint"] = got
        report["accounts_ledger_not_lots"] = mismatched
        if expected is None:
            report["compared"] = "no NAME.dump.json beside the dump: figures reported, not compared"
        else:
            differ = {k: {"backup": expected.get(k), "restored": v} for k, v in got.items() if expected.get(k) != v}
            if differ:
                raise DrillFailed(f"restored figures differ from the backup's: {json.dumps(differ)}")
            report["compared"] = "equal to the figures recorded at backup time"
        if mismatched:
            raise DrillFailed(f"{mismatched} accounts whose ledger sum differs from their lots")
        port = _free_port()
        cloud = _serve(url, command, port, cluster.root.parent / f"{cluster.root.name}-cloud.log")
        report["cloud_healthy"] = True
        report["seconds"] = round(time.monotonic() - started, 2)
        report["ok"] = True
        if keep_running:
            print(json.dumps(report), flush=True)
            print(f"READY http://127.0.0.1:{port} {url}", flush=True)
            sys.stdin.read()  # until the caller closes our standard input
        return report
    finally:
        if cloud is not None:
            os.killpg(cloud.pid, 15)
            try:
                cloud.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(cloud.pid, 9)
        cluster.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, nargs="?", help="a kiosk-cloud-*.dump (default: the newest in --dir)")
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("KIOSK_BACKUP_DIR", "/var/backups/kiosk-cloud")))
    parser.add_argument("--kiosk-cloud", default=f"{sys.executable} -m kiosk_cloud.cli",
                        help="how to run kiosk-cloud (default: this Python's kiosk_cloud)")
    parser.add_argument("--pg-bin", help="directory of initdb/pg_ctl/pg_restore (default: the newest installed)")
    parser.add_argument("--keep-running", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    dump = args.dump
    if dump is None:
        found = sorted(args.dir.glob("kiosk-cloud-*.dump"))
        if not found:
            parser.error(f"no kiosk-cloud-*.dump in {args.dir}")
        dump = found[-1]
    try:
        report = drill(dump, command=args.kiosk_cloud.split(), pg_bin=args.pg_bin, keep_running=args.keep_running)
    except DrillFailed as exc:
        report = {"dump": str(dump), "ok": False, "failed": str(exc)}
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if not args.keep_running or not report["ok"]:
        print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
