#!/usr/bin/env python3
"""Back up the points cloud's PostgreSQL database: one pg_dump, checked, with the figures it must restore to.

    /opt/kiosk-cloud/venv/bin/python deploy/backup/backup.py [--database-url URL] [--dir /var/backups/kiosk-cloud]
        [--keep-days 35]

Run daily by kiosk-cloud-backup.timer (deploy/systemd). Needs pg_dump / pg_restore of the server's major version or
newer (Debian: postgresql-client-15) and psycopg (in the cloud's virtualenv). Steps:
1. a REPEATABLE READ transaction exports its snapshot (`pg_export_snapshot()`); pg_dump dumps exactly that snapshot
   (`--snapshot`), in custom format (`-Fc`, compressed, restorable table by table, in parallel);
2. in the same transaction the figures of deploy/backup/fingerprint.py are read, so `NAME.dump.json` describes the
   dump itself (what restore_drill.py must find after a restore), not the database a moment later;
3. `pg_restore --list` reads the dump back (a truncated or corrupt file fails here, not on the day it is needed);
   its SHA-256 is written beside it; the file is renamed into place only then (no half-written NAME.dump);
4. dumps older than `--keep-days` are removed (with their .json / .sha256), never the newest one.
The database URL: `--database-url`, else KIOSK_CLOUD_DATABASE_URL (the cloud's own setting; a password in it is
passed to pg_dump through the environment, never on the command line). Prints the dump's path; exit 0 on success.
Point-in-time recovery (WAL archiving) is set up in PostgreSQL itself: see docs/en/deploy.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fingerprint import fingerprint, libpq_url


def pg_env(url: str) -> tuple[str, dict[str, str]]:
    """(URL without the password, environment with PGPASSWORD) so no password shows in `ps`."""
    parts = urlsplit(url)
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
        netloc = parts.netloc.replace(":" + parts.password + "@", "@", 1)
        url = parts._replace(netloc=netloc).geturl()
    return url, env


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def backup(database_url: str, directory: Path, *, keep_days: float = 35, pg_bin: str = "") -> Path:
    import psycopg

    url = libpq_url(database_url)
    bare, env = pg_env(url)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    final = directory / f"kiosk-cloud-{stamp}.dump"
    partial = directory / f".kiosk-cloud-{stamp}.dump.partial"
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]
        figures = fingerprint(conn)  # the dump's own state: same snapshot
        subprocess.run([os.path.join(pg_bin, "pg_dump"), "--format=custom", "--compress=6", "--no-owner",
                        "--no-privileges", f"--snapshot={snapshot}", f"--file={partial}", f"--dbname={bare}"],
                       check=True, env=env)
        conn.execute("ROLLBACK")
    listing = subprocess.run([os.path.join(pg_bin, "pg_restore"), "--list", str(partial)], check=True,
                             capture_output=True, text=True).stdout
    if "TABLE DATA public ledger" not in listing:
        raise SystemExit(f"{partial}: the dump has no ledger data")
    digest = sha256(partial)
    meta = {"database": bare.rsplit("@", 1)[-1], "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": round(time.monotonic() - started, 2), "bytes": partial.stat().st_size, "sha256": digest,
            "fingerprint": figures}
    final.with_suffix(".dump.json").write_text(json.dumps(meta, indent=2) + "\n")
    final.with_suffix(".dump.sha256").write_text(f"{digest}  {final.name}\n")
    partial.rename(final)
    _prune(directory, keep_days, final)
    return final


def _prune(directory: Path, keep_days: float, newest: Path) -> None:
    cutoff = time.time() - keep_days * 86400
    for old in directory.glob("kiosk-cloud-*.dump"):
        if old != newest and old.stat().st_mtime < cutoff:
            for path in (old, old.with_suffix(".dump.json"), old.with_suffix(".dump.sha256")):
                path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("KIOSK_CLOUD_DATABASE_URL"))
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("KIOSK_BACKUP_DIR",
                                                                        "/var/backups/kiosk-cloud")))
    parser.add_argument("--keep-days", type=float, default=float(os.environ.get("KIOSK_BACKUP_KEEP_DAYS", "35")))
    parser.add_argument("--pg-bin", default=os.environ.get("KIOSK_PG_BIN", ""),
                        help="directory of pg_dump/pg_restore (default: PATH)")
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("--database-url or KIOSK_CLOUD_DATABASE_URL is required")
    print(backup(args.database_url, args.dir, keep_days=args.keep_days, pg_bin=args.pg_bin))
    return 0


if __name__ == "__main__":
    sys.exit(main())
