"""Kiosk mode (the setting `kiosk_mode`): the window covers the screen, frameless and on top, with no window
controls, and it can only be left with the administrator PIN.

- Closing is refused (Alt+F4, the window manager's close, a stray `close()`); leaving full screen is undone.
- Ctrl+Alt+Q asks for the administrator PIN (the same check and lock-out as the settings screen,
  kiosk.services.admin_pin); the right PIN quits the kiosk with exit code 0, so the systemd unit or the Windows
  scheduled task (installer/) does not restart it — a crash (any other ending) is restarted.
- On a touch screen without a keyboard: 設定 (settings) → administrator PIN → "Full-screen kiosk mode" off → save;
  the window gets its frame and controls back at once.

What the operating system does around the window (the session that runs only the kiosk, no task switcher, no
desktop) is installer/linux/mykey-kiosk-session.desktop and installer/README.md.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QPushButton, QVBoxLayout

from kiosk.ui.admin_gate import AdminPinGate

LEAVE_SHORTCUT = "Ctrl+Alt+Q"
# the dialog's words by the application's language (kiosk_language); kept here rather than in the .ts so this
# installer-side piece brings its own Japanese (the same way as kiosk/version.py's message)
TEXTS = {
    "ja": ("キオスクモードを終了するには、管理者暗証番号を入力してください。", "キオスクを終了", "やめる"),
    "en": ("Enter the administrator PIN to quit the kiosk.", "Quit the kiosk", "Cancel"),
}


def texts() -> tuple[str, str, str]:
    app = QApplication.instance()
    language = app.property("kiosk_language") if app is not None else None
    return TEXTS["en"] if language == "en" else TEXTS["ja"]
LOCKED_FLAGS = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


class LeaveDialog(QDialog):
    """The administrator PIN, asked before the kiosk quits."""

    def __init__(self, admin_pin: Any, runner: Any, parent: QMainWindow) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("kioskLeave")
        self.setModal(True)
        prompt, quit_text, cancel_text = texts()
        self.gate = AdminPinGate(admin_pin, runner, self)
        self.gate.prompt.setText(prompt)
        self.gate.button.setText(quit_text)
        self.gate.button.setProperty("primary", True)
        self.gate.admitted.connect(self.accept)
        cancel = QPushButton(cancel_text)
        cancel.setObjectName("kioskLeaveCancel")
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.gate)
        layout.addWidget(cancel)
        self.resize(560, 360)


class KioskLock(QObject):
    """Holds a MainWindow in kiosk mode while engaged. Owned by the window."""

    def __init__(self, window: QMainWindow, admin_pin: Any, runner: Any) -> None:
        super().__init__(window)
        self.window = window
        self.admin_pin = admin_pin
        self.runner = runner
        self.engaged = False
        self.leaving = False
        self.dialog: LeaveDialog | None = None
        self._normal_flags = window.windowFlags()
        self.shortcut = QShortcut(QKeySequence(LEAVE_SHORTCUT), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.ask_to_leave)
        self.shortcut.setEnabled(False)

    def engage(self) -> None:
        """Full screen, frameless, on top; closing refused."""
        if not self.engaged:
            self._normal_flags = self.window.windowFlags()
            self.window.installEventFilter(self)
        self.engaged = True
        self.shortcut.setEnabled(True)
        self.window.setWindowFlags(LOCKED_FLAGS)
        self.window.showFullScreen()

    def release(self) -> None:
        """Back to a normal window with its frame and controls (the settings turned kiosk mode off)."""
        if not self.engaged:
            return
        self.engaged = False
        self.shortcut.setEnabled(False)
        self.window.removeEventFilter(self)
        self.window.setWindowFlags(self._normal_flags)
        self.window.showNormal()

    def apply(self, on: bool) -> None:
        if on:
            self.engage()
        else:
            self.release()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and self.engaged and not self.leaving:
            if event.type() == QEvent.Type.Close:
                event.ignore()
                return True
            if event.type() == QEvent.Type.WindowStateChange and not self.window.isFullScreen():
                QTimer.singleShot(0, self._back_to_full_screen)
        return False

    def _back_to_full_screen(self) -> None:
        if self.engaged and not self.leaving and not self.window.isFullScreen():
            self.window.showFullScreen()

    def ask_to_leave(self) -> None:
        """Ctrl+Alt+Q: the administrator PIN, then quit."""
        if not self.engaged or self.dialog is not None:
            return
        self.dialog = LeaveDialog(self.admin_pin, self.runner, self.window)
        self.dialog.accepted.connect(self.leave)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def leave(self) -> None:
        """The PIN was right: the window may close, and the application quits (exit code 0)."""
        self.leaving = True
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def install(window: Any, config: Any) -> KioskLock:
    """Attach the lock to a MainWindow, engage it when the setting is on, follow the setting when it is saved."""
    lock = KioskLock(window, window.ctx.admin_pin, window.ctx.runner)
    window.settings_saved.connect(lambda: lock.apply(bool(config.kiosk_mode)))
    window.kiosk_lock = lock
    return lock


def show(window: Any, config: Any, size: tuple[int, int] = (1280, 800)) -> KioskLock:
    """Show the window as the setting says: locked full screen in kiosk mode, else a normal window of `size`."""
    lock = install(window, config)
    if config.kiosk_mode:
        lock.engage()
    else:
        window.resize(*size)
        window.show()
    return lock
