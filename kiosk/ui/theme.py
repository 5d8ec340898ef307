"""Theme glue for the screens: apply the design system's stylesheet, mark widgets with theme roles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget


def apply_theme(app: QApplication, large_text: bool = False, high_contrast: bool = False) -> None:
    from kiosk.ui.design import style
    from kiosk.ui.design.tokens import Theme

    now = style.current()
    style.apply_theme(app, Theme(now.scale, large_text, high_contrast))


def label(text: str = "", role: str | None = None, wrap: bool = True, name: str | None = None) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def title(text: str) -> QLabel:
    return label(text, "title")


def primary(button: QPushButton) -> QPushButton:
    button.setProperty("primary", True)
    return button


def restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
