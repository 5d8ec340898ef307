"""Staff login (per department)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.services.staff import StaffMember
from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import primary, title


class StaffLogin(Screen):
    name = "login"
    logged_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.code = QLineEdit()
        self.code.setObjectName("staffCode")
        self.password = QLineEdit()
        self.password.setObjectName("staffPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = primary(QPushButton(self.tr("Log in")))
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self._login)
        self.password.returnPressed.connect(self._login)
        form = QFormLayout()
        form.addRow(self.tr("Staff code"), self.code)
        form.addRow(self.tr("Password"), self.password)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.navigate.emit("roles"))
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Staff login")))
        layout.addLayout(form)
        layout.addWidget(self.login_button)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)

    def entered(self) -> None:
        self.code.setFocus()

    def _login(self) -> None:
        code, password = self.code.text(), self.password.text()
        self.hide_error()
        self.login_button.setEnabled(False)

        def done(member: object) -> None:
            assert isinstance(member, StaffMember)
            self.login_button.setEnabled(True)
            self.password.clear()
            self.logged_in.emit(member)

        def failed(error: object) -> None:
            self.login_button.setEnabled(True)
            self.password.clear()
            self.show_error(error)  # type: ignore[arg-type]

        self.ctx.runner.run(lambda: self.ctx.services.staff.login(code, password), done, failed)

    def clear(self) -> None:
        super().clear()
        self.password.clear()
