"""Keyboard-wedge scanners on the shop's screens: an application-wide key filter that feeds every key's text and
every input method's commit string to kiosk.scan's WedgeAssembler before any widget sees it. A scan is routed to
`scanned` (never into the focused field); what a person typed is handed on to the focused widget as it was.
Active only while `is_active()` says so (the shop's screens, never its PIN pad)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.scan.wedge import Scan, Typed, WedgeAssembler

_PASS_KEYS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


class WedgeFilter(QObject):
    scanned = Signal(str)

    def __init__(self, is_active: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_active = is_active
        self.assembler = WedgeAssembler()
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._poll)
        self.last_scan_at: float | None = None  # monotonic time a scan was handed on (benchmarks, tests)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.is_active():
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is not QApplication.focusWidget() and QApplication.focusWidget() is not None:
                return False  # the same key event reaches the filter once per widget up the chain: take it once
            text = _PASS_KEYS.get(Qt.Key(event.key()), event.text())
            if not text:
                self._deliver(self.assembler.feed("", time.monotonic()))
                return False
            self._deliver(self.assembler.feed(text, time.monotonic()))
            self._arm()
            return True
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent) and event.commitString():
            self._deliver(self.assembler.feed(event.commitString(), time.monotonic()))
            self._arm()
            return True
        return False

    def _arm(self) -> None:
        deadline = self.assembler.deadline()
        if deadline is not None:
            self._timer.start(max(1, int((deadline - time.monotonic()) * 1000) + 1))

    def _poll(self) -> None:
        self._deliver(self.assembler.poll(time.monotonic()))
        self._arm()

    def _deliver(self, events: list[Scan | Typed]) -> None:
        for event in events:
            if isinstance(event, Scan):
                self.last_scan_at = time.monotonic()
                self.scanned.emit(event.text)
            else:
                self._replay(event.text)

    def _replay(self, text: str) -> None:
        target = QApplication.focusWidget()
        if target is None or not text:
            return
        self._replaying = True
        try:
            for ch in text:
                key = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\b": Qt.Key.Key_Backspace,
                       "\x1b": Qt.Key.Key_Escape}.get(ch, Qt.Key.Key_unknown)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        finally:
            self._replaying = False
