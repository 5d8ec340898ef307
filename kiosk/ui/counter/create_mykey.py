"""Create a MyKey ID with the resident: card, PIN, candidate (typed or generated), confirmation, slip.

A card that already has a MyKey ID shows it (and its status) instead. Creating needs the cloud: when it cannot be
reached the screen says so and keeps the candidate the resident typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.services.mykey import MyKeyRecord
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.counter.slip import print_slip, save_slip_pdf
from kiosk.ui.screen import Screen
from kiosk.ui.theme import header, primary
from kiosk.ui.widgets.identify import IdentifyStep
from kiosk.ui.widgets.status_text import status_text
from kiosk.ui.widgets.steps import StepBar


class CreateMyKeyScreen(Screen):
    name = "create_mykey"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._identity: ResidentIdentity | None = None
        self._checked: str | None = None  # candidate confirmed available
        self.last_slip: Path | None = None
        self.identify = IdentifyStep(ctx)
        self.identify.identified.connect(self._on_identified)
        self.identify.failed.connect(self._on_identify_failed)
        self.identify.cancelled.connect(lambda: self.navigate.emit("counter_home"))
        ctx.session.changed.connect(self._page_changed)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self._retry)
        self.retry_button.hide()

        self.steps = StepBar([self.tr("Place the card"), self.tr("PIN"), self.tr("Choose an ID"),
                              self.tr("Confirm"), self.tr("Done")])
        self.stack = QStackedWidget()
        self.stack.addWidget(self._identify_page())
        self.choose_page = self._choose_page()
        self.confirm_page = self._confirm_page()
        self.done_page = self._done_page()
        self.existing_page = self._existing_page()
        for page in (self.choose_page, self.confirm_page, self.done_page, self.existing_page):
            self.stack.addWidget(page)
        self.stack.currentChanged.connect(self._page_changed)
        back = QPushButton(self.tr("Back to the counter menu"))
        back.clicked.connect(lambda: self.navigate.emit("counter_home"))
        layout = QVBoxLayout(self)
        layout.addLayout(header(self.tr("Create a MyKey ID"), back))
        error_row = QHBoxLayout()
        error_row.addWidget(self.error_label, 1)
        error_row.addWidget(self.retry_button)
        layout.addWidget(self.steps)
        layout.addLayout(error_row)
        layout.addWidget(self.stack, 1)

    # --- pages ----------------------------------------------------------------------------------------------
    def _identify_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.identify, 1)
        return page

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.candidate = QLineEdit()
        self.candidate.setObjectName("candidate")
        self.candidate.setMaxLength(16)
        self.candidate.setPlaceholderText(self.tr("8 letters or digits, e.g. AB12CD34"))
        self.candidate.textEdited.connect(self._candidate_edited)
        self.check_button = QPushButton(self.tr("Check availability"))
        self.check_button.clicked.connect(self._check)
        self.generate_button = QPushButton(self.tr("Generate one for me"))
        self.generate_button.clicked.connect(self._generate)
        self.availability = QLabel()
        self.availability.setObjectName("availability")
        self.availability.setWordWrap(True)
        self.next_button = primary(QPushButton(self.tr("Next")))
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self._to_confirm)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.generate_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(self.tr("Please type the MyKey ID you would like (8 letters A-Z or digits 0-9), "
                                 "or let the terminal generate one."))
        explain.setWordWrap(True)
        explain.setProperty("role", "resident")
        layout.addWidget(explain)
        layout.addWidget(self.candidate)
        layout.addLayout(row)
        layout.addWidget(self.availability)
        layout.addStretch(1)
        layout.addWidget(self.next_button)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        self.confirm_value = QLabel()
        self.confirm_value.setObjectName("confirmValue")
        self.confirm_value.setProperty("role", "big")
        self.confirm_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = primary(QPushButton(self.tr("Create this MyKey ID")))
        self.create_button.clicked.connect(self._create)
        change = QPushButton(self.tr("Choose another"))
        change.clicked.connect(lambda: self.stack.setCurrentWidget(self.choose_page))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.tr("Please check your new MyKey ID. It cannot be changed later."))
        text.setProperty("role", "resident")
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.confirm_value)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(change)
        row.addWidget(self.create_button)
        layout.addLayout(row)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_value = QLabel()
        self.done_value.setObjectName("doneValue")
        self.done_value.setProperty("role", "big")
        self.done_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slip_button = primary(QPushButton(self.tr("Print the slip")))
        self.slip_button.clicked.connect(self._print_slip)
        self.slip_label = QLabel()
        self.slip_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        ok = QLabel(self.tr("Your MyKey ID has been created."))
        ok.setProperty("role", "ok")
        layout.addWidget(ok)
        layout.addWidget(self.done_value)
        layout.addWidget(self.slip_button)
        layout.addWidget(self.slip_label)
        layout.addStretch(1)
        return page

    def _existing_page(self) -> QWidget:
        page = QWidget()
        self.existing_value = QLabel()
        self.existing_value.setObjectName("existingValue")
        self.existing_value.setProperty("role", "big")
        self.existing_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.existing_status = QLabel()
        self.existing_status.setObjectName("existingStatus")
        self.existing_status.setProperty("role", "resident")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.tr("This card already has a MyKey ID."))
        text.setProperty("role", "resident")
        layout.addWidget(text)
        layout.addWidget(self.existing_value)
        layout.addWidget(self.existing_status)
        layout.addStretch(1)
        return page

    # --- flow -----------------------------------------------------------------------------------------------
    def _page_changed(self) -> None:
        page = self.stack.currentWidget()
        if page is self.choose_page:
            self.steps.set_current(2)
        elif page is self.confirm_page:
            self.steps.set_current(3)
        elif page in (self.done_page, self.existing_page):
            self.steps.set_current(4)
        else:
            self.steps.set_current(1 if self.ctx.session.card_present else 0)

    def entered(self) -> None:
        if self.stack.currentIndex() == 0:
            self.hide_error()
            self.identify.start()

    def _retry(self) -> None:
        self.retry_button.hide()
        self.hide_error()
        self.identify.start()

    def _on_identify_failed(self, error: ServiceError) -> None:
        self.show_error(error)
        if error.code == "cloud_unavailable":
            self.error_label.setText(self.error_label.text() + "\n" + self.tr(
                "Creating a MyKey ID needs the points cloud. Please try again when the terminal is online."))
        self.retry_button.setVisible(error.code not in ("pin_blocked", "certificate_revoked"))

    def _on_identified(self, identity: ResidentIdentity) -> None:
        self._identity = identity
        self.hide_error()
        if identity.mykey_id:
            self.existing_value.setText(identity.mykey_id)
            self.existing_status.setText(self.tr("Status: %1").replace("%1", status_text(identity.status)))
            self.stack.setCurrentWidget(self.existing_page)
        else:
            self.stack.setCurrentWidget(self.choose_page)
            self.candidate.setFocus()

    def _candidate_edited(self) -> None:
        self._checked = None
        self.next_button.setEnabled(False)
        self.availability.clear()

    def _check(self) -> None:
        text = self.candidate.text()
        self.hide_error()
        mykey = self.ctx.services.mykey

        def done(available: object) -> None:
            from kiosk.services.mykey import normalize

            value = normalize(text)
            if available:
                self._checked = value
                self.candidate.setText(value)
                self.availability.setText(self.tr("%1 is available.").replace("%1", value))
                self.availability.setProperty("role", "ok")
                self.next_button.setEnabled(True)
            else:
                self.availability.setText(self.tr("%1 is already in use. Please choose another.")
                                          .replace("%1", value))
                self.availability.setProperty("role", "error")

        self.ctx.runner.run(lambda: mykey.is_available(text), done, self.show_error)

    def _generate(self) -> None:
        self.hide_error()

        def done(value: object) -> None:
            assert isinstance(value, str)
            self.candidate.setText(value)
            self._checked = value
            self.availability.setText(self.tr("%1 is available.").replace("%1", value))
            self.next_button.setEnabled(True)

        self.ctx.runner.run(self.ctx.services.mykey.generate, done, self.show_error)

    def _to_confirm(self) -> None:
        if self._checked:
            self.confirm_value.setText(self._checked)
            self.stack.setCurrentWidget(self.confirm_page)

    def _create(self) -> None:
        identity, value = self._identity, self._checked
        if identity is None or value is None:
            return
        self.hide_error()
        self.create_button.setEnabled(False)
        mykey = self.ctx.services.mykey

        def failed(error: ServiceError) -> None:
            self.create_button.setEnabled(True)
            self.show_error(error)
            if error.code == "cloud_unavailable":
                self.error_label.setText(self.error_label.text() + "\n" + self.tr(
                    "Creating a MyKey ID needs the points cloud. Your choice %1 is kept; press "
                    "\"Create\" again when the terminal is online.").replace("%1", value))
            elif error.code == "mykey_id_taken":
                self._checked = None
                self.next_button.setEnabled(False)
                self.stack.setCurrentWidget(self.choose_page)

        self.ctx.runner.run(lambda: mykey.create(identity.auth_token, value), self._on_created, failed)

    def _on_created(self, record: object) -> None:
        assert isinstance(record, MyKeyRecord)
        self.create_button.setEnabled(True)
        self.ctx.session.set_mykey_id(record.mykey_id, record.status)
        self.done_value.setText(record.mykey_id)
        self.stack.setCurrentWidget(self.done_page)
        self.ctx.sound("ok")

    def _print_slip(self) -> None:
        value = self.done_value.text()
        if not value:
            return
        directory, terminal = self.ctx.data_dir / "slips", self.ctx.terminal_name

        def write() -> tuple[Path, str | None]:  # QPainter on a PDF writer / printer works off the GUI thread
            return save_slip_pdf(directory, value, terminal), print_slip(value, terminal)

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            path, printer = result
            self.last_slip = path
            if printer:
                self.slip_label.setText(self.tr("Slip printed on %1 (copy: %2)").replace("%1", printer)
                                        .replace("%2", str(path)))
            else:
                self.slip_label.setText(self.tr("No printer is set up; the slip was saved as %1").replace(
                    "%1", str(path)))

        self.ctx.runner.run(write, done, self.show_error)

    def clear(self) -> None:
        super().clear()
        self._identity = None
        self._checked = None
        slip, self.last_slip = self.last_slip, None
        if slip is not None:  # the slip file is a trace of the resident too
            self.ctx.runner.run(lambda: slip.unlink(missing_ok=True))
        self.identify.stop()
        for edit in (self.candidate,):
            edit.clear()
        for label in (self.availability, self.confirm_value, self.done_value, self.existing_value,
                      self.existing_status, self.slip_label):
            label.clear()
        self.next_button.setEnabled(False)
        self.create_button.setEnabled(True)
        self.retry_button.hide()
        self.stack.setCurrentIndex(0)
