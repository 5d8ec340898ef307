"""The main window: resident banner above every screen, the screens in a stack, the status line.

It owns the ResidentSession. A wipe (card removed, "next resident", idle) clears every screen and the session
and asks the card layer to reset the card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
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
from kiosk.ui.design import style
from kiosk.ui.design.format import local_name
from kiosk.ui.design.style import sized
from kiosk.ui.design.tokens import Theme
from kiosk.ui.login import StaffLogin
from kiosk.ui.roles import RoleChooser, placeholder_homes
from kiosk.ui.screen import Screen
from kiosk.ui.settings import SettingsScreen
from kiosk.ui.widgets.banner import ResidentBanner
from kiosk.ui.widgets.statusbar import KioskStatusBar

RESIDENT_FLOWS = ("create_mykey", "lookup", "measure_apply")


class Screens(dict[str, Screen]):
    """The window's screens by name. The shop's, office's and administration's screens are built the first time
    one of them is asked for (or the screens are listed), not before the first screen is painted: building all
    four roles' screens took most of a demo start (benchmarks/cold_start.py). `built()` lists only those built."""

    def __init__(self, build_pending: Callable[[str | None], None]) -> None:
        super().__init__()
        self._build_pending = build_pending  # (name) builds the pending group of that name's role; (None) all

    def built(self) -> list[Screen]:
        return list(dict.values(self))

    def _ensure(self, name: object) -> None:
        # a name already here may be a role's placeholder home that its real screens replace: build that role's
        # group; a name not here may belong to any group: build them all
        self._build_pending(name if isinstance(name, str) and dict.__contains__(self, name) else None)

    def __getitem__(self, name: str) -> Screen:
        self._ensure(name)
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        self._ensure(name)
        return dict.__contains__(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        if name in self:  # builds what is pending first
            return dict.__getitem__(self, name)
        return default

    def __iter__(self) -> Any:
        self._build_pending(None)
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._build_pending(None)
        return dict.__len__(self)

    def keys(self) -> Any:
        self._build_pending(None)
        return dict.keys(self)

    def values(self) -> Any:
        self._build_pending(None)
        return dict.values(self)

    def items(self) -> Any:
        self._build_pending(None)
        return dict.items(self)


class CentredColumn(QWidget):
    """Holds a screen centred, at most the theme's content width (about 1,100 px, scaled) wide."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__()
        self.setObjectName("page")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(screen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        side = max(0, (event.size().width() - style.current().content_width()) // 2)
        self._row.setContentsMargins(side, 0, side, 0)
        super().resizeEvent(event)


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
        self.outdated_guard: Any = None  # kiosk.ui.outdated_guard.OutdatedGuard, set by the wiring
        self.resident_display: Any = ctx.resident_display
        self.setWindowTitle(self.tr("MyKey kiosk") + (self.tr(" — DEMO") if ctx.demo else ""))
        self.banner = ResidentBanner(self.session)
        self.banner.next_resident.connect(lambda: self.session.wipe("next"))
        self.banner.logout.connect(self.logout)
        self.status = KioskStatusBar()
        self.setStatusBar(self.status)
        ctx.is_online = lambda: self.status.online
        ctx.runner.busy_changed.connect(self.status.set_busy)
        self.stack = QStackedWidget()
        self._pending: list[tuple[str, Callable[[], Any]]] = []  # (role, its screens) not built yet
        self.screens = Screens(self._build_pending)
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
            sized(side_panel, fixed_w=300)
            outer.addWidget(side_panel)
        self.setCentralWidget(central)
        self.session.wiped.connect(self._on_wiped)
        self.settings_saved.connect(lambda: self.apply_look(force=True))
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
        # each role's screens replace its placeholder home; built when first asked for (Screens)
        self._pending.clear()
        if ctx.store is not None:  # a shop terminal (issue 10)
            self._pending.append(("store", lambda: __import__("kiosk.ui.store", fromlist=["x"]).store_screens(ctx)))
        if ctx.office is not None:  # an office terminal (issue 11)
            self._pending.append(("office", lambda: __import__("kiosk.ui.office", fromlist=["x"]).office_screens(ctx)))
        if ctx.admin is not None:  # an administration terminal (issue 12)
            self._pending.append(("admin", lambda: __import__("kiosk.ui.admin", fromlist=["x"]).admin_screens(ctx)))

    def _build_pending(self, name: str | None = None) -> None:
        """Build the pending role groups: the one `name` belongs to (store_…, office_…, admin_…), or all."""
        for group in list(self._pending):
            role, build = group
            if name is not None and not name.startswith(f"{role}_"):
                continue
            self._pending.remove(group)
            for screen in build():
                self._add(screen)
            style.apply_metrics(self, style.current())  # their sizes at the window's current scale

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
        """Each screen sits centred in a column capped at about 1,100 px, inside a scroll area that stays unused at
        both sizes (a safety net for the large-text setting on a small screen)."""
        self.screens[screen.name] = screen
        column = CentredColumn(screen)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        self._scrolls[screen.name] = scroll
        self.stack.addWidget(scroll)
        screen.navigate.connect(self.go)

    # --- the look: scaled to the window, large text and high contrast from the settings ---------------------------
    def theme(self) -> Theme:
        return Theme.for_size(self.width(), self.height(), bool(self.config.large_text),
                              bool(self.config.get("high_contrast")))

    def apply_look(self, force: bool = False) -> None:
        theme = self.theme()
        if theme == style.current() and not force:
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.apply_theme(app, theme)
        style.apply_metrics(self, theme)
        self.banner.refresh()  # its buttons' widths follow the new type size
        for scroll in self._scrolls.values():
            column = scroll.widget()
            if column is not None:
                column.resize(column.size())
                QApplication.postEvent(column, QResizeEvent(column.size(), column.size()))
        if self.resident_display is not None:
            style.apply_metrics(self.resident_display, theme)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_look()

    # --- navigation -----------------------------------------------------------------------------------------
    def current(self) -> Screen:
        scroll = self.stack.currentWidget()
        for name, candidate in self._scrolls.items():
            if candidate is scroll:
                return self.screens[name]
        raise LookupError("no current screen")

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
        department = local_name(member.department_name, member.department_name_en)
        text = self.tr("%1 (%2)").replace("%1", member.name).replace("%2", department)
        self.banner.set_staff(text)
        home = self.screens["counter_home"]
        assert isinstance(home, CounterHome)
        home.set_staff(self.tr("Logged in: %1").replace("%1", text))

    def logout(self) -> None:
        self.session.wipe("logout")
        if self.staff is not None:  # end the clerk's session on the cloud too (off the GUI thread)
            self.ctx.runner.run(self.ctx.services.staff.logout)
        self.staff = None
        self.banner.set_staff(None)
        self.go("login")

    # --- session safety -------------------------------------------------------------------------------------
    def _on_wiped(self, reason: str) -> None:
        for screen in self.screens.built():  # a screen not built yet holds nothing
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
