"""Reserved points and support events (issue 12): sweep reserved points (留保ポイント) past their deadline to the
municipality's default account; the support-event accounts (特定支援イベント口座) with their balance, what came in
(programmes, supporters by MyKey ID) and went out, funded from a programme and paid out to the organiser."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin.base import AdminScreen, fill, selected_data, table, when
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.style import metrics
from kiosk.ui.theme import label


class AccountsScreen(AdminScreen):
    name = "admin_accounts"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.accounts = table("accountsTable", [self.tr("Account"), self.tr("Kind"), self.tr("Name"),
                                                self.tr("Balance")], stretch=2)
        self.accounts.itemSelectionChanged.connect(self.show_event)
        self.entries = table("eventEntries", [self.tr("When"), self.tr("What"), self.tr("Programme / payee"),
                                              self.tr("Points")], stretch=2)
        self.supporters = label("", "muted", name="eventSupporters")
        self.points_field = Field(self.tr("Points"))
        self.points_field.edit.setObjectName("eventPoints")
        self.payee_field = Field(self.tr("Paid to (organiser)"))
        self.payee_field.edit.setObjectName("eventPayee")
        self.sweep_button = QPushButton(self.tr("Sweep reserved points past the deadline"))
        self.sweep_button.setObjectName("reservedSweep")
        self.sweep_button.clicked.connect(self.sweep)
        self.support_button = QPushButton(self.tr("A supporter gives points…"))
        self.support_button.setObjectName("eventSupport")
        self.support_button.clicked.connect(self.take_support)
        self.payout_button = QPushButton(self.tr("Pay out"))
        self.payout_button.setObjectName("eventPayout")
        self.payout_button.clicked.connect(self.payout)
        body = QWidget()
        column = QVBoxLayout(body)
        metrics(column, 0, "gap")
        tables = QHBoxLayout()
        metrics(tables, 0, "gap")
        tables.addWidget(self.accounts, 1)
        tables.addWidget(self.entries, 1)
        column.addLayout(tables, 1)
        column.addWidget(self.supporters)
        row = QHBoxLayout()
        metrics(row, 0, "gap")
        row.addWidget(self.points_field, 1)
        row.addWidget(self.payee_field, 2)
        row.addWidget(self.support_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(row)
        column.addWidget(ActionBar(self.payout_button, self.sweep_button))
        self.frame(self.tr("Reserved points and support events"), body)

    def entered(self) -> None:
        self.close_result()
        self.reload()

    def reload(self) -> None:
        self.run(self.service.municipal_accounts, self.show_accounts)

    def show_accounts(self, accounts: list[dict[str, Any]]) -> None:
        kinds = {"municipal_default": self.tr("Default account"), "support_event": self.tr("Support event")}
        fill(self.accounts, [[a["account_id"], kinds.get(a["kind"], a["kind"]), a["name"] or "—", a["balance"]]
                             for a in accounts], accounts)
        events = [i for i, a in enumerate(accounts) if a["kind"] == "support_event"]
        if events:
            self.accounts.selectRow(events[0])
        self.payout_button.setEnabled(bool(events))
        self.support_button.setEnabled(bool(events))
        self.show_event()  # the same row selected again emits nothing: the detail is read again anyway

    def _chosen(self) -> dict[str, Any] | None:
        chosen = selected_data(self.accounts)
        return chosen[0] if chosen and chosen[0]["kind"] == "support_event" else None

    def show_event(self) -> None:
        event = self._chosen()
        self.payout_button.setEnabled(event is not None)
        self.support_button.setEnabled(event is not None)
        if event is None:
            fill(self.entries, [])
            self.supporters.setText("")
            return
        svc = self.service
        self.run(lambda: svc.support_event(int(event["account_id"])), self._event_detail)

    def _event_detail(self, data: dict[str, Any]) -> None:
        kinds = {"event_fund": self.tr("Funded"), "event_payout": self.tr("Paid out"),
                 "event_support": self.tr("Supporter")}
        fill(self.entries, [[when(e["at"]), kinds.get(e["kind"], e["kind"]), e.get("supporter") or
                             e.get("programme") or e.get("reference") or "", e["points"]] for e in data["entries"]])
        people = data["supporters"]
        self.supporters.setText(self.tr("Supporters: %1").replace("%1", ", ".join(
            f"{s.get('name') or s['mykey_id']} ({s['points']:,} pt)" for s in people) or self.tr("none yet")))

    def take_support(self) -> None:
        event = self._chosen()
        if event is None:
            return
        self.service.support_target = dict(event)
        self.navigate.emit("admin_support")

    def payout(self) -> None:
        event = self._chosen()
        try:
            points = int(self.points_field.text().replace(",", ""))
        except ValueError:
            self.points_field.set_error(self.tr("A whole number"))
            return
        payee = self.payee_field.text().strip()
        if event is None or not payee:
            self.payee_field.set_error(self.tr("Who receives it"))
            return
        svc = self.service
        self.run(lambda: svc.payout(int(event["account_id"]), points, payee),
                 self.done_then(self.tr("Paid out"), f"{points:,} pt → {payee}", self.reload))

    def sweep(self) -> None:
        self.run(self.service.sweep_reserved, self._swept)

    def _swept(self, moved: list[dict[str, Any]]) -> None:
        self.done(self.tr("%1 reserved entries moved to the default account").replace("%1", str(len(moved))),
                  self.tr("%1 points").replace("%1", f"{sum(m['points'] for m in moved):,}"))
        self.reload()
