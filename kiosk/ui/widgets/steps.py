"""The step bar of a multi-step task ("1 カードを置く › 2 暗証番号 › ..."): one line that never wraps, the current
step in the primary colour, finished steps with ✔."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.ui.design.style import metrics
from kiosk.ui.theme import restyle


class StepBar(QWidget):
    def __init__(self, steps: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        self._steps = steps
        self.labels: list[QLabel] = []
        layout = QHBoxLayout(self)
        metrics(layout, 0, "tight")
        for i, step in enumerate(steps):
            if i:
                sep = QLabel("›")
                sep.setProperty("step", "todo")
                layout.addWidget(sep)
            label = QLabel(f"{i + 1}. {step}")
            label.setWordWrap(False)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.labels.append(label)
            layout.addWidget(label)
        layout.addStretch(1)
        self._current, self._finished = -1, False
        self.set_current(0)

    def set_current(self, index: int, finished: bool = False) -> None:
        """`finished`: the last step is shown as done (only when something was done)."""
        self._current, self._finished = index, finished
        self._render()

    def _render(self) -> None:
        """Every step named when there is room; else (large text, narrow window) only the current one, the others
        as ✔ or their number — one line either way."""
        index, finished = self._current, self._finished
        for compact in (False, True):
            for i, (label, step) in enumerate(zip(self.labels, self._steps, strict=True)):
                done = i < index or (finished and i == index)
                state = "done" if done else "current" if i == index else "todo"
                if compact and i != index:
                    label.setText("✔" if done else str(i + 1))
                else:
                    label.setText(f"✔ {step}" if done else f"{i + 1}. {step}")
                label.setProperty("step", state)
                restyle(label)
            if compact or self.width() <= 0 or self.layout().sizeHint().width() <= self.width():  # type: ignore[union-attr]
                return

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def current(self) -> int:
        return self._current

    def text(self) -> str:
        return " › ".join(label.text() for label in self.labels)
