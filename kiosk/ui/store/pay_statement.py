"""The resident's side after the first signature (issue 10): the balance per point type and what expires soon
(points and date) — or, offline, what the offline limit still allows for this card today — and the payment's
statement to confirm. The resident taps Pay: the statement is then signed on the same visit, without a second PIN.
When the points do not cover the amount, the same page says so and offers what there is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.services.store import PointBalance
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.format import format_date, points
from kiosk.ui.design.style import metrics
from kiosk.ui.theme import label

MAX_SOON = 2  # expiry dates shown per point type (the soonest)


class BalanceTable(QWidget):
    """One row per point type: its name and balance; under it, what of it expires soon and when."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payBalances")
        self.grid = QGridLayout(self)
        metrics(self.grid, 0, "tight")
        self.grid.setColumnStretch(0, 1)

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def show_balances(self, rows: Sequence[tuple[str, PointBalance]], chosen: int) -> None:
        """`rows`: (the point type's name in the screen's language, its balance); `chosen`: the one paying."""
        self.clear()
        row = 0
        for name, entry in rows:
            mark = "▶ " if entry.point_type_id == chosen and len(rows) > 1 else ""
            self.grid.addWidget(label(mark + name, "resident", name=f"balanceName{entry.point_type_id}"), row, 0)
            value = label(points(entry.balance), "residentTitle", wrap=False, name=f"balance{entry.point_type_id}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)
            row += 1
            for ends, amount in entry.soon[:MAX_SOON]:
                text = self.tr("⚠ %1 expire on %2").replace("%1", points(amount)).replace("%2", format_date(ends))
                self.grid.addWidget(label(text, "warning", name=f"expiring{entry.point_type_id}"), row, 0, 1, 2)
                row += 1
            if len(entry.soon) > MAX_SOON:
                more = sum(amount for _ends, amount in entry.soon[MAX_SOON:])
                text = self.tr("⚠ %1 more expire within 30 days").replace("%1", points(more))
                self.grid.addWidget(label(text, "warning"), row, 0, 1, 2)
                row += 1

    def show_allowance(self, rows: Sequence[tuple[str, int | None]]) -> None:
        """Offline: what this card may still pay today per point type (the balance is not known here)."""
        self.clear()
        for row, (name, allowance) in enumerate(rows):
            self.grid.addWidget(label(name, "resident"), row, 0)
            text = points(allowance) if allowance is not None else self.tr("not possible offline")
            value = label(text, "residentTitle", wrap=False, name=f"allowance{row}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)


class StatementPage(QWidget):
    """What the resident reads and confirms; `pay` (primary), `cancel` and `change` are the page's buttons."""

    pay_clicked = Signal()
    cancel_clicked = Signal()
    change_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payStatement")
        self.heading = label("", "residentTitle", name="payShortText")
        self.table = BalanceTable()
        self.detail = label("", "resident", name="payShortDetail")
        self.pay = QPushButton()
        self.pay.setObjectName("payConfirm")
        self.pay.clicked.connect(self.pay_clicked)
        self.change = QPushButton(self.tr("Change the amount"))
        self.change.setObjectName("payShortChange")
        self.change.clicked.connect(self.change_clicked)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("payShortCancel")
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QVBoxLayout(self)
        metrics(layout, 0, "gap")
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(ActionBar(self.pay, self.cancel, self.change))

    def online(self, rows: Sequence[tuple[str, PointBalance]], chosen: int, amount: int, shop: str,
               available: int) -> None:
        """The balance per point type and what expires soon; the statement, or why it cannot be paid."""
        self.table.show_balances(rows, chosen)
        if available >= amount:
            self.heading.setText(self.tr("Your points"))
            self.detail.setText(self.tr("Pay %1 at %2? Tap Pay to agree; your PIN is not asked again.")
                                .replace("%1", points(amount)).replace("%2", shop))
            self._pay_text(amount)
            return
        self.heading.setText(self.tr("Balance: %1 — not enough for %2").replace("%1", points(available))
                             .replace("%2", points(amount)))
        self.detail.setText(self.tr("The shop can take the %1 there are, and the rest another way.")
                            .replace("%1", points(available)))
        self._use_text(available)

    def offline(self, rows: Sequence[tuple[str, int | None]], amount: int, shop: str, available: int) -> None:
        self.table.show_allowance(rows)
        if available >= amount:
            self.heading.setText(self.tr("Offline: this card can pay up to %1 more today").replace(
                "%1", points(available)))
            self.detail.setText(self.tr("Pay %1 at %2? It stays pending until the cloud confirms it.")
                                .replace("%1", points(amount)).replace("%2", shop))
            self._pay_text(amount)
            return
        self.heading.setText(self.tr("Offline, this card can pay %1 more today").replace("%1", points(available)))
        self.detail.setText(self.tr("Offline the balance is not known; the offline limit per card and day applies "
                                    "until the terminal is online again."))
        self._use_text(available)

    def _pay_text(self, amount: int) -> None:
        self.pay.setText(self.tr("Pay %1").replace("%1", points(amount)))
        self.pay.setEnabled(True)

    def _use_text(self, available: int) -> None:
        self.pay.setText(self.tr("Use %1").replace("%1", points(available)))
        self.pay.setEnabled(available > 0)
