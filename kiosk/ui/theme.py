"""Load the QSS theme; small helpers to mark widgets with theme roles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.i18n import RESOURCES


def apply_theme(app: QApplication) -> None:
    path = RESOURCES / "theme" / "kiosk.qss"
    app.setStyleSheet(path.read_text(encoding="utf-8"))


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


def header(text: str, back: QPushButton) -> QHBoxLayout:
    """Screen header: the title on the left, the way back on the right (saves a row at 1280×800)."""
    row = QHBoxLayout()
    row.addWidget(title(text), 1)
    row.addWidget(back)
    return row
