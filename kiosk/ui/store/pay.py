"""Pay with the card (DESIGN.md "The shop's payment"): amount → card → PIN (the resident's side) → the resident's
balance and the statement → result, the amount in 40 px all the way through, ready for the next customer in one tap.

The resident types the PIN once. The first signature calls up the MyKey ID and the balance per point type with what
expires soon (online) or what the offline limit still allows today (offline), shown on the resident's side with the
payment's statement; the resident taps Pay and the statement is signed on the same visit (no second PIN) and sent.
When the points do not cover the amount, the same page says so and the shop may take what there is. The card is
wiped from the session when it is lifted: before the payment is sent nothing is paid; once it is sent, its outcome
is shown all the same (without the resident's balance). Pages: pay_pages.py (the shop's), pay_statement.py (the
resident's); result panels: pay_results.py; receipts: printing.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.resident import ResidentIdentity
from kiosk.services.store import AwaitingCloud, CardVisit, Payment
from kiosk.ui.context import UiContext
from kiosk.ui.design.format import local_name, points
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.store.base import CurrentPageStack
from kiosk.ui.store.pay_pages import AmountPage, card_page, centred
from kiosk.ui.store.pay_results import awaiting_result, confirmed_result, paid_result
from kiosk.ui.store.pay_statement import StatementPage
from kiosk.ui.store.printing import ReceiptScreen
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.steps import StepBar

STEP = {"amount": 0, "card": 1, "pin": 2, "reading": 2, "confirm": 3, "short": 3, "paying": 3, "done": 4}


class PayScreen(ReceiptScreen):
    name = "store_pay"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = "amount"  # amount | card | pin | reading | confirm | short | paying | done
        self.visit: CardVisit | None = None
        self.payment: Payment | None = None
        self._attempt = 0
        self._available = 0
        self.steps_bar = StepBar([self.tr("Amount"), self.tr("Card"), self.tr("PIN"), self.tr("Confirm"),
                                  self.tr("Done")])
        self.amount_banner = centred("", "big", "amountBanner")  # the amount, 40 px, on every step after the first
        self.amount_banner.hide()
        self.stack = CurrentPageStack()
        self.amount_page = AmountPage()
        self.point_type, self.pad, self.next_button = (self.amount_page.point_type, self.amount_page.pad,
                                                       self.amount_page.next_button)
        self.next_button.clicked.connect(self._to_card)
        self.card_page = card_page(self._back_to_amount)
        self.pinpad = PinPad()
        self.pin_amount = centred("", "big", "pinAmount")  # the amount, 40 px, beside the resident's PIN pad
        outer = self.pinpad.layout()
        item = outer.itemAt(0) if outer is not None else None
        left = item.layout() if item is not None else None
        if isinstance(left, QVBoxLayout):  # the PinPad's left column: prompt, reason, dots, tries
            left.insertWidget(1, self.pin_amount)
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(self._back_to_amount)
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.busy = centred("", "residentTitle", "payBusy")
        self.statement = StatementPage()
        self.statement.pay_clicked.connect(self._confirmed)
        self.statement.cancel_clicked.connect(self.next_customer)
        self.statement.change_clicked.connect(self._change_after_card)
        self.short_page = ResidentSlot(self.statement, ctx.resident_display)  # the resident's side
        self.short_text, self.short_detail, self.use_all = (self.statement.heading, self.statement.detail,
                                                            self.statement.pay)
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

    # --- flow -----------------------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.state in ("amount", "done") and not self.result_shown():
            self.amount_page.fill(self.service.point_types())
            self._set_state("amount")
            self.pad.setFocus()

    def _point_name(self, point_type_id: int) -> str:
        return local_name(self.service.point_name(point_type_id), self.service.point_name_en(point_type_id))

    def amount(self) -> int:
        return self.pad.value()

    def point_type_id(self) -> int:
        data = self.point_type.currentData()
        return int(data) if data is not None else 1

    def _set_state(self, state: str) -> None:
        self.state = state
        pages = {"amount": self.amount_page, "card": self.card_page, "pin": self.pin_slot, "reading": self.busy,
                 "paying": self.busy, "confirm": self.short_page, "short": self.short_page}
        if state in pages:
            self.close_result()
            self.stack.setCurrentWidget(pages[state])
        self.steps_bar.set_current(STEP[state], finished=state == "done")
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
        self.pinpad.set_prompt(
            self.tr("Payment at %1").replace("%1", self._shop()),
            self.tr("Please type the 4-digit PIN of your card's user certificate yourself (once)."))
        self._set_state("pin")
        self.pinpad.setFocus()

    def _shop(self) -> str:
        return str(self.service.shop_name or self.tr("this shop"))

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
        """After the first signature: the resident's balance (or offline allowance) and the statement to confirm."""
        if attempt != self._attempt:
            return
        assert isinstance(visit, CardVisit)
        self.visit = visit
        # the banner says who is served: the MyKey ID online, a card checked on this terminal offline
        self.ctx.session.set_identity(ResidentIdentity(visit.mykey_id, "valid" if visit.mykey_id else "offline",
                                                       visit.fingerprint, ""))
        pid, amount = self.point_type_id(), self.amount()
        available = visit.available(pid)
        if not visit.online and available is None:
            from kiosk.sync.offline import MESSAGES

            english, japanese = MESSAGES["offline_limit_unknown"]
            self._failed(attempt, ServiceError("offline_limit_unknown", english, message_ja=japanese))
            return
        assert available is not None
        names = {p: local_name(ja, en) for p, ja, en in self.service.point_types()}
        if visit.online:
            rows = [(names.get(b.point_type_id, b.name), b) for b in visit.balances
                    if b.balance or b.point_type_id == pid]
            self.statement.online(rows, pid, amount, self._shop(), available)
        else:
            self.statement.offline([(names[p], a) for p, a in visit.allowance.items() if p in names], amount,
                                   self._shop(), available)
        self._available = available
        self._set_state("confirm" if available >= amount else "short")
        self.statement.pay.setFocus()

    def _confirmed(self) -> None:
        """The resident tapped Pay (or Use N when short): sign the statement on this visit and send it."""
        if self.state == "short":
            self.pad.setValue(self._available)
        if self.state in ("confirm", "short"):
            self._pay(self.amount())

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
    def _next_action(self) -> Action:
        return Action(self.tr("Next customer"), self.next_customer, primary=True)

    def _paid(self, attempt: int, payment: object) -> None:
        if attempt != self._attempt:
            return
        assert isinstance(payment, Payment)
        self.payment = payment
        lifted = not self.ctx.session.card_present
        self._set_state("done")
        actions = [self.receipt_action(), self._next_action()]
        result, sound = paid_result(payment, self.visit, self._point_name(payment.point_type_id), lifted,
                                    actions)
        self.ctx.sound(sound)
        self.show_result(result)

    def _forget_balance(self) -> None:
        """The card was lifted: the resident's balance leaves the screen; the outcome stays for the shop."""
        payment = self.payment
        if payment is not None and self.result_panel.kind() in ("success", "queued"):
            self.result_panel.detail.setText(self._point_name(payment.point_type_id))

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
        nxt = self._next_action()
        self._set_state("done")
        self.steps_bar.set_current(STEP["paying"] if paying else STEP["pin"])
        if isinstance(error, AwaitingCloud):
            self._awaiting = error
            self.ctx.sound("warning")
            self.show_result(awaiting_result(error, self.check_again, nxt))
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
                self.show_result(confirmed_result(points_, self._next_action()))
            elif status in ("rejected", "conflict"):
                self.show_result(self.refusal(ServiceError("payment_refused", self.tr(
                    "The cloud refused this payment: nothing was paid.")), [self._next_action()]))
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

    def current_receipt(self) -> Any:
        payment = self.payment
        if payment is None:
            return None
        return self.records.payment_receipt(payment, self.service.point_name(payment.point_type_id))

    # --- the card lifted, the session wiped -------------------------------------------------------------------
    def clear(self) -> None:
        """The main window's part of a wipe: the half-typed PIN goes at once. The rest depends on why the session
        was wiped, which `_on_wiped` hears itself (in either order with this call)."""
        self.pinpad.clear()

    def _on_wiped(self, reason: str) -> None:
        """The session was wiped (card lifted, next customer, idle). Before the payment is sent, nothing is paid;
        once it is sent its outcome stands and is shown, without the resident's balance."""
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
        if self.state in ("reading", "pin", "confirm", "short") and reason == "card_removed":
            self._attempt += 1
            self.visit = None
            self.statement.table.clear()  # the resident's balance leaves with the card
            self._set_state("done")
            self.steps_bar.set_current(STEP["card"])
            self.show_result(self.refusal(ServiceError("card_removed"), [
                Action(self.tr("Try again"), self._retry), self._next_action()]))
            self.result_panel.set_extra(self.tr("Nothing was paid."))
            return
        if self.state != "card":
            self._reset()
