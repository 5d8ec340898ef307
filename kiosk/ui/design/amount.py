"""Points typed or picked from presets (100 / 500 / 1,000) beside the field: value() is 0 while nothing valid is
typed, so the primary button that uses it can stay disabled."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from kiosk.ui.design.style import metrics

PRESETS = (100, 500, 1000)


class PointsInput(QWidget):
    valueChanged = Signal(int)

    def __init__(self, maximum: int = 1_000_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setValidator(QIntValidator(1, maximum, self))
        self.edit.setMaxLength(len(str(maximum)))
        self.edit.textChanged.connect(lambda _text: self.valueChanged.emit(self.value()))
        self.presets: list[QPushButton] = []
        row = QHBoxLayout(self)
        metrics(row, 0, "tight")
        row.addWidget(self.edit, 1)
        for amount in PRESETS:
            button = QPushButton(f"{amount:,}")
            button.setProperty("preset", True)
            button.clicked.connect(lambda _=False, a=amount: self.setValue(a))
            self.presets.append(button)
            row.addWidget(button)

    def value(self) -> int:
        text = self.edit.text().strip()
        return int(text) if text.isdigit() else 0

    def setValue(self, value: int) -> None:
        self.edit.setText(str(value))
