"""The office's home: the office clerk logs in (the cloud's staff session, bound to this terminal), then the tasks
as tiles (kiosk/ui/staff_home.py). Offline is said here first: every office task needs the cloud."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.format import yen
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.staff_home import StaffHome, StaffHomeTexts


class OfficeHome(StaffHome, OfficeScreen):
    name = "office_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        texts = StaffHomeTexts(
            title=self.tr("Commerce-association office"), back=self.tr("Back to the role chooser"),
            intro=self.tr("An office clerk logs in to issue vouchers, reconcile and settle."),
            code=self.tr("Office staff code"), password=self.tr("Password"), log_in=self.tr("Log in"),
            log_out=self.tr("Log out"))
        tasks = [
            ("office_issue", self.tr("Issue vouchers"), self.tr("From the resident's balance, with the card and PIN")),
            ("office_manage", self.tr("Re-print or void"), self.tr("A voucher by its number; damaged: void and "
                                                                    "re-issue")),
            ("office_reconcile", self.tr("Reconcile a bundle"), self.tr("Paper vouchers a shop brings in")),
            ("office_desk", self.tr("Exchange desk"), self.tr("Gift certificates, point card, points for cash")),
            ("office_settle", self.tr("Settle with shops"), self.tr("Close a period, statements, CSV, bank "
                                                                    "transfer file")),
        ]
        self.build("office", texts, tasks, columns=2)

    def entered(self) -> None:
        self.close_result()
        logged_in = self.ctx.office is not None and self.service.staff is not None
        self.stack.setCurrentWidget(self.tasks_page if logged_in else self.login_page)
        if not logged_in:
            self.offline_first()
        elif self.service.staff is not None:
            self.clerk.setText(self.tr("Logged in: %1").replace("%1", str(self.service.staff.get("name") or "")))
            self._cash_today()

    def _logged_in(self, staff: Any) -> None:
        self.clerk.setText(self.tr("Logged in: %1").replace("%1", str(staff.get("name") or "")))
        self.stack.setCurrentWidget(self.tasks_page)
        self._cash_today()

    def _cash_today(self) -> None:
        """The day-end figure the till needs: cash taken for points today (the whole office)."""
        from kiosk.ui.office.settle import today_jst

        svc, day, name = self.service, today_jst(), self.clerk.text()
        self.run(lambda: svc.cash_day(day), lambda figures: self.clerk.setText(
            name + "　" + self.tr("Cash for points today: %1 (%2 sales)").replace(
                "%1", yen(int(figures["yen"]))).replace("%2", str(figures["count"]))), lambda _e: None)
