"""What every shop screen shares: the shop terminal (`ctx.store`, a kiosk.services.store_terminal.StoreTerminal),
an operation runner of its own (a payment's answer must reach the screen even when the card was lifted and the
resident's session wiped meanwhile), and refusals shown through the result panel with their own colour and sound."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.services.errors import ServiceError
from kiosk.ui.context import UiContext
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.ops import OpRunner
from kiosk.ui.screen import Screen
from kiosk.ui.store.messages import said


class StoreScreen(Screen):
    back_target = "store_home"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.runner = OpRunner(lambda: 0, parent=self)  # results are matched to attempts by the screen itself

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
