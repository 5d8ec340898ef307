"""A labelled input with its verdict line: a green ✔ line for a good value; a red border and a ✖ line for a bad
one. The field never hides the line's place, so the form does not jump."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.design.style import metrics
from kiosk.ui.theme import restyle


class Field(QWidget):
    def __init__(self, label: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(label, self)  # a child from the start: shown parentless it is a window for a moment
        self.label.setProperty("role", "fieldLabel")  # and takes the activation (keys, a wedge scanner's too)
        self.label.setHidden(not label)
        self.label.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.line = QLabel()
        self.line.setObjectName("fieldLine")
        self.line.setWordWrap(True)
        layout = QVBoxLayout(self)
        metrics(layout, 0, 4)
        layout.addWidget(self.label)
        self._row = QHBoxLayout()
        metrics(self._row, 0, "gap")
        self._row.addWidget(self.edit, 1)
        layout.addLayout(self._row)
        layout.addWidget(self.line)
        self.edit.textEdited.connect(lambda _text: self.set_state(None))

    def add_button(self, button: QWidget) -> None:
        """A button that acts on this field, beside it (e.g. 照会)."""
        self._row.addWidget(button)

    def text(self) -> str:
        return self.edit.text()

    def set_state(self, state: str | None, message: str = "") -> None:
        """state: "ok" (✔ message), "error" (✖ message, red border) or None (neutral)."""
        self.edit.setProperty("state", state or "")
        self.line.setProperty("fieldLine", state or "")
        icon = {"ok": "✔ ", "error": "✖ "}.get(state or "", "")
        self.line.setText(icon + message if message else "")
        restyle(self.edit)
        restyle(self.line)

    def state(self) -> str | None:
        return str(self.edit.property("state") or "") or None

    def set_ok(self, message: str) -> None:
        self.set_state("ok", message)

    def set_error(self, message: str) -> None:
        self.set_state("error", message)

    def clear(self) -> None:
        self.edit.clear()
        self.set_state(None)
