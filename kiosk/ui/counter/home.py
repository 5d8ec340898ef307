"""The counter's home: the tasks a clerk does with a resident, as four large tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.choices import task_tiles
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import Screen
from kiosk.ui.theme import label


class CounterHome(Screen):
    name = "counter_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.staff = label("", "muted", name="staffLabel")
        tasks = [
            ("create_mykey", self.tr("Create a MyKey ID"), self.tr("The resident places the card and chooses an ID")),
            ("lookup", self.tr("Look up a MyKey ID / service IDs"), self.tr("Status and service ID registration")),
            ("measure_apply", self.tr("Apply for a measure"), self.tr("Eligibility, payment service, submission")),
            ("grant", self.tr("Grant points"), self.tr("Programme grants and event attendance")),
        ]
        grid, self.buttons = task_tiles(tasks, self.navigate.emit)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addWidget(self.staff)
        layout.addLayout(grid, 1)
        self.frame(self.tr("Counter"), body, back=None)

    def set_staff(self, text: str) -> None:
        self.staff.setText(text)
