"""Run the real cloud server (uvicorn) in a background thread: demo mode and tests."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

import uvicorn

from kiosk_cloud.app import create_app
from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.settings import Settings


@dataclass
class EmbeddedCloud:
    url: str
    server: uvicorn.Server = field(repr=False)
    thread: threading.Thread = field(repr=False)

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)

    def __enter__(self) -> EmbeddedCloud:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def start_embedded(
    database_url: str, port: int = 0, host: str = "127.0.0.1", settings: Settings | None = None,
    migrate: bool = True, startup_timeout: float = 30.0,
) -> EmbeddedCloud:
    """Migrate the database to head, start uvicorn on `host:port` (0 = a free port) and wait until it listens."""
    settings = settings or Settings(database_url=database_url)
    if settings.database_url != database_url:
        raise ValueError("settings.database_url differs from database_url")
    if migrate:
        upgrade_to_head(database_url)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    actual_port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="kiosk-cloud", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the embedded cloud server failed to start")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise TimeoutError("the embedded cloud server did not start in time")
        time.sleep(0.02)
    return EmbeddedCloud(f"http://{host}:{actual_port}", server, thread)
