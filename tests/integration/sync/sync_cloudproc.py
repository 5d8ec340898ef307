"""The real points cloud (`kiosk-cloud serve`) as a subprocess on a temporary SQLite file or a PostgreSQL database
(`database_url`). Its output (stdout and stderr) goes to `log`, appended across restarts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class CloudProcess:
    def __init__(self, db_path: Path, port: int | None = None, *, database_url: str | None = None,
                 log_level: str = "warning", env: dict[str, str] | None = None, verbose: bool = False) -> None:
        self.db_path = db_path  # SQLite file (also names the log file when the database is PostgreSQL)
        self.database_url = database_url or f"sqlite:///{db_path}"
        self.log_level = log_level
        self.env = dict(env or {})
        # verbose: uvicorn run directly with every logger at DEBUG (SQLAlchemy's too, which it keeps at WARNING by
        # default) and its access log on (`serve` keeps it off)
        self.verbose = verbose
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = db_path.with_suffix(".log")

    def start(self, timeout: float = 60.0) -> None:
        code = "import sys; from kiosk_cloud.cli import main; sys.exit(main())"
        args = ["serve", "--database-url", self.database_url, "--port", str(self.port), "--log-level", self.log_level]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **self.env}
        if self.verbose:
            code = ("import logging, sys, uvicorn; logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, "
                    "format='%(asctime)s %(name)s %(levelname)s %(message)s'); "
                    "import sqlalchemy; logging.getLogger('sqlalchemy').setLevel(logging.DEBUG); "
                    "uvicorn.run('kiosk_cloud.app:create_app_from_env', factory=True, host='127.0.0.1', "
                    f"port={self.port}, log_level='debug', access_log=True)")
            args, env = [], {**env, "KIOSK_CLOUD_DATABASE_URL": self.database_url}
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=log, stderr=subprocess.STDOUT,
                                         env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"cloud exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise TimeoutError("cloud did not start")

    @property
    def postgres(self) -> bool:
        return self.database_url.startswith("postgresql")

    def kill(self) -> None:
        """kill -9: no graceful shutdown, in-flight requests die with it."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None
