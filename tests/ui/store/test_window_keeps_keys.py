"""The shop's window keeps the keyboard: a keyboard-wedge scanner types into whatever has the focus, so no widget
may flash up as a window of its own while the screens are built (it would take the activation and the scan with
it — a parentless label shown for a moment did exactly that when the shop's screens came to be built lazily)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class _Shown(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.windows: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.windows.append(type(watched).__name__)
        return False


@pytest.fixture
def shown() -> Iterator[_Shown]:
    spy = _Shown()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    yield spy
    app.removeEventFilter(spy)


def test_only_the_main_window_is_shown_and_it_stays_active(qtbot: Any, shown: _Shown, shop: Any) -> None:
    shop.screens["store_redeem"]  # every shop screen built
    assert shown.windows == ["MainWindow"]
    qtbot.waitUntil(shop.isActiveWindow, timeout=3000)
    redeem = shop.screens["store_redeem"]
    shop.go("store_redeem")
    redeem.code_field.edit.setFocus()
    assert QApplication.focusWidget() is redeem.code_field.edit
