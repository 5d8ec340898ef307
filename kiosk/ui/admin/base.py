"""What every administration screen shares: the admin terminal (`ctx.admin`), its operation runner, outcomes
through the result panel, and a read-only table that fits the window (no horizontal scroll bar)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.choices import Segmented
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.ops import OpRunner
from kiosk.ui.screen import Screen


class AdminScreen(Screen):
    back_target = "admin_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = OpRunner(lambda: 0, parent=self)

    @property
    def service(self) -> Any:
        return self.ctx.admin.service

    def run(self, fn: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[ServiceError], None] | None = None) -> None:
        self.runner.run(fn, done, failed or self.show_error)

    def done(self, headline: str, detail: str = "", kind: str = "success", stay: bool = True) -> None:
        actions = [Action(self.tr("OK"), self.close_result, primary=True)] if stay else [
            Action(self.tr("Back to the administration menu"), lambda: self.navigate.emit("admin_home"),
                   primary=True)]
        self.show_result(Result(kind, headline, detail, actions=actions))

    def done_then(self, headline: str, detail: str, then: Callable[[], None]) -> Callable[[Any], None]:
        """An operation's `done`: say it went through, then reload what the screen shows."""
        def finish(_result: Any) -> None:
            self.done(headline, detail)
            then()

        return finish


def table(name: str, headers: Sequence[str], multi: bool = False, stretch: int = 1) -> QTableWidget:
    """A read-only table: columns as wide as their contents, column `stretch` takes the rest of the width."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(list(headers))
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                            else QAbstractItemView.SelectionMode.SingleSelection)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.setProperty("stretchColumn", stretch)
    set_columns(widget, headers)
    widget.setWordWrap(False)
    widget.verticalHeader().setDefaultSectionSize(44)
    return widget


def set_columns(widget: QTableWidget, headers: Sequence[str]) -> None:
    widget.setColumnCount(len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    header = widget.horizontalHeader()
    stretch = min(int(widget.property("stretchColumn") or 0), max(0, len(headers) - 1))
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)


def fill(widget: QTableWidget, rows: Sequence[Sequence[Any]], data: Sequence[Any] | None = None) -> None:
    """Rows of cells (numbers right-aligned with thousands separators); `data` kept on each row's first cell."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            number = isinstance(value, int) and not isinstance(value, bool)
            text = f"{value:,}" if number else ("" if value is None else str(value))
            item = QTableWidgetItem(text)
            if number:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            widget.setItem(r, c, item)


def selected_data(widget: QTableWidget) -> list[Any]:
    rows = sorted({index.row() for index in widget.selectionModel().selectedRows()})
    items = [widget.item(r, 0) for r in rows]
    return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]


def when(text: str | None) -> str:
    """An ISO time as Japan time 'YYYY/MM/DD HH:MM' (or a dash)."""
    from datetime import datetime, timedelta, timezone

    if not text:
        return "—"
    try:
        return datetime.fromisoformat(text).astimezone(timezone(timedelta(hours=9))).strftime("%Y/%m/%d %H:%M")
    except ValueError:
        return text


LONG_LABEL = 22  # characters: longer choice labels go two a row


class ChoiceGrid(Segmented):
    """Segmented choices in rows of `columns` (six report or set-up sections do not fit side by side)."""

    def __init__(self, options: list[tuple[str, Any]], columns: int = 3, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self._columns = self._asked = columns
        self._compact = compact
        self._grid = QGridLayout()
        metrics(self._grid, 0, 0)
        self._row.addLayout(self._grid)
        for text, data in options:
            self.addItem(text, data)

    def addItem(self, label: str, data: Any = None) -> None:
        super().addItem(label, data)
        button = self.buttons[-1]
        if self._compact:  # short labels: narrower than the theme's segment width
            button.setStyleSheet("min-width: 0px; padding-left: 6px; padding-right: 6px;")
        button.setToolTip(label)
        self._row.removeWidget(button)
        if len(label) > LONG_LABEL and self._columns > 2:
            # long names (a measure's English name) would be cut at both ends in a third of the row: two a row
            self._columns = 2
            for i, placed in enumerate(self.buttons[:-1]):
                self._grid.removeWidget(placed)
                self._grid.addWidget(placed, i // self._columns, i % self._columns)
        index = len(self.buttons) - 1
        self._grid.addWidget(button, index // self._columns, index % self._columns)

    def clear(self) -> None:
        super().clear()
        self._columns = self._asked
