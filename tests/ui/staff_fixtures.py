"""What the office and administration UI fixtures share: the real main window on the demo stack, on a staff role's
home with its clerk logged in (1280×800), and the way it is put away (tests/ui/office/conftest.py,
tests/ui/admin/conftest.py; the shop's window, which has no clerk login, is put away the same way)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.config import Config


def staff_window(qtbot: Any, backend: Any, sound: Any, tmp_path: Path, role: str, terminal: Any,
                 staff_code: str) -> Iterator[Any]:
    """Generator for a fixture (`yield from`): the window with `terminal` as its `role` ("office", "admin"), the
    clerk `staff_code` logged in on the home; afterwards every operation runner is let finish."""
    from kiosk.app import CardEventRelay, create_window, ensure_qapp

    app = ensure_qapp()
    config = Config(tmp_path / "settings.json", language="ja", sound=False, resident_display=False)
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    win = create_window(
        app, backend.runtime.services, config, data_dir=tmp_path, reset_card=backend.runtime.services.auth.reset_card,
        card_events=relay, engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
        demo_cards=backend.sample_cards(), demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
        sound=sound, terminal_name=f"test {role}", role=role, **{role: terminal})
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.go(f"role:{role}")
    home = win.current()
    assert home.name == f"{role}_home"
    home.code_field.edit.setText(staff_code)
    home.password_field.edit.setText("demo-pass")
    home.login_button.click()
    qtbot.waitUntil(lambda: home.stack.currentWidget() is home.tasks_page, timeout=15000)
    yield win
    put_away(win, relay)


def put_away(win: Any, relay: Any) -> None:
    """After a test: no more card events, no more sync, and every operation runner let finish."""
    relay.unsubscribe()
    win.sync_relay.detach()
    win.ctx.runner.wait_idle(5000)
    for screen in win.screens.values():
        runner = getattr(screen, "runner", None)
        if runner is not None and runner is not win.ctx.runner:
            runner.wait_idle(5000)
