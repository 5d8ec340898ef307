"""What every office screen shares: the office terminal (`ctx.office`), its own operation runner, the resident's
card + PIN step, and outcomes through the result panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.ops import OpRunner
from kiosk.ui.screen import Screen
from kiosk.ui.theme import label


def centred(text: str, role: str, name: str | None = None) -> QLabel:
    widget = label(text, role, name=name)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class OfficeScreen(Screen):
    back_target = "office_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = OpRunner(lambda: 0, parent=self)

    @property
    def terminal(self) -> Any:
        return self.ctx.office

    @property
    def service(self) -> Any:
        return self.ctx.office.service

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[ServiceError], None] | None = None) -> None:
        self.runner.run(fn, done, failed or self.show_error)

    def done(self, headline: str, detail: str = "", amount: str = "", actions: list[Action] | None = None,
             kind: str = "success") -> None:
        self.show_result(Result(kind, headline, detail, amount=amount, actions=actions or [
            Action(self.tr("Back to the office menu"), lambda: self.navigate.emit("office_home"), primary=True)]))

    def offline_first(self) -> bool:
        """Say "offline" before a task starts (the office works online only). True when offline."""
        if self.ctx.office is not None and not self.service.online():
            self.show_result(self.error_result(
                self.tr("The office needs the cloud and it cannot be reached now. Nothing has been started."),
                actions=[Action(self.tr("Check again"), self._recheck, primary=True),
                         Action(self.tr("Back to the office menu"), lambda: self.navigate.emit("office_home"))],
                headline=self.tr("Offline")))
            return True
        return False

    def print_saved(self, path: str) -> None:
        """The saved PDF through the Qt print dialog (the office's laser printer); the PDF stays saved either way."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.send_to_printer(path, printer)

    def send_to_printer(self, path: str, printer: Any) -> int:
        from kiosk.printing.qt import print_pdf

        pages = print_pdf(path, printer)
        self.result_panel.set_extra(self.tr("Sent to the printer: %1 pages").replace("%1", str(pages)))
        return pages

    def _recheck(self) -> None:
        self.close_result()
        self.entered()
