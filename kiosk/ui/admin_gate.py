"""The administrator PIN prompt shown before the settings open (the check is kiosk.services.admin_pin.AdminPin).

The PIN is checked off the GUI thread (scrypt), never logged, and the field is cleared after every try.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError


class AdminPinGate(QWidget):
    admitted = Signal()

    def __init__(self, admin_pin: Any, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin_pin = admin_pin
        self.runner = runner
        self.setObjectName("adminPinGate")
        self.prompt = QLabel(self.tr("Enter the administrator PIN to open the settings."))
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("adminPin")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}", self.field))
        self.field.returnPressed.connect(self.submit)
        self.button = QPushButton(self.tr("Open settings"))
        self.button.setObjectName("adminPinOpen")
        self.button.clicked.connect(self.submit)
        self.message = QLabel("")
        self.message.setObjectName("adminPinMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.field, self.button, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)

    def reset(self) -> None:
        self.field.clear()
        self.message.setText("")
        self.button.setEnabled(True)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if not pin:
            return
        self.button.setEnabled(False)
        self.runner.run(lambda: self.admin_pin.verify(pin), self._ok, self._refused)

    def _ok(self, _: Any) -> None:
        self.reset()
        self.admitted.emit()

    def _refused(self, error: ServiceError) -> None:
        self.button.setEnabled(True)
        self.message.setText(self.describe(error))

    def describe(self, error: ServiceError) -> str:
        if error.code == "admin_pin_wrong":
            return self.tr("The PIN is wrong. Tries left before the settings lock: %n", "", error.tries_left or 0)
        if error.code == "admin_pin_locked":
            return self.tr("Too many wrong PINs. The settings are locked for %n second(s).", "",
                           int(error.detail or 0))
        if error.code == "admin_pin_not_set":
            return self.tr("No administrator PIN is set on this terminal. Set one with: kiosk admin-pin")
        return self.tr("The PIN could not be checked.")
