"""Role chooser (demo and first start) and honest placeholder homes for roles built in later issues."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.screen import Screen
from kiosk.ui.theme import title


class RoleChooser(Screen):
    name = "roles"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        roles = [
            ("counter", self.tr("Municipal counter"), self.tr("MyKey IDs, measures, point grants")),
            ("store", self.tr("Store"), self.tr("Card payments and voucher redemption")),
            ("office", self.tr("Commerce-association office"), self.tr("Voucher issue and reconciliation")),
            ("admin", self.tr("Administration"), self.tr("Programmes, measures, reports")),
        ]
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (role, text, sub) in enumerate(roles):
            button = QPushButton(f"{text}\n{sub}")
            button.setObjectName(f"role_{role}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumHeight(140)
            button.clicked.connect(lambda _=False, r=role: self.navigate.emit(f"role:{r}"))
            self.buttons[role] = button
            grid.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title(self.tr("Choose the terminal's role")))
        if ctx.demo:
            note = QLabel(self.tr("Demo mode: everything runs on this computer with sample residents' cards. "
                                  "Use the demo panel to place or remove a sample card."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(grid, 1)
        settings = QPushButton(self.tr("Settings"))
        settings.setObjectName("openSettings")
        settings.clicked.connect(lambda: self.navigate.emit("settings"))
        layout.addWidget(settings, 0, Qt.AlignmentFlag.AlignRight)


class PlaceholderHome(Screen):
    """A role's home that a later issue builds; says so instead of pretending."""

    def __init__(self, ctx: UiContext, role_name: str, role_title: str, plan: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name = f"{role_name}_home"
        text = QLabel(self.tr("This part of the terminal is not built yet. It will offer: %1").replace("%1", plan))
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        text.setProperty("role", "resident")
        back = QPushButton(self.tr("Back to the role chooser"))
        back.clicked.connect(lambda: self.navigate.emit("roles"))
        layout = QVBoxLayout(self)
        layout.addWidget(title(role_title))
        layout.addWidget(text)
        layout.addStretch(1)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)


def placeholder_homes(ctx: UiContext) -> list[PlaceholderHome]:
    return [
        PlaceholderHome(ctx, "store", QCoreApplication.translate("PlaceholderHome", "Store"), QCoreApplication.translate(
            "PlaceholderHome", "card payments with the resident's PIN, voucher QR redemption, offline work and the "
            "day-end settlement.")),
        PlaceholderHome(ctx, "office", QCoreApplication.translate("PlaceholderHome", "Commerce-association office"), QCoreApplication.translate(
            "PlaceholderHome", "issuing and printing point vouchers, batch reconciliation of paper vouchers, voiding "
            "and settlement reports.")),
        PlaceholderHome(ctx, "admin", QCoreApplication.translate("PlaceholderHome", "Administration"), QCoreApplication.translate(
            "PlaceholderHome", "grant programmes, measures, shops and voucher rules, and monthly/yearly reports.")),
    ]
