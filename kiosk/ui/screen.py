"""Base class of every screen: a name for navigation, an `entered()` hook and `clear()` for session wipes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.errors import message_for


class Screen(QWidget):
    name = "screen"
    navigate = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

    def entered(self) -> None:
        """Called each time the screen is shown."""

    def clear(self) -> None:
        """Forget everything about the resident (session wiped). Subclasses extend it."""
        self.hide_error()

    def show_error(self, error: ServiceError | str) -> None:
        text = message_for(error) if isinstance(error, ServiceError) else error
        self.error_label.setText(text)
        self.error_label.show()

    def hide_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
