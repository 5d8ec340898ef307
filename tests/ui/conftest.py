"""UI test fixtures: a real embedded cloud on a fresh SQLite copy per test, the real sync engine and local store,
the simulated card reader with the sample residents, and the real main window driven with qtbot (offscreen)."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.config import Config
from kiosk.services.demo_backend import DemoBackend

JPKI_PIN = "1234"
TEXT_PIN = "5678"


class SoundRecorder:
    def __init__(self) -> None:
        self.played: list[str] = []

    def __call__(self, name: str) -> None:
        self.played.append(name)


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread():
    """Collect reference cycles here, on the GUI thread, after each test: Python's collector may otherwise run
    on a card, sync or server thread and destroy a Qt object there."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    gc.collect()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """init-demo once (PKI generation is the slow part); each test gets its own copy of this directory."""
    path = tmp_path_factory.mktemp("demo-template")
    backend = DemoBackend.start(path)
    backend.stop()
    return path


@pytest.fixture
def backend(demo_template: Path, tmp_path: Path) -> Iterator[DemoBackend]:
    data = tmp_path / "demo"
    shutil.copytree(demo_template, data)
    started = DemoBackend.start(data, wait_s=3.0, probe_interval=0.5)
    yield started
    started.stop()


@pytest.fixture
def sound() -> SoundRecorder:
    return SoundRecorder()


@pytest.fixture
def idle_timeout() -> float:
    return 600.0


@pytest.fixture
def resident_display() -> bool:
    return False


@pytest.fixture
def window(qtbot, backend: DemoBackend, sound: SoundRecorder, idle_timeout: float, tmp_path: Path,  # type: ignore[no-untyped-def]
           resident_display: bool):
    from kiosk.app import CardEventRelay, create_window, ensure_qapp

    app = ensure_qapp()
    config = Config(tmp_path / "settings.json", idle_timeout_s=1, language="ja", sound=False,
                    resident_display=resident_display)
    config.set("idle_timeout_s", int(idle_timeout)) if idle_timeout >= 1 else None
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    win = create_window(
        app, backend.runtime.services, config, data_dir=tmp_path, reset_card=backend.runtime.services.auth.reset_card,
        card_events=relay, engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
        demo_cards=backend.sample_cards(), demo_insert=backend.reader.insert,
        demo_remove=backend.reader.remove, sound=sound, terminal_name="test")
    if idle_timeout < 1:
        win.session.set_idle_timeout(idle_timeout)
    win.card_relay = relay
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    relay.unsubscribe()
    win.sync_relay.detach()
    win.ctx.runner.wait_idle(5000)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After pytest has reported everything: leave without Qt's destructors (kiosk/ui/teardown.py — the admin UI
    run crashed at exit after all its tests had passed, which would turn a green run red)."""
    from kiosk.ui.teardown import exit_now

    exit_now(_EXIT_STATUS[-1] if _EXIT_STATUS else 0)
