"""Pay with the card (DESIGN.md "The shop's payment"): amount → card → PIN (the resident's side) → result, the
amount in 40 px all the way through, ready for the next customer in one tap.

The resident types the PIN once. The first signature calls up the MyKey ID and the balance (online) or what the
offline limit still allows (offline); when the amount fits, the payment statement is signed on the same visit
(no second PIN) and sent at once; when it does not, the balance is shown and the shop may take what there is.
The card is wiped from the session when it is lifted: before the payment is sent nothing is paid; once it is
sent, its outcome is shown all the same (without the resident's balance).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.store import AwaitingCloud, CardVisit, Payment
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.format import format_date, points
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.screen import page
from kiosk.ui.store.amount_pad import AmountPad
from kiosk.ui.store.base import CurrentPageStack, StoreScreen, centred_page
from kiosk.ui.theme import label
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.steps import StepBar


def _centred(text: str, role: str, name: str | None = None) -> Any:
    widget = label(text, role, name=name)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class PayScreen(StoreScreen):
    name = "store_pay"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = "amount"  # amount | card | pin | reading | short | paying | done
        self.visit: CardVisit | None = None
        self.payment: Payment | None = None
        self._attempt = 0
        self._wipe_reason = ""
        self.steps_bar = StepBar([self.tr("Amount"), self.tr("Card"), self.tr("PIN"), self.tr("Done")])
        self.amount_banner = _centred("", "big", "amountBanner")  # the amount, 40 px, on every step after the first
        self.amount_banner.hide()
        self.stack = CurrentPageStack()
        self.amount_page = self._amount_page()
        self.card_page = self._card_page()
        self.pinpad = PinPad()
        self.pin_amount = _centred("", "big", "pinAmount")  # the amount, 40 px, beside the resident's PIN pad
        outer = self.pinpad.layout()
        item = outer.itemAt(0) if outer is not None else None
        left = item.layout() if item is not None else None
        if isinstance(left, QVBoxLayout):  # the PinPad's left column: prompt, reason, dots, tries
            left.insertWidget(1, self.pin_amount)
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(self._back_to_amount)
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.busy = _centred("", "residentTitle", "payBusy")
        self.short_page = self._short_page()
        for widget in (self.amount_page, self.card_page, self.pin_slot, self.busy, self.short_page):
            self.stack.addWidget(widget)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.amount_banner)
        layout.addWidget(self.stack, 1)
        self.frame(self.tr("Pay with the card"), body, steps=self.steps_bar)
        ctx.session.changed.connect(self._on_session)
        ctx.session.wiped.connect(self._on_wiped)

    # --- pages ----------------------------------------------------------------------------------------------
    def _amount_page(self) -> QWidget:
        self.point_type = TileList(columns=1, compact=True)
        self.point_type.setObjectName("pointType")
        self.pad = AmountPad()
        self.pad.setObjectName("amountPad")
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("payNext")
        self.next_button.clicked.connect(self._to_card)
        self.pad.valueChanged.connect(lambda v: self.next_button.setEnabled(v > 0))
        self.next_button.setEnabled(False)
        top = QWidget()
        row = QHBoxLayout(top)
        metrics(row, 0, "margin")
        left = QVBoxLayout()
        metrics(left, 0, "gap")
        left.addWidget(self.pad.display)  # the amount, 40 px, above the point type; the keys on the right
        left.addWidget(self.point_type)
        left.addStretch(1)
        row.addLayout(left, 1)
        row.addWidget(self.pad)
        return page(top, ActionBar(self.next_button))

    def _card_page(self) -> QWidget:
        self.card_text = _centred(self.tr("Please place your My Number Card on the reader."), "title", "payCardText")
        hint = _centred(self.tr("Keep the card on the reader until the payment is finished."), "resident")
        change = QPushButton(self.tr("Change the amount"))
        change.setObjectName("payChangeAmount")
        change.clicked.connect(self._back_to_amount)
        return centred_page(_centred("▭", "big"), self.card_text, hint, actions=ActionBar(None, change))

    def _short_page(self) -> QWidget:
        self.short_text = _centred("", "residentTitle", "payShortText")
        self.short_detail = _centred("", "resident", "payShortDetail")
        self.use_all = QPushButton()
        self.use_all.setObjectName("payUseAll")
        self.use_all.clicked.connect(self._use_all)
        change = QPushButton(self.tr("Change the amount"))
        change.setObjectName("payShortChange")
        change.clicked.connect(self._change_after_card)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("payShortCancel")
        cancel.clicked.connect(self.next_customer)
        return centred_page(self.short_text, self.short_detail, actions=ActionBar(self.use_all, cancel, change))

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.state in ("amount", "done") and not self.result_shown():
            self._fill_point_types()
            self._set_state("amount")
            self.pad.setFocus()

    def _fill_point_types(self) -> None:
        if self.point_type.count():
            return
        english = self.tr("Pay with the card") == "Pay with the card"
        for pid, name, name_en in self.service.point_types():
            self.point_type.add(name_en if english else name, data=pid)
        self.point_type.setCurrentRow(0)
        self.point_type.setVisible(self.point_type.count() > 1)

    def amount(self) -> int:
        return self.pad.value()

    def point_type_id(self) -> int:
        data = self.point_type.currentData()
        return int(data) if data is not None else 1

    def _set_state(self, state: str) -> None:
        self.state = state
        pages = {"amount": self.amount_page, "card": self.card_page, "pin": self.pin_slot, "reading": self.busy,
                 "paying": self.busy, "short": self.short_page}
        if state in pages:
            self.close_result()
            self.stack.setCurrentWidget(pages[state])
        self.steps_bar.set_current({"amount": 0, "card": 1, "pin": 2, "reading": 2, "short": 2, "paying": 2,
                                    "done": 3}[state], finished=state == "done")
        self.amount_banner.setText(points(self.amount()))
        self.pin_amount.setText(points(self.amount()))
        self.amount_banner.setVisible(state not in ("amount", "done", "pin"))  # the PIN pad shows it itself

    def _to_card(self) -> None:
        if self.amount() <= 0:
            return
        if self.visit is not None and self.ctx.session.card_present:  # a new amount on the same visit: no PIN
            self._on_visit(self._attempt, self.visit)
            return
        self._attempt += 1
        self._set_state("card")
        self._on_session()

    def _back_to_amount(self) -> None:
        self._attempt += 1
        self.pinpad.clear()
        self.visit = None
        self._set_state("amount")

    def _on_session(self) -> None:
        if self.state == "card" and self.ctx.session.card_present:
            attempt = self._attempt
            self.busy.setText(self.tr("Reading the card… please do not remove it."))
            self._set_state("reading")
            self.runner.run(self.service.tries_left, lambda tries: self._on_tries(attempt, tries),
                            lambda e: self._failed(attempt, e))

    def _on_tries(self, attempt: int, tries: object) -> None:
        if attempt != self._attempt or self.state != "reading":
            return
        assert isinstance(tries, int)
        if tries <= 0:
            self._failed(attempt, ServiceError("pin_blocked", tries_left=0))
            return
        self.pinpad.set_tries_left(tries)
        self.pinpad.set_notice("")
        self._ask_pin()

    def _ask_pin(self) -> None:
        shop = self.service.shop_name
        self.pinpad.set_prompt(
            self.tr("Payment at %1").replace("%1", shop or self.tr("this shop")),
            self.tr("Please type the 4-digit PIN of your card's user certificate yourself (once)."))
        self._set_state("pin")
        self.pinpad.setFocus()

    def _on_pin(self, pin: str) -> None:
        attempt = self._attempt
        self.busy.setText(self.tr("Checking the card… please do not remove it."))
        self._set_state("reading")
        service = self.service
        self.runner.run(lambda progress: service.read_card(pin, progress), lambda v: self._on_visit(attempt, v),
                        lambda e: self._failed(attempt, e), self._on_progress)

    def _on_progress(self, step: str) -> None:
        texts = {"challenge": self.tr("Contacting the points cloud…"),
                 "sign": self.tr("The card is checking your PIN… please do not remove it."),
                 "verify": self.tr("The points cloud is checking the card…"),
                 "offline": self.tr("The cloud does not answer: checking the card on this terminal…")}
        if self.state == "reading" and step in texts:
            self.busy.setText(texts[step])

    def _on_visit(self, attempt: int, visit: object) -> None:
        if attempt != self._attempt:
            return
        assert isinstance(visit, CardVisit)
        self.visit = visit
        available = visit.available(self.point_type_id())
        if not visit.online and available is None:
            from kiosk.sync.offline import MESSAGES

            english, japanese = MESSAGES["offline_limit_unknown"]
            self._failed(attempt, ServiceError("offline_limit_unknown", english, message_ja=japanese))
            return
        if available is not None and available < self.amount():
            self._show_short(visit, available)
            return
        self._pay(self.amount())

    def _show_short(self, visit: CardVisit, available: int) -> None:
        if visit.online:
            self.short_text.setText(self.tr("Balance: %1 — not enough for %2").replace("%1", points(available))
                                    .replace("%2", points(self.amount())))
            self.short_detail.setText(self.tr("The shop can take the %1 there are, and the rest another way.")
                                      .replace("%1", points(available)))
        else:
            self.short_text.setText(self.tr("Offline, this card can pay %1 more today").replace("%1", points(available)))
            self.short_detail.setText(self.tr("Offline the balance is not known; the offline limit per card and "
                                              "day applies until the terminal is online again."))
        self.use_all.setText(self.tr("Use %1").replace("%1", points(available)))
        self.use_all.setEnabled(available > 0)
        self._available = available
        self._set_state("short")

    def _use_all(self) -> None:
        self.pad.setValue(self._available)
        self._pay(self._available)

    def _change_after_card(self) -> None:
        """A new amount while the card stays: the visit holds, no second PIN (the amount screen, then straight on)."""
        self._set_state("amount")

    def _pay(self, amount: int) -> None:
        visit = self.visit
        if visit is None:
            return
        attempt = self._attempt
        self.busy.setText(self.tr("Paying… please do not remove the card."))
        self._set_state("paying")
        service, pid = self.service, self.point_type_id()
        self.runner.run(lambda: service.pay(visit, pid, amount), lambda p: self._paid(attempt, p),
                        lambda e: self._failed(attempt, e, paying=True))

    # --- outcomes -------------------------------------------------------------------------------------------
    def _paid(self, attempt: int, payment: object) -> None:
        if attempt != self._attempt:
            return
        assert isinstance(payment, Payment)
        self.payment = payment
        lifted = not self.ctx.session.card_present
        self._set_state("done")
        receipt = Action(self.tr("Print receipt"), self.print_receipt)
        nxt = Action(self.tr("Next customer"), self.next_customer, primary=True)
        if payment.pending:
            allowance = None if self.visit is None else self.visit.available(payment.point_type_id)
            left = "" if allowance is None or lifted else "\n" + self.tr("Offline limit left today: %1").replace(
                "%1", points(max(0, allowance - payment.points)))
            result = Result("queued", self.tr("Paid — pending"), self.tr(
                "Offline: the cloud confirms it when the connection returns.") + left,
                amount="−" + points(payment.points), actions=[receipt, nxt], sound=False)
            self.ctx.sound("queued")
            self.show_result(result)
            return
        self.ctx.sound("paid")
        detail = self.service.point_name(payment.point_type_id)
        balance = "" if lifted else self._balance_text(payment)
        self.show_result(Result("success", self.tr("Paid"), detail + ("\n" + balance if balance else ""),
                                amount="−" + points(payment.points), actions=[receipt, nxt], sound=False))

    def _forget_balance(self) -> None:
        """The card was lifted: the resident's balance leaves the screen; the outcome stays for the shop."""
        payment = self.payment
        if payment is not None and self.result_panel.kind() in ("success", "queued"):
            self.result_panel.detail.setText(self.service.point_name(payment.point_type_id))

    def _balance_text(self, payment: Payment) -> str:
        if payment.balance_after is None:
            return ""
        text = self.tr("Balance now: %1").replace("%1", points(payment.balance_after))
        visit = self.visit
        entry = None if visit is None else next(
            (b for b in visit.balances if b.point_type_id == payment.point_type_id), None)
        if entry is not None and entry.expiring_points and entry.expiring_at is not None:
            text += "\n" + self.tr("%1 of it expire by %2").replace(
                "%1", points(min(entry.expiring_points, payment.balance_after))).replace(
                "%2", format_date(entry.expiring_at))
        return text

    def _failed(self, attempt: int, error: ServiceError, paying: bool = False) -> None:
        if attempt != self._attempt:
            return
        if error.code == "wrong_pin" and self.state == "reading":
            if error.tries_left is not None:
                self.pinpad.set_tries_left(error.tries_left)
            from kiosk.ui.errors import message_for

            self.pinpad.set_notice(message_for(error))
            self._ask_pin()
            return
        retry = Action(self.tr("Try again"), self._retry)
        nxt = Action(self.tr("Next customer"), self.next_customer, primary=True)
        self._set_state("done")
        self.steps_bar.set_current(2)
        if isinstance(error, AwaitingCloud):
            self._awaiting = error
            self.ctx.sound("warning")
            self.show_result(Result("warning", self.tr("Not confirmed yet"), self.tr(
                "The cloud has not answered. The payment is kept and sent when the connection returns; do not "
                "hand over the goods until it is confirmed."), amount=points(error.points),
                actions=[Action(self.tr("Check again"), self.check_again), nxt], sound=False))
            return
        self.show_result(self.refusal(error, [retry, nxt] if error.code != "pin_blocked" else [nxt]))

    def check_again(self) -> None:
        key = getattr(self, "_awaiting", None)
        if key is None or key.key is None:
            return
        service, points_ = self.service, key.points
        attempt = self._attempt

        def done(status: object) -> None:
            if attempt != self._attempt:
                return
            if status in ("applied", "replayed"):
                self.payment = None
                self.ctx.sound("paid")
                self.show_result(Result("success", self.tr("Paid"), self.tr("The cloud has confirmed the payment."),
                                        amount="−" + points(points_), actions=[
                                            Action(self.tr("Next customer"), self.next_customer, primary=True)],
                                        sound=False))
            elif status in ("rejected", "conflict"):
                self.show_result(self.refusal(ServiceError("payment_refused", self.tr(
                    "The cloud refused this payment: nothing was paid.")), [
                    Action(self.tr("Next customer"), self.next_customer, primary=True)]))
            else:
                self.result_panel.set_extra(self.tr("Still waiting for the cloud."))

        self.runner.run(lambda: service.payment_status(key.key), done)

    def _retry(self) -> None:
        self._attempt += 1
        self.visit = None
        self._set_state("card")
        self._on_session()

    def next_customer(self) -> None:
        """One tap: forget the card and the amount, ready for the next customer."""
        self.ctx.session.wipe("next")
        self._reset()

    def _reset(self) -> None:
        self._attempt += 1
        self.visit = None
        self.payment = None
        self.pinpad.clear()
        self.pinpad.set_tries_left(None)
        self.pad.clear()
        self._set_state("amount")

    def print_receipt(self) -> None:
        payment = self.payment
        if payment is None:
            return
        records, name = self.records, self.service.point_name(payment.point_type_id)
        self.runner.run(lambda: records.print_receipt(records.payment_receipt(payment, name)),
                        lambda path: self.result_panel.set_extra(self.tr("Receipt printed.")),
                        lambda e: self.show_result(self.refusal(e, [Action(self.tr("Next customer"),
                                                                           self.next_customer, primary=True)])))

    # --- the card lifted, the session wiped -------------------------------------------------------------------
    def _on_wiped(self, reason: str) -> None:
        self._wipe_reason = reason

    def clear(self) -> None:
        """The session was wiped (card lifted, next customer, idle). Before the payment is sent, nothing is paid;
        once it is sent its outcome stands and is shown, without the resident's balance."""
        reason, self._wipe_reason = self._wipe_reason, ""
        self.pinpad.clear()
        if self.state == "paying":
            return  # the answer comes and is shown (the card's data is gone: no balance)
        if self.state == "done":
            self.visit = None
            if self.result_shown() and reason == "card_removed":
                self._forget_balance()
                return
            self._reset()
            return
        if self.state in ("reading", "pin", "short") and reason == "card_removed":
            self._attempt += 1
            self.visit = None
            self._set_state("done")
            self.steps_bar.set_current(1)
            self.show_result(self.refusal(ServiceError("card_removed"), [
                Action(self.tr("Try again"), self._retry), Action(self.tr("Next customer"), self.next_customer,
                                                                  primary=True)]))
            self.result_panel.set_extra(self.tr("Nothing was paid."))
            return
        if self.state != "card":
            self._reset()
