"""The shop's own pages of a card payment: the amount (keypad, presets, the point type) and "place the card".
Their texts keep the payment screen's translation context (PayScreen)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.format import local_name
from kiosk.ui.design.style import metrics
from kiosk.ui.screen import page
from kiosk.ui.store.amount_pad import AmountPad
from kiosk.ui.store.base import centred_page
from kiosk.ui.theme import label


def centred(text: str, role: str, name: str | None = None) -> Any:
    widget = label(text, role, name=name)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


class AmountPage(QWidget):
    """The amount in 40 px above the point type, the keys (with presets) on the right, 次へ at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.point_type = TileList(columns=1, compact=True)
        self.point_type.setObjectName("pointType")
        self.pad = AmountPad()
        self.pad.setObjectName("amountPad")
        self.next_button = QPushButton(QCoreApplication.translate("PayScreen", "Next"))
        self.next_button.setObjectName("payNext")
        self.pad.valueChanged.connect(lambda v: self.next_button.setEnabled(v > 0))
        self.next_button.setEnabled(False)
        top = QWidget()
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, top)
        metrics(self.row, 0, "margin")
        left = QVBoxLayout()
        metrics(left, 0, "gap")
        left.addWidget(self.pad.display)
        left.addWidget(self.point_type)
        self.left_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        left.addItem(self.left_end)
        self.row.addLayout(left, 1)
        self.row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(self.above)  # an upright window: the amount and the keys in the middle of the height
        layout.addWidget(page(top, ActionBar(self.next_button)), 1)  # shares the free height with `above`

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side on a wide window; the amount above the keys on an upright one (a tablet held upright)."""
        upright = event.size().height() > event.size().width()
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if upright else QBoxLayout.Direction.LeftToRight)
        self.pad.display.setAlignment(Qt.AlignmentFlag.AlignCenter if upright else
                                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical = QSizePolicy.Policy.Minimum if upright else QSizePolicy.Policy.Expanding
        self.left_end.changeSize(0, 0, QSizePolicy.Policy.Minimum, vertical)
        self.above.changeSize(0, 0, QSizePolicy.Policy.Minimum,
                              QSizePolicy.Policy.Expanding if upright else QSizePolicy.Policy.Fixed)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        super().resizeEvent(event)

    def fill(self, point_types: list[tuple[int, str, str]]) -> None:
        if self.point_type.count():
            return
        for pid, name, name_en in point_types:
            self.point_type.add(local_name(name, name_en), data=pid)
        self.point_type.setCurrentRow(0)
        self.point_type.setVisible(self.point_type.count() > 1)


def card_page(change_amount: Any) -> QWidget:
    """"Place your card" for the resident, with the way back to the amount for the shop."""
    text = centred(QCoreApplication.translate("PayScreen", "Please place your My Number Card on the reader."),
                   "title", "payCardText")
    hint = centred(QCoreApplication.translate("PayScreen", "Keep the card on the reader until the payment is "
                                                           "finished."), "resident")
    change = QPushButton(QCoreApplication.translate("PayScreen", "Change the amount"))
    change.setObjectName("payChangeAmount")
    change.clicked.connect(change_amount)
    return centred_page(centred("▭", "big"), text, hint, actions=ActionBar(None, change))
