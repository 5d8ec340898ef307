"""Issue vouchers (seed 003 slide 5-3): the resident's card and PIN → the balance → points per voucher, count and
validity (within the balance and the municipality's voucher rule: only the points and validity periods the rule
allows are offered; the cloud refuses anything else) → the resident confirms the statement
(signed on the card on this visit, no second PIN) → the cloud debits and signs each voucher → the A4 sheet (8 a
page with cut marks) is saved at once; the 80 mm ticket on request. Online only: said before the card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.core.rules.voucher_issue import VoucherRule, points_choices, validity_choices
from kiosk.services.errors import ServiceError
from kiosk.services.office import IssuedVoucher, ResidentVisit
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.format import local_name, points
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.errors import message_for
from kiosk.ui.office.base import OfficeScreen, centred
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import page
from kiosk.ui.theme import label
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.steps import StepBar

POINT_PRESETS = (500, 1000, 2000, 5000)
COUNT_PRESETS = (1, 2, 3, 5)


class IssueScreen(OfficeScreen):
    name = "office_issue"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.visit: ResidentVisit | None = None
        self.rule: VoucherRule | None = None
        self.issued: list[IssuedVoucher] = []
        self.pdf_path = ""
        self.steps_bar = StepBar([self.tr("Card"), self.tr("Vouchers"), self.tr("Confirm"), self.tr("Done")])
        self.stack = PageStack()
        self.pinpad = PinPad()
        self.pinpad.set_prompt(self.tr("Place your My Number Card on the reader and enter your 4-digit PIN."),
                               self.tr("The PIN for user authentication (利用者証明用)."))
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(lambda: self.navigate.emit("office_home"))
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.busy = centred("", "residentTitle", "issueBusy")
        self.amount_page = self._amount_page()
        self.confirm_page = self._confirm_page()
        for widget in (self.pin_slot, self.busy, self.amount_page, self.confirm_page):
            self.stack.addWidget(widget)
        self.frame(self.tr("Issue point vouchers"), self.stack, steps=self.steps_bar)

    def _amount_page(self) -> QWidget:
        self.balance_label = centred("", "title", "issueBalance")
        self.per_voucher = Segmented()
        self.per_voucher.setObjectName("issuePoints")
        self.count = Segmented([(self.tr("%1 vouchers").replace("%1", str(n)) if n > 1 else self.tr("1 voucher"), n)
                                for n in COUNT_PRESETS])
        self.count.setObjectName("issueCount")
        self.validity = Segmented()
        self.validity.setObjectName("issueValidity")
        self.count.setCurrentIndex(0)
        self.total_label = centred("", "title", "issueTotal")
        self.rule_label = centred("", "muted", "issueRule")
        self.apply_rule(VoucherRule.default(1, 180))
        for choice in (self.per_voucher, self.count, self.validity):
            choice.changed.connect(lambda *_: self._update_total())
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("issueNext")
        self.next_button.clicked.connect(self._to_confirm)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("issueCancel")
        cancel.clicked.connect(self._finish)
        form = QWidget()
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(self.balance_label)
        grid = QGridLayout()
        metrics(grid, 0, "gap")
        for row, (caption, widget) in enumerate(((self.tr("Points per voucher"), self.per_voucher),
                                                 (self.tr("Number of vouchers"), self.count),
                                                 (self.tr("Valid for"), self.validity))):
            grid.addWidget(label(caption, "section", wrap=False), row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        column.addWidget(self.total_label)
        column.addWidget(self.rule_label)
        return page(form, ActionBar(self.next_button, cancel))

    def _confirm_page(self) -> QWidget:
        self.statement = centred("", "residentTitle", "issueStatement")
        self.statement_detail = centred("", "resident", "issueStatementDetail")
        self.issue_button = QPushButton(self.tr("Issue"))
        self.issue_button.setObjectName("issueConfirm")
        self.issue_button.clicked.connect(self._issue)
        back = QPushButton(self.tr("Back"))
        back.setObjectName("issueBack")
        back.clicked.connect(lambda: self._set_page("amount"))
        return page(self.statement, self.statement_detail, ActionBar(self.issue_button, back), stretch_at=0)

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.result_shown() or self.offline_first():
            return
        if self.visit is None:
            self.pinpad.clear()
            self._set_page("pin")

    def clear(self) -> None:
        super().clear()
        self.visit = None
        self.issued = []
        self.pinpad.clear()
        self._set_page("pin")

    def _back_to(self, name: str) -> None:
        self.close_result()
        self._set_page(name)

    def _set_page(self, name: str) -> None:
        pages = {"pin": self.pin_slot, "busy": self.busy, "amount": self.amount_page, "confirm": self.confirm_page}
        self.stack.setCurrentWidget(pages[name])
        self.steps_bar.set_current({"pin": 0, "busy": 0, "amount": 1, "confirm": 2}[name])

    def _on_pin(self, pin: str) -> None:
        self.busy.setText(self.tr("Reading the card…"))
        self._set_page("busy")
        svc = self.service
        self.run(lambda: (svc.read_card(pin), svc.voucher_rule(1)), self._on_visit, self._on_card_error)

    def _on_card_error(self, error: ServiceError) -> None:
        self.pinpad.clear()
        self.show_result(self.error_result(error, actions=[
            Action(self.tr("Try again"), self._retry, primary=True),
            Action(self.tr("Back to the office menu"), self._finish)]))

    def _retry(self) -> None:
        self.close_result()
        self._set_page("pin")

    def apply_rule(self, rule: VoucherRule) -> None:
        """Offer only what the municipality's voucher rule allows (the cloud enforces the same rule)."""
        self.rule = rule
        chosen = self.per_voucher.currentData()
        self.per_voucher.clear()
        for p in points_choices(rule, POINT_PRESETS):
            self.per_voucher.addItem(f"{p:,}", p)
        self.per_voucher.setCurrentIndex(max(0, self.per_voucher.findData(chosen)))
        self.validity.clear()
        for d in validity_choices(rule):
            self.validity.addItem(self.tr("%1 days").replace("%1", str(d)), d)
        self.validity.setCurrentData(rule.validity_days)
        if rule.from_rule:
            self.rule_label.setText(self.tr("Municipality's voucher rule: at most %1 a voucher, valid up to %2 days.")
                                    .replace("%1", points(rule.max_points or 0))
                                    .replace("%2", str(rule.longest_days)))
        else:
            self.rule_label.setText(self.tr("No voucher rule set by the municipality: valid %1 days by default.")
                                    .replace("%1", str(rule.validity_days)))

    def _on_visit(self, value: tuple[ResidentVisit, VoucherRule]) -> None:
        visit, rule = value
        self.visit = visit
        self.ctx.session.set_mykey_id(visit.mykey_id, "valid")  # the banner says who is served
        self.apply_rule(rule)
        self.balance_label.setText(self.tr("Balance: %1").replace("%1", points(visit.balance(1))))
        self._update_total()
        self._set_page("amount")

    def total(self) -> int:
        return int(self.per_voucher.currentData() or 0) * int(self.count.currentData() or 0)

    def _update_total(self) -> None:
        balance = self.visit.balance(1) if self.visit is not None else 0
        total = self.total()
        fits = 0 < total <= balance
        self.total_label.setText(self.tr("Total %1").replace("%1", points(total)) + ("" if fits else " — " + self.tr(
            "more than the balance")))
        self.next_button.setEnabled(fits)

    def _to_confirm(self) -> None:
        self._update_total()
        if not self.next_button.isEnabled():
            return
        each, count, days = (int(self.per_voucher.currentData()), int(self.count.currentData()),
                             int(self.validity.currentData()))
        self.statement.setText(self.tr("%1 × %2 = %3").replace("%1", points(each)).replace("%2", str(count))
                               .replace("%3", points(each * count)))
        self.statement_detail.setText(self.tr("Vouchers of %1, valid for %2 days, taken from your balance. "
                                              "Please check and let the clerk press Issue.")
                                      .replace("%1", local_name(self.service.point_name, self.service.point_name_en))
                                      .replace("%2", str(days)))
        self._set_page("confirm")

    def _issue(self) -> None:
        visit = self.visit
        if visit is None:
            return
        each, count, days = (int(self.per_voucher.currentData()), int(self.count.currentData()),
                             int(self.validity.currentData()))
        self.busy.setText(self.tr("Issuing and printing…"))
        self._set_page("busy")

        svc = self.service

        def work() -> tuple[list[IssuedVoucher], str]:
            issued = svc.issue(visit, 1, each, count, days)
            return issued, str(svc.print_vouchers(issued, "a4"))

        self.run(work, self._issued, self._failed)

    def _failed(self, error: ServiceError) -> None:
        self.show_result(self.error_result(error, actions=[
            Action(self.tr("Back"), lambda: self._back_to("amount"), primary=True)]))

    def _issued(self, value: Any) -> None:
        self.issued, self.pdf_path = value
        total = sum(v.points for v in self.issued)
        numbers = ", ".join(v.number for v in self.issued[:3]) + ("…" if len(self.issued) > 3 else "")
        self.steps_bar.set_current(3, finished=True)
        self.done(self.tr("%1 vouchers issued").replace("%1", str(len(self.issued))),
                  self.tr("Numbers %1. A4 sheet saved: %2. Stamp each voucher with the issuing seal.")
                  .replace("%1", numbers).replace("%2", Path(self.pdf_path).name), amount="-" + points(total),
                  actions=[Action(self.tr("Next resident"), self._finish, primary=True),
                           Action(self.tr("Print…"), lambda: self.print_saved(self.pdf_path)),
                           Action(self.tr("Ticket printer copy"), self._ticket)])

    def _ticket(self) -> None:
        issued = list(self.issued)
        svc = self.service
        self.run(lambda: svc.print_tickets(issued), self._ticket_done, self._ticket_failed)

    def _ticket_done(self, value: tuple[Path, bool]) -> None:
        path, printed = value
        text = self.tr("Ticket saved: %1").replace("%1", Path(path).name)
        if printed:
            text = self.tr("Printed on the receipt printer. %1").replace("%1", text)
        self.result_panel.set_extra(text)

    def _ticket_failed(self, error: ServiceError) -> None:
        self.result_panel.set_extra("✖ " + message_for(error))

    def _finish(self) -> None:
        self.service.release_card()
        self.ctx.session.wipe("next")
        self.clear()
        self.navigate.emit("office_home")
