"""Load the QSS theme; small helpers to mark widgets with theme roles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.ui.i18n import RESOURCES


def apply_theme(app: QApplication) -> None:
    path = RESOURCES / "theme" / "kiosk.qss"
    app.setStyleSheet(path.read_text(encoding="utf-8"))


def role(widget: QWidget, name: str) -> QWidget:
    widget.setProperty("role", name)
    return widget


def title(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    label.setWordWrap(True)
    return label


def primary(button: QPushButton) -> QPushButton:
    button.setProperty("primary", True)
    return button


def restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
