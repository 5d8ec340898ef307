"""The main window: resident banner above every screen, the screens in a stack, the status line.

It owns the ResidentSession. A wipe (card removed, "next resident", idle) clears every screen and the session
and asks the card layer to reset the card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Config
from kiosk.services.staff import StaffMember
from kiosk.ui.context import UiContext
from kiosk.ui.counter.create_mykey import CreateMyKeyScreen
from kiosk.ui.counter.grant import GrantScreen
from kiosk.ui.counter.home import CounterHome
from kiosk.ui.counter.lookup import LookupScreen
from kiosk.ui.counter.measure_apply import MeasureApplyScreen
from kiosk.ui.login import StaffLogin
from kiosk.ui.roles import RoleChooser, placeholder_homes
from kiosk.ui.screen import Screen
from kiosk.ui.settings import SettingsScreen
from kiosk.ui.widgets.banner import ResidentBanner
from kiosk.ui.widgets.statusbar import KioskStatusBar

RESIDENT_FLOWS = ("create_mykey", "lookup", "measure_apply")


class MainWindow(QMainWindow):
    screen_changed = Signal(str)
    settings_saved = Signal()

    def __init__(self, ctx: UiContext, config: Config, start: str = "roles",
                 side_panel: QWidget | None = None, on_close: Callable[[], None] | None = None,
                 role: str = "counter") -> None:
        super().__init__()
        self.ctx = ctx
        self.config = config
        self.session = ctx.session
        self.staff: StaffMember | None = None
        self._on_close = on_close
        self.sync_relay: Any = None  # kiosk.app.SyncStatusRelay, set by the wiring
        self.resident_display: Any = ctx.resident_display
        self.setWindowTitle(self.tr("MyKey kiosk") + (self.tr(" — DEMO") if ctx.demo else ""))
        self.banner = ResidentBanner(self.session)
        self.banner.next_resident.connect(lambda: self.session.wipe("next"))
        self.banner.logout.connect(self.logout)
        self.status = KioskStatusBar()
        self.setStatusBar(self.status)
        ctx.runner.busy_changed.connect(self.status.set_busy)
        self.stack = QStackedWidget()
        self.screens: dict[str, Screen] = {}
        self._scrolls: dict[str, QScrollArea] = {}
        self._build_screens()
        self._pending_role = role  # the home a staff login leads to (the enrolled terminal's role)
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        outer.addLayout(column, 1)
        self.side_panel = side_panel
        if side_panel is not None:
            side_panel.setFixedWidth(300)
            outer.addWidget(side_panel)
        self.setCentralWidget(central)
        self.session.wiped.connect(self._on_wiped)
        self.go(start)

    def _build_screens(self) -> None:
        ctx = self.ctx
        self.login = StaffLogin(ctx)
        self.login.logged_in.connect(self._logged_in)
        self.settings = SettingsScreen(ctx, self.config)
        self.settings.saved.connect(self.settings_saved)
        for screen in (RoleChooser(ctx), self.login, CounterHome(ctx), CreateMyKeyScreen(ctx), LookupScreen(ctx),
                       MeasureApplyScreen(ctx), GrantScreen(ctx), self.settings, *placeholder_homes(ctx)):
            self._add(screen)

    def retranslate(self) -> None:
        """After a language change: wipe the resident and build every screen again in the new language."""
        current = self.current().name
        self.session.wipe("logout")
        for scroll in self._scrolls.values():
            self.stack.removeWidget(scroll)
            scroll.deleteLater()
        self.screens.clear()
        self._scrolls.clear()
        self._build_screens()
        self.setWindowTitle(self.tr("MyKey kiosk") + (self.tr(" — DEMO") if self.ctx.demo else ""))
        self.banner.retranslate()
        if self.staff is not None:
            self._show_staff(self.staff)
        self.go(current if current in self.screens else "roles")

    def _add(self, screen: Screen) -> None:
        """Each screen sits in a scroll area: at 1280×800 nothing scrolls, but the large-text option may."""
        self.screens[screen.name] = screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(screen)
        self._scrolls[screen.name] = scroll
        self.stack.addWidget(scroll)
        screen.navigate.connect(self.go)

    # --- navigation -----------------------------------------------------------------------------------------
    def current(self) -> Screen:
        scroll = self.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        widget = scroll.widget()
        assert isinstance(widget, Screen)
        return widget

    def go(self, target: str) -> None:
        if target.startswith("role:"):
            role = target.split(":", 1)[1]
            self._pending_role = role
            # the counter needs a staff login; the other roles' homes are placeholders for now
            target = "login" if self.staff is None and role == "counter" else f"{role}_home"
        if (target in RESIDENT_FLOWS or target in ("grant", "counter_home")) and self.staff is None:
            self._pending_role = "counter"  # these are the counter's screens
            target = "login"
        screen = self.screens[target]
        self.stack.setCurrentWidget(self._scrolls[target])
        screen.entered()
        self.screen_changed.emit(target)

    def _logged_in(self, member: StaffMember) -> None:
        self.staff = member
        self._show_staff(member)
        self.go(f"{self._pending_role}_home")

    def _show_staff(self, member: StaffMember) -> None:
        text = self.tr("%1 (%2)").replace("%1", member.name).replace("%2", member.department_name)
        self.banner.set_staff(text)
        home = self.screens["counter_home"]
        assert isinstance(home, CounterHome)
        home.set_staff(self.tr("Logged in: %1").replace("%1", text))

    def logout(self) -> None:
        self.session.wipe("logout")
        self.staff = None
        self.banner.set_staff(None)
        self.go("login")

    # --- session safety -------------------------------------------------------------------------------------
    def _on_wiped(self, reason: str) -> None:
        for screen in self.screens.values():
            screen.clear()
        name = self.current().name
        if name in RESIDENT_FLOWS:
            self.go("counter_home")
        elif name == "grant":
            self.current().entered()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.wipe("logout")
        if self._on_close is not None:
            self._on_close()
        super().closeEvent(event)
