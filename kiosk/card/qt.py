"""The Qt bridge: card events as Qt signals and card results delivered on the GUI thread.

`CardService` stays Qt-free; this QObject subscribes to it and re-emits its events (emitted on the card
thread, delivered to GUI-thread receivers through Qt's queued connections). `deliver()` hands a future's result
or its error (a `CardError` with `message_ja` / `message_en`) to callbacks on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.card.events import (
    CardEvent,
    CardInsertedEvent,
    CardRemovedEvent,
    ReaderAddedEvent,
    ReaderRemovedEvent,
)
from kiosk.card.service import CardService

T = TypeVar("T")


class CardBridge(QObject):
    card_inserted = Signal(str, bool)  # reader, is_my_number_card
    card_removed = Signal(str)  # reader: drop the current resident's state
    reader_added = Signal(str)
    reader_removed = Signal(str)
    readers_changed = Signal(list)  # the reader names now
    _done = Signal(object)  # (callback, value), delivered on the bridge's thread

    def __init__(self, service: CardService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._readers: list[str] = []
        self._done.connect(self._on_done)
        self._unsubscribe = service.subscribe(self._on_event)
        # readers reported before this bridge subscribed
        self.deliver(service.reader_states(), self._initial_readers)

    def _on_event(self, event: CardEvent) -> None:  # card thread
        if isinstance(event, CardInsertedEvent):
            self.card_inserted.emit(event.reader, event.is_my_number_card)
        elif isinstance(event, CardRemovedEvent):
            self.card_removed.emit(event.reader)
        elif isinstance(event, ReaderAddedEvent):
            self._readers = [*self._readers, event.reader]
            self.reader_added.emit(event.reader)
            self.readers_changed.emit(list(self._readers))
        elif isinstance(event, ReaderRemovedEvent):
            self._readers = [r for r in self._readers if r != event.reader]
            self.reader_removed.emit(event.reader)
            self.readers_changed.emit(list(self._readers))

    def _initial_readers(self, states: dict[str, bool]) -> None:
        names = [n for n in states if n not in self._readers]
        if names:
            self._readers = [*self._readers, *names]
            self.readers_changed.emit(list(self._readers))

    @property
    def readers(self) -> list[str]:
        return list(self._readers)

    def deliver(
        self,
        future: Future[T],
        on_success: Callable[[T], Any],
        on_error: Callable[[BaseException], Any] | None = None,
    ) -> None:
        """Call `on_success(result)` or `on_error(exception)` on this object's (the GUI) thread."""

        def done(f: Future[T]) -> None:  # runs on the card thread (or here if already done)
            exc = f.exception()
            if exc is not None:
                if on_error is not None:
                    self._done.emit((on_error, exc))
            else:
                self._done.emit((on_success, f.result()))

        future.add_done_callback(done)

    @Slot(object)
    def _on_done(self, item: tuple[Callable[[Any], Any], Any]) -> None:
        callback, value = item
        callback(value)

    def close(self) -> None:
        self._unsubscribe()
