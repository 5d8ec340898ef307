"""Role chooser (demo and first start) and honest placeholder homes for roles built in later issues."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import Tile
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import Screen
from kiosk.ui.theme import label


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
        metrics(grid, 0, "gap")
        self.buttons: dict[str, Tile] = {}
        for i, (role, text, sub) in enumerate(roles):
            tile = Tile(text, sub)
            tile.setObjectName(f"role_{role}")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, r=role: self.navigate.emit(f"role:{r}"))
            self.buttons[role] = tile
            grid.addWidget(tile, i // 2, i % 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        if ctx.demo:
            layout.addWidget(label(self.tr("Demo mode: everything runs on this computer with sample residents' "
                                           "cards. Use the demo panel to place or remove a sample card."), "muted"))
        layout.addLayout(grid, 1)
        settings = QPushButton(self.tr("Settings"))
        settings.setObjectName("openSettings")
        settings.clicked.connect(lambda: self.navigate.emit("settings"))
        layout.addWidget(ActionBar(None, settings))
        self.frame(self.tr("Choose the terminal's role"), body, back=None)


class PlaceholderHome(Screen):
    """A role's home that a later issue builds; says so instead of pretending."""

    back_target = "roles"

    def __init__(self, ctx: UiContext, role_name: str, role_title: str, plan: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name = f"{role_name}_home"
        text = label(self.tr("This part of the terminal is not built yet. It will offer: %1").replace("%1", plan),
                     "resident", name="placeholderText")
        box = QFrame()
        box.setProperty("role", "card")
        inner = QVBoxLayout(box)
        metrics(inner, "margin", "gap")
        inner.addWidget(text)
        body = QWidget()
        layout = QVBoxLayout(body)
        metrics(layout, 0, "gap")
        layout.addStretch(1)
        layout.addWidget(box)
        layout.addStretch(2)
        self.frame(role_title, body, back=self.tr("Back to the role chooser"))


def placeholder_homes(ctx: UiContext) -> list[PlaceholderHome]:
    homes = [
        PlaceholderHome(ctx, "store", QCoreApplication.translate("PlaceholderHome", "Store"), QCoreApplication.translate(
            "PlaceholderHome", "card payments with the resident's PIN, voucher QR redemption, offline work and the "
            "day-end settlement.")),
        PlaceholderHome(ctx, "office", QCoreApplication.translate("PlaceholderHome", "Commerce-association office"), QCoreApplication.translate(
            "PlaceholderHome", "issuing and printing point vouchers, batch reconciliation of paper vouchers, voiding "
            "and settlement reports.")),
        PlaceholderHome(ctx, "admin", QCoreApplication.translate("PlaceholderHome", "Administration"), QCoreApplication.translate(
            "PlaceholderHome", "grant programmes, measures, shops and voucher rules, and monthly/yearly reports.")),
    ]
    built = {"store_home": ctx.store is not None, "office_home": getattr(ctx, "office", None) is not None,
             "admin_home": getattr(ctx, "admin", None) is not None}  # issue 12 builds the administration
    return [h for h in homes if not built.get(h.name)]  # issue 10 builds the shop, issue 11 the office
