"""The outcomes of a card payment as result panels (DESIGN.md "Results"): paid (with the new balance and what of it
expires soon, while the card is on the reader), paid pending (offline, with what the offline limit still allows
today), not confirmed yet (the cloud did not answer). Texts keep the payment screen's context (PayScreen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.services.store import AwaitingCloud, CardVisit, Payment
from kiosk.ui.design.format import format_date, points
from kiosk.ui.design.result_panel import Action, Result


def balance_text(visit: CardVisit | None, payment: Payment) -> str:
    """"Balance now" and, when some of it ends soon, how much by when (online, card still on the reader)."""
    if payment.balance_after is None:
        return ""
    text = QCoreApplication.translate("PayScreen", "Balance now: %1").replace("%1", points(payment.balance_after))
    entry = None if visit is None else next(
        (b for b in visit.balances if b.point_type_id == payment.point_type_id), None)
    if entry is not None and entry.expiring_points and entry.expiring_at is not None:
        text += "\n" + QCoreApplication.translate("PayScreen", "%1 of it expire by %2").replace(
            "%1", points(min(entry.expiring_points, payment.balance_after))).replace(
            "%2", format_date(entry.expiring_at))
    return text


def paid_result(payment: Payment, visit: CardVisit | None, point_name: str, lifted: bool,
                actions: list[Action]) -> tuple[Result, str]:
    """(the result panel, its sound) of a payment the terminal took."""
    if payment.pending:
        allowance = None if visit is None else visit.available(payment.point_type_id)
        left = "" if allowance is None or lifted else "\n" + QCoreApplication.translate(
            "PayScreen", "Offline limit left today: %1").replace("%1", points(max(0, allowance - payment.points)))
        return Result("queued", QCoreApplication.translate("PayScreen", "Paid — pending"), QCoreApplication.translate(
            "PayScreen", "Offline: the cloud confirms it when the connection returns.") + left,
            amount="−" + points(payment.points), actions=actions, sound=False), "queued"
    balance = "" if lifted else balance_text(visit, payment)
    return Result("success", QCoreApplication.translate("PayScreen", "Paid"),
                  point_name + ("\n" + balance if balance else ""), amount="−" + points(payment.points),
                  actions=actions, sound=False), "paid"


def awaiting_result(error: AwaitingCloud, check_again: Callable[[], None], nxt: Action) -> Result:
    return Result("warning", QCoreApplication.translate("PayScreen", "Not confirmed yet"), QCoreApplication.translate(
        "PayScreen", "The cloud has not answered. The payment is kept and sent when the connection returns; do not "
                     "hand over the goods until it is confirmed."), amount=points(error.points),
        actions=[Action(QCoreApplication.translate("PayScreen", "Check again"), check_again), nxt], sound=False)


def confirmed_result(points_: int, nxt: Action) -> Result:
    return Result("success", QCoreApplication.translate("PayScreen", "Paid"), QCoreApplication.translate(
        "PayScreen", "The cloud has confirmed the payment."), amount="−" + points(points_), actions=[nxt],
        sound=False)
