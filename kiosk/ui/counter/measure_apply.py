"""Apply for a measure: identify, choose a measure (tiles), consent, card-text PIN, eligibility, payment service
(chosen once, on tiles), a summary to confirm, submit. Outcomes (not eligible, submitted, refused) are results."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.core.measures import Decision, Reason
from kiosk.services.errors import ServiceError
from kiosk.services.measures import ApplicationState, MeasureView
from kiosk.services.ports import BasicItems
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.counter.measure_text import conditions_text, reason_text
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.format import local_name
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import Screen, page
from kiosk.ui.theme import label
from kiosk.ui.widgets.identify import IdentifyStep
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.status_text import status_text
from kiosk.ui.widgets.steps import StepBar


class MeasureApplyScreen(Screen):
    name = "measure_apply"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._measures: list[MeasureView] = []
        self._measure: MeasureView | None = None
        self._decision: Decision | None = None
        self._application_id: str | None = None
        self.identify = IdentifyStep(ctx)
        self.identify.identified.connect(self._on_identified)
        self.identify.failed.connect(self._identify_failed)
        self.identify.cancelled.connect(lambda: self.navigate.emit("counter_home"))
        # short step names: all six named on one line at 1280×800 in both languages
        steps = StepBar([self.tr("Card"), self.tr("Measure"), self.tr("Consent"), self.tr("Payment"),
                         self.tr("Confirm"), self.tr("Submitted")])
        self.stack = PageStack()
        self.stack.addWidget(self.identify)
        self.list_page = self._list_page()
        self.consent_page = self._consent_page()
        self.pin_page = self._pin_page()
        self.payment_page = self._payment_page()
        self.summary_page = self._summary_page()
        for widget in (self.list_page, self.consent_page, self.pin_page, self.payment_page, self.summary_page):
            self.stack.addWidget(widget)
        self.stack.currentChanged.connect(self._page_changed)
        self.frame(self.tr("Apply for a measure"), self.stack, steps)

    # --- pages ----------------------------------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        self.measure_list = TileList(columns=2)
        self.measure_list.setObjectName("measureList")
        self.measure_list.currentRowChanged.connect(self._on_row)
        self.choose_button = QPushButton(self.tr("Apply for this measure"))
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self._choose)
        self.list_note = label("", "error", name="measureListNote")  # why the chosen measure is not possible
        self.list_note.hide()
        return page(label(self.tr("Open measures and their conditions:"), "section"), self.measure_list,
                    self.list_note, ActionBar(self.choose_button))

    def _consent_page(self) -> QWidget:
        self.consent_measure = label("", "section")
        consent_text = label(self.tr("I agree that the terminal reads my name, address, date of birth and sex "
                                     "from my card to check whether I can apply. They are not stored."), "resident")
        self.consent = QCheckBox(self.tr("I agree"))
        self.consent.setObjectName("consent")
        self.consent_next = QPushButton(self.tr("Next"))
        self.consent_next.setEnabled(False)
        self.consent_next.clicked.connect(self._to_pin)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.stack.setCurrentWidget(self.list_page))
        box = page(self.consent_measure, consent_text, self.consent, stretch_at=99)
        # the resident's own step: on the resident display when there is one
        self.consent_slot = ResidentSlot(box, self.ctx.resident_display)
        return page(self.consent_slot, ActionBar(self.consent_next, back))

    def _pin_page(self) -> QWidget:
        self.text_pin = PinPad()
        self.text_pin.set_prompt(self.tr("The 4-digit PIN for the card's text information (券面事項入力補助用)"),
                                 self.tr("To read your address for this application. Please type it yourself."))
        self.text_pin.setEnabled(False)
        self.consent.toggled.connect(self.text_pin.setEnabled)
        self.consent.toggled.connect(self.consent_next.setEnabled)
        self.text_pin.submitted.connect(self._read_items)
        self.text_pin.cancelled.connect(lambda: self.stack.setCurrentWidget(self.list_page))
        self.pin_slot = ResidentSlot(self.text_pin, self.ctx.resident_display)
        return self.pin_slot

    def _payment_page(self) -> QWidget:
        self.verdict = label("", "ok", name="verdict")
        self.person = label("", "muted", name="person")
        self.services = TileList(columns=3, compact=True)
        self.services.setObjectName("paymentService")
        self.to_summary = QPushButton(self.tr("Next"))
        self.to_summary.setEnabled(False)
        self.services.currentRowChanged.connect(lambda row: self.to_summary.setEnabled(row >= 0))
        self.to_summary.clicked.connect(self._to_summary)
        return page(self.verdict, self.person,
                    label(self.tr("Where should the points go? Choose the payment service:"), "section"),
                    self.services, ActionBar(self.to_summary))

    def _summary_page(self) -> QWidget:
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        metrics(inner, "margin", "gap")
        self.summary_measure = label("", "section")
        self.summary_service = label("", "big", name="summaryService")
        inner.addWidget(self.summary_measure)
        inner.addWidget(label(self.tr("Payment service"), "muted"))
        inner.addWidget(self.summary_service)
        warning = label(self.tr("⚠ The payment service cannot be changed after the application is submitted. "
                                "The points go only to this service."), "warning")
        self.submit_button = QPushButton(self.tr("Submit the application"))
        self.submit_button.clicked.connect(self._submit)
        change = QPushButton(self.tr("Change the payment service"))
        change.clicked.connect(lambda: self.stack.setCurrentWidget(self.payment_page))
        return page(label(self.tr("Please check the application:"), "resident"), card, warning,
                    ActionBar(self.submit_button, change))

    # --- flow -----------------------------------------------------------------------------------------------
    def _page_changed(self) -> None:
        if self.steps is None:
            return
        current: QWidget = self.stack.currentWidget() or self.identify
        index = {self.list_page: 1, self.consent_page: 2, self.pin_page: 2, self.payment_page: 3,
                 self.summary_page: 4}.get(current, 0)
        self.steps.set_current(index)

    def entered(self) -> None:
        if self.stack.currentWidget() is self.identify and not self.result_shown():
            self.identify.start()

    def _menu(self) -> Action:
        return Action(self.tr("Back to the menu"), lambda: self.navigate.emit("counter_home"))

    def _next_resident(self) -> Action:
        return Action(self.tr("Next resident"), lambda: self.ctx.session.wipe("next"), primary=True)

    def _identify_failed(self, error: ServiceError) -> None:
        retry = Action(self.tr("Try again"), self._retry, primary=True)
        self.show_result(self.error_result(error, [self._menu(), retry]))

    def _retry(self) -> None:
        self.close_result()
        self.identify.start()

    def _on_identified(self, identity: ResidentIdentity) -> None:
        if not identity.mykey_id:
            create = Action(self.tr("Create a MyKey ID"), lambda: self.navigate.emit("create_mykey"), primary=True)
            self.show_result(self.error_result(ServiceError("no_mykey_id"), [self._menu(), create]))
            return
        measures, mykey_id = self.ctx.services.measures, identity.mykey_id
        self.ctx.runner.run(lambda: measures.open_measures(mykey_id=mykey_id), self._show_measures, self.show_error)

    def _show_measures(self, measures: object) -> None:
        assert isinstance(measures, list)
        self._measures = measures
        self.measure_list.clear()
        for view in measures:
            refusal = self._refusal(view)
            self.measure_list.add(_name(view), conditions_text(view), view.measure_id,
                                  reason_text(refusal) if refusal is not None else "")
        self.stack.setCurrentWidget(self.list_page)

    def _refusal(self, view: MeasureView) -> Reason | None:
        mykey_id = self.ctx.session.mykey_id
        return view.refusal_before_input(mykey_id) if mykey_id else None

    def _on_row(self, row: int) -> None:
        refusal = self._refusal(self._measures[row]) if 0 <= row < len(self._measures) else None
        self.list_note.setText("✖ " + reason_text(refusal) if refusal is not None else "")
        self.list_note.setVisible(refusal is not None)
        self.choose_button.setEnabled(0 <= row < len(self._measures) and refusal is None)

    def _choose(self) -> None:
        row = self.measure_list.currentRow()
        if row < 0 or self._refusal(self._measures[row]) is not None:
            return
        self._measure = self._measures[row]
        self.consent_measure.setText(_name(self._measure))
        self.consent.setChecked(False)
        self.stack.setCurrentWidget(self.consent_page)
        self.ctx.runner.run(self.ctx.services.auth.text_tries_left, self._on_text_tries, self.show_error)

    def _to_pin(self) -> None:
        if self.consent.isChecked():
            self.stack.setCurrentWidget(self.pin_page)

    def _on_text_tries(self, tries: object) -> None:
        assert isinstance(tries, int)
        self.text_pin.set_tries_left(tries)
        if tries <= 0:
            self._items_failed(ServiceError("pin_blocked", tries_left=0))

    def _read_items(self, pin: str) -> None:
        if not self.consent.isChecked():
            return
        measures, consent = self.ctx.services.measures, self.consent.isChecked()
        self.ctx.runner.run(lambda: measures.read_basic_items(pin, consent), self._on_items, self._items_failed)

    def _items_failed(self, error: ServiceError) -> None:
        if error.code == "wrong_pin":
            self.text_pin.set_tries_left(error.tries_left if error.tries_left is not None else 0)
            self.text_pin.set_notice(self.error_result(error).detail or error.code)
            return
        if error.code == "pin_blocked":
            self.text_pin.set_tries_left(0)
            self.show_result(Result("error", self.tr("The PIN for the card's text information is locked"), self.tr(
                "It can be reset with photo identification at the municipality's My Number Card desk. The staff "
                "will show you the way."), actions=[self._menu(), self._next_resident()]))
            return
        self.show_error(error)

    def _on_items(self, items: object) -> None:
        assert isinstance(items, BasicItems)
        view, identity = self._measure, self.ctx.session.identity
        if view is None or identity is None or identity.mykey_id is None:
            return
        self.ctx.session.set_basic(items)
        self.text_pin.set_notice("")
        decision = self.ctx.services.measures.check(view, identity.mykey_id, identity.status, items)
        self._decision = decision
        person = self.tr("Address on the card: %1 (%2)").replace("%1", items.address).replace(
            "%2", items.municipality_name or self.tr("municipality not found"))
        if not decision.eligible:
            where = items.municipality_name or self.tr("municipality not found")
            self.show_result(Result(
                "error", self.tr("Not eligible for “%1”").replace("%1", _name(view)),
                "\n".join(reason_text(r) for r in decision.reasons) + _bracket(where),
                actions=[Action(self.tr("Choose another measure"), self._back_to_list), self._next_resident()]))
            return
        outcome = status_text(decision.outcome.value) if decision.outcome else ""
        self.verdict.setText("✔ " + self.tr("Eligible for “%1”.").replace("%1", _name(view))
                             + (_bracket(outcome) if outcome else ""))
        self.person.setText(person)
        self.services.clear()
        for name in view.payment_services:  # shown in the screen's language, sent as the cloud names it
            self.services.add(local_name(name, view.payment_service_en(name)), "", name)
        self.to_summary.setEnabled(False)
        self.stack.setCurrentWidget(self.payment_page)

    def _back_to_list(self) -> None:
        self.close_result()
        self.stack.setCurrentWidget(self.list_page)

    def _service(self) -> str:
        row = self.services.currentRow()
        return str(self.services.data(row)) if row >= 0 else ""

    def _service_name(self) -> str:
        """The chosen payment service as the screen shows it."""
        service = self._service()
        return local_name(service, self._measure.payment_service_en(service)) if self._measure else service

    def _to_summary(self) -> None:
        if self._measure is None or not self._service():
            return
        self.summary_measure.setText(self.tr("Measure: %1").replace("%1", _name(self._measure)))
        self.summary_service.setText(self._service_name())
        self.stack.setCurrentWidget(self.summary_page)

    def _submit(self) -> None:
        view, identity, basic = self._measure, self.ctx.session.identity, self.ctx.session.basic
        service = self._service()
        if view is None or identity is None or identity.mykey_id is None or basic is None or not service:
            return
        self.submit_button.setEnabled(False)
        measures, mykey_id = self.ctx.services.measures, identity.mykey_id

        def failed(error: ServiceError) -> None:
            self.submit_button.setEnabled(True)
            self.show_error(error)  # closing it returns to the summary: nothing chosen is lost

        self.ctx.runner.run(lambda: measures.submit(view, mykey_id, basic, service), self._on_submitted, failed)

    def _on_submitted(self, state: object) -> None:
        assert isinstance(state, ApplicationState)
        self.submit_button.setEnabled(True)
        self._application_id = state.application_id
        if state.application_id:
            detail = self.tr("Application number: %1").replace("%1", state.application_id)
        else:
            detail = self.tr("The application is saved on this terminal and will be sent to the points cloud "
                             "automatically.")
        actions = [self._next_resident()]
        if state.application_id:
            actions.insert(0, Action(self.tr("Check the review state again"), self._refresh_state))
        self.show_result(Result("queued" if state.state == "queued" else "success", status_text(state.state),
                                detail, amount=self._service_name(), actions=actions))
        if self.steps is not None:
            self.steps.set_current(5, finished=True)

    @property
    def refresh_button(self) -> QPushButton:
        return self.result_panel.buttons[0]

    def _refresh_state(self) -> None:
        application_id = self._application_id
        if application_id is None:
            return
        measures = self.ctx.services.measures
        self.ctx.runner.run(lambda: measures.refresh(application_id),
                            lambda state: self.result_panel.headline.setText(status_text(str(state))),
                            self.show_error)

    def clear(self) -> None:
        super().clear()
        self._measures, self._measure, self._decision = [], None, None
        self._application_id = None
        self.identify.stop()
        self.measure_list.clear()
        self.consent.setChecked(False)
        self.text_pin.clear()
        self.text_pin.set_tries_left(None)
        self.text_pin.set_notice("")
        for widget in (self.person, self.verdict, self.summary_measure, self.summary_service):
            widget.clear()
        self.services.clear()
        self.submit_button.setEnabled(True)
        self.stack.setCurrentWidget(self.identify)
        self._page_changed()


def _name(view: MeasureView) -> str:
    return local_name(view.measure.name, view.name_en)


def _bracket(text: str) -> str:
    """（text） in Japanese, " (text)" in English (no full-width punctuation in English)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return f" ({text})" if app is not None and app.property("kiosk_language") == "en" else f"（{text}）"
