"""A stack of pages that asks only for the room its current page needs.

A QStackedWidget asks for the largest page's room — in height-for-width too, which its QStackedLayout answers for
the tallest page — so one tall or wide page would make every page of a screen scroll. Here the pages sit in a
plain box layout and only the current one is shown: a layout ignores hidden widgets, so the stack's size is the
current page's. No Qt virtual is overridden in Python (safe while windows are being destroyed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PageStack(QWidget):
    """The QStackedWidget calls the screens use: addWidget, setCurrentWidget/Index, currentWidget/Index, count,
    widget, indexOf, removeWidget and the currentChanged signal."""

    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, widget: QWidget) -> int:
        self._pages.append(widget)
        self._box.addWidget(widget, 1)
        if self._current < 0:
            self._current = 0
            widget.setVisible(True)
            self.currentChanged.emit(0)
        else:
            widget.setVisible(False)
        return len(self._pages) - 1

    def removeWidget(self, widget: QWidget) -> None:
        if widget not in self._pages:
            return
        index = self._pages.index(widget)
        current = self.currentWidget()
        self._pages.remove(widget)
        self._box.removeWidget(widget)
        widget.setVisible(False)
        if widget is current:
            self._current = -1
            if self._pages:
                self.setCurrentIndex(min(index, len(self._pages) - 1))
        elif current is not None:
            self._current = self._pages.index(current)

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def indexOf(self, widget: QWidget) -> int:
        return self._pages.index(widget) if widget in self._pages else -1

    def currentWidget(self) -> QWidget | None:
        return self.widget(self._current)

    def currentIndex(self) -> int:
        return self._current

    def setCurrentWidget(self, widget: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(widget))

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self._pages) or index == self._current:
            return
        old = self.currentWidget()
        self._current = index
        new = self._pages[index]
        new.setVisible(True)  # show the new page first: focus and geometry move without a gap
        if old is not None:
            old.setVisible(False)
        self._box.activate()  # lay the new page out now: until the posted layout request, both pages share the room
        self.updateGeometry()
        self.currentChanged.emit(index)
