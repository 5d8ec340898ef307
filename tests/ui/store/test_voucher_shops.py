"""A voucher the municipality's voucher rule does not let this shop take (`voucher_rules.shop_ids`, set by the
administration): the shopkeeper reads "this voucher cannot be used at this shop" — online from the cloud's answer,
offline from the terminal's own check with the rule it pulled from the changes feed — and nothing is redeemed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .helpers import click, press, result, shot, today
from .test_vouchers import open_redeem, redeemed_numbers

SHOTS = Path(os.environ.get("KIOSK_TEST_SHOTS", "/tmp"))


@pytest.fixture
def office(backend: Any) -> Any:
    from kiosk.services.store_demo import DemoOffice

    o = DemoOffice(backend)
    yield o
    o.close()


def _rule_for_another_shop(office: Any, store_terminal: Any) -> int:
    mine = int(store_terminal.credentials.shop_id)
    other = next(int(s["id"]) for s in office.admin.shops()["shops"] if int(s["id"]) != mine)
    office.admin.http.request("PUT", "/v1/admin/voucher-rules/1",
                              json={"validity_days": 180, "max_points": 100_000, "shop_ids": [other]})
    return other


def test_online_the_cloud_refuses_a_shop_not_on_the_rule(qtbot: Any, shop: Any, office: Any,
                                                        store_terminal: Any, sound: Any) -> None:
    voucher = office.issue("suzuki", 200)[0]
    _rule_for_another_shop(office, store_terminal)
    redeem = open_redeem(qtbot, shop)
    redeem.on_scan(voucher["code"])
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)  # online: the cloud decides on redeem
    click(qtbot, redeem.redeem_button)
    text = result(qtbot, redeem, "error")
    shot(shop, SHOTS / "store-voucher-shop-not-allowed-online.png")
    assert "この店舗では使用できません" in text, text
    assert sound.played[-1] == "error"
    assert redeemed_numbers(store_terminal) == []  # the terminal keeps no "used here" record of it ...
    press(qtbot, redeem)
    entries = store_terminal.records.activity(today(), today())
    assert [e for e in entries if e.kind == "redemption"] == []  # ... and the cloud credited nothing
    redeem.on_scan(voucher["code"])  # scanned again: not "already used at this shop" (it was not used here)
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)


def test_offline_the_terminal_refuses_with_the_rule_it_pulled(qtbot: Any, shop: Any, office: Any, backend: Any,
                                                              store_terminal: Any, sound: Any) -> None:
    from tests.ui.ui_helpers import restart_cloud

    voucher = office.issue("suzuki", 300)[0]
    _rule_for_another_shop(office, store_terminal)
    store_terminal.engine.pull_reference()
    assert store_terminal.engine.reference.voucher_shops(1) is not None
    backend.cloud.stop()
    try:
        store_terminal.engine.wake()
        qtbot.waitUntil(lambda: store_terminal.engine.online is False, timeout=30000)
        redeem = open_redeem(qtbot, shop)
        redeem.on_scan(voucher["code"])
        text = result(qtbot, redeem)
        shot(shop, SHOTS / "store-voucher-shop-not-allowed-offline.png")
        assert "この店舗では使用できません" in text, text
        assert redeem.preview is None and redeemed_numbers(store_terminal) == []
        assert store_terminal.engine.outbox.length() == 0  # nothing queued for the cloud
    finally:
        restart_cloud(backend)
