"""Today's payments, reversals and vouchers at this shop (the cloud's record plus what is pending here), six to a
page as tiles; a payment still inside the municipality's window can be reversed with a reason (tiles, no typing)
and a receipt printed for the reversal. The points return to the same lots (the cloud's reversal)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.services.store_records import Entry
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.format import points
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.screen import page
from kiosk.ui.store.base import CurrentPageStack
from kiosk.ui.store.printing import ReceiptScreen
from kiosk.ui.theme import label

JST = timezone(timedelta(hours=9))
PAGE = 6


class RecentScreen(ReceiptScreen):
    name = "store_recent"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.entries: list[Entry] = []
        self._page = 0
        self._reversal: dict[str, object] = {}
        self.stack = CurrentPageStack()
        self.list_page = self._list_page()
        self.reason_page = self._reason_page()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.reason_page)
        self.frame(self.tr("Today's payments"), self.stack)

    def _list_page(self) -> QWidget:
        self.summary = label("", "section", name="recentSummary")
        self.tiles = TileList(columns=2, compact=True)
        self.tiles.setObjectName("recentList")
        self.tiles.currentRowChanged.connect(self._chosen)
        self.earlier = QPushButton(self.tr("Earlier"))
        self.earlier.setObjectName("recentEarlier")
        self.earlier.clicked.connect(lambda: self._show_page(self._page + 1))
        self.later = QPushButton(self.tr("Later"))
        self.later.setObjectName("recentLater")
        self.later.clicked.connect(lambda: self._show_page(self._page - 1))
        self.reverse_button = QPushButton(self.tr("Reverse this payment"))
        self.reverse_button.setObjectName("recentReverse")
        self.reverse_button.setEnabled(False)
        self.reverse_button.clicked.connect(self._ask_reason)
        self.empty = label(self.tr("No payments or vouchers yet today."), "muted", name="recentEmpty")
        return page(self.summary, self.empty, self.tiles, ActionBar(self.reverse_button, self.later, self.earlier))

    def _reason_page(self) -> QWidget:
        self.reason_title = label("", "title", name="reverseTitle")
        self.reasons = TileList(columns=2, compact=True)
        self.reasons.setObjectName("reverseReasons")
        for text in (self.tr("Wrong amount entered"), self.tr("The customer cancelled"),
                     self.tr("Paid twice by mistake"), self.tr("Goods returned")):
            self.reasons.add(text, data=text)
        self.confirm = QPushButton(self.tr("Reverse"))
        self.confirm.setObjectName("reverseConfirm")
        self.confirm.setProperty("danger", True)
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self._reverse)
        self.reasons.currentRowChanged.connect(lambda row: self.confirm.setEnabled(row >= 0))
        back = QPushButton(self.tr("Back"))
        back.setObjectName("reverseBack")
        back.clicked.connect(self._back_to_list)
        hint = label(self.tr("The points go back to the resident's balance, to the same lots."), "muted")
        return page(self.reason_title, label(self.tr("Why is it reversed?"), "section"), self.reasons, hint,
                    ActionBar(self.confirm, back))

    # --- the list ---------------------------------------------------------------------------------------------
    def entered(self) -> None:
        self.close_result()
        self._back_to_list()
        self.load()

    def load(self) -> None:
        today = datetime.now(JST).date()
        records = self.records
        self.summary.setText(self.tr("Loading…"))
        self.runner.run(lambda: records.activity(today, today), self._loaded, self._failed)

    def _loaded(self, entries: object) -> None:
        assert isinstance(entries, list)
        self.entries = sorted(entries, key=lambda e: e.at, reverse=True)
        paid = sum(e.points for e in self.entries if e.kind == "payment")
        back = sum(e.points for e in self.entries if e.kind == "reversal")
        vouchers = sum(e.points for e in self.entries if e.kind == "redemption")
        self.summary.setText(self.tr("Card payments %1 · reversed %2 · vouchers %3").replace("%1", points(paid))
                             .replace("%2", points(back)).replace("%3", points(vouchers)))
        self._show_page(0)

    def _failed(self, error: object) -> None:
        from kiosk.services.errors import ServiceError

        assert isinstance(error, ServiceError)
        self.show_result(self.refusal(error, [Action(self.tr("Try again"), self.entered),
                                              Action(self.tr("Back to the menu"), self._home, primary=True)]))

    def _home(self) -> None:
        self.close_result()
        self.navigate.emit("store_home")

    def _show_page(self, number: int) -> None:
        pages = max(1, -(-len(self.entries) // PAGE))
        self._page = max(0, min(number, pages - 1))
        self.tiles.clear()
        shown = self.entries[self._page * PAGE:(self._page + 1) * PAGE]
        for entry in shown:
            self.tiles.add(self._title(entry), self._detail(entry), data=entry)
        self.empty.setVisible(not self.entries)
        self.earlier.setEnabled(self._page < pages - 1)
        self.later.setEnabled(self._page > 0)
        self.reverse_button.setEnabled(False)

    def _title(self, e: Entry) -> str:
        at = e.at.astimezone(JST).strftime("%H:%M")
        kind = {"payment": self.tr("Card payment"), "reversal": self.tr("Reversal"),
                "redemption": self.tr("Voucher")}[e.kind]
        sign = "−" if e.kind == "reversal" else ""
        return f"{at}  {kind}  {sign}{points(e.points)}"

    def _detail(self, e: Entry) -> str:
        if e.pending:
            return self.tr("Pending (offline) · %1").replace("%1", e.reference)
        if e.kind == "payment":
            state = self.tr("reversed") if e.reversed else self.tr("can be reversed") if e.reversible else ""
            return self.tr("No. %1").replace("%1", e.reference) + (f" · {state}" if state else "")
        if e.kind == "reversal":
            return self.tr("of payment No. %1").replace("%1", str(e.payment_id or ""))
        from kiosk.ui.store.redeem import group

        return self.tr("Voucher No. %1").replace("%1", group(e.voucher_number) if e.voucher_number else "")

    def _chosen(self, row: int) -> None:
        entry = self.tiles.data(row) if 0 <= row < self.tiles.count() else None
        self.reverse_button.setEnabled(isinstance(entry, Entry) and entry.kind == "payment" and entry.reversible
                                       and not entry.pending)

    # --- reversal ---------------------------------------------------------------------------------------------
    def _selected(self) -> Entry | None:
        entry = self.tiles.currentData()
        return entry if isinstance(entry, Entry) else None

    def _ask_reason(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        self.reason_title.setText(self.tr("Reverse payment No. %1 of %2?").replace("%1", entry.reference)
                                  .replace("%2", points(entry.points)))
        self.reasons.setCurrentRow(-1)
        self.stack.setCurrentWidget(self.reason_page)

    def _back_to_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)

    def _reverse(self) -> None:
        entry, reason = self._selected(), self.reasons.currentData()
        if entry is None or entry.payment_id is None or not reason:
            return
        self.confirm.setEnabled(False)
        records, pid = self.records, entry.payment_id
        self.runner.run(lambda: records.reverse(pid, str(reason)), lambda r: self._reversed(r, str(reason)),
                        self._failed)

    def _reversed(self, result: object, reason: str) -> None:
        assert isinstance(result, dict)
        self._reversal = {"result": result, "reason": reason}
        self.ctx.sound("ok")
        self.show_result(Result("success", self.tr("Reversed"), self.tr(
            "Payment No. %1: the points are back in the resident's balance.").replace("%1", str(result["payment_id"])),
            amount="+" + points(abs(int(result["points"]))),
            actions=[self.receipt_action(),
                     Action(self.tr("Done"), self.entered, primary=True)], sound=False))

    def current_receipt(self) -> Any:
        data = self._reversal
        if not data:
            return None
        result = data["result"]
        assert isinstance(result, dict)
        return self.records.reversal_receipt(result, str(data["reason"]), self.service.point_name(1))

    def clear(self) -> None:
        """A shop's records are not a resident's: a session wipe leaves this screen as it is."""
