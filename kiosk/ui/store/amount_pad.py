"""The shop's amount entry for a touch screen (not in kiosk/ui/design, built here): the amount in 40 px, a
square-ish number pad (1-9, 00, 0, ⌫) and preset amounts (100 / 500 / 1,000) beside it. `value()` is 0 while
nothing is entered, so the primary button that uses it stays disabled; `maximum` caps what can be typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.design.amount import PRESETS
from kiosk.ui.design.format import points
from kiosk.ui.design.style import metrics

MAX_DIGITS = 7


class AmountPad(QWidget):
    valueChanged = Signal(int)

    def __init__(self, maximum: int = 1_000_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._digits = ""
        self.maximum = maximum
        self.display = QLabel()
        self.display.setObjectName("amountDisplay")
        self.display.setProperty("role", "big")
        self.display.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        metrics(grid, 0, "tight")
        for i, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", "00", "0", "⌫"]):
            button = QPushButton(key)
            button.setProperty("pinkey", True)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            self.keys[key] = button
            grid.addWidget(button, i // 3, i % 3)
        self.keys["⌫"].setAccessibleName(self.tr("Delete one digit"))
        presets = QVBoxLayout()
        metrics(presets, 0, "tight")
        self.presets: list[QPushButton] = []
        for amount in PRESETS:
            button = QPushButton(f"{amount:,}")
            button.setProperty("pinwide", True)
            button.clicked.connect(lambda _=False, a=amount: self.setValue(a))
            self.presets.append(button)
            presets.addWidget(button)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setProperty("pinwide", True)
        self.clear_button.setProperty("pinword", True)
        self.clear_button.clicked.connect(self.clear)
        presets.addWidget(self.clear_button)
        row = QHBoxLayout(self)  # `display` is placed by the screen (beside or above the keys)
        metrics(row, 0, "gap")
        row.addLayout(grid)
        row.addLayout(presets)
        self._refresh()

    def press(self, key: str) -> None:
        if key == "⌫":
            self._digits = self._digits[:-1]
        elif key.isdigit():
            candidate = (self._digits + key).lstrip("0")
            if len(candidate) <= MAX_DIGITS and (not candidate or int(candidate) <= self.maximum):
                self._digits = candidate
        self._refresh()

    def clear(self) -> None:
        self._digits = ""
        self._refresh()

    def value(self) -> int:
        return int(self._digits) if self._digits else 0

    def setValue(self, value: int) -> None:
        self._digits = str(max(0, min(int(value), self.maximum))) if value > 0 else ""
        self._refresh()

    def _refresh(self) -> None:
        self.display.setText(points(self.value()))
        self.valueChanged.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text.isdigit() and text.isascii():
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif event.key() == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)
