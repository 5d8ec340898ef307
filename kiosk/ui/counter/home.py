"""The counter's home: the tasks a clerk does with a resident."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import title


class CounterHome(Screen):
    name = "counter_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.staff = QLabel()
        self.staff.setObjectName("staffLabel")
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        tasks = [
            ("create_mykey", self.tr("Create a MyKey ID"), self.tr("The resident places the card and chooses an ID")),
            ("lookup", self.tr("Look up a MyKey ID / service IDs"), self.tr("Status and service ID registration")),
            ("measure_apply", self.tr("Apply for a measure"), self.tr("Eligibility, payment service, submission")),
            ("grant", self.tr("Grant points"), self.tr("Programme grants and event attendance")),
        ]
        for i, (target, text, sub) in enumerate(tasks):
            button = QPushButton(f"{text}\n{sub}")
            button.setObjectName(f"task_{target}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumHeight(120)
            button.clicked.connect(lambda _=False, t=target: self.navigate.emit(t))
            self.buttons[target] = button
            grid.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Counter")))
        layout.addWidget(self.staff)
        layout.addLayout(grid, 1)
        layout.addWidget(self.error_label)

    def set_staff(self, text: str) -> None:
        self.staff.setText(text)
