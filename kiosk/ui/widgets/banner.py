"""The resident banner shown above every screen: who is being served, and the "next resident" button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.design.style import metrics
from kiosk.ui.session import ResidentSession
from kiosk.ui.theme import restyle


class ResidentBanner(QFrame):
    next_resident = Signal()
    logout = Signal()

    def __init__(self, session: ResidentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._session = session
        self.staff_label = QLabel()
        self.resident_label = QLabel()
        self.resident_label.setObjectName("residentLabel")
        self.resident_label.setProperty("role", "resident")
        self.resident_label.setWordWrap(False)  # one line: the banner keeps its height on every screen
        self.idle_warning = QLabel()
        self.idle_warning.setObjectName("idleWarning")
        self.idle_warning.setProperty("role", "warning")
        self.idle_warning.hide()
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_idle_warning)
        self._tick.start()
        self.staff_label.setWordWrap(False)
        self.staff_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # gives way first
        self.staff_label.setMinimumWidth(80)
        self.staff_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.next_button = QPushButton(self.tr("Next resident"))
        self.next_button.setObjectName("nextResident")
        self.next_button.clicked.connect(self.next_resident)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.logout)
        self.resident_label.setMinimumWidth(160)  # may be cut when a long translation leaves no room (full text: tip)
        layout = QHBoxLayout(self)
        metrics(layout, ("margin", "tight", "margin", "tight"), "gap")
        layout.addWidget(self.resident_label)
        layout.addWidget(self.idle_warning)
        layout.addWidget(self.staff_label, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.logout_button)
        session.changed.connect(self.refresh)
        self.set_staff(None)
        self.refresh()

    def _update_idle_warning(self) -> None:
        """A plain warning shortly before an idle wipe (the last quarter of the idle time, at most 15 s)."""
        remaining = self._session.idle_remaining_ms()
        threshold = min(15000, self._session.idle_interval_ms() // 4)
        if remaining is None or remaining > threshold:
            self.idle_warning.hide()
            return
        seconds = max(1, (remaining + 999) // 1000)
        self.idle_warning.setText(self.tr("No activity: the screen will be cleared in %1 s").replace(
            "%1", str(seconds)))
        self.idle_warning.show()

    def retranslate(self) -> None:
        self.next_button.setText(self.tr("Next resident"))
        self.logout_button.setText(self.tr("Log out"))
        self.refresh()

    def set_staff(self, text: str | None) -> None:
        self.staff_label.setText(text or "")
        self.logout_button.setVisible(bool(text))

    def text(self) -> str:
        return self.resident_label.text()

    def refresh(self) -> None:
        s = self._session
        parts: list[str] = []
        if s.is_empty():
            text = self.tr("No resident is being served")
        else:
            if s.basic is not None:
                parts.append(s.basic.name)
            if s.mykey_id:
                parts.append(self.tr("MyKey ID %1").replace("%1", s.mykey_id))
            elif s.identity is not None and s.identity.status == "offline":
                parts.append(self.tr("card checked on this terminal (offline)"))
            elif s.identity is not None:
                parts.append(self.tr("no MyKey ID yet"))
            if not parts:
                parts.append(self.tr("card placed (not yet verified)"))
            text = self.tr("Serving: %1").replace("%1", " / ".join(parts))
        self.resident_label.setText(text)
        self.resident_label.setToolTip(text)
        self.next_button.setEnabled(not s.is_empty())
        self.setProperty("serving", not s.is_empty())
        restyle(self)
        self._whole_buttons()

    def _whole_buttons(self) -> None:
        """Whole words on the buttons in every language: their minimum is their text's width (the style sheet's
        min-width alone let a long translation cut them), so the texts beside them give way instead."""
        for button in (self.next_button, self.logout_button):
            button.setMinimumWidth(0)
            button.setMinimumWidth(button.sizeHint().width())
