"""The municipality's administration screens (issue 12): home with the admin clerk's login, setting up (point types,
programmes, measures with the eligible list, shops, voucher rules, staff), terminals, post-review, reserved points
and support events, the change history, and the reports with charts, drill-down and exports. `admin_screens(ctx)`
makes them for the main window when the terminal is an administration terminal (`ctx.admin`, a
kiosk.services.admin_terminal.AdminTerminal)."""

from __future__ import annotations

from typing import Any


def admin_screens(ctx: Any) -> list[Any]:
    from kiosk.ui.admin.accounts import AccountsScreen
    from kiosk.ui.admin.history import HistoryScreen
    from kiosk.ui.admin.home import AdminHome
    from kiosk.ui.admin.reports import ReportsScreen
    from kiosk.ui.admin.review import ReviewScreen
    from kiosk.ui.admin.setup import SetupScreen
    from kiosk.ui.admin.support import SupportScreen
    from kiosk.ui.admin.terminals import TerminalsScreen

    return [AdminHome(ctx), SetupScreen(ctx), TerminalsScreen(ctx), ReviewScreen(ctx), AccountsScreen(ctx),
            HistoryScreen(ctx), ReportsScreen(ctx), SupportScreen(ctx)]
