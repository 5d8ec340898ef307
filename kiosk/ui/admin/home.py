"""The administration home: the admin clerk logs in (the cloud's staff session, bound to this terminal), then the
tasks as tiles (kiosk/ui/staff_home.py). Offline is said first: every administration task needs the cloud."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.ui.admin.base import AdminScreen
from kiosk.ui.context import UiContext
from kiosk.ui.design.result_panel import Action
from kiosk.ui.staff_home import StaffHome, StaffHomeTexts


class AdminHome(StaffHome, AdminScreen):
    name = "admin_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        texts = StaffHomeTexts(
            title=self.tr("Administration"), back=self.tr("Back to the role chooser"),
            intro=self.tr("A clerk of general management (総合管理担当課) logs in to set up "
                          "programmes, shops and terminals and to read the reports."),
            code=self.tr("Administrator staff code"), password=self.tr("Password"), log_in=self.tr("Log in"),
            log_out=self.tr("Log out"))
        tasks = [
            ("admin_setup", self.tr("Set up"), self.tr("Point types, programmes, measures, shops, vouchers, staff")),
            ("admin_terminals", self.tr("Terminals"), self.tr("Enrol with a one-time code, last contact, revoke")),
            ("admin_review", self.tr("Post-review"), self.tr("Applications waiting: approve or reject in bulk")),
            ("admin_accounts", self.tr("Reserved points and events"), self.tr("Sweep past the deadline; "
                                                                              "support-event accounts")),
            ("admin_history", self.tr("Change history"), self.tr("Who changed what, before and after")),
            ("admin_reports", self.tr("Reports"), self.tr("Monthly and yearly, charts, CSV, PDF, accounting data")),
        ]
        self.build("admin", texts, tasks, columns=3)

    def entered(self) -> None:
        self.close_result()
        logged_in = self.ctx.admin is not None and self.service.staff is not None
        self.stack.setCurrentWidget(self.tasks_page if logged_in else self.login_page)
        if not logged_in and self.ctx.admin is not None and not self.service.online():
            self.show_result(self.error_result(
                self.tr("Administration needs the cloud and it cannot be reached now."),
                actions=[Action(self.tr("Check again"), self.entered, primary=True)], headline=self.tr("Offline")))

    def _logged_in(self, staff: Any) -> None:
        self.clerk.setText(self.tr("Logged in: %1 — %2").replace("%1", str(staff.get("name") or ""))
                           .replace("%2", self.service.municipality))
        self.stack.setCurrentWidget(self.tasks_page)
