"""The office's home: the office clerk logs in (the cloud's staff session, bound to this terminal), then the tasks
as tiles. Offline is said here first: every office task needs the cloud."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Tile
from kiosk.ui.design.field import Field
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.screen import page
from kiosk.ui.theme import label


class OfficeHome(OfficeScreen):
    name = "office_home"
    back_target = "roles"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = PageStack()
        self.login_page = self._login_page()
        self.tasks_page = self._tasks_page()
        self.stack.addWidget(self.login_page)
        self.stack.addWidget(self.tasks_page)
        self.frame(self.tr("Commerce-association office"), self.stack, back=self.tr("Back to the role chooser"))

    def _login_page(self) -> QWidget:
        self.code_field = Field(self.tr("Office staff code"))
        self.code_field.edit.setObjectName("officeStaffCode")
        self.password_field = Field(self.tr("Password"))
        self.password_field.edit.setObjectName("officeStaffPassword")
        self.password_field.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("officeLogin")
        self.login_button.clicked.connect(self._login)
        self.password_field.edit.returnPressed.connect(self._login)
        for edit in (self.code_field.edit, self.password_field.edit):
            edit.textChanged.connect(self._validate)
        self.login_button.setEnabled(False)
        form = QWidget()
        sized(form, max_w=560)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(label(self.tr("An office clerk logs in to issue vouchers, reconcile and settle."), "muted"))
        column.addWidget(self.code_field)
        column.addWidget(self.password_field)
        return page(form, ActionBar(self.login_button))

    def _tasks_page(self) -> QWidget:
        self.clerk = label("", "muted", name="officeClerk")
        grid = QGridLayout()
        metrics(grid, 0, "gap")
        self.tiles: dict[str, Tile] = {}
        tasks = [
            ("office_issue", self.tr("Issue vouchers"), self.tr("From the resident's balance, with the card and PIN")),
            ("office_manage", self.tr("Re-print or void"), self.tr("A voucher by its number; damaged: void and "
                                                                    "re-issue")),
            ("office_reconcile", self.tr("Reconcile a bundle"), self.tr("Paper vouchers a shop brings in")),
            ("office_desk", self.tr("Exchange desk"), self.tr("Gift certificates, point card, points for cash")),
            ("office_settle", self.tr("Settle with shops"), self.tr("Close a period, statements, CSV, bank "
                                                                    "transfer file")),
        ]
        for i, (target, text, sub) in enumerate(tasks):
            tile = Tile(text, sub)
            tile.setObjectName(f"task_{target}")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, t=target: self.navigate.emit(t))
            self.tiles[target] = tile
            grid.addWidget(tile, i // 2, i % 2)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("officeLogout")
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
        logged_in = self.ctx.office is not None and self.service.staff is not None
        self.stack.setCurrentWidget(self.tasks_page if logged_in else self.login_page)
        if not logged_in:
            self.offline_first()
        elif self.service.staff is not None:
            self.clerk.setText(self.tr("Logged in: %1").replace("%1", str(self.service.staff.get("name") or "")))
            self._cash_today()

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
        self.clerk.setText(self.tr("Logged in: %1").replace("%1", str(staff.get("name") or "")))
        self.stack.setCurrentWidget(self.tasks_page)
        self._cash_today()

    def _cash_today(self) -> None:
        """The day-end figure the till needs: cash taken for points today (the whole office)."""
        from kiosk.ui.office.settle import today_jst

        svc, day, name = self.service, today_jst(), self.clerk.text()
        self.run(lambda: svc.cash_day(day), lambda figures: self.clerk.setText(
            name + "　" + self.tr("Cash for points today: %1 yen (%2 sales)").replace(
                "%1", f"{int(figures['yen']):,}").replace("%2", str(figures["count"]))), lambda _e: None)

    def _logout(self) -> None:
        self.run(self.service.logout, lambda _r: self.entered())
