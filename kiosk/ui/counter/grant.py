"""Grant points: choose the programme, then tap cards one after another or type a MyKey ID.

Attendance mode: pre-registered applicants are granted when they tap — without a PIN. The tap reads only the
card's user-auth certificate (free to read), and the attendance goes through the outbox with its fingerprint; the
cloud maps it to the bound MyKey ID (so it also works offline and queues). Ordinary grants keep the PIN.
Each grant is confirmed on screen with a sound; duplicates within the programme's rule are refused.
Grants are written to the outbox first, so they work offline (the screen says "queued").
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.grants import GrantOutcome, Programme
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import header, primary
from kiosk.ui.widgets.identify import IdentifyStep


class GrantScreen(Screen):
    name = "grant"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._programmes: list[Programme] = []
        self._programme: Programme | None = None
        self._count, self._total, self._last_points = 0, 0, 0
        self.stack = QStackedWidget()
        self.choose_page = self._choose_page()
        self.grant_page = self._grant_page()
        self.stack.addWidget(self.choose_page)
        self.stack.addWidget(self.grant_page)
        back = QPushButton(self.tr("Back to the counter menu"))
        back.clicked.connect(lambda: self.navigate.emit("counter_home"))
        layout = QVBoxLayout(self)
        layout.addLayout(header(self.tr("Grant points"), back))
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.programme_list = QListWidget()
        self.programme_list.setObjectName("programmeList")
        self.attendance_mode = QCheckBox(self.tr("Attendance mode (出席登録): participants registered in advance "
                                                 "receive their registered points when they tap the card"))
        self.attendance_mode.setObjectName("attendanceMode")
        self.start_button = primary(QPushButton(self.tr("Start granting")))
        self.start_button.clicked.connect(self._start)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Choose the grant programme:")))
        layout.addWidget(self.programme_list, 1)
        layout.addWidget(self.attendance_mode)
        layout.addWidget(self.start_button)
        return page

    def _grant_page(self) -> QWidget:
        page = QWidget()
        self.programme_label = QLabel()
        self.programme_label.setObjectName("programmeLabel")
        self.programme_label.setProperty("role", "resident")
        self.points = QSpinBox()
        self.points.setObjectName("points")
        self.points.setRange(1, 1_000_000)
        self.mykey_input = QLineEdit()
        self.mykey_input.setObjectName("grantMykey")
        self.mykey_input.setPlaceholderText(self.tr("MyKey ID (or tap the card)"))
        self.grant_button = primary(QPushButton(self.tr("Grant")))
        self.grant_button.setObjectName("grantButton")
        self.grant_button.clicked.connect(self._grant_typed)
        self.mykey_input.returnPressed.connect(self._grant_typed)
        self.identify = IdentifyStep(ctx=self.ctx)
        self.identify.identified.connect(self._on_tap_identified)
        self.identify.failed.connect(self._identify_failed)
        self.identify.cancelled.connect(self._next_tap)
        self.tap_prompt = QLabel(self.tr("Attendance: please tap your My Number Card on the reader. "
                                         "No PIN is needed."))
        self.tap_prompt.setObjectName("attendancePrompt")
        self.tap_prompt.setProperty("role", "title")
        self.tap_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tap_prompt.setWordWrap(True)
        self.tap_prompt.hide()
        self._tapped_generation: int | None = None
        self.ctx.session.changed.connect(self._on_attendance_tap)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("grantConfirmation")
        self.confirmation.setProperty("role", "title")
        self.confirmation.setWordWrap(True)
        self.tally = QLabel()
        self.tally.setObjectName("grantTally")
        change = QPushButton(self.tr("Change programme"))
        change.clicked.connect(lambda: self.stack.setCurrentWidget(self.choose_page))
        self.programme_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Points")))
        row.addWidget(self.points)
        left = QVBoxLayout()
        left.addWidget(self.programme_label)
        left.addLayout(row)
        left.addWidget(self.mykey_input)
        left.addWidget(self.grant_button)
        left.addWidget(self.confirmation)
        left.addWidget(self.tally)
        left.addStretch(1)
        left.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.identify, 3)
        layout.addWidget(self.tap_prompt, 3)
        return page

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.stack.currentWidget() is self.choose_page:
            self.hide_error()
            self.ctx.runner.run(self.ctx.services.grants.programmes, self._show_programmes, self.show_error)
        else:
            self._start_taps()

    def _attendance(self) -> bool:
        return self._programme is not None and self._programme.attendance

    def _start_taps(self) -> None:
        """Ordinary grants identify the resident with the PIN; attendance only reads the certificate."""
        attendance = self._attendance()
        self.identify.setVisible(not attendance)
        self.tap_prompt.setVisible(attendance)
        if attendance:
            self.identify.stop()
            self._on_attendance_tap()
        else:
            self.identify.start()

    def _on_attendance_tap(self) -> None:
        session = self.ctx.session
        if not (self._attendance() and self.stack.currentWidget() is self.grant_page and self.isVisible()):
            return
        if not session.card_present or self._tapped_generation == session.generation:
            return
        self._tapped_generation = session.generation
        programme = self._programme
        assert programme is not None
        self.hide_error()
        auth, grants = self.ctx.services.auth, self.ctx.services.grants

        def failed(error: ServiceError) -> None:
            self.confirmation.clear()
            self.show_error(error)
            self.ctx.sound("error")

        self.ctx.runner.run(lambda: grants.attend_by_card(programme, *auth.card_certificate()),
                            self._granted, failed)

    def _show_programmes(self, programmes: object) -> None:
        assert isinstance(programmes, list)
        self._programmes = programmes
        self.programme_list.clear()
        for p in programmes:
            text = f"{p.name} — {p.department_name}" if p.department_name else p.name
            if p.points > 0:
                text += " (" + self.tr("%1 points").replace("%1", f"{p.points:,}") + ")"
            item = QListWidgetItem(text)
            self.programme_list.addItem(item)
        if programmes:
            self.programme_list.setCurrentRow(0)

    def _start(self) -> None:
        row = self.programme_list.currentRow()
        if row < 0:
            return
        p = replace(self._programmes[row], attendance=self.attendance_mode.isChecked())
        self._programme = p
        text = self.tr("Programme: %1").replace("%1", p.name)
        if p.attendance:
            text += "\n" + self.tr("Attendance mode: registered participants are granted when they tap their card.")
        self.programme_label.setText(text)
        self.points.setValue(p.points if p.points > 0 else 100)
        self.points.setEnabled(not p.attendance)
        self.confirmation.clear()
        self._count, self._total, self._last_points = 0, 0, 0
        self._update_tally()
        self.stack.setCurrentWidget(self.grant_page)
        self._tapped_generation = None
        self._start_taps()

    def _identify_failed(self, error: ServiceError) -> None:
        self.show_error(error)
        if error.code == "cloud_unavailable":
            self.error_label.setText(self.error_label.text() + "\n" + self.tr(
                "Identifying a card needs the points cloud. Offline, type the resident's MyKey ID instead: the grant "
                "is saved and sent later."))

    def _grant_typed(self) -> None:
        self._grant(self.mykey_input.text())

    def _on_tap_identified(self, identity: ResidentIdentity) -> None:
        if not identity.mykey_id:
            self.show_error(ServiceError("no_mykey_id"))
            return
        self._grant(identity.mykey_id)

    def _grant(self, mykey_id: str) -> None:
        programme = self._programme
        if programme is None:
            return
        self.hide_error()
        grants, points = self.ctx.services.grants, self.points.value()
        self.grant_button.setEnabled(False)

        def failed(error: ServiceError) -> None:
            self.grant_button.setEnabled(True)
            self.confirmation.clear()
            self.show_error(error)
            self.ctx.sound("error")

        self.ctx.runner.run(lambda: grants.grant(programme, mykey_id, points), self._granted, failed)

    def _granted(self, outcome: object) -> None:
        assert isinstance(outcome, GrantOutcome)
        self.grant_button.setEnabled(True)
        self.mykey_input.clear()
        if outcome.queued and not outcome.mykey_id:
            text = self.tr("Attendance saved: it will be sent when online")
        elif not outcome.queued and self._attendance():
            text = self.tr("✔ Attendance recorded: %1 points granted to %2").replace(
                "%1", str(outcome.points)).replace("%2", outcome.mykey_id)
        elif outcome.queued:
            text = self.tr("%1 points for %2: saved, will be sent when online").replace(
                "%1", str(outcome.points)).replace("%2", outcome.mykey_id)
        else:
            text = self.tr("✔ %1 points granted to %2").replace("%1", str(outcome.points)).replace(
                "%2", outcome.mykey_id)
        self.confirmation.setText(text)
        self._count += 1
        self._total += outcome.points
        self._last_points = outcome.points
        self._update_tally()
        self.ctx.sound("ok")

    def _update_tally(self) -> None:
        self.tally.setText(self.tr("This session: %1 grants, %2 points").replace("%1", str(self._count))
                           .replace("%2", f"{self._total:,}"))

    def _next_tap(self) -> None:
        self.identify.stop()
        self.identify.start()

    def on_resident_wiped(self) -> None:
        """Between residents: keep the programme and the session's tally (no MyKey IDs), forget the resident."""
        self.identify.stop()
        self._tapped_generation = None
        self.mykey_input.clear()
        if self.confirmation.text():
            self.confirmation.setText(self.tr("✔ last grant: %1 points").replace("%1", str(self._last_points))
                                      if self._last_points else "")
        if self.stack.currentWidget() is self.grant_page and self.isVisible():
            self._start_taps()

    def clear(self) -> None:
        super().clear()
        self.on_resident_wiped()
