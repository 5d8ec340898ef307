"""Customer-facing PIN pad: digits only, 4 digits, masked, tries left shown, plain warning before the last try.

The PIN is held only in a list of characters while it is being typed; `submitted` carries it once and the buffer
is cleared in the same call. The PIN is never logged, stored, or shown.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

PIN_LENGTH = 4


class PinPad(QWidget):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, shuffle: bool = False) -> None:
        super().__init__(parent)
        self._digits: list[str] = []
        self._tries_left: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.prompt = QLabel(self.tr("Please enter your 4-digit PIN yourself."))
        self.prompt.setWordWrap(True)
        self.prompt.setProperty("role", "resident")
        self.display = QLabel()
        self.display.setProperty("role", "big")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tries = QLabel()
        self.tries.setObjectName("pinTries")
        self.warning = QLabel()
        self.warning.setObjectName("pinWarning")
        self.warning.setProperty("role", "warning")
        self.warning.setWordWrap(True)
        self.warning.hide()

        self.keys = QWidget()
        grid = QGridLayout(self.keys)
        grid.setContentsMargins(0, 0, 0, 0)
        order = [str(d) for d in range(1, 10)] + ["0"]
        if shuffle:
            random.SystemRandom().shuffle(order)
        self.digit_buttons: dict[str, QPushButton] = {}
        for i, digit in enumerate(order[:9]):
            grid.addWidget(self._digit_button(digit), i // 3, i % 3)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setProperty("pinkey", True)
        self.clear_button.clicked.connect(self.clear)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._digit_button(order[9]), 3, 1)
        self.back_button = QPushButton("⌫")
        self.back_button.setProperty("pinkey", True)
        self.back_button.setAccessibleName(self.tr("Delete one digit"))
        self.back_button.clicked.connect(self.backspace)
        grid.addWidget(self.back_button, 3, 2)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setProperty("pinkey", True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        grid.addWidget(self.cancel_button, 4, 0)
        grid.addWidget(self.ok_button, 4, 1, 1, 2)

        # prompt, masked digits, tries and warning above the keys; the keys keep their size
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.prompt)
        row = QHBoxLayout()
        row.addWidget(self.display, 1)
        row.addWidget(self.tries)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(self.keys)
        self._refresh()

    def _digit_button(self, digit: str) -> QPushButton:
        button = QPushButton(digit)
        button.setProperty("pinkey", True)
        button.clicked.connect(lambda: self.press(digit))
        self.digit_buttons[digit] = button
        return button

    # --- input ----------------------------------------------------------------------------------------------
    def press(self, digit: str) -> None:
        blocked = self._tries_left is not None and self._tries_left <= 0
        if digit.isdigit() and len(digit) == 1 and len(self._digits) < PIN_LENGTH and self.isEnabled() \
                and not blocked:
            self._digits.append(digit)
            self._refresh()

    def backspace(self) -> None:
        if self._digits:
            self._digits.pop()
            self._refresh()

    def clear(self) -> None:
        for i in range(len(self._digits)):
            self._digits[i] = "\0"
        self._digits.clear()
        self._refresh()

    def submit(self) -> None:
        if len(self._digits) != PIN_LENGTH or not self.isEnabled():
            return
        if self._tries_left is not None and self._tries_left <= 0:
            self.clear()
            return
        pin = "".join(self._digits)
        self.clear()
        self.submitted.emit(pin)

    def _cancel(self) -> None:
        self.clear()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text.isdigit() and text.isascii():
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.backspace()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)

    # --- state ----------------------------------------------------------------------------------------------
    def length(self) -> int:
        return len(self._digits)

    def set_prompt(self, text: str) -> None:
        self.prompt.setText(text)

    def set_tries_left(self, tries: int | None) -> None:
        self._tries_left = tries
        self._refresh()

    def tries_left(self) -> int | None:
        return self._tries_left

    def _refresh(self) -> None:
        n = len(self._digits)
        self.display.setText("●" * n + "○" * (PIN_LENGTH - n))
        self.ok_button.setEnabled(n == PIN_LENGTH)
        tries = self._tries_left
        if tries is None:
            self.tries.setText("")
            self.warning.hide()
            self.keys.show()
            self.prompt.show()
            return
        self.keys.setVisible(tries > 0)  # a locked PIN: no keys to press, only the explanation
        self.prompt.setVisible(tries > 0)
        self.tries.setText(self.tr("Tries left: %n", "", tries))
        if tries <= 0:
            self.warning.setText(self.tr("The PIN is locked. It can be unlocked only at the municipal office "
                                         "counter with photo identification."))
            self.warning.show()
        elif tries == 1:
            self.warning.setText(self.tr("Caution: this is the LAST try. If this PIN is wrong, the card's PIN "
                                         "will be locked and can only be unlocked at the municipal office."))
            self.warning.show()
        else:
            self.warning.hide()
        for button in (*self.digit_buttons.values(), self.ok_button):
            button.setEnabled(tries > 0 and (button is not self.ok_button or n == PIN_LENGTH))
