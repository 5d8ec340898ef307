"""Kiosk mode (kiosk/ui/kiosk_mode.py): full screen, frameless, closing refused; Ctrl+Alt+Q asks the administrator
PIN, a wrong PIN keeps the kiosk running, the right one lets it close and quit; the setting turned off in the
settings releases the window."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from kiosk.config import Config
from kiosk.services.admin_pin import AdminPin, MemoryBackend
from kiosk.ui import kiosk_mode
from kiosk.ui.ops import OpRunner

PIN = "975310"


class FakeWindow(QMainWindow):
    settings_saved = Signal()

    def __init__(self, admin_pin: AdminPin) -> None:
        super().__init__()
        self.runner = OpRunner(parent=self)
        self.ctx = SimpleNamespace(admin_pin=admin_pin, runner=self.runner)
        self.closed = 0

    def closeEvent(self, event) -> None:
        self.closed += 1
        super().closeEvent(event)


def _window(qtbot) -> tuple[FakeWindow, Config, kiosk_mode.KioskLock]:
    pin = AdminPin(MemoryBackend())
    pin.set_pin(PIN)
    window = FakeWindow(pin)
    qtbot.addWidget(window)
    config = Config(None, kiosk_mode=True)
    lock = kiosk_mode.show(window, config)
    qtbot.waitUntil(window.isVisible)
    return window, config, lock


def test_kiosk_mode_is_full_screen_frameless_and_refuses_to_close(qtbot):
    window, _, lock = _window(qtbot)
    assert lock.engaged
    assert window.isFullScreen()
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert not flags & Qt.WindowType.WindowCloseButtonHint
    assert not window.close()  # Alt+F4 / the window manager's close
    assert window.isVisible() and window.closed == 0
    window.showNormal()  # leaving full screen is undone
    qtbot.waitUntil(window.isFullScreen)


def test_leaving_needs_the_administrator_pin(qtbot, monkeypatch):
    window, _, lock = _window(qtbot)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication.instance(), "quit", lambda: quits.append(True))
    lock.shortcut.activated.emit()  # Ctrl+Alt+Q
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.gate.field.setText("000000")  # wrong
    dialog.gate.submit()
    qtbot.waitUntil(lambda: bool(dialog.gate.message.text()))
    assert "000000" not in dialog.gate.message.text()
    assert window.isVisible() and not quits and lock.dialog is dialog
    dialog.gate.field.setText(PIN)
    dialog.gate.submit()
    qtbot.waitUntil(lambda: bool(quits))
    assert lock.leaving
    assert not window.isVisible()  # closed once the PIN was right


def test_cancel_keeps_the_kiosk(qtbot):
    window, _, lock = _window(qtbot)
    lock.ask_to_leave()
    assert lock.dialog is not None
    lock.dialog.reject()
    qtbot.waitUntil(lambda: lock.dialog is None)
    assert lock.engaged and not window.close()


def test_turning_the_setting_off_releases_the_window(qtbot):
    window, config, lock = _window(qtbot)
    config.set("kiosk_mode", False)
    window.settings_saved.emit()
    assert not lock.engaged
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.isFullScreen()
    assert window.close()  # an ordinary window again
    config.set("kiosk_mode", True)
    window.show()
    window.settings_saved.emit()
    assert lock.engaged and window.isFullScreen()

