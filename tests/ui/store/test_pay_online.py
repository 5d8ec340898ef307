"""A card payment online, end to end: the software card, the real local cloud, the real sync engine."""

from __future__ import annotations

from typing import Any

from .helpers import open_pay, pin, place, press, result, shot


def test_payment_online(qtbot: Any, shop: Any, backend: Any, sound: Any, tmp_path: Any) -> None:
    pay = open_pay(qtbot, shop, 500)
    assert pay.amount_banner.isVisible() and "500" in pay.amount_banner.text()
    shot(shop, tmp_path / "card.png")
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    text = result(qtbot, pay, "success")
    assert "500" in text and "1,500" in text  # paid, and the new balance (2,000 − 500)
    assert "paid" in sound.played
    shot(shop, tmp_path / "paid.png")
    press(qtbot, pay)  # 次の方へ: one tap
    assert pay.state == "amount" and pay.amount() == 0 and not pay.result_shown()
