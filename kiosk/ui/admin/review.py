"""Post-review (事後審査, issue 12): the applications waiting, filtered by measure; choose some (or all) and approve
(the points are granted) or reject with a reason. Each is reviewed and audited on its own; one already reviewed
elsewhere is named, the others go through."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.admin.base import AdminScreen, ChoiceGrid, fill, selected_data, table, when
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import local_name, local_names
from kiosk.ui.design.style import metrics


class ReviewScreen(AdminScreen):
    name = "admin_review"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.apps: list[dict[str, Any]] = []
        self.measure_choice = ChoiceGrid([], columns=3, compact=True)
        self.measure_choice.setObjectName("reviewMeasure")
        self.measure_choice.changed.connect(lambda *_: self.reload())
        self.table = table("reviewTable", [self.tr("No."), self.tr("Measure"), self.tr("MyKey ID"),
                                           self.tr("Payment service"), self.tr("Applied")], multi=True)
        self.table.itemSelectionChanged.connect(self._validate)
        self.reason_field = Field(self.tr("Reason (needed to reject)"))
        self.reason_field.edit.setObjectName("reviewReason")
        self.reason_field.edit.textChanged.connect(lambda *_: self._validate())
        self.all_button = QPushButton(self.tr("Choose all"))
        self.all_button.setObjectName("reviewAll")
        self.all_button.clicked.connect(self.table.selectAll)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("reviewApprove")
        self.approve_button.clicked.connect(lambda: self.review(True))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("reviewReject")
        self.reject_button.clicked.connect(lambda: self.review(False))
        body = QWidget()
        column = QVBoxLayout(body)
        metrics(column, 0, "gap")
        column.addWidget(self.measure_choice)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        metrics(row, 0, "gap")
        row.addWidget(self.reason_field, 1)
        column.addLayout(row)
        column.addWidget(ActionBar(self.approve_button, self.all_button, self.reject_button))
        self.frame(self.tr("Post-review"), body)

    def entered(self) -> None:
        self.close_result()
        if self.measure_choice.count() == 0:
            self.measure_choice.addItem(self.tr("Every measure"), 0)
            for m in self.service.setup_cache.get("measures", []):
                if m.get("review") == "post":
                    self.measure_choice.addItem(local_name(m["name"], m.get("name_en")), m["id"])
            self.measure_choice.setCurrentIndex(0)
        self.reload()

    def reload(self) -> None:
        measure = self.measure_choice.currentData() or None
        svc = self.service
        self.run(lambda: svc.applications("applied", measure), self.show_apps)

    def show_apps(self, apps: list[dict[str, Any]]) -> None:
        names = local_names(self.service.setup_cache.get("measures", []))
        self.apps = apps
        fill(self.table, [[a["id"], names.get(a["measure_id"], a["measure_id"]), a["mykey_id"],
                           a.get("payment_service") or "", when(a.get("created_at"))] for a in apps], apps)
        self._validate()

    def _validate(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.approve_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen and bool(self.reason_field.text().strip()))

    def review(self, approve: bool) -> None:
        ids = [int(a["id"]) for a in selected_data(self.table)]
        if not ids:
            return
        reason = self.reason_field.text().strip() or None
        svc = self.service
        self.run(lambda: svc.review(ids, approve, reason), lambda r: self._reviewed(r, approve))

    def _reviewed(self, result: dict[str, Any], approve: bool) -> None:
        done, refused = len(result["reviewed"]), result["refused"]
        headline = (self.tr("%1 approved") if approve else self.tr("%1 rejected")).replace("%1", str(done))
        detail = self.tr("%1 had already been reviewed").replace("%1", str(len(refused))) if refused else ""
        self.done(headline, detail, "warning" if refused else "success")
        self.reason_field.edit.clear()
        self.reload()
