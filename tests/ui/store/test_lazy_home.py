"""The shop's screens are built on first use (kiosk/ui/main_window.py, Screens): asking for the shop's home must
give the real home, never the placeholder it replaces."""

from __future__ import annotations

from kiosk.ui.roles import PlaceholderHome


def test_the_shop_home_is_the_real_one_not_the_placeholder(shop):
    home = shop.current()
    assert home.name == "store_home"
    assert not isinstance(home, PlaceholderHome)
    assert shop.screens["store_home"] is home
    assert {"store_pay", "store_redeem"} <= {s.name for s in shop.screens.built()}
