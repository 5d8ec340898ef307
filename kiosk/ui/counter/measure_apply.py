"""Apply for a measure: identify, choose a measure, consent + card-text PIN, eligibility, payment service, submit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.measures import Decision, Reason
from kiosk.services.errors import ServiceError
from kiosk.services.measures import ApplicationState, MeasureView
from kiosk.services.ports import BasicItems
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.counter.measure_text import conditions_text, reason_text
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import Screen
from kiosk.ui.theme import header, primary
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
        self.identify.failed.connect(self.show_error)
        self.identify.cancelled.connect(lambda: self.navigate.emit("counter_home"))
        self.steps = StepBar([self.tr("Card and PIN"), self.tr("Choose a measure"), self.tr("Consent and card PIN"),
                              self.tr("Eligibility"), self.tr("Payment service"), self.tr("Submitted")])
        self.stack = QStackedWidget()
        self.stack.currentChanged.connect(lambda index: self.steps.set_current(index))
        self.stack.addWidget(self.identify)
        self.list_page = self._list_page()
        self.consent_page = self._consent_page()
        self.result_page = self._result_page()
        self.payment_page = self._payment_page()
        self.done_page = self._done_page()
        for page in (self.list_page, self.consent_page, self.result_page, self.payment_page, self.done_page):
            self.stack.addWidget(page)
        back = QPushButton(self.tr("Back to the counter menu"))
        back.clicked.connect(lambda: self.navigate.emit("counter_home"))
        layout = QVBoxLayout(self)
        layout.addLayout(header(self.tr("Apply for a measure"), back))
        layout.addWidget(self.steps)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)

    # --- pages ----------------------------------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        page = QWidget()
        self.measure_list = QListWidget()
        self.measure_list.setObjectName("measureList")
        self.measure_list.setWordWrap(True)
        self.choose_button = primary(QPushButton(self.tr("Apply for this measure")))
        self.choose_button.clicked.connect(self._choose)
        self.list_note = QLabel()  # why the chosen measure is not possible for this resident (full, not listed)
        self.list_note.setObjectName("measureListNote")
        self.list_note.setProperty("role", "error")
        self.list_note.setWordWrap(True)
        self.list_note.hide()
        self.measure_list.currentRowChanged.connect(self._on_row)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Open measures and their conditions:")))
        layout.addWidget(self.measure_list, 1)
        layout.addWidget(self.list_note)
        layout.addWidget(self.choose_button)
        return page

    def _consent_page(self) -> QWidget:
        page = QWidget()
        consent_text = QLabel(self.tr("I agree that the terminal reads my name, address, date of birth and sex "
                                      "from my card to check whether I can apply. They are not stored."))
        consent_text.setWordWrap(True)
        consent_text.setProperty("role", "resident")
        self.consent = QCheckBox(self.tr("I agree"))
        self.consent.setObjectName("consent")
        self.text_pin = PinPad()
        self.text_pin.set_prompt(self.tr("Please enter the 4-digit PIN for the card's text information "
                                         "(券面事項入力補助用) yourself."))
        self.text_pin.setEnabled(False)
        self.consent.toggled.connect(self.text_pin.setEnabled)
        self.text_pin.submitted.connect(self._read_items)
        self.text_pin.cancelled.connect(lambda: self.stack.setCurrentWidget(self.list_page))
        left = QVBoxLayout()
        left.addWidget(consent_text)
        left.addWidget(self.consent)
        left.addStretch(1)
        box = QWidget()  # the resident's own step: on the resident display when there is one
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(self.text_pin, 1)
        self.consent_slot = ResidentSlot(box, self.ctx.resident_display)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.consent_slot)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.person = QLabel()
        self.person.setObjectName("person")
        self.person.setProperty("role", "resident")
        self.person.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setProperty("role", "title")
        self.verdict.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.to_payment = primary(QPushButton(self.tr("Next: choose the payment service")))
        self.to_payment.clicked.connect(lambda: self.stack.setCurrentWidget(self.payment_page))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.person, self.verdict, self.reasons):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.to_payment)
        return page

    def _payment_page(self) -> QWidget:
        page = QWidget()
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("paymentService")
        self.service_again = QComboBox()
        self.service_again.setObjectName("paymentServiceAgain")
        warning = QLabel(self.tr("Caution: the payment service cannot be changed after the application is "
                                 "submitted. The points go only to this service."))
        warning.setProperty("role", "warning")
        warning.setWordWrap(True)
        self.understood = QCheckBox(self.tr("I understand that this choice cannot be changed."))
        self.understood.setObjectName("understood")
        self.submit_button = primary(QPushButton(self.tr("Submit the application")))
        self.submit_button.clicked.connect(self._submit)
        form = QFormLayout()
        form.addRow(self.tr("Payment service"), self.service_combo)
        form.addRow(self.tr("Payment service (choose again to confirm)"), self.service_again)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.understood)
        layout.addStretch(1)
        layout.addWidget(self.submit_button)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_state = QLabel()
        self.done_state.setObjectName("applicationState")
        self.done_state.setProperty("role", "title")
        self.done_state.setWordWrap(True)
        self.done_detail = QLabel()
        self.done_detail.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Check the review state again"))
        self.refresh_button.setObjectName("refreshState")
        self.refresh_button.clicked.connect(self._refresh_state)
        self.refresh_button.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_state)
        layout.addWidget(self.done_detail)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.stack.currentWidget() is self.identify:
            self.hide_error()
            self.identify.start()

    def _on_identified(self, identity: ResidentIdentity) -> None:
        if not identity.mykey_id:
            self.show_error(ServiceError("no_mykey_id"))
            return
        self.hide_error()
        measures, mykey_id = self.ctx.services.measures, identity.mykey_id
        self.ctx.runner.run(lambda: measures.open_measures(mykey_id=mykey_id), self._show_measures, self.show_error)

    def _show_measures(self, measures: object) -> None:
        assert isinstance(measures, list)
        self._measures = measures
        self.measure_list.clear()
        for view in measures:
            text = f"{view.measure.name}\n{conditions_text(view)}"
            refusal = self._refusal(view)
            if refusal is not None:
                text += "\n✖ " + reason_text(refusal)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.measure_id)
            self.measure_list.addItem(item)
        if measures:
            self.measure_list.setCurrentRow(0)
        self.stack.setCurrentWidget(self.list_page)

    def _refusal(self, view: MeasureView) -> Reason | None:
        mykey_id = self.ctx.session.mykey_id
        return view.refusal_before_input(mykey_id) if mykey_id else None

    def _on_row(self, row: int) -> None:
        refusal = self._refusal(self._measures[row]) if 0 <= row < len(self._measures) else None
        self.list_note.setText(reason_text(refusal) if refusal is not None else "")
        self.list_note.setVisible(refusal is not None)
        self.choose_button.setEnabled(refusal is None)

    def _choose(self) -> None:
        row = self.measure_list.currentRow()
        if row < 0 or self._refusal(self._measures[row]) is not None:
            return
        self._measure = self._measures[row]
        self.hide_error()
        self.consent.setChecked(False)
        self.stack.setCurrentWidget(self.consent_page)
        self.ctx.runner.run(self.ctx.services.auth.text_tries_left, self._on_text_tries, self.show_error)

    def _on_text_tries(self, tries: object) -> None:
        assert isinstance(tries, int)
        self.text_pin.set_tries_left(tries)
        if tries <= 0:
            self.show_error(ServiceError("pin_blocked", tries_left=0))

    def _read_items(self, pin: str) -> None:
        if not self.consent.isChecked():
            return
        measures, consent = self.ctx.services.measures, self.consent.isChecked()
        self.hide_error()
        self.ctx.runner.run(lambda: measures.read_basic_items(pin, consent), self._on_items, self._on_items_error)

    def _on_items_error(self, error: ServiceError) -> None:
        if error.code in ("wrong_pin", "pin_blocked"):
            self.text_pin.set_tries_left(error.tries_left if error.tries_left is not None else 0)
        self.show_error(error)

    def _on_items(self, items: object) -> None:
        assert isinstance(items, BasicItems)
        view, identity = self._measure, self.ctx.session.identity
        if view is None or identity is None or identity.mykey_id is None:
            return
        self.ctx.session.set_basic(items)
        decision = self.ctx.services.measures.check(view, identity.mykey_id, identity.status, items)
        self._decision = decision
        self.person.setText(self.tr("Address on the card: %1\nMunicipality: %2")
                            .replace("%1", items.address)
                            .replace("%2", items.municipality_name or self.tr("not found")))
        if decision.eligible:
            self.verdict.setText(self.tr("Eligible for “%1”.").replace("%1", view.measure.name))
            self.verdict.setProperty("role", "ok")
            self.reasons.setText(status_text(decision.outcome.value) if decision.outcome else "")
        else:
            self.verdict.setText(self.tr("Not eligible for “%1”.").replace("%1", view.measure.name))
            self.verdict.setProperty("role", "error")
            self.reasons.setText("\n".join("・" + reason_text(r) for r in decision.reasons))
        self.to_payment.setVisible(decision.eligible)
        self.service_combo.clear()
        self.service_again.clear()
        self.service_again.addItem(self.tr("— choose again —"), "")
        for name in view.payment_services:
            self.service_combo.addItem(name, name)
            self.service_again.addItem(name, name)
        self.understood.setChecked(False)
        self.stack.setCurrentWidget(self.result_page)

    def _submit(self) -> None:
        view, identity, basic = self._measure, self.ctx.session.identity, self.ctx.session.basic
        if view is None or identity is None or identity.mykey_id is None or basic is None:
            return
        service = str(self.service_combo.currentData() or "")
        if service != str(self.service_again.currentData() or ""):
            self.show_error(ServiceError("service_id_mismatch"))
            return
        if not self.understood.isChecked():
            self.show_error(self.tr("Please confirm that the payment service cannot be changed."))
            return
        self.hide_error()
        self.submit_button.setEnabled(False)
        measures, mykey_id = self.ctx.services.measures, identity.mykey_id

        def failed(error: ServiceError) -> None:
            self.submit_button.setEnabled(True)
            self.show_error(error)

        self.ctx.runner.run(lambda: measures.submit(view, mykey_id, basic, service), self._on_submitted, failed)

    def _on_submitted(self, state: object) -> None:
        assert isinstance(state, ApplicationState)
        self.submit_button.setEnabled(True)
        self.done_state.setText(status_text(state.state))
        detail = self.tr("Application number: %1").replace("%1", state.application_id) if state.application_id \
            else self.tr("The application is saved on this terminal and will be sent to the points cloud "
                         "automatically.")
        self.done_detail.setText(detail)
        self._application_id = state.application_id
        self.refresh_button.setVisible(state.application_id is not None)
        self.stack.setCurrentWidget(self.done_page)
        self.ctx.sound("ok")

    def _refresh_state(self) -> None:
        application_id = self._application_id
        if application_id is None:
            return
        measures = self.ctx.services.measures
        self.hide_error()
        self.ctx.runner.run(lambda: measures.refresh(application_id),
                            lambda state: self.done_state.setText(status_text(str(state))), self.show_error)

    def clear(self) -> None:
        super().clear()
        self._measures, self._measure, self._decision = [], None, None
        self._application_id = None
        self.refresh_button.hide()
        self.identify.stop()
        self.measure_list.clear()
        self.consent.setChecked(False)
        self.text_pin.clear()
        self.text_pin.set_tries_left(None)
        for label in (self.person, self.verdict, self.reasons, self.done_state, self.done_detail):
            label.clear()
        self.service_combo.clear()
        self.service_again.clear()
        self.understood.setChecked(False)
        self.submit_button.setEnabled(True)
        self.stack.setCurrentWidget(self.identify)
