"""Offline payments and the cloud lost mid-payment: pending on screen and on the receipt, the offline limit per
card and day, the payment confirmed once the cloud is back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.ui_helpers import restart_cloud

from .helpers import click, confirm, lift, open_pay, pin, place, press, result, today


def go_offline(qtbot: Any, backend: Any, store_terminal: Any) -> None:
    backend.cloud.stop()
    store_terminal.engine.wake()
    qtbot.waitUntil(lambda: store_terminal.engine.online is False, timeout=30000)


def test_offline_payment_pending_then_confirmed(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    go_offline(qtbot, backend, store_terminal)
    shop.go("store_home")
    assert "オフライン" in shop.current().connection.text() or "Offline" in shop.current().connection.text()
    pay = open_pay(qtbot, shop, 300)
    place(qtbot, shop, backend, "takahashi")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "confirm", timeout=15000)  # the resident sees the offline allowance
    assert "3,000" in pay.statement.heading.text() and "3,000" in pay.statement.table.findChild(
        type(pay.statement.heading), "allowance0").text()
    confirm(qtbot, pay)
    text = result(qtbot, pay, "queued")
    assert "300" in text and "2,700" in text  # pending, and what the offline limit (3,000) still allows
    receipt = store_terminal.records.payment_receipt(pay.payment, "府中市ポイント")
    assert receipt.header.pending and receipt.balance_after is None  # 未確定 on the receipt, no balance offline
    assert store_terminal.engine.outbox.length() == 1
    lift(qtbot, shop, backend)
    press(qtbot, pay)
    restart_cloud(backend)
    store_terminal.engine.wake()
    qtbot.waitUntil(lambda: store_terminal.engine.outbox.length() == 0, timeout=30000)
    entries = store_terminal.records.activity(today(), today())
    assert [(e.kind, e.points, e.pending) for e in entries] == [("payment", 300, False)]  # confirmed by the cloud


def test_offline_limit_per_card_and_day(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    go_offline(qtbot, backend, store_terminal)
    pay = open_pay(qtbot, shop, 3500)  # the demo's offline limit is 3,000 a card a day
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "short", timeout=15000)
    assert "3,000" in pay.short_text.text()
    click(qtbot, pay.use_all)
    result(qtbot, pay, "queued")
    press(qtbot, pay)
    lift(qtbot, shop, backend)
    pay = open_pay(qtbot, shop, 100)  # the same card again today: nothing left offline
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "short", timeout=15000)
    assert not pay.use_all.isEnabled()
    assert store_terminal.engine.outbox.length() == 1


def test_cloud_lost_after_the_pin_pays_offline(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    """The card was read online (balance known); the cloud goes away before the payment: it is taken offline with
    the same signed consent, within the offline limit, and marked pending."""
    pay = open_pay(qtbot, shop, 2600)  # more than the balance: the shop sees it and takes what there is
    place(qtbot, shop, backend, "suzuki")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "short", timeout=15000)
    assert pay.visit is not None and pay.visit.online
    go_offline(qtbot, backend, store_terminal)
    click(qtbot, pay.use_all)  # 2,000 of the point type: within the 3,000 offline limit
    text = result(qtbot, pay, "queued")
    assert "2,000" in text
    assert store_terminal.engine.outbox.length() == 1


@pytest.fixture
def answer_wait() -> float:
    return 1.0


def test_cloud_silent_mid_payment_is_not_accepted(qtbot: Any, shop: Any, backend: Any, store_terminal: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The terminal still thinks it is online and sends the payment, but no answer comes: the shop is told it is
    not confirmed (do not hand over the goods), and can check again; once the cloud answers, it is confirmed."""
    pay = open_pay(qtbot, shop, 400)
    place(qtbot, shop, backend, "yamada")
    engine = store_terminal.engine
    real_submit = engine.submit

    def submit_while_cloud_gone(kind: str, payload: Any, **kw: Any) -> Any:
        backend.cloud.stop()  # the cloud goes away as the payment is sent
        return real_submit(kind, payload, **kw)

    monkeypatch.setattr(engine, "submit", submit_while_cloud_gone)
    pin(qtbot, pay)
    confirm(qtbot, pay)
    text = result(qtbot, pay, "warning")
    assert "400" in text
    monkeypatch.setattr(engine, "submit", real_submit)
    restart_cloud(backend)
    engine.wake()
    qtbot.waitUntil(lambda: engine.outbox.length() == 0, timeout=30000)
    press(qtbot, pay, "もう一度確かめる")
    result(qtbot, pay, "success")
