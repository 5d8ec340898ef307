"""Drivers for the shop's screens."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

TIMEOUT = 15000


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_pay(qtbot: Any, shop: Any, amount: int) -> Any:
    click(qtbot, shop.screens["store_home"].buttons["store_pay"])
    pay = shop.current()
    assert pay.name == "store_pay"
    for digit in str(amount):
        click(qtbot, pay.pad.keys[digit])
    assert pay.amount() == amount
    click(qtbot, pay.next_button)
    return pay


def pin(qtbot: Any, pay: Any, value: str = "1234") -> None:
    qtbot.waitUntil(lambda: pay.state == "pin" and pay.pinpad.isVisible(), timeout=TIMEOUT)
    for digit in value:
        click(qtbot, pay.pinpad.digit_buttons[digit])
    click(qtbot, pay.pinpad.ok_button)


def confirm(qtbot: Any, pay: Any) -> None:
    """The resident reads the balance and the statement on their side, and taps Pay (no second PIN)."""
    qtbot.waitUntil(lambda: pay.state == "confirm" and pay.statement.pay.isVisible(), timeout=TIMEOUT)
    click(qtbot, pay.statement.pay)


def place(qtbot: Any, shop: Any, backend: Any, key: str) -> None:
    backend.reader.insert(key)
    qtbot.waitUntil(lambda: shop.session.card_present, timeout=TIMEOUT)


def lift(qtbot: Any, shop: Any, backend: Any) -> None:
    backend.reader.remove()
    qtbot.waitUntil(lambda: not shop.session.card_present, timeout=TIMEOUT)
    qtbot.wait(600)  # the card thread notices the removal (the session may have been wiped already)


def result(qtbot: Any, screen: Any, kind: str | None = None) -> str:
    qtbot.waitUntil(lambda: screen.result_shown() and (kind is None or screen.result_panel.kind() == kind),
                    timeout=TIMEOUT)
    return str(screen.result_panel.text())


def press(qtbot: Any, screen: Any, text: str | None = None) -> None:
    buttons = screen.result_panel.buttons
    chosen = [b for b in buttons if (text is None and b.property("primary")) or (text and b.text() == text)]
    assert chosen, [b.text() for b in buttons]
    click(qtbot, chosen[0])


def shot(window: Any, path: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(path))


def today() -> Any:
    """The shop's day: Japan time (the cloud's and the screens' day), not the machine's."""
    from datetime import datetime, timedelta, timezone

    return datetime.now(timezone(timedelta(hours=9))).date()
