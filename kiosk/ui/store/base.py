"""What every shop screen shares: the shop terminal (`ctx.store`, a kiosk.services.store_terminal.StoreTerminal),
an operation runner of its own (a payment's answer must reach the screen even when the card was lifted and the
resident's session wiped meanwhile), and refusals shown through the result panel with their own colour and sound."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.design.style import metrics
from kiosk.ui.ops import OpRunner
from kiosk.ui.screen import Screen
from kiosk.ui.store.messages import said


class StoreScreen(Screen):
    back_target = "store_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.work = CurrentPageStack()  # the body or the result panel: asks for the room of the one shown
        self.work.setObjectName("workArea")
        self.runner = OpRunner(lambda: 0, parent=self)  # results are matched to attempts by the screen itself
        self._nudged = 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wider than the content cap (the centring column kept margins worked out with the theme of an earlier
        size — seen on the shop's home shown first at 1920×1080): ask the column to work them out again, once per
        width."""
        super().resizeEvent(event)
        from kiosk.ui.design import style

        width, parent = event.size().width(), self.parentWidget()
        if parent is not None and width > style.current().content_width() + 1 and width != self._nudged:
            self._nudged = width
            QApplication.postEvent(parent, QResizeEvent(parent.size(), parent.size()))

    @property
    def terminal(self) -> Any:
        return self.ctx.store

    @property
    def service(self) -> Any:
        return self.ctx.store.service

    @property
    def records(self) -> Any:
        return self.ctx.store.records

    def refusal(self, error: ServiceError, actions: list[Action]) -> Result:
        """A refusal as a result panel: its headline, colour and sound (played here: each refusal has its own)."""
        s = said(error)
        self.ctx.sound(s.sound)
        return Result(s.kind, s.headline, s.detail if s.detail != s.headline else "", actions=actions, sound=False)


class CurrentPageStack(PageStack):
    """A PageStack whose height-for-width is its current page's too (QStackedLayout answers the tallest page's,
    which let a scroll area keep the tallest page's room after a switch). Built here; PageStack itself may take
    it over."""

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return bool(page is not None and page.hasHeightForWidth())

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None:
            return -1
        return max(page.heightForWidth(width), page.minimumSizeHint().height())


def centred_page(*widgets: QWidget, actions: QWidget | None = None) -> QWidget:
    """A page whose content sits in the middle of the work area (tall screens too), its action bar at the bottom."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    metrics(layout, 0, "gap")
    layout.addStretch(1)
    for child in widgets:
        layout.addWidget(child)
    layout.addStretch(1)
    if actions is not None:
        layout.addWidget(actions)
    return widget
