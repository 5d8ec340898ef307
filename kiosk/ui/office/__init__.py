"""The commerce-association office's screens (issue 11): home with the clerk's login, issue vouchers with the
resident's consent, re-print / void / void-and-re-issue, reconcile a shop's bundle, the exchange desk (gift
certificates, point card, cash sales) and settlement with shops. `office_screens(ctx)` makes them for the main
window when the terminal is an office terminal (`ctx.office`, a kiosk.services.office_terminal.OfficeTerminal)."""

from __future__ import annotations

from typing import Any


def office_screens(ctx: Any) -> list[Any]:
    from kiosk.ui.office.banks import BanksScreen
    from kiosk.ui.office.desk import DeskScreen
    from kiosk.ui.office.home import OfficeHome
    from kiosk.ui.office.issue import IssueScreen
    from kiosk.ui.office.manage import ManageScreen
    from kiosk.ui.office.reconcile import ReconcileScreen
    from kiosk.ui.office.settle import SettleScreen

    return [OfficeHome(ctx), IssueScreen(ctx), ManageScreen(ctx), ReconcileScreen(ctx), DeskScreen(ctx),
            SettleScreen(ctx), BanksScreen(ctx)]
