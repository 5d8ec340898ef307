"""The home of a staff role that works on the cloud (the office, the administration): the clerk logs in (the cloud's
staff session, bound to this terminal), then the role's tasks as tiles and a log-out button.

A role's home derives from `StaffHome` and its own screen base (`class OfficeHome(StaffHome, OfficeScreen)`, which
gives `service` and `run`), passes its texts through its own `tr()` (their translations stay under its name) and
says what `entered()` and `_logged_in()` show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import task_tiles
from kiosk.ui.design.field import Field
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics, sized
from kiosk.ui.screen import Screen, page
from kiosk.ui.theme import label

if TYPE_CHECKING:
    from kiosk.services.errors import ServiceError


@dataclass(frozen=True)
class StaffHomeTexts:
    """What the home says, translated by the role's screen."""

    title: str
    back: str
    intro: str
    code: str
    password: str
    log_in: str
    log_out: str


class StaffHome(Screen):
    back_target = "roles"

    if TYPE_CHECKING:  # given by the role's screen base (AdminScreen, OfficeScreen)
        @property
        def service(self) -> Any: ...

        def run(self, fn: Callable[[], Any], done: Callable[[Any], None],
                failed: Callable[[ServiceError], None] | None = None) -> None: ...

    def build(self, role: str, texts: StaffHomeTexts, tasks: Sequence[tuple[str, str, str]], columns: int) -> None:
        """The login page and the tasks page (tiles `tasks`: target, text, sub-text, `columns` a row) in the frame.
        Object names start with `role` ("officeLogin", "adminClerk")."""
        self.stack = PageStack()
        self.login_page = self._login_page(role, texts)
        self.tasks_page = self._tasks_page(role, texts, tasks, columns)
        self.stack.addWidget(self.login_page)
        self.stack.addWidget(self.tasks_page)
        self.frame(texts.title, self.stack, back=texts.back)

    def _login_page(self, role: str, texts: StaffHomeTexts) -> QWidget:
        self.code_field = Field(texts.code)
        self.code_field.edit.setObjectName(f"{role}StaffCode")
        self.password_field = Field(texts.password)
        self.password_field.edit.setObjectName(f"{role}StaffPassword")
        self.password_field.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_button = QPushButton(texts.log_in)
        self.login_button.setObjectName(f"{role}Login")
        self.login_button.clicked.connect(self._login)
        self.password_field.edit.returnPressed.connect(self._login)
        for edit in (self.code_field.edit, self.password_field.edit):
            edit.textChanged.connect(self._validate)
        self.login_button.setEnabled(False)
        form = QWidget()
        sized(form, max_w=560)
        column = QVBoxLayout(form)
        metrics(column, 0, "gap")
        column.addWidget(label(texts.intro, "muted"))
        column.addWidget(self.code_field)
        column.addWidget(self.password_field)
        return page(form, ActionBar(self.login_button))

    def _tasks_page(self, role: str, texts: StaffHomeTexts, tasks: Sequence[tuple[str, str, str]],
                    columns: int) -> QWidget:
        self.clerk = label("", "muted", name=f"{role}Clerk")
        grid, self.tiles = task_tiles(tasks, self.navigate.emit, columns)
        self.logout_button = QPushButton(texts.log_out)
        self.logout_button.setObjectName(f"{role}Logout")
        self.logout_button.clicked.connect(self._logout)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.clerk)
        layout.addLayout(grid, 1)
        layout.addWidget(ActionBar(None, self.logout_button))
        return body

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
        """The clerk is in: say who, show the tasks."""
        raise NotImplementedError

    def _logout(self) -> None:
        self.run(self.service.logout, lambda _r: self.entered())
