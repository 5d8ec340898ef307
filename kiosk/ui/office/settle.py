"""Settle with shops (seed rule 11): the current period per shop (card payments, vouchers by QR and on paper,
exchanges, reversals, conflicts, items synced late, the amount to pay), closed once and for ever; then the
statement per shop (A4 PDF), the CSV for the accounting system and the Zengin bank transfer file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.format import format_date, yen
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.screen import page
from kiosk.ui.theme import label

MAX_ROWS = 8


def today_jst() -> date:
    from datetime import datetime

    from kiosk.services.office_settlement import JST

    return datetime.now(JST).date()


class SettleScreen(OfficeScreen):
    name = "office_settle"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: dict[str, Any] | None = None
        self.heading = label("", "section", name="settleHeading")
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        metrics(self.grid, 0, 8)
        self.total = label("", "big", name="settleTotal")
        self.note = label("", "muted", name="settleNote")
        self.open_button = QPushButton(self.tr("Open the next period"))
        self.open_button.setObjectName("settleOpen")
        self.open_button.clicked.connect(self._open)
        self.close_button = QPushButton(self.tr("Close the period"))
        self.close_button.setObjectName("settleClose")
        self.close_button.clicked.connect(self._close)
        self.pdf_button = QPushButton(self.tr("Statements (PDF)"))
        self.pdf_button.setObjectName("settlePdf")
        self.pdf_button.clicked.connect(self._pdf)
        self.csv_button = QPushButton(self.tr("CSV"))
        self.csv_button.setObjectName("settleCsv")
        self.csv_button.clicked.connect(self._csv)
        self.zengin_button = QPushButton(self.tr("Bank transfer file"))
        self.zengin_button.setObjectName("settleZengin")
        self.zengin_button.clicked.connect(self._zengin)
        self.banks_button = QPushButton(self.tr("Bank accounts"))
        self.banks_button.setObjectName("settleBanks")
        self.banks_button.clicked.connect(lambda: self.navigate.emit("office_banks"))
        exports = QWidget()
        row = QHBoxLayout(exports)
        metrics(row, 0, "gap")
        row.addWidget(label(self.tr("Save:"), "section", wrap=False))
        for button in (self.pdf_button, self.csv_button, self.zengin_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.banks_button)
        body = page(self.heading, self.grid_box, self.total, self.note, exports,
                    ActionBar(self.close_button, self.open_button), stretch_at=4)
        self.frame(self.tr("Settle with shops"), body)
        self._show(None)

    @property
    def settlements(self) -> Any:
        return self.ctx.office.settlements

    def entered(self) -> None:
        if self.result_shown() or self.offline_first():
            return
        self.reload()

    def reload(self) -> None:
        st = self.settlements
        def work() -> dict[str, Any] | None:
            items = st.list()
            return st.view(items[0]["id"]) if items else None

        self.run(work, self._show)

    def _show(self, s: dict[str, Any] | None) -> None:
        self.current = s
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        is_open = s is not None and s["status"] == "open"
        closed = s is not None and s["status"] == "closed"
        self.open_button.setEnabled(not is_open)
        self.close_button.setEnabled(is_open)
        for button in (self.csv_button, self.zengin_button):
            button.setEnabled(closed)
        self.pdf_button.setEnabled(s is not None)
        if s is None:
            self.heading.setText(self.tr("No settlement yet: open the first period."))
            self.total.setText("")
            self.note.setText("")
            return
        period = self.tr("%1 to %2").replace("%1", format_date(date.fromisoformat(s["from"]))).replace(
            "%2", format_date(date.fromisoformat(s["to"])))
        state = self.tr("closed — cannot change") if closed else self.tr("open — figures so far")
        self.heading.setText(self.tr("Settlement %1: %2 (%3)").replace("%1", str(s["id"])).replace(
            "%2", period).replace("%3", state))
        headers = [self.tr("Shop"), self.tr("Card"), self.tr("Vouchers QR"), self.tr("Vouchers paper"),
                   self.tr("Exchange"), self.tr("Reversals"), self.tr("Late"), self.tr("Conflicts"), self.tr("To pay")]
        for col, text in enumerate(headers):
            self.grid.addWidget(label(text, "fieldLabel"), 0, col)
        late_total = 0
        for row, line in enumerate(s["shops"][:MAX_ROWS], start=1):
            late_total += int(line["late"]["count"])
            cells = [line["shop_name"], f"{line['payment']['points']:,}", f"{line['voucher_scan']['points']:,}",
                     f"{line['voucher_paper']['points']:,}", f"{line['exchange']['points']:,}",
                     f"{-int(line['reversal']['points']):,}", str(line["late"]["count"]), _conflicts(line),
                     f"{int(line['amount_due']):,}"]
            for col, text in enumerate(cells):
                self.grid.addWidget(label(text, None, wrap=False), row, col)
        if len(s["shops"]) > MAX_ROWS:
            self.grid.addWidget(label(self.tr("… and %1 more shops in the statements").replace(
                "%1", str(len(s["shops"]) - MAX_ROWS)), "muted"), MAX_ROWS + 1, 0, 1, len(headers))
        self.total.setText(self.tr("Total to pay: %1").replace("%1", yen(int(s["total_due"]))))
        notes = []
        if late_total:
            notes.append(self.tr("%1 operations were synced after the previous close and are counted here (Late).")
                         .replace("%1", str(late_total)))
        if is_open:
            notes.append(self.tr("Anything that reaches the cloud after the close goes into the next period."))
        self.note.setText(" ".join(notes))

    def _open(self) -> None:
        st = self.settlements
        def work() -> dict[str, Any]:
            first, last = st.next_period(today_jst())
            return dict(st.open(first, last))

        self.run(work, self._show)

    def _close(self) -> None:
        s = self.current
        if s is None:
            return
        st = self.settlements
        self.run(lambda: st.close(int(s["id"])), self._closed)

    def _closed(self, s: dict[str, Any]) -> None:
        self._show(s)
        self.done(self.tr("Period closed"), self.tr("These figures cannot change any more. Save the statements, "
                                                    "the CSV and the bank transfer file."),
                  amount=yen(int(s["total_due"])), actions=[
                      Action(self.tr("Back to the settlement"), self.close_result, primary=True)])

    def _saved(self, what: str) -> Any:
        return lambda path: self.done(what, self.tr("Saved: %1").replace("%1", Path(path).name), actions=[
            Action(self.tr("Back to the settlement"), self.close_result, primary=True)])

    def _pdf(self) -> None:
        s = self.current
        if s is not None:
            st = self.settlements
            self.run(lambda: st.save_statements(s), self._saved(self.tr("Statements saved")))

    def _csv(self) -> None:
        s = self.current
        if s is not None:
            st = self.settlements
            self.run(lambda: st.save_csv(int(s["id"])), self._saved(self.tr("CSV saved")))

    def _zengin(self) -> None:
        s = self.current
        if s is None:
            return
        when = today_jst() + timedelta(days=3)
        st = self.settlements
        self.run(lambda: st.save_zengin(int(s["id"]), when),
                 self._saved(self.tr("Bank transfer file saved (transfer on %1)").replace("%1", format_date(when))))


def _conflicts(line: dict[str, Any]) -> str:
    """The shop's conflicts and the points deducted for them from what it took (the cloud's settlement lines)."""
    conflict = line.get("conflict") or {"count": 0, "points": 0}
    points = int(conflict.get("points") or 0)
    return f"{conflict['count']} (−{points:,})" if points else str(conflict["count"])
