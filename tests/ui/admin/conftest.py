"""Administration UI fixtures: the demo's embedded cloud (tests/ui/conftest.py), an admin terminal enrolled beside
the demo counter, and the real main window on the administration home with the admin clerk logged in (1280×800)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.services.admin_terminal import AdminTerminal
from kiosk.services.demo_backend import DemoBackend


@pytest.fixture
def admin_terminal(backend: DemoBackend) -> Iterator[AdminTerminal]:
    terminal = AdminTerminal.demo(backend)
    yield terminal
    terminal.stop()


@pytest.fixture
def admin(qtbot: Any, backend: DemoBackend, admin_terminal: AdminTerminal, sound: Any,
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
        sound=sound, terminal_name="test admin", role="admin", admin=admin_terminal)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.go("role:admin")
    home = win.current()
    assert home.name == "admin_home"
    home.code_field.edit.setText("ADM01")
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
