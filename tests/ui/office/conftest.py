"""Office-terminal UI fixtures: the demo's embedded cloud and simulated card reader, on SQLite (a copy of the
session's demo data, as tests/ui/conftest.py) AND on PostgreSQL (a fresh database on the throwaway cluster of
tests/integration/cloud/pg.py, the demo municipality made on it with the session's PKI); an office terminal
enrolled beside the demo counter, and the real main window on the office's home with the office clerk logged in —
at 1280×800."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.services.demo_backend import DemoBackend
from kiosk.services.office_terminal import OfficeTerminal
from tests.ui.staff_fixtures import staff_window


def _pg_module() -> Any:
    path = Path(__file__).resolve().parents[2] / "integration" / "cloud" / "pg.py"
    spec = importlib.util.spec_from_file_location("kiosk_tests_office_pg", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pg = _pg_module()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL admin URL: KIOSK_TEST_PG_URL, else a throwaway cluster. Skips locally, fails under CI."""
    yield from pg.admin_url_or_skip()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, demo_template: Path, tmp_path: Path) -> Iterator[DemoBackend]:
    """The demo stack on the cloud database of the parameter (the office tests' own `backend`)."""
    data = tmp_path / "demo"
    database_url = None
    if request.param == "sqlite":
        shutil.copytree(demo_template, data)
    else:  # a fresh database: the demo municipality is made on it, with the PKI already generated
        database_url = pg.fresh_database(request.getfixturevalue("pg_server"))
        shutil.copytree(demo_template / "cloud" / "pki", data / "cloud" / "pki")
    started = DemoBackend.start(data, wait_s=3.0, probe_interval=0.5, database_url=database_url)
    if database_url is not None:  # the stack really runs on PostgreSQL: the demo municipality is in it
        import psycopg

        with psycopg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://")) as conn:
            assert conn.execute("SELECT count(*) FROM terminals").fetchone()[0] >= 1  # type: ignore[index]
    yield started
    started.stop()


@pytest.fixture
def office_terminal(backend: DemoBackend) -> Iterator[OfficeTerminal]:
    terminal = OfficeTerminal.demo(backend)
    yield terminal
    terminal.stop()


@pytest.fixture
def office(qtbot: Any, backend: DemoBackend, office_terminal: OfficeTerminal, sound: Any,
           tmp_path: Path) -> Iterator[Any]:
    yield from staff_window(qtbot, backend, sound, tmp_path, "office", office_terminal, "OFC01")
