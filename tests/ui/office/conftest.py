"""Office-terminal UI fixtures: the demo's embedded cloud and simulated card reader (tests/ui/conftest.py), an
office terminal enrolled beside the demo counter, and the real main window on the office's home with the office
clerk logged in — at 1280×800."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.services.demo_backend import DemoBackend
from kiosk.services.office_terminal import OfficeTerminal


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
