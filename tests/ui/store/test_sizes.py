"""Every shop screen at 1280×800, 1920×1080 and 800×1280 (a 10-inch tablet held upright): no scroll bar, touch
targets of 56 px or more, the content capped, no primary button enabled while it cannot act."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.design_checks import check_screen

from .conftest import SIZES
from .helpers import click, confirm, place, result


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window_size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return tuple(request.param)  # type: ignore[return-value]


def test_every_shop_screen_fits(qtbot: Any, shop: Any, backend: Any, window_size: tuple[int, int]) -> None:
    qtbot.wait(300)  # the window's first resize and theme
    problems = check_screen(qtbot, shop, "home")
    click(qtbot, shop.screens["store_home"].buttons["store_pay"])
    pay = shop.current()
    problems += check_screen(qtbot, shop, "pay amount")
    assert not pay.next_button.isEnabled()  # nothing entered: 次へ cannot act
    click(qtbot, pay.pad.keys["5"])
    click(qtbot, pay.pad.keys["00"])
    click(qtbot, pay.next_button)
    problems += check_screen(qtbot, shop, "pay card")
    place(qtbot, shop, backend, "yamada")
    qtbot.waitUntil(lambda: pay.state == "pin", timeout=15000)
    problems += check_screen(qtbot, shop, "pay PIN")
    for digit in "1234":
        click(qtbot, pay.pinpad.digit_buttons[digit])
    click(qtbot, pay.pinpad.ok_button)
    qtbot.waitUntil(lambda: pay.state == "confirm", timeout=15000)
    problems += check_screen(qtbot, shop, "pay balance")
    confirm(qtbot, pay)
    result(qtbot, pay, "success")
    problems += check_screen(qtbot, shop, "pay result")
    for name in ("store_redeem", "store_recent", "store_dayend"):
        shop.go(name)
        screen = shop.current()
        if name == "store_recent":
            qtbot.waitUntil(lambda s=screen: s.tiles.count() == 1, timeout=15000)
        if name == "store_dayend":
            qtbot.waitUntil(lambda s=screen: s.settlement is not None, timeout=15000)
        problems += check_screen(qtbot, shop, name)
    assert problems == [], problems
