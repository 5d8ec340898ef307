"""A throwaway PostgreSQL cluster for the tests (initdb + pg_ctl in a tmp dir on a free port)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class TempCluster:
    def __init__(self) -> None:
        bindir = _bin_dir()
        if bindir is None:
            raise RuntimeError("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o700)

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)

    def start(self) -> str:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "--no-sync", "-E", "UTF8", "--locale=C")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop_quietly(self) -> None:
        if self.root.exists():
            try:
                self.stop()
            except (OSError, subprocess.SubprocessError):
                shutil.rmtree(self.root, ignore_errors=True)

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def admin_url_or_skip() -> Iterator[str]:
    """A PostgreSQL admin URL for a session fixture (`yield from`): KIOSK_TEST_PG_URL, else a throwaway cluster
    (stopped at the fixture's end, or at interpreter exit). Skips locally, fails under CI, without PostgreSQL."""
    import atexit

    import pytest

    url = os.environ.get("KIOSK_TEST_PG_URL")
    if url:
        yield url
        return
    cluster = None
    try:
        cluster = TempCluster()
        url = cluster.start()
        atexit.register(cluster.stop_quietly)
    except Exception as exc:
        if cluster is not None:
            cluster.stop_quietly()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI and could not be started: {exc}")
        pytest.skip(f"no PostgreSQL available: {exc}")
    try:
        yield url
    finally:
        cluster.stop()


def fresh_database(admin_url: str) -> str:
    """CREATE DATABASE with a unique name on the server of `admin_url`; returns its URL."""
    import psycopg

    name = f"kiosk_{uuid.uuid4().hex[:12]}"
    plain = admin_url.replace("postgresql+asyncpg://", "postgresql://").replace("postgresql+psycopg://",
                                                                                 "postgresql://")
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(plain, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    base, _, _ = plain.rpartition("/")
    return f"{base}/{name}"
