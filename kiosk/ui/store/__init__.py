"""The shop terminal's screens (issue 10): home, pay by card, redeem a voucher, today's payments and reversal,
day end. Built on the design system (kiosk/ui/design); `store_screens(ctx)` makes them for the main window, with
the keyboard-wedge scanner filter: on the home, the voucher, the payments and the day-end screens (never on the
payment with its PIN pad) a scan opens the voucher screen with the code."""

from __future__ import annotations

from typing import Any


def store_screens(ctx: Any) -> list[Any]:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.store.dayend import DayEndScreen
    from kiosk.ui.store.home import StoreHome
    from kiosk.ui.store.pay import PayScreen
    from kiosk.ui.store.recent import RecentScreen
    from kiosk.ui.store.redeem import RedeemScreen
    from kiosk.ui.store.wedge_filter import WedgeFilter

    home, pay, redeem = StoreHome(ctx), PayScreen(ctx), RedeemScreen(ctx)
    recent, dayend = RecentScreen(ctx), DayEndScreen(ctx)
    scanning = (home, redeem, recent, dayend)
    def active() -> bool:
        try:
            return any(s.isVisible() for s in scanning)
        except RuntimeError:  # a screen already destroyed with its window
            return False

    wedge = WedgeFilter(active, parent=redeem)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(wedge)  # Qt drops the filter when the filter object is destroyed with the screen

    def scanned(code: str) -> None:
        if not redeem.isVisible():
            home.navigate.emit("store_redeem")
        redeem.on_scan(code)

    wedge.scanned.connect(scanned)
    redeem.scanners.scanned.disconnect(redeem.on_scan)  # a serial or camera scan from any shop screen: as a wedge one
    redeem.scanners.scanned.connect(scanned)
    redeem.scanners.start_serial()  # KIOSK_SCANNER_SERIAL, if set
    redeem.wedge = wedge
    return [home, pay, redeem, recent, dayend]
