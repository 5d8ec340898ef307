"""Choosing on a touch screen: large tiles (title + detail lines) and segmented buttons instead of drop-downs.

`TileList` and `Segmented` answer the few calls the screens and tests used on QListWidget / QComboBox
(count, setCurrentRow/currentRow, findData/currentData/setCurrentIndex), so a choice reads the same everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.design.style import metrics


class Tile(QPushButton):
    """A large button with a bold title and smaller detail lines (and a ✖ line when it cannot be chosen)."""

    def __init__(self, title: str, detail: str = "", refusal: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("tile", True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # titles wrap: the tile grows to hold every line
        self.setSizePolicy(policy)
        self.title_label = self._part(title, "title")
        self.detail_label = self._part(detail, "sub")
        self.refusal_label = self._part(f"✖ {refusal}" if refusal else "", "refusal")
        layout = QVBoxLayout(self)
        metrics(layout, ("gap", "tight", "gap", "tight"), 4)
        layout.addStretch(1)
        for label in (self.title_label, self.detail_label, self.refusal_label):
            layout.addWidget(label)
            label.setVisible(bool(label.text()))
        layout.addStretch(1)

    def _part(self, text: str, part: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("tilePart", part)
        label.setWordWrap(True)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def text(self) -> str:
        return "\n".join(p.text() for p in (self.title_label, self.detail_label, self.refusal_label) if p.text())

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        layout = self.layout()
        if layout is not None:
            hint = hint.expandedTo(layout.sizeHint())
        return hint

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        """Narrow enough to wrap its lines (a push button would otherwise insist on one line of text)."""
        layout = self.layout()
        height = layout.minimumSize().height() if layout is not None else 0
        return QSize(self.fontMetrics().horizontalAdvance("M") * 6, max(height, self.minimumHeight()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return max(self.minimumHeight(), layout.totalHeightForWidth(width) if layout else 0)


def task_tiles(tasks: Sequence[tuple[str, str, str]], go: Callable[[str], None],
               columns: int = 2) -> tuple[QGridLayout, dict[str, Tile]]:
    """A home's tasks as tiles that fill the room (`tasks`: target, title, sub-text; object names `task_<target>`),
    `columns` a row; pressing one calls `go(target)`. The grid and the tiles by target."""
    grid = QGridLayout()
    metrics(grid, 0, "gap")
    tiles: dict[str, Tile] = {}
    for i, (target, text, sub) in enumerate(tasks):
        tile = Tile(text, sub)
        tile.setObjectName(f"task_{target}")
        tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        tile.clicked.connect(lambda _=False, t=target: go(t))
        tiles[target] = tile
        grid.addWidget(tile, i // columns, i % columns)
    return grid, tiles


class TileList(QWidget):
    """One choice among tiles, laid out in `columns` columns."""

    currentRowChanged = Signal(int)
    activated = Signal(int)  # a tile pressed (already the current one or not)

    def __init__(self, columns: int = 1, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._compact = compact
        self._grid = QGridLayout(self)
        metrics(self._grid, 0, "tight")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._tiles: list[Tile] = []
        self._data: list[Any] = []
        self._row = -1

    def clear(self) -> None:
        for tile in self._tiles:
            self._group.removeButton(tile)
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self._tiles, self._data, self._row = [], [], -1

    def add(self, title: str, detail: str = "", data: Any = None, refusal: str = "") -> Tile:
        tile = Tile(title, detail, refusal)
        tile.setCheckable(True)
        tile.setProperty("compact", self._compact)
        policy = tile.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # columns of equal width, whatever the text
        tile.setSizePolicy(policy)
        index = len(self._tiles)
        tile.clicked.connect(lambda _=False, i=index: self._clicked(i))
        self._group.addButton(tile)
        self._grid.addWidget(tile, index // self._columns, index % self._columns)
        self._grid.setColumnStretch(index % self._columns, 1)
        self._tiles.append(tile)
        self._data.append(data)
        return tile

    def _clicked(self, index: int) -> None:
        self.setCurrentRow(index)
        self.activated.emit(index)

    def count(self) -> int:
        return len(self._tiles)

    def item(self, row: int) -> Tile:
        return self._tiles[row]

    def data(self, row: int) -> Any:
        return self._data[row]

    def currentRow(self) -> int:
        return self._row

    # the drop-down vocabulary, so that a TileList can stand where a QComboBox stood
    def findData(self, data: Any) -> int:
        return self._data.index(data) if data in self._data else -1

    def currentData(self) -> Any:
        return self._data[self._row] if 0 <= self._row < len(self._data) else None

    def setCurrentIndex(self, index: int) -> None:
        self.setCurrentRow(index)

    def setCurrentRow(self, row: int) -> None:
        if row == self._row:
            return
        self._row = row
        if 0 <= row < len(self._tiles):
            self._tiles[row].setChecked(True)
        else:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
        self.currentRowChanged.emit(row)


class Segmented(QWidget):
    """Two to five options side by side, one checked (a touch replacement for a drop-down or a checkbox)."""

    changed = Signal(object)  # the chosen option's data

    def __init__(self, options: list[tuple[str, Any]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        metrics(self._row, 0, 0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        self._data: list[Any] = []
        for label, data in options or []:
            self.addItem(label, data)

    def addItem(self, label: str, data: Any = None) -> None:
        button = QPushButton(label)
        button.setCheckable(True)
        button.setProperty("segment", True)
        index = len(self.buttons)
        button.clicked.connect(lambda _=False, i=index: self.setCurrentIndex(i))
        self._group.addButton(button)
        self._row.addWidget(button, 1)
        self.buttons.append(button)
        self._data.append(data)
        for i, b in enumerate(self.buttons):
            b.setProperty("first", i == 0)
            b.setProperty("last", i == len(self.buttons) - 1)

    def clear(self) -> None:
        for button in self.buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons, self._data = [], []

    def count(self) -> int:
        return len(self.buttons)

    def findData(self, data: Any) -> int:
        return self._data.index(data) if data in self._data else -1

    def currentIndex(self) -> int:
        checked = self._group.checkedButton()
        return self.buttons.index(checked) if checked in self.buttons else -1

    def currentData(self) -> Any:
        index = self.currentIndex()
        return self._data[index] if index >= 0 else None

    def setCurrentIndex(self, index: int) -> None:
        before = self.currentIndex()
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
        else:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
        if self.currentIndex() != before or index >= 0:
            self.changed.emit(self.currentData())

    def setCurrentData(self, data: Any) -> None:
        self.setCurrentIndex(self.findData(data))
