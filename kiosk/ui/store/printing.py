"""Printing from the shop's screens: a receipt (payment, redemption, reversal) or the day-end slip goes to the
shop's ESC/POS receipt printer when one is set (KIOSK_RECEIPT_PRINTER), otherwise to the system printer chosen in
the Qt print dialog (kiosk.printing.receipt_qt paints the slip, text as text). The 80 mm PDF record is saved
either way (StoreRecords)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.ui.design.result_panel import Action
from kiosk.ui.store.base import StoreScreen


class PrintingScreen(StoreScreen):
    """A shop screen that prints slips; `choose_printer` is the one place a dialog opens (tests replace it)."""

    def choose_printer(self) -> Any:
        """The system printer the shop picks in the Qt print dialog (None: cancelled)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_slips(self, slips: list[Any], done: str) -> None:
        """The system printer: the dialog, then the slips painted on the printer chosen (on the GUI thread);
        `done` says it, %1 the number of pages."""
        printer = self.choose_printer()
        if printer is None:
            return
        from kiosk.printing.receipt_qt import print_slips

        try:
            pages = print_slips(slips, printer)
        except RuntimeError:
            from kiosk.services.errors import ServiceError

            self.printed(ServiceError("printer_unavailable"))
            return
        self.printed(done.replace("%1", str(pages)))

    def printed(self, outcome: object) -> None:
        """Where a print's outcome is said (a screen with a result panel: its extra line)."""
        from kiosk.services.errors import ServiceError

        if isinstance(outcome, ServiceError):
            from kiosk.ui.store.messages import said

            message = said(outcome)
            self.result_panel.set_extra(f"⚠ {message.headline}: {message.detail}")
        else:
            self.result_panel.set_extra(str(outcome))


class ReceiptScreen(PrintingScreen):
    """A screen whose result offers "Print receipt" for `current_receipt()`."""

    def current_receipt(self) -> Any:
        """The receipt of the outcome shown (None: nothing to print)."""
        return None

    def receipt_action(self) -> Action:
        return Action(QCoreApplication.translate("StorePrinting", "Print receipt"), self.print_receipt)

    def print_receipt(self) -> None:
        receipt = self.current_receipt()
        if receipt is None:
            return
        timer = getattr(self.result_panel, "_timer", None)
        if timer is not None:
            timer.stop()  # the shop is looking at it: do not close under the print
        records = self.records
        if records.printer is not None:  # the receipt printer: ESC/POS on a worker thread
            done = QCoreApplication.translate("StorePrinting", "Receipt printed.")
            self.runner.run(lambda: records.print_receipt(receipt), lambda _path: self.printed(done), self.printed)
            return
        from kiosk.printing.receipts import receipt_slip

        self.runner.run(lambda: records.print_receipt(receipt), lambda _path: None, self.printed)  # the PDF record
        self.print_slips([receipt_slip(receipt)],
                         QCoreApplication.translate("StorePrinting", "Receipt sent to the printer."))
