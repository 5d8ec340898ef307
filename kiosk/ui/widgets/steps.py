"""The resident's own steps, shown above a flow ("1 place the card › 2 PIN › ..."), current step highlighted."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget


class StepBar(QLabel):
    def __init__(self, steps: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        self.setWordWrap(True)
        self._steps = steps
        self.set_current(0)

    def set_current(self, index: int) -> None:
        self._current = index
        parts = []
        for i, step in enumerate(self._steps):
            text = f"{i + 1}. {html.escape(step)}"
            if i == index:
                parts.append(f'<span style="background:#1f5fbf;color:white;font-weight:bold">&nbsp;{text}&nbsp;</span>')
            elif i < index:
                parts.append(f'<span style="color:#1e6b2e">✔ {text}</span>')
            else:
                parts.append(f'<span style="color:#5f6b7a">{text}</span>')
        self.setText(" › ".join(parts))

    def current(self) -> int:
        return self._current
