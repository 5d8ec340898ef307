"""Staff login (per department)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.services.staff import StaffMember
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.screen import Screen


class StaffLogin(Screen):
    name = "login"
    back_target = "roles"
    logged_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.code_field = Field(self.tr("Staff code"))
        self.code = self.code_field.edit
        self.code.setObjectName("staffCode")
        self.password_field = Field(self.tr("Password"))
        self.password = self.password_field.edit
        self.password.setObjectName("staffPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self._login)
        self.password.returnPressed.connect(self._login)
        for edit in (self.code, self.password):
            edit.textChanged.connect(self._validate)
        form = QWidget()
        sized(form, max_w=560)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(self.code_field)
        column.addWidget(self.password_field)
        column.addWidget(self.error_label)
        column.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(form, 1)
        layout.addWidget(ActionBar(self.login_button))
        self.frame(self.tr("Staff login"), body, back=self.tr("Back"))
        self._validate()

    def _validate(self) -> None:
        self.login_button.setEnabled(bool(self.code.text().strip() and self.password.text()))

    def entered(self) -> None:
        self.code.setFocus()

    def _login(self) -> None:
        code, password = self.code.text(), self.password.text()
        if not (code.strip() and password):
            return
        self.hide_error()
        self.login_button.setEnabled(False)

        def done(member: object) -> None:
            assert isinstance(member, StaffMember)
            self.password.clear()
            self.logged_in.emit(member)

        def failed(error: object) -> None:
            self.password.clear()
            self.show_inline_error(error)  # type: ignore[arg-type]

        self.ctx.runner.run(lambda: self.ctx.services.staff.login(code, password), done, failed)

    def clear(self) -> None:
        super().clear()
        self.password.clear()
