"""Demo-only panel: place or remove a sample resident's card on the simulated reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class DemoCardPanel(QFrame):
    def __init__(self, cards: Sequence[Any], insert: Callable[[str], None],
                 remove: Callable[[], None], pins: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBadge")
        self._insert = insert
        self._remove = remove
        heading = QLabel(self.tr("DEMO: sample cards"))
        heading.setObjectName("demoBadgeText")
        self.list = QListWidget()
        self.list.setObjectName("demoResidents")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        for card in cards:
            item = QListWidgetItem(self._label(card))
            item.setData(Qt.ItemDataRole.UserRole, card.key)
            self.list.addItem(item)
        if cards:
            self.list.setCurrentRow(0)
        self.place_button = QPushButton(self.tr("Place card"))
        self.place_button.setObjectName("demoPlace")
        self.place_button.clicked.connect(self.place_selected)
        self.remove_button = QPushButton(self.tr("Remove card"))
        self.remove_button.setObjectName("demoRemove")
        self.remove_button.clicked.connect(self._remove)
        note = QLabel(self.tr("Sample card PINs (public test data): user certificate %1, card text %2.")
                      .replace("%1", pins[0]).replace("%2", pins[1]) if pins else
                      self.tr("PINs of the sample cards are listed in the README."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.place_button)
        layout.addWidget(self.remove_button)
        layout.addWidget(note)

    def _label(self, card: Any) -> str:
        notes = [card.mykey_id] if card.mykey_id else []
        if card.blocked:
            notes.append(self.tr("PIN locked"))
        if card.revoked:
            notes.append(self.tr("revoked certificate"))
        return self.tr("%1 (%2)").replace("%1", card.name).replace(
            "%2", ", ".join(notes) if notes else self.tr("no MyKey ID"))

    def place_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._insert(str(item.data(Qt.ItemDataRole.UserRole)))
