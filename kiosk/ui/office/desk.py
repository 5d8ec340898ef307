"""The exchange desk (seed 004, 5 (1) ②): with the resident's card and PIN, points for the shopping street's paper
gift certificates (their serials recorded) or charged to its point card (the card number recorded) — the resident
confirms and the card signs the exchange (paid out to the street's association like a shop) — or points bought
for cash at the municipality's premium rate (a receipt; the cash goes into the day-end figures)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.office import ResidentVisit
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import points, yen
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.office.base import OfficeScreen, centred
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import page
from kiosk.ui.theme import label
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.steps import StepBar

DENOMINATIONS = (500, 1000)
CARD_POINTS = (500, 1000, 3000, 5000)
CASH_YEN = (1000, 3000, 5000, 10000)


def _rule_of(service: Any) -> Any:
    """The cash-sale terms, or None when the municipality does not sell points for cash."""
    try:
        return service.cash_rule(1)
    except ServiceError:
        return None


class DeskScreen(OfficeScreen):
    name = "office_desk"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.visit: ResidentVisit | None = None
        self.rule: dict[str, Any] | None = None
        self.steps_bar = StepBar([self.tr("Card"), self.tr("Exchange"), self.tr("Done")])
        self.stack = PageStack()
        self.pinpad = PinPad()
        self.pinpad.set_prompt(self.tr("Place your My Number Card on the reader and enter your 4-digit PIN."),
                               self.tr("The PIN for user authentication (利用者証明用)."))
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(lambda: self.navigate.emit("office_home"))
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.busy = centred("", "residentTitle", "deskBusy")
        self.form_page = self._form_page()
        for widget in (self.pin_slot, self.busy, self.form_page):
            self.stack.addWidget(widget)
        self.frame(self.tr("Exchange desk"), self.stack, steps=self.steps_bar)

    def _form_page(self) -> QWidget:
        self.balance_label = centred("", "title", "deskBalance")
        self.kind = Segmented([(self.tr("Gift certificates"), "gift_certificate"),
                               (self.tr("Point card"), "point_card"), (self.tr("Points for cash"), "cash")])
        self.kind.setObjectName("deskKind")
        self.kind.setCurrentIndex(0)
        self.kind.changed.connect(lambda *_: self._show_kind())
        self.payee_id: int | None = None
        self.payee_caption = label("", "muted", name="deskPayee")
        self.denomination = Segmented([(self.tr("%1 certificate").replace("%1", yen(d)), d) for d in DENOMINATIONS])
        self.denomination.setObjectName("deskDenomination")
        self.serials = Field(self.tr("Certificate serial numbers handed over (separated by spaces)"))
        self.serials.edit.setObjectName("deskSerials")
        self.card_number = Field(self.tr("Point card number"))
        self.card_number.edit.setObjectName("deskCardNumber")
        self.card_points = Segmented([(points(p), p) for p in CARD_POINTS])
        self.card_points.setObjectName("deskCardPoints")
        self.cash = Segmented([(yen(y), y) for y in CASH_YEN])
        self.cash.setObjectName("deskCash")
        self.quote = centred("", "title", "deskQuote")
        for choice in (self.denomination, self.card_points, self.cash):
            choice.setCurrentIndex(0)
            choice.changed.connect(lambda *_: self._update())
        for field_ in (self.serials, self.card_number):
            field_.edit.textChanged.connect(lambda *_: self._update())
        self.go_button = QPushButton(self.tr("Exchange"))
        self.go_button.setObjectName("deskGo")
        self.go_button.clicked.connect(self._go)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("deskCancel")
        cancel.clicked.connect(self._finish)
        form = QWidget()
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        for widget in (self.balance_label, self.kind, self.payee_caption, self.denomination,
                       self.serials, self.card_number, self.card_points, self.cash, self.quote):
            column.addWidget(widget)
        return page(form, ActionBar(self.go_button, cancel))

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.result_shown() or self.offline_first():
            return
        if self.visit is None:
            self.pinpad.clear()
            self._set_page("pin")
        if self.payee_id is None:
            self.run(self.service.shops, self._shops)
        svc = self.service
        self.run(lambda: _rule_of(svc), self._set_rule, lambda _e: None)


    def _set_rule(self, rule: Any) -> None:
        self.rule = rule
        self._update()

    def _shops(self, data: Any) -> None:
        """The payee of exchanges: the street's association (商店街 / 事務局 / 交換所 in its name), else the last
        shop registered."""
        shops = list(data.get("shops") or [])
        marks = ("商店街", "事務局", "交換所", "振興組合")
        chosen = next((s for s in shops if any(m in str(s["name"]) for m in marks)), shops[-1] if shops else None)
        if chosen is not None:
            self.payee_id = int(chosen["id"])
            self.payee_caption.setText(self.tr("Paid out to: %1").replace("%1", str(chosen["name"])))
        self._update()

    def clear(self) -> None:
        super().clear()
        self.visit = None
        self.pinpad.clear()
        self.serials.edit.clear()
        self.card_number.edit.clear()
        self._set_page("pin")

    def _back_to(self, name: str) -> None:
        self.close_result()
        self._set_page(name)

    def _set_page(self, name: str) -> None:
        pages = {"pin": self.pin_slot, "busy": self.busy, "form": self.form_page}
        self.stack.setCurrentWidget(pages[name])
        self.steps_bar.set_current({"pin": 0, "busy": 0, "form": 1}[name])

    def _on_pin(self, pin: str) -> None:
        self.busy.setText(self.tr("Reading the card…"))
        self._set_page("busy")
        svc = self.service
        self.run(lambda: svc.read_card(pin), self._on_visit, self._card_error)

    def _card_error(self, error: ServiceError) -> None:
        self.pinpad.clear()
        self.show_result(self.error_result(error, actions=[
            Action(self.tr("Try again"), lambda: self._back_to("pin"), primary=True),
            Action(self.tr("Back to the office menu"), self._finish)]))

    def _on_visit(self, visit: ResidentVisit) -> None:
        self.visit = visit
        self.ctx.session.set_mykey_id(visit.mykey_id, "valid")  # the banner says who is served
        self.balance_label.setText(self.tr("Balance: %1").replace("%1", points(visit.balance(1))))
        self._show_kind()
        self._set_page("form")

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in ((self.denomination, kind == "gift_certificate"),
                              (self.serials, kind == "gift_certificate"), (self.card_number, kind == "point_card"),
                              (self.card_points, kind == "point_card"), (self.cash, kind == "cash"),
                              (self.payee_caption, kind != "cash")):
            widget.setVisible(shown)
        self.go_button.setText(self.tr("Sell points") if kind == "cash" else self.tr("Exchange"))
        self._update()

    def serial_list(self) -> list[str]:
        return [s for s in re.split(r"[\s,、]+", self.serials.text().strip()) if s]

    def exchange_points(self) -> int:
        kind = self.kind.currentData()
        if kind == "gift_certificate":
            return int(self.denomination.currentData() or 0) * len(self.serial_list())
        if kind == "point_card":
            return int(self.card_points.currentData() or 0)
        return 0

    def _update(self) -> None:
        kind = self.kind.currentData()
        balance = self.visit.balance(1) if self.visit is not None else 0
        if kind == "cash":
            cash = int(self.cash.currentData() or 0)
            if self.rule is None:
                self.quote.setText(self.tr("The municipality does not sell points for cash."))
                self.go_button.setEnabled(False)
                return
            bonus = cash * int(self.rule["premium_rate_pct"]) // 100
            self.quote.setText(self.tr("%1 → %2 (premium %3 %)").replace("%1", yen(cash)).replace(
                "%2", points(cash + bonus)).replace("%3", str(self.rule["premium_rate_pct"])))
            self.go_button.setEnabled(cash <= int(self.rule["max_yen_per_sale"]))
            return
        total = self.exchange_points()
        ready = 0 < total <= balance and self.payee_id is not None
        if kind == "point_card":
            ready = ready and len(self.card_number.text().strip()) >= 4
        self.quote.setText(self.tr("Exchange %1").replace("%1", points(total)) +
                           ("" if total <= balance else " — " + self.tr("more than the balance")))
        self.go_button.setEnabled(ready)

    def _go(self) -> None:
        visit = self.visit
        if visit is None or not self.go_button.isEnabled():
            return
        kind = self.kind.currentData()
        self.busy.setText(self.tr("Please wait…"))
        self._set_page("busy")
        if kind == "cash":
            cash = int(self.cash.currentData())

            svc = self.service

            def sell() -> tuple[dict[str, Any], str]:
                sale = svc.cash_sale(visit, 1, cash)
                return sale, str(svc.cash_receipt(sale))

            self.run(sell, self._sold, self._failed)
            return
        total, shop_id = self.exchange_points(), int(self.payee_id or 0)
        serials, denomination = self.serial_list(), int(self.denomination.currentData() or 0)
        card = self.card_number.text().strip()
        svc = self.service
        self.run(lambda: svc.exchange(
            visit, kind=kind, shop_id=shop_id, point_type_id=1, points=total,
            serials=serials if kind == "gift_certificate" else None,
            denomination=denomination if kind == "gift_certificate" else None,
            card_number=card if kind == "point_card" else None), self._exchanged, self._failed)

    def _failed(self, error: ServiceError) -> None:
        self.show_result(self.error_result(error, actions=[
            Action(self.tr("Back"), lambda: self._back_to("form"), primary=True)]))

    def _exchanged(self, result: Any) -> None:
        self.steps_bar.set_current(2, finished=True)
        what = (self.tr("Hand over certificates %1").replace("%1", " ".join(result.get("serials") or []))
                if result.get("kind") == "gift_certificate" else
                self.tr("Charged to point card %1").replace("%1", str(result.get("card_number"))))
        self.done(self.tr("Exchanged"), what + " — " + self.tr("balance %1").replace(
            "%1", points(int(result.get("balance") or 0))), amount="-" + points(int(result["points"])),
            actions=[Action(self.tr("Next resident"), self._finish, primary=True)])

    def _sold(self, value: Any) -> None:
        sale, path = value
        self.steps_bar.set_current(2, finished=True)
        self.done(self.tr("Points sold: receipt %1").replace("%1", str(sale["receipt_number"])),
                  self.tr("%1 received. Receipt saved: %2").replace("%1", yen(int(sale["yen"]))).replace(
                      "%2", Path(path).name), amount="+" + points(int(sale["points"])),
                  actions=[Action(self.tr("Next resident"), self._finish, primary=True)])

    def _finish(self) -> None:
        self.service.release_card()
        self.ctx.session.wipe("next")
        self.clear()
        self.navigate.emit("office_home")
