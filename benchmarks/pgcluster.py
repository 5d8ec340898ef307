"""A throwaway PostgreSQL cluster for benchmarks: initdb + pg_ctl from Debian's packages in a temp dir.

As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root). The cluster listens on
loopback only and is removed on stop.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not found:
        raise RuntimeError("PostgreSQL server binaries not found (Debian package postgresql)")
    return Path(found[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    directory: Path
    port: int
    user: str

    def url(self, dbname: str = "postgres", driver: str = "postgresql") -> str:
        return f"{driver}://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> None:
        subprocess.run([*_as_owner(), *args], check=True, capture_output=True)

    def create_database(self, name: str) -> str:
        self._run(str(_bindir() / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name)
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*_as_owner(), str(_bindir() / "pg_ctl"), "-D", str(self.directory / "data"),
                        "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.directory, ignore_errors=True)


def _as_owner() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def start_cluster(max_connections: int = 200) -> Cluster:
    bindir = _bindir()
    directory = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    port = free_port()
    data = directory / "data"
    subprocess.run([*_as_owner(), str(bindir / "initdb"), "-D", str(data), "-U", user, "-A", "trust",
                    "-E", "UTF8", "--no-locale"], check=True, capture_output=True)
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={directory} "
               f"-c max_connections={max_connections} -c shared_buffers=256MB -c synchronous_commit=on "
               "-c fsync=on")
    subprocess.run([*_as_owner(), str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                    "-l", str(directory / "log"), "start"], check=True, capture_output=True)
    return Cluster(directory, port, user)
