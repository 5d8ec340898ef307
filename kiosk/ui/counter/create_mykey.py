"""Create a MyKey ID with the resident: card, PIN, candidate (typed or generated), confirmation, result + slip.

A card that already has a MyKey ID shows it (and its status) instead. Creating needs the cloud: the screen says so
before the card is placed when the terminal is known to be offline, and once, as a result, if the cloud goes away
during the task (a candidate already confirmed is kept for another try).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.mykey import MyKeyRecord, normalize
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.counter.slip import print_slip, save_slip_pdf
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.errors import message_for
from kiosk.ui.screen import Screen, page
from kiosk.ui.theme import label
from kiosk.ui.widgets.identify import IdentifyStep
from kiosk.ui.widgets.status_text import status_text
from kiosk.ui.widgets.steps import StepBar


class CreateMyKeyScreen(Screen):
    name = "create_mykey"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._identity: ResidentIdentity | None = None
        self._checked: str | None = None  # candidate confirmed available
        self.created_id: str | None = None
        self.existing_id: str | None = None
        self.last_slip: Path | None = None
        self.identify = IdentifyStep(ctx)
        self.identify.identified.connect(self._on_identified)
        self.identify.failed.connect(self._on_identify_failed)
        self.identify.cancelled.connect(lambda: self.navigate.emit("counter_home"))
        ctx.session.changed.connect(self._page_changed)
        steps = StepBar([self.tr("Place the card"), self.tr("PIN"), self.tr("Choose an ID"), self.tr("Confirm"),
                         self.tr("Done")])
        self.stack = PageStack()
        self.stack.addWidget(self.identify)
        self.choose_page = self._choose_page()
        self.confirm_page = self._confirm_page()
        for widget in (self.choose_page, self.confirm_page):
            self.stack.addWidget(widget)
        self.stack.currentChanged.connect(self._page_changed)
        self.frame(self.tr("Create a MyKey ID"), self.stack, steps)

    # --- pages ----------------------------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        self.field = Field(self.tr("MyKey ID (8 letters A-Z or digits 0-9)"), self.tr("e.g. AB12CD34"))
        self.candidate = self.field.edit
        self.candidate.setObjectName("candidate")
        self.candidate.setMaxLength(16)
        self.candidate.textEdited.connect(self._candidate_edited)
        self.candidate.returnPressed.connect(self._check)
        self.availability = self.field.line
        self.availability.setObjectName("availability")
        self.check_button = QPushButton(self.tr("Check availability"))
        self.check_button.clicked.connect(self._check)
        self.generate_button = QPushButton(self.tr("Generate one for me"))
        self.generate_button.clicked.connect(self._generate)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self._to_confirm)
        row = QHBoxLayout()
        metrics(row, 0, "gap")
        row.addWidget(self.check_button)
        row.addWidget(self.generate_button)
        row.addStretch(1)
        buttons = QWidget()
        buttons.setLayout(row)
        explain = label(self.tr("Please type the MyKey ID you would like, or let the terminal generate one."),
                        "resident")
        return page(explain, self.field, buttons, ActionBar(self.next_button))

    def _confirm_page(self) -> QWidget:
        self.confirm_value = label("", "big", name="confirmValue")
        self.confirm_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton(self.tr("Create this MyKey ID"))
        self.create_button.clicked.connect(self._create)
        change = QPushButton(self.tr("Choose another"))
        change.clicked.connect(lambda: self.stack.setCurrentWidget(self.choose_page))
        text = label(self.tr("Please check your new MyKey ID. It cannot be changed later."), "resident")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QWidget()
        inner = QVBoxLayout(box)
        metrics(inner, 0, "gap")
        inner.addStretch(1)
        inner.addWidget(text)
        inner.addWidget(self.confirm_value)
        inner.addStretch(1)
        widget = QWidget()  # the new ID in the middle of the work area, the action bar at the bottom
        layout = QVBoxLayout(widget)
        metrics(layout, 0, "gap")
        layout.addWidget(box, 1)
        layout.addWidget(ActionBar(self.create_button, change))
        return widget

    # --- flow -----------------------------------------------------------------------------------------------
    def _page_changed(self) -> None:
        if self.steps is None:
            return
        current = self.stack.currentWidget()
        if self.result_shown() and (self.created_id or self.existing_id):
            self.steps.set_current(4, finished=bool(self.created_id))
        elif current is self.choose_page:
            self.steps.set_current(2)
        elif current is self.confirm_page:
            self.steps.set_current(3)
        else:
            self.steps.set_current(1 if self.ctx.session.card_present else 0)

    def entered(self) -> None:
        if self.stack.currentIndex() != 0 or self.result_shown():
            return
        if self.ctx.is_online() is False:  # said before the card and the PIN, not after
            self._show_offline_before()
            return
        self.identify.start()

    def _show_offline_before(self) -> None:
        self.show_result(Result(
            "warning", self.tr("Offline: a MyKey ID cannot be created now"),
            self.tr("Creating a MyKey ID needs the points cloud. Please start again when the status line says "
                    "online."),
            actions=[Action(self.tr("Back to the menu"), lambda: self.navigate.emit("counter_home")),
                     Action(self.tr("Check again"), self._check_again, primary=True)]))

    def _check_again(self) -> None:
        self.close_result()
        self.entered()

    def _retry(self) -> None:
        self.close_result()
        self.identify.start()

    def _on_identify_failed(self, error: ServiceError) -> None:
        menu = Action(self.tr("Back to the menu"), lambda: self.navigate.emit("counter_home"))
        if error.code == "cloud_unavailable":
            self.show_result(Result(
                "error", self.tr("Offline: a MyKey ID cannot be created now"),
                self.tr("Creating a MyKey ID needs the points cloud. Please try again when the terminal is online."),
                actions=[menu, Action(self.tr("Try again"), self._retry, primary=True)]))
            return
        if error.code in ("pin_blocked", "certificate_revoked"):
            self.show_result(self.resident_refusal(error, menu))
            return
        self.show_result(self.error_result(error, [menu, Action(self.tr("Try again"), self._retry, primary=True)]))

    def resident_refusal(self, error: ServiceError, way_on: Action) -> Result:
        """A card that cannot be used: told once, to the resident in front of the clerk, with the next step."""
        if error.code == "pin_blocked":
            return Result("error", self.tr("The PIN of this card is locked"), self.tr(
                "The PIN can be reset with photo identification at the municipality's My Number Card desk. "
                "The staff will show you the way."), actions=[way_on])
        return self.error_result(error, [way_on])

    def _on_identified(self, identity: ResidentIdentity) -> None:
        self._identity = identity
        if identity.mykey_id:
            self.existing_id = identity.mykey_id
            self.show_result(Result(
                "warning", self.tr("This card already has a MyKey ID"),
                self.tr("Status: %1").replace("%1", status_text(identity.status)), amount=identity.mykey_id,
                actions=[Action(self.tr("Back to the menu"), lambda: self.navigate.emit("counter_home")),
                         Action(self.tr("Next resident"), lambda: self.ctx.session.wipe("next"), primary=True)]))
            self._page_changed()
        else:
            self.stack.setCurrentWidget(self.choose_page)
            self.candidate.setFocus()

    def _candidate_edited(self) -> None:
        self._checked = None
        self.next_button.setEnabled(False)

    def _check(self) -> None:
        text = self.candidate.text()
        mykey = self.ctx.services.mykey

        def done(available: object) -> None:
            value = normalize(text)
            self.candidate.setText(value)
            if available:
                self._checked = value
                self.field.set_ok(self.tr("%1 is available.").replace("%1", value))
                self.next_button.setEnabled(True)
            else:
                self.field.set_error(self.tr("%1 is already in use. Please choose another.").replace("%1", value))

        self.ctx.runner.run(lambda: mykey.is_available(text), done, self._field_failed)

    def _field_failed(self, error: ServiceError) -> None:
        if error.code == "cloud_unavailable":
            self._on_identify_failed(error)
        else:
            self.field.set_error(message_for(error))

    def _generate(self) -> None:
        def done(value: object) -> None:
            assert isinstance(value, str)
            self.candidate.setText(value)
            self._checked = value
            self.field.set_ok(self.tr("%1 is available.").replace("%1", value))
            self.next_button.setEnabled(True)

        self.ctx.runner.run(self.ctx.services.mykey.generate, done, self._field_failed)

    def _to_confirm(self) -> None:
        if self._checked:
            self.confirm_value.setText(self._checked)
            self.stack.setCurrentWidget(self.confirm_page)

    def _create(self) -> None:
        identity, value = self._identity, self._checked
        if identity is None or value is None:
            return
        self.create_button.setEnabled(False)
        mykey = self.ctx.services.mykey

        def failed(error: ServiceError) -> None:
            self.create_button.setEnabled(True)
            if error.code == "cloud_unavailable":
                self.show_result(Result(
                    "error", self.tr("Offline: the MyKey ID was not created"),
                    self.tr("The points cloud cannot be reached. The choice %1 is kept: press \"Create\" again "
                            "when the terminal is online.").replace("%1", value),
                    actions=[Action(self.tr("Back"), self.close_result, primary=True)]))
            elif error.code == "mykey_id_taken":
                self._checked = None
                self.next_button.setEnabled(False)
                self.stack.setCurrentWidget(self.choose_page)
                self.field.set_error(message_for(error))
            else:
                self.show_error(error)

        self.ctx.runner.run(lambda: mykey.create(identity.auth_token, value), self._on_created, failed)

    def _on_created(self, record: object) -> None:
        assert isinstance(record, MyKeyRecord)
        self.create_button.setEnabled(True)
        self.ctx.session.set_mykey_id(record.mykey_id, record.status)
        self.created_id = record.mykey_id
        self.show_result(Result(
            "success", self.tr("The MyKey ID has been created"),
            self.tr("Please keep the slip: the MyKey ID and the card are needed to use municipal points."),
            amount=record.mykey_id,
            actions=[Action(self.tr("Print the slip"), self._print_slip),
                     Action(self.tr("Next resident"), lambda: self.ctx.session.wipe("next"), primary=True)]))
        self._page_changed()

    @property
    def slip_button(self) -> QPushButton:
        return next(b for b in self.result_panel.buttons if not b.property("primary"))

    @property
    def slip_label(self):  # type: ignore[no-untyped-def]
        return self.result_panel.extra

    def _print_slip(self) -> None:
        value = self.created_id
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
                self.result_panel.set_extra(self.tr("Slip printed on %1 (copy: %2)").replace("%1", printer)
                                            .replace("%2", str(path)))
            else:
                self.result_panel.set_extra(self.tr("No printer is set up; the slip was saved as %1").replace(
                    "%1", str(path)))

        self.ctx.runner.run(write, done, self.show_error)

    def clear(self) -> None:
        super().clear()
        self._identity = None
        self._checked = None
        self.created_id = self.existing_id = None
        slip, self.last_slip = self.last_slip, None
        if slip is not None:  # the slip file is a trace of the resident too
            self.ctx.runner.run(lambda: slip.unlink(missing_ok=True))
        self.identify.stop()
        self.field.clear()
        self.confirm_value.clear()
        self.next_button.setEnabled(False)
        self.create_button.setEnabled(True)
        self.stack.setCurrentIndex(0)
        self._page_changed()
