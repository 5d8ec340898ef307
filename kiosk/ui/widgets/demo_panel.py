"""Demo-only panel: place or remove a sample resident's card on the simulated reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class DemoCardPanel(QFrame):
    def __init__(self, residents: Sequence[tuple[str, str]], insert: Callable[[str], None],
                 remove: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBadge")
        self._insert = insert
        self._remove = remove
        heading = QLabel(self.tr("DEMO: sample cards"))
        heading.setObjectName("demoBadgeText")
        self.list = QListWidget()
        self.list.setObjectName("demoResidents")
        for key, label in residents:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        if residents:
            self.list.setCurrentRow(0)
        self.place_button = QPushButton(self.tr("Place card"))
        self.place_button.setObjectName("demoPlace")
        self.place_button.clicked.connect(self.place_selected)
        self.remove_button = QPushButton(self.tr("Remove card"))
        self.remove_button.setObjectName("demoRemove")
        self.remove_button.clicked.connect(self._remove)
        note = QLabel(self.tr("PINs of the sample cards are listed in the README."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.place_button)
        layout.addWidget(self.remove_button)
        layout.addWidget(note)

    def place_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._insert(str(item.data(Qt.ItemDataRole.UserRole)))
