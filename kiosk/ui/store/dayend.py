"""Day end: the shop's settlement for today, yesterday, this week or this month — payments, reversals and
vouchers per day and for the period, the amount due in 40 px, pending (offline) items and conflicts to look at;
printed on the receipt printer, saved as A4 PDF, exported as CSV (UTF-8 with BOM, so Excel opens it)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.printing.settlement import KINDS, Settlement
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.format import format_date, points
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import page
from kiosk.ui.store.printing import PrintingScreen
from kiosk.ui.theme import label

JST = timezone(timedelta(hours=9))
MAX_DAY_ROWS = 7


def period(choice: str, today: date) -> tuple[date, date]:
    if choice == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if choice == "week":
        return today - timedelta(days=today.weekday()), today
    if choice == "month":
        return today.replace(day=1), today
    return today, today


class DayEndScreen(PrintingScreen):
    name = "store_dayend"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.settlement: Settlement | None = None
        self.last_file: Path | None = None
        self.periods = Segmented([(self.tr("Today"), "today"), (self.tr("Yesterday"), "yesterday"),
                                  (self.tr("This week"), "week"), (self.tr("This month"), "month")])
        self.periods.setObjectName("dayendPeriod")
        self.periods.changed.connect(lambda _d: self.load())
        self.period_label = label("", "section", name="dayendPeriodText")
        self.table = QWidget()
        self.table.setObjectName("dayendTable")
        self.grid = QGridLayout(self.table)
        metrics(self.grid, 0, "tight")
        self.due = label("", "big", name="dayendDue")
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.notes = label("", "warning", name="dayendNotes")
        self.notes.hide()
        self.status_line = label("", "muted", name="dayendStatus")
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("dayendPrint")
        self.print_button.clicked.connect(self.print_slip)
        self.pdf_button = QPushButton(self.tr("A4 PDF"))
        self.pdf_button.setObjectName("dayendPdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton(self.tr("CSV"))
        self.csv_button.setObjectName("dayendCsv")
        self.csv_button.clicked.connect(self.save_csv)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(False)
        body = page(self.periods, self.period_label, self.table, self.due, self.notes, self.status_line,
                    ActionBar(self.print_button, self.csv_button, self.pdf_button))
        self.frame(self.tr("Day end"), body)

    def entered(self) -> None:
        self.close_result()
        if self.periods.currentIndex() < 0:
            self.periods.setCurrentIndex(0)  # loads through `changed`
        else:
            self.load()

    def load(self) -> None:
        first, last = period(str(self.periods.currentData() or "today"), datetime.now(JST).date())
        text = format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"
        self.period_label.setText(text)
        self.status_line.setText(self.tr("Loading…"))
        records = self.records
        self.runner.run(lambda: records.settlement(first, last), self._loaded, self._failed)

    def _failed(self, error: object) -> None:
        from kiosk.services.errors import ServiceError

        assert isinstance(error, ServiceError)
        self.status_line.setText("")
        self.show_result(self.refusal(error, [Action(self.tr("Try again"), self.entered),
                                              Action(self.tr("Back to the menu"), self._home, primary=True)]))

    def _home(self) -> None:
        self.close_result()
        self.navigate.emit("store_home")

    def _cell(self, text: str, row: int, col: int, bold: bool = False) -> None:
        cell = QLabel(text)
        cell.setProperty("role", "section" if bold else None)
        if col:
            cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.addWidget(cell, row, col)

    def _loaded(self, settlement: object) -> None:
        assert isinstance(settlement, Settlement)
        self.settlement = settlement
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        heads = [self.tr("Day"), self.tr("Card payments"), self.tr("Reversals"), self.tr("Vouchers"),
                 self.tr("Net")]
        for col, text in enumerate(heads):
            self._cell(text, 0, col, bold=True)
        days = list(settlement.per_day().items())[-MAX_DAY_ROWS:]
        for row, (day, t) in enumerate(days, start=1):
            self._cell(format_date(day), row, 0)
            for col, kind in enumerate(KINDS, start=1):
                sign = "−" if kind == "reversal" and t.points[kind] else ""
                self._cell(f"{t.count[kind]} · {sign}{points(t.points[kind])}", row, col)
            self._cell(points(t.net), row, 4)
        total = settlement.totals()
        row = len(days) + 1
        self._cell(self.tr("Period"), row, 0, bold=True)
        for col, kind in enumerate(KINDS, start=1):
            sign = "−" if kind == "reversal" and total.points[kind] else ""
            self._cell(f"{total.count[kind]} · {sign}{points(total.points[kind])}", row, col, bold=True)
        self._cell(points(total.net), row, 4, bold=True)
        self.due.setText(self.tr("Amount due: %1").replace("%1", points(total.net)))
        notes = []
        if total.pending:
            notes.append(self.tr("⚠ %n item(s) pending (offline): counted here, confirmed by the cloud when the "
                                 "connection returns.", "", total.pending))
        if settlement.conflicts:
            notes.append(self.tr("⚠ %n conflict(s) to look at with the office: %1", "", len(settlement.conflicts))
                         .replace("%1", "; ".join(c.description for c in settlement.conflicts[:2])))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.status_line.setText("" if settlement.items else self.tr("Nothing in this period."))
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(True)

    # --- outputs ----------------------------------------------------------------------------------------------
    def _output(self, fn: object, done_text: str) -> None:
        s = self.settlement
        if s is None:
            return

        def ok(path: object) -> None:
            self.last_file = path if isinstance(path, Path) else None
            self.status_line.setText(done_text.replace("%1", str(path)))

        self.runner.run(lambda: fn(s), ok, self._failed)  # type: ignore[operator]

    def print_slip(self) -> None:
        """On the receipt printer when one is set; otherwise on the system printer (Qt print dialog). The slip is
        saved as a PDF either way."""
        if self.records.printer is not None:
            self._output(self.records.print_settlement, self.tr("Printed (saved as %1)."))
            return
        s = self.settlement
        if s is None:
            return
        from kiosk.printing.settlement import settlement_slip

        records = self.records
        self.runner.run(lambda: records.print_settlement(s), lambda _path: None, self._failed)  # the PDF record
        self.print_slips([settlement_slip(s)], self.tr("Sent to the printer: %1 page(s)."))

    def printed(self, outcome: object) -> None:
        from kiosk.services.errors import ServiceError

        if isinstance(outcome, ServiceError):
            self._failed(outcome)
        else:
            self.status_line.setText(str(outcome))

    def save_pdf(self) -> None:
        self._output(self._pdf_only, self.tr("A4 PDF saved: %1"))

    def _pdf_only(self, s: Settlement) -> Path:
        from kiosk.printing.settlement import save_settlement_pdf

        return save_settlement_pdf(s, self.records._path("settlement", "pdf"))

    def save_csv(self) -> None:
        self._output(self.records.export_csv, self.tr("CSV saved: %1"))

    def clear(self) -> None:
        """A shop's records are not a resident's: a session wipe leaves this screen as it is."""
