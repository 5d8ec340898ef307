"""Small drivers for the real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kiosk.ui.widgets.pinpad import PinPad

TIMEOUT = 15000


def login(qtbot: Any, window: Any, backend: Any) -> None:
    window.go("role:counter")
    code, password = backend.staff_login()
    window.login.code.setText(code)
    window.login.password.setText(password)
    qtbot.mouseClick(window.login.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current().name == "counter_home", timeout=TIMEOUT)


def open_task(qtbot: Any, window: Any, name: str) -> Any:
    home = window.screens["counter_home"]
    qtbot.mouseClick(home.buttons[name], Qt.MouseButton.LeftButton)
    assert window.current().name == name
    return window.current()


def type_pin(qtbot: Any, pad: PinPad, pin: str) -> None:
    qtbot.waitUntil(pad.isVisible, timeout=TIMEOUT)
    for digit in pin:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    assert pad.length() == len(pin)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert pad.length() == 0  # the buffer is cleared as soon as the PIN is handed over


def place(qtbot: Any, window: Any, backend: Any, key: str) -> None:
    backend.reader.insert(key)
    qtbot.waitUntil(lambda: window.session.card_present, timeout=TIMEOUT)


def remove(qtbot: Any, window: Any, backend: Any) -> None:
    backend.reader.remove()
    qtbot.waitUntil(lambda: not window.session.card_present, timeout=TIMEOUT)


def identify(qtbot: Any, window: Any, backend: Any, screen: Any, key: str, pin: str = "1234") -> None:
    """Place `key`'s card and type the JPKI PIN on the screen's identification step."""
    place(qtbot, window, backend, key)
    pad = screen.identify.pinpad
    qtbot.waitUntil(lambda: pad.isVisible() and pad.tries_left() is not None, timeout=TIMEOUT)
    type_pin(qtbot, pad, pin)


def stop_cloud(backend: Any) -> None:
    backend.cloud.stop()


def restart_cloud(backend: Any) -> None:
    """Start the embedded cloud again on the same address and database."""
    from urllib.parse import urlparse

    from kiosk_cloud.embedded import start_embedded

    port = urlparse(backend.cloud.url).port
    db = f"sqlite:///{backend.data_dir / 'cloud' / 'cloud.db'}"
    backend.cloud = start_embedded(db, port=port)
    backend.runtime.engine.wake()


def result_shown(screen: Any, kind: str | None = None) -> bool:
    """The screen shows an outcome in its result panel (of `kind` when given)."""
    return bool(screen.result_shown() and (kind is None or screen.result_panel.kind() == kind))


def press_result(qtbot: Any, screen: Any, text: str | None = None) -> None:
    """Press a button of the result panel: the one labelled `text`, else the primary one."""
    buttons = screen.result_panel.buttons
    button = next(b for b in buttons if (b.text() == text if text else b.property("primary")))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
