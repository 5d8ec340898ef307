"""Customer-facing PIN pad: digits only, 4 digits, masked, tries left shown, plain warning before the last try.

The PIN is held only in a list of characters while it is being typed; `submitted` carries it once and the buffer
is cleared in the same call. The PIN is never logged, stored, or shown.
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.design.style import metrics

PIN_LENGTH = 4


class PinPad(QWidget):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, shuffle: bool = False) -> None:
        super().__init__(parent)
        self._digits: list[str] = []
        self._tries_left: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # left: which PIN and why, the dots, the tries left under them, the last-try warning; right: the keys
        self.prompt = self._label("pinTitle", self.tr("Please enter your 4-digit PIN yourself."))
        self.reason = self._label("pinReason", "")
        self.reason.hide()
        self.display = self._label("pinDots", "", wrap=False)
        self.notice = self._label("pinNotice", "")
        self.notice.setProperty("role", "error")
        self.notice.hide()
        self.tries = self._label("pinTries", "")
        self.warning = self._label("pinWarning", "")
        self.warning.setProperty("role", "warning")
        self.warning.hide()

        self.keys = QWidget()
        grid = QGridLayout(self.keys)
        metrics(grid, 0, "tight")
        order = [str(d) for d in range(1, 10)] + ["0"]
        if shuffle:
            random.SystemRandom().shuffle(order)
        self.digit_buttons: dict[str, QPushButton] = {}
        for i, digit in enumerate(order[:9]):
            grid.addWidget(self._digit_button(digit), i // 3, i % 3)
        self.clear_button = self._key(self.tr("Clear"))
        self.clear_button.setProperty("pinword", True)
        self.clear_button.clicked.connect(self.clear)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._digit_button(order[9]), 3, 1)
        self.back_button = self._key("⌫")
        self.back_button.setAccessibleName(self.tr("Delete one digit"))
        self.back_button.clicked.connect(self.backspace)
        grid.addWidget(self.back_button, 3, 2)
        self.cancel_button = self._key(self.tr("Cancel"))
        self.cancel_button.setProperty("pinword", True)
        self.cancel_button.clicked.connect(self._cancel)
        self.ok_button = self._key(self.tr("OK"), wide=True)
        self.ok_button.setProperty("primary", True)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.cancel_button, 4, 0)
        grid.addWidget(self.ok_button, 4, 1, 1, 2)

        left = QVBoxLayout()
        metrics(left, 0, "gap")
        left.addStretch(1)
        for widget in (self.prompt, self.reason, self.display, self.notice, self.tries, self.warning):
            left.addWidget(widget)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        metrics(layout, 0, "margin")
        layout.addLayout(left, 1)
        layout.addWidget(self.keys, 0, Qt.AlignmentFlag.AlignVCenter)
        self._refresh()

    def _label(self, name: str, text: str, wrap: bool = True) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _key(self, text: str, wide: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("pinwide" if wide else "pinkey", True)  # square-ish keys, sized by the theme
        return button

    def _digit_button(self, digit: str) -> QPushButton:
        button = self._key(digit)
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

    def set_prompt(self, text: str, reason: str = "") -> None:
        """Which PIN (the resident reads it), and why it is asked."""
        self.prompt.setText(text)
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))

    def set_notice(self, text: str) -> None:
        """One line by the dots for the resident (e.g. the PIN just typed was wrong)."""
        self.notice.setText("✖ " + text if text else "")
        self.notice.setVisible(bool(text))

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
            self.display.show()
            return
        self.keys.setVisible(tries > 0)  # a locked PIN: no keys and no empty dots, only the explanation
        self.prompt.setVisible(tries > 0)
        self.display.setVisible(tries > 0)
        self.tries.setText(self.tr("%n tries left", "", tries) if tries > 0 else "")
        if tries <= 0:
            self.warning.setText(self.tr("The PIN is locked. It can be reset with photo identification at the "
                                         "municipality's My Number Card desk; the staff will show you the way."))
            self.warning.show()
        elif tries == 1:
            self.warning.setText(self.tr("⚠ Last try: if this PIN is wrong too, the PIN will be locked."))
            self.warning.show()
        else:
            self.warning.hide()
        for button in (*self.digit_buttons.values(), self.ok_button):
            button.setEnabled(tries > 0 and (button is not self.ok_button or n == PIN_LENGTH))
