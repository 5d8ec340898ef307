"""Office-terminal UI fixtures: the demo's embedded cloud and simulated card reader, on SQLite (a copy of the
session's demo data, as tests/ui/conftest.py) AND on PostgreSQL (a fresh database on the throwaway cluster of
tests/integration/cloud/pg.py, the demo municipality made on it with the session's PKI); an office terminal
enrolled beside the demo counter, and the real main window on the office's home with the office clerk logged in —
at 1280×800."""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.services.demo_backend import DemoBackend
from kiosk.services.office_terminal import OfficeTerminal


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
    url = os.environ.get("KIOSK_TEST_PG_URL")
    if url:
        yield url
        return
    cluster = None
    try:
        cluster = pg.TempCluster()
        url = cluster.start()
        atexit.register(cluster.stop_quietly)
    except Exception as exc:
        if cluster is not None:
            cluster.stop()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI and could not be started: {exc}")
        pytest.skip(f"no PostgreSQL available: {exc}")
    try:
        yield url
    finally:
        cluster.stop()


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
    from kiosk.app import CardEventRelay, create_window, ensure_qapp

    app = ensure_qapp()
    config = Config(tmp_path / "settings.json", language="ja", sound=False, resident_display=False)
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    win = create_window(
        app, backend.runtime.services, config, data_dir=tmp_path, reset_card=backend.runtime.services.auth.reset_card,
        card_events=relay, engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
        demo_cards=backend.sample_cards(), demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
        sound=sound, terminal_name="test office", role="office", office=office_terminal)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.go("role:office")
    home = win.current()
    assert home.name == "office_home"
    home.code_field.edit.setText("OFC01")
    home.password_field.edit.setText("demo-pass")
    home.login_button.click()
    qtbot.waitUntil(lambda: home.stack.currentWidget() is home.tasks_page, timeout=15000)
    yield win
    relay.unsubscribe()
    win.sync_relay.detach()
    win.ctx.runner.wait_idle(5000)
    for screen in win.screens.values():
        runner = getattr(screen, "runner", None)
        if runner is not None and runner is not win.ctx.runner:
            runner.wait_idle(5000)
