"""Fixtures for the cloud's API tests: real servers (uvicorn) over SQLite and PostgreSQL, httpx clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_cloud.demo import DemoInfo, init_demo
from kiosk_cloud.embedded import EmbeddedCloud, start_embedded

from .helpers import Cloud
from .pg import admin_url_or_skip, fresh_database


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL admin URL: KIOSK_TEST_PG_URL, else a throwaway cluster. Skips locally, fails under CI."""
    yield from admin_url_or_skip()


@pytest.fixture(scope="session")
def pki_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo PKI for the session (RSA key generation is the slow part); each test gets a fresh database."""
    return tmp_path_factory.mktemp("demo-data")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/cloud.sqlite3"
    return fresh_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def demo(database_url: str, pki_dir: Path) -> DemoInfo:
    return init_demo(database_url, pki_dir)


@pytest.fixture
def server(demo: DemoInfo) -> Iterator[EmbeddedCloud]:
    cloud = start_embedded(demo.database_url)
    try:
        yield cloud
    finally:
        cloud.stop()


@pytest.fixture
def cloud(server: EmbeddedCloud, demo: DemoInfo, pki_dir: Path) -> Iterator[Cloud]:
    c = Cloud(server.url, demo, pki_dir / "pki")
    try:
        yield c
    finally:
        c.close()
