"""The action bar at the bottom of a page: the secondary button(s) on the left, the one primary on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.design.style import metrics


def primary(button: QPushButton) -> QPushButton:
    button.setProperty("primary", True)
    return button


class ActionBar(QWidget):
    def __init__(self, primary_button: QPushButton | None = None, *secondary: QPushButton,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        layout = QHBoxLayout(self)
        metrics(layout, 0, "gap")
        for button in secondary:
            layout.addWidget(button)
        layout.addStretch(1)
        self.primary_button = primary_button
        if primary_button is not None:
            primary(primary_button)
            layout.addWidget(primary_button)
