"""The change history (issue 12): the audit log, newest first — when, who, on which terminal, what, about which
MyKey ID, and for set-up changes the values before and after; filtered by kind of action, paged."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QHeaderView, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin.base import AdminScreen, fill, selected_data, table, when
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.style import metrics
from kiosk.ui.theme import label

FILTERS = (None, "setup_programme", "setup_shop", "setup_staff", "application_reviewed")


def change_text(detail: Any) -> str:
    """'before → after' for audited changes; other details as short key=value text."""
    if isinstance(detail, dict) and "after" in detail:
        before, after = detail.get("before") or {}, detail.get("after") or {}
        return "; ".join(f"{k}: {before.get(k, '—')} → {v}" for k, v in after.items())[:200]
    if isinstance(detail, dict):
        return ", ".join(f"{k}={v}" for k, v in detail.items())[:200]
    return "" if detail is None else json.dumps(detail, ensure_ascii=False)[:200]


class HistoryScreen(AdminScreen):
    name = "admin_history"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.before_id: int | None = None
        self.pages: list[int | None] = []
        labels = [self.tr("Everything"), self.tr("Programmes"), self.tr("Shops"), self.tr("Staff"), self.tr("Reviews")]
        self.filter = Segmented(list(zip(labels, [f or "" for f in FILTERS], strict=True)))
        self.filter.setObjectName("historyFilter")
        self.filter.changed.connect(lambda *_: self.first_page())
        self.table = table("historyTable", [self.tr("When"), self.tr("What"), self.tr("Staff"), self.tr("Terminal"),
                                            self.tr("About"), self.tr("Change")], stretch=5)
        self.table.setWordWrap(True)
        self.older = QPushButton(self.tr("Older"))
        self.older.setObjectName("historyOlder")
        self.older.clicked.connect(self.next_page)
        self.newer = QPushButton(self.tr("Newer"))
        self.newer.setObjectName("historyNewer")
        self.newer.clicked.connect(self.previous_page)
        header = self.table.horizontalHeader()
        for col, width in ((0, 130), (1, 200), (2, 150), (4, 150)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        self.detail = label("", "muted", name="historyDetail")
        self.table.itemSelectionChanged.connect(self._selected)
        body = QWidget()
        column = QVBoxLayout(body)
        metrics(column, 0, "gap")
        column.addWidget(self.filter)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        column.addWidget(ActionBar(self.older, self.newer))
        self.frame(self.tr("Change history"), body)

    def _selected(self) -> None:
        chosen = selected_data(self.table)
        self.detail.setText("" if not chosen else f"{chosen[0]['action']} — {chosen[0].get('subject') or ''}: "
                            f"{change_text(chosen[0].get('detail'))}")

    def entered(self) -> None:
        self.close_result()
        if self.filter.currentIndex() < 0:
            self.filter.setCurrentIndex(0)
        self.first_page()

    def first_page(self) -> None:
        self.pages = [None]
        self.load()

    def next_page(self) -> None:
        if self.before_id is not None:
            self.pages.append(self.before_id)
            self.load()

    def previous_page(self) -> None:
        if len(self.pages) > 1:
            self.pages.pop()
            self.load()

    def load(self) -> None:
        action = self.filter.currentData() or None
        before, svc = self.pages[-1], self.service
        self.run(lambda: svc.history(action, before, 50), self.show_entries)

    def show_entries(self, data: dict[str, Any]) -> None:
        staff = {s["id"]: s["name"] for s in self.service.setup_cache.get("staff", [])}
        entries = data["entries"]
        fill(self.table, [[when(e["at"])[5:], e["action"], staff.get(e["staff_id"], e["staff_id"] or "—"),
                           e["terminal_id"] or "—", e.get("mykey_id") or e.get("subject") or "",
                           change_text(e.get("detail"))] for e in entries], entries)
        self.before_id = data.get("next_before_id")
        self.older.setEnabled(self.before_id is not None)
        self.newer.setEnabled(len(self.pages) > 1)
