"""The administration home: the admin clerk logs in (the cloud's staff session, bound to this terminal), then the
tasks as tiles. Offline is said first: every administration task needs the cloud."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.admin.base import AdminScreen
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Tile
from kiosk.ui.design.field import Field
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.screen import page
from kiosk.ui.theme import label


class AdminHome(AdminScreen):
    name = "admin_home"
    back_target = "roles"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = PageStack()
        self.login_page = self._login_page()
        self.tasks_page = self._tasks_page()
        self.stack.addWidget(self.login_page)
        self.stack.addWidget(self.tasks_page)
        self.frame(self.tr("Administration"), self.stack, back=self.tr("Back to the role chooser"))

    def _login_page(self) -> QWidget:
        self.code_field = Field(self.tr("Administrator staff code"))
        self.code_field.edit.setObjectName("adminStaffCode")
        self.password_field = Field(self.tr("Password"))
        self.password_field.edit.setObjectName("adminStaffPassword")
        self.password_field.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("adminLogin")
        self.login_button.clicked.connect(self._login)
        self.password_field.edit.returnPressed.connect(self._login)
        for edit in (self.code_field.edit, self.password_field.edit):
            edit.textChanged.connect(self._validate)
        self.login_button.setEnabled(False)
        form = QWidget()
        sized(form, max_w=560)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(label(self.tr("A clerk of general management (総合管理担当課) logs in to set up "
                                       "programmes, shops and terminals and to read the reports."), "muted"))
        column.addWidget(self.code_field)
        column.addWidget(self.password_field)
        return page(form, ActionBar(self.login_button))

    def _tasks_page(self) -> QWidget:
        self.clerk = label("", "muted", name="adminClerk")
        grid = QGridLayout()
        metrics(grid, 0, "gap")
        self.tiles: dict[str, Tile] = {}
        tasks = [
            ("admin_setup", self.tr("Set up"), self.tr("Point types, programmes, measures, shops, vouchers, staff")),
            ("admin_terminals", self.tr("Terminals"), self.tr("Enrol with a one-time code, last contact, revoke")),
            ("admin_review", self.tr("Post-review"), self.tr("Applications waiting: approve or reject in bulk")),
            ("admin_accounts", self.tr("Reserved points and events"), self.tr("Sweep past the deadline; "
                                                                              "support-event accounts")),
            ("admin_history", self.tr("Change history"), self.tr("Who changed what, before and after")),
            ("admin_reports", self.tr("Reports"), self.tr("Monthly and yearly, charts, CSV, PDF, accounting data")),
        ]
        for i, (target, text, sub) in enumerate(tasks):
            tile = Tile(text, sub)
            tile.setObjectName(f"task_{target}")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, t=target: self.navigate.emit(t))
            self.tiles[target] = tile
            grid.addWidget(tile, i // 3, i % 3)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("adminLogout")
        self.logout_button.clicked.connect(self._logout)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.clerk)
        layout.addLayout(grid, 1)
        layout.addWidget(ActionBar(None, self.logout_button))
        return body

    def entered(self) -> None:
        self.close_result()
        logged_in = self.ctx.admin is not None and self.service.staff is not None
        self.stack.setCurrentWidget(self.tasks_page if logged_in else self.login_page)
        if not logged_in and self.ctx.admin is not None and not self.service.online():
            self.show_result(self.error_result(
                self.tr("Administration needs the cloud and it cannot be reached now."),
                actions=[Action(self.tr("Check again"), self.entered, primary=True)], headline=self.tr("Offline")))

    def _validate(self) -> None:
        self.login_button.setEnabled(bool(self.code_field.text() and self.password_field.text()))

    def _login(self) -> None:
        if not self.login_button.isEnabled():
            return
        code, password = self.code_field.text().strip(), self.password_field.text()
        self.password_field.edit.clear()
        self.login_button.setEnabled(False)
        svc = self.service

        self.run(lambda: svc.login(code, password), self._logged_in)

    def _logged_in(self, staff: Any) -> None:
        self.clerk.setText(self.tr("Logged in: %1 — %2").replace("%1", str(staff.get("name") or ""))
                           .replace("%2", self.service.municipality))
        self.stack.setCurrentWidget(self.tasks_page)

    def _logout(self) -> None:
        self.run(self.service.logout, lambda _r: self.entered())
