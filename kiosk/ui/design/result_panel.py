"""The result panel (pretixSCAN is the model): one outcome fills the work area — solid colour, a large icon and a
word beside the colour, a 40 px headline, one line of detail, the amount, and one or two buttons. Each kind has
its own sound; a success in scan/tap modes closes itself after about 3 s, an error waits for a tap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.config import QT_TRANSLATE_NOOP
from kiosk.ui.design.style import metrics
from kiosk.ui.theme import restyle

ICONS = {"success": "✔", "queued": "✔", "warning": "⚠", "error": "✖"}
WORDS = {
    "success": QT_TRANSLATE_NOOP("Result", "Done"),
    "queued": QT_TRANSLATE_NOOP("Result", "Saved on this terminal"),
    "warning": QT_TRANSLATE_NOOP("Result", "Please note"),
    "error": QT_TRANSLATE_NOOP("Result", "Not possible"),
}
SOUNDS = {"success": "ok", "queued": "queued", "warning": "warning", "error": "error"}
AUTO_CLOSE_MS = 3000


@dataclass
class Action:
    label: str
    callback: Callable[[], None]
    primary: bool = False


@dataclass
class Result:
    kind: str  # success | queued | warning | error
    headline: str
    detail: str = ""
    amount: str = ""
    actions: list[Action] = field(default_factory=list)
    auto_close: bool = False  # scan/tap modes: a success closes itself (its primary action runs)
    sound: bool = True


class ResultPanel(QFrame):
    shown = Signal(str)  # kind
    closed = Signal()

    def __init__(self, sound: Callable[[str], None] = lambda name: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self._sound = sound
        self._result: Result | None = None
        self.icon = self._label("resultIcon")
        self.word = self._label("resultWord")
        self.headline = self._label("resultHeadline")
        self.detail = self._label("resultDetail")
        self.amount = self._label("resultAmount")
        self.extra = self._label("resultExtra")
        self.buttons: list[QPushButton] = []
        self._button_row = QHBoxLayout()
        metrics(self._button_row, 0, "gap")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._auto_close)
        top = QHBoxLayout()
        metrics(top, 0, "gap")
        top.addStretch(1)
        top.addWidget(self.icon)
        top.addWidget(self.word)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        metrics(layout, "margin", "tight")
        layout.addStretch(1)
        layout.addLayout(top)
        for label in (self.headline, self.detail, self.amount, self.extra):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addLayout(self._button_row)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(name not in ("resultIcon", "resultWord"))
        return label

    # --- showing --------------------------------------------------------------------------------------------
    def present(self, result: Result) -> None:
        self._timer.stop()
        self._result = result
        self.setProperty("kind", result.kind)
        restyle(self)
        for child in self.findChildren(QLabel):
            restyle(child)
        self.icon.setText(ICONS[result.kind])
        self.word.setText(QCoreApplication.translate("Result", WORDS[result.kind]))
        self.headline.setText(result.headline)
        for label, text in ((self.detail, result.detail), (self.amount, result.amount)):
            label.setText(text)
            label.setVisible(bool(text))
        self.set_extra("")
        for button in self.buttons:
            self._button_row.removeWidget(button)
            button.hide()  # gone at once, not only when the deferred delete runs
            button.deleteLater()
        self.buttons = []
        while self._button_row.count():  # the stretch of the previous result
            self._button_row.takeAt(0)
        secondary = [a for a in result.actions if not a.primary]
        main = [a for a in result.actions if a.primary]
        for action in secondary:
            self._button_row.addWidget(self._button(action))
        self._button_row.addStretch(1)
        for action in main:
            self._button_row.addWidget(self._button(action))
        if result.sound:
            self._sound(SOUNDS[result.kind])
        if result.auto_close and result.kind in ("success", "queued"):
            self._timer.start(AUTO_CLOSE_MS)
        self.shown.emit(result.kind)

    def _button(self, action: Action) -> QPushButton:
        button = QPushButton(action.label)
        button.setObjectName("resultAction")
        button.setProperty("primary", action.primary)
        button.clicked.connect(lambda _=False, a=action: self._run(a))
        self.buttons.append(button)
        return button

    def _run(self, action: Action) -> None:
        self._timer.stop()
        action.callback()

    def _auto_close(self) -> None:
        result = self._result
        main = [a for a in (result.actions if result else []) if a.primary]
        if main:
            main[0].callback()
        else:
            self.closed.emit()

    def set_extra(self, text: str) -> None:
        self.extra.setText(text)
        self.extra.setVisible(bool(text))

    def reset(self) -> None:
        self._timer.stop()
        self._result = None
        for label in (self.icon, self.word, self.headline, self.detail, self.amount, self.extra):
            label.clear()

    # --- reading (tests, accessibility) -----------------------------------------------------------------------
    def kind(self) -> str | None:
        return self._result.kind if self._result else None

    def text(self) -> str:
        parts = (self.word, self.headline, self.detail, self.amount, self.extra)
        return "\n".join(p.text() for p in parts if p.text())

    def auto_closing(self) -> bool:
        return self._timer.isActive()
