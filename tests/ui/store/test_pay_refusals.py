"""Every refusal of a card payment, each its own plain message — and nothing paid (the shop's activity in the
cloud stays empty)."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import click, confirm, lift, open_pay, pin, place, press, result, today


def nothing_paid(store_terminal: Any) -> bool:
    return not [e for e in store_terminal.records.activity(today(), today()) if e.kind == "payment"]


def test_wrong_pin_tries_left_and_last_try_warning(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    pay = open_pay(qtbot, shop, 100)
    place(qtbot, shop, backend, "suzuki")
    pin(qtbot, pay, "9999")
    qtbot.waitUntil(lambda: pay.state == "pin" and pay.pinpad.notice.isVisible(), timeout=15000)
    assert pay.pinpad.tries_left() == 2 and "暗証番号" in pay.pinpad.notice.text()
    pin(qtbot, pay, "9998")
    qtbot.waitUntil(lambda: pay.state == "pin" and pay.pinpad.tries_left() == 1, timeout=15000)
    assert pay.pinpad.warning.isVisible() and "⚠" in pay.pinpad.warning.text()  # the last-try warning
    pin(qtbot, pay, "1234")
    confirm(qtbot, pay)
    result(qtbot, pay, "success")


@pytest.mark.parametrize(("key", "words"), [
    ("tanaka", ("ロック", "locked")),  # a blocked PIN
    ("sato", ("失効", "revoked")),  # a revoked certificate
    ("kobayashi", ("マイキーID", "MyKey ID")),  # no MyKey ID
])
def test_card_refusals(qtbot: Any, shop: Any, backend: Any, store_terminal: Any, key: str,
                       words: tuple[str, str]) -> None:
    pay = open_pay(qtbot, shop, 100)
    place(qtbot, shop, backend, key)
    if key != "tanaka":
        pin(qtbot, pay)
    text = result(qtbot, pay, "error")
    assert any(w in pay.result_panel.headline.text() for w in words), text
    assert nothing_paid(store_terminal)


def test_suspended_mykey_id(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    from kiosk.services.store_demo import DemoOffice

    office = DemoOffice(backend)
    try:
        office.suspend(backend.info["residents"]["ito"])
    finally:
        office.close()
    pay = open_pay(qtbot, shop, 100)
    place(qtbot, shop, backend, "ito")
    pin(qtbot, pay)
    result(qtbot, pay, "error")
    assert "停止" in pay.result_panel.text() or "suspended" in pay.result_panel.text()
    assert nothing_paid(store_terminal)


def test_too_few_points_is_said_before_paying(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    pay = open_pay(qtbot, shop, 5000)
    place(qtbot, shop, backend, "takahashi")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "short", timeout=15000)
    assert "2,000" in pay.short_text.text() and "5,000" in pay.short_text.text()
    assert nothing_paid(store_terminal)
    cancel = next(b for b in pay.short_page.findChildren(type(pay.use_all)) if b.objectName() == "payShortCancel")
    click(qtbot, cancel)
    assert pay.state == "amount" and not shop.session.card_present  # wiped: ready for the next customer
    assert nothing_paid(store_terminal)


def test_card_lifted_before_paying(qtbot: Any, shop: Any, backend: Any, store_terminal: Any, sound: Any) -> None:
    pay = open_pay(qtbot, shop, 300)
    place(qtbot, shop, backend, "suzuki")
    qtbot.waitUntil(lambda: pay.state == "pin", timeout=15000)
    for digit in "12":
        click(qtbot, pay.pinpad.digit_buttons[digit])
    lift(qtbot, shop, backend)
    text = result(qtbot, pay, "error")
    assert "カード" in text and pay.pinpad.length() == 0  # the half-typed PIN is gone
    assert nothing_paid(store_terminal)
    press(qtbot, pay, "もう一度試す")
    assert pay.state == "card" and pay.amount() == 300  # the same amount, waiting for the card again
    place(qtbot, shop, backend, "suzuki")
    pin(qtbot, pay)
    confirm(qtbot, pay)
    result(qtbot, pay, "success")
