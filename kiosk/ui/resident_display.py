"""Optional second screen facing the resident (setting `resident_display`).

At a counter with two monitors, the clerk's screen stays with the clerk and the resident's steps that only the
resident may do — typing a PIN, giving consent — move to the monitor facing the resident. A `ResidentSlot` holds
such a widget on the clerk's screen; while the slot is shown and a resident display exists, the widget is lent to
the display and the clerk sees a note instead. Without a display everything stays on the one screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.design.style import metrics, sized
from kiosk.ui.design.tokens import CONTENT_WIDTH
from kiosk.ui.session import ResidentSession


class ResidentDisplay(QWidget):
    def __init__(self, session: ResidentSession) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setWindowTitle(self.tr("Resident screen"))
        self.welcome = QLabel(self.tr("Welcome. Please follow the clerk's guidance."))
        self.welcome.setObjectName("residentWelcome")
        self.welcome.setProperty("role", "title")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self._area = QVBoxLayout()
        column = QWidget()  # the same capped, centred column as the clerk's screens
        sized(column, max_w=CONTENT_WIDTH)
        inner = QVBoxLayout(column)
        metrics(inner, "margin", "gap")
        inner.addWidget(self.welcome)
        inner.addLayout(self._area, 1)
        layout = QHBoxLayout(self)
        metrics(layout, 0, 0)
        layout.addWidget(column)
        self.lent: QWidget | None = None
        session.wiped.connect(lambda _reason: self.welcome.show())

    def place(self) -> None:
        """Full screen on the second monitor when there is one; a normal window otherwise."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(800, 800)
            self.show()

    def lend(self, widget: QWidget) -> None:
        self.lent = widget
        self.welcome.hide()
        self._area.addWidget(widget)
        widget.show()

    def returned(self, widget: QWidget) -> None:
        if self.lent is widget:
            self.lent = None
            self.welcome.show()


class ResidentSlot(QWidget):
    """Keeps `content` on the clerk's screen, or lends it to the resident display while the slot is shown."""

    def __init__(self, content: QWidget, display: ResidentDisplay | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.display = display
        self.note = QLabel(self.tr("The resident is doing this step on the screen facing them."))
        self.note.setObjectName("residentSlotNote")
        self.note.setProperty("role", "title")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(content)
        self._layout.addWidget(self.note)

    def is_lent(self) -> bool:
        return self.display is not None and self.display.lent is self.content

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.display is not None and not self.is_lent():
            self.note.show()
            self.display.lend(self.content)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.reclaim()

    def reclaim(self) -> None:
        if self.display is not None and self.is_lent():
            self._layout.insertWidget(0, self.content)
            self.content.show()
            self.display.returned(self.content)
            self.note.hide()
