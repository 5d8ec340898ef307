"""A voucher by its 13-digit number (発券番号, read from the paper): re-print (the copy says 再発行 and the audit log
records who), void (the points go back to the same lots), or void and re-issue in one step for a damaged voucher
(the points move straight to the new voucher)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.services.office import IssuedVoucher
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import points
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.screen import page
from kiosk.ui.theme import label


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class ManageScreen(OfficeScreen):
    name = "office_manage"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.number_field = Field(self.tr("Voucher number (13 digits)"), "0000 0000 0000 0")
        self.number_field.edit.setObjectName("voucherNumber")
        self.number_field.edit.textChanged.connect(self._validate)
        self.reprint_button = QPushButton(self.tr("Re-print"))
        self.reprint_button.setObjectName("reprintVoucher")
        self.reprint_button.clicked.connect(self._reprint)
        self.void_button = QPushButton(self.tr("Void"))
        self.void_button.setObjectName("voidVoucher")
        self.void_button.clicked.connect(self._void)
        self.reissue_button = QPushButton(self.tr("Void and re-issue"))
        self.reissue_button.setObjectName("reissueVoucher")
        self.reissue_button.clicked.connect(self._reissue)
        form = QWidget()
        sized(form, max_w=640)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(label(self.tr("Re-print: the same voucher again, marked as a re-print. Void: the points go "
                                       "back to the resident. Damaged: void and re-issue in one step."), "muted"))
        column.addWidget(self.number_field)
        self._validate()
        self.frame(self.tr("Re-print or void a voucher"), page(
            form, ActionBar(self.reprint_button, self.void_button, self.reissue_button)))

    def entered(self) -> None:
        if not self.result_shown():
            self.offline_first()

    def number(self) -> str:
        return digits(self.number_field.text())

    def _validate(self) -> None:
        ok = len(self.number()) == 13
        for button in (self.reprint_button, self.void_button, self.reissue_button):
            button.setEnabled(ok)
        if ok:
            self.number_field.set_ok(self.tr("13 digits"))
        elif self.number():
            self.number_field.set_error(self.tr("A voucher number has 13 digits (%1 so far)")
                                        .replace("%1", str(len(self.number()))))
        else:
            self.number_field.set_state(None)

    def _again(self, path: str | None = None) -> list[Action]:
        printing = [Action(self.tr("Print…"), lambda: self.print_saved(path))] if path else []
        return [Action(self.tr("Another voucher"), self._another, primary=True), *printing,
                Action(self.tr("Back to the office menu"), lambda: self.navigate.emit("office_home"))]

    def _another(self) -> None:
        self.number_field.edit.clear()
        self.close_result()

    def _reprint(self) -> None:
        number = self.number()

        svc = self.service

        def work() -> tuple[IssuedVoucher, str]:
            copy = svc.reprint(number)
            return copy, str(svc.print_vouchers([copy], "a4"))

        self.run(work, self._reprinted)

    def _reprinted(self, value: Any) -> None:
        copy, path = value
        self.done(self.tr("Re-printed (copy %1)").replace("%1", str(copy.copy)),
                  self.tr("Marked 再発行 on the paper and recorded. Saved: %1").replace("%1", Path(path).name),
                  amount=points(copy.points), actions=self._again(path))

    def _void(self) -> None:
        number = self.number()
        svc = self.service
        self.run(lambda: svc.void(number), self._voided)

    def _voided(self, result: Any) -> None:
        self.done(self.tr("Voucher voided"), self.tr("The points went back to the resident's balance. Keep the "
                                                     "paper with the office's records."),
                  amount="+" + points(int(result.get("points_restored") or 0)), actions=self._again())

    def _reissue(self) -> None:
        number = self.number()

        svc = self.service

        def work() -> tuple[str, IssuedVoucher, str]:
            old, new = svc.reissue(number)
            return old, new, str(svc.print_vouchers([new], "a4"))

        self.run(work, self._reissued)

    def _reissued(self, value: Any) -> None:
        old, new, path = value
        self.done(self.tr("Re-issued as %1").replace("%1", new.number),
                  self.tr("%1 is void. The new voucher is saved: %2. Stamp it with the issuing seal.")
                  .replace("%1", old).replace("%2", Path(path).name), amount=points(new.points),
                  actions=self._again(path))
