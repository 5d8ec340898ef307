"""The shop's home: four large tiles (pay by card, redeem a voucher, today's payments and reversal, day end) and
one line on the connection — said before a task starts: offline, card payments go up to the offline limit and
stay pending until the cloud confirms them. A voucher scanned here opens the voucher screen with it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.choices import task_tiles
from kiosk.ui.design.style import metrics
from kiosk.ui.store.base import StoreScreen
from kiosk.ui.theme import label, restyle


class StoreHome(StoreScreen):
    name = "store_home"
    back_target = "roles"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.connection = label("", "muted", name="storeConnection")
        self.conflicts = label("", "warning", name="storeConflicts")
        self.conflicts.hide()
        tasks = [
            ("store_pay", self.tr("Pay with the card"), self.tr("Points from the resident's My Number Card")),
            ("store_redeem", self.tr("Redeem a voucher"), self.tr("Scan the QR code of a paper point voucher")),
            ("store_recent", self.tr("Today's payments"), self.tr("Look back, reprint, reverse a payment")),
            ("store_dayend", self.tr("Day end"), self.tr("Settlement: print, A4, CSV")),
        ]
        grid, self.buttons = task_tiles(tasks, self.navigate.emit)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.connection)
        layout.addWidget(self.conflicts)
        layout.addLayout(grid, 1)
        shop = ctx.store.service.shop_name if ctx.store is not None else ""
        heading = self.tr("Shop") + (f" — {shop}" if shop else "")
        self.frame(heading, body, back=self.tr("Back to the role chooser") if ctx.demo else None)

    def entered(self) -> None:
        self.refresh_connection()

    def refresh_connection(self) -> None:
        online = self.service.online() if self.ctx.store is not None else None
        if online is False:
            text = self.tr("⚠ Offline: card payments up to each card's offline limit, marked pending until the "
                           "cloud confirms them. Vouchers are checked on this terminal.")
            role = "warning"
        else:
            text = self.tr("✔ Online") if online else ""
            role = "muted"
        self.connection.setText(text)
        self.connection.setProperty("role", role)
        restyle(self.connection)
        if self.ctx.store is not None:  # conflicts the cloud found later (e.g. a voucher used elsewhere offline)
            engine = self.ctx.store.engine
            self.runner.run(lambda: int(engine.status().conflicts_open), self._show_conflicts)

    def _show_conflicts(self, count: object) -> None:
        assert isinstance(count, int)
        self.conflicts.setText(self.tr("⚠ %n conflict(s) found by the cloud to look at with the office: see the "
                                       "day end.", "", count) if count else "")
        self.conflicts.setVisible(bool(count))
