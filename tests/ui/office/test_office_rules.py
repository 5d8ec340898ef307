"""The issue screen offers only what the municipality's voucher rule allows (issue 11/12), and a rule tightened
while the clerk is on the screen is refused by the cloud with its message and nothing issued — on SQLite and
PostgreSQL (the office conftest's backend)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from .test_office_flow import TIMEOUT, card_and_pin, click, lift, open_task, press, result

JST = timezone(timedelta(hours=9))


def _rule(admin: Any, validity_days: int, max_points: int) -> None:
    admin.http.request("PUT", "/v1/admin/voucher-rules/1", json={"validity_days": validity_days,
                                                                 "max_points": max_points})


def _balance(admin: Any, backend: Any) -> int:
    data = admin.http.request("GET", f"/v1/balances/{backend.info['residents']['suzuki']}")
    return int(next(a["balance"] for a in data["accounts"] if a["point_type_id"] == 1))


def test_the_issue_screen_offers_only_what_the_voucher_rule_allows(qtbot: Any, office: Any, backend: Any) -> None:
    from kiosk.ui.office.screenshots import _admin

    win = office
    admin = _admin(backend)
    try:
        _rule(admin, 60, 1000)
        screen = open_task(qtbot, win, "office_issue")
        card_and_pin(qtbot, win, backend, screen)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.amount_page, timeout=TIMEOUT)
        offered = [screen.per_voucher.buttons[i].text() for i in range(screen.per_voucher.count())]
        assert offered == ["500", "1,000"]  # 2,000 and 5,000 are over the rule
        days = [screen.validity.buttons[i].text() for i in range(screen.validity.count())]
        assert len(days) == 2 and "30" in days[0] and "60" in days[1]
        assert screen.validity.currentData() == 60  # the rule's validity is the default
        assert "1,000" in screen.rule_label.text() and "60" in screen.rule_label.text()

        screen.per_voucher.setCurrentData(1000)
        screen.count.setCurrentIndex(0)
        click(qtbot, screen.next_button)
        assert "60" in screen.statement_detail.text()
        click(qtbot, screen.issue_button)
        result(qtbot, screen, "success")
        (voucher,) = screen.issued
        until = datetime.fromisoformat(voucher.valid_until).astimezone(JST).date()
        assert voucher.points == 1000 and until == (datetime.now(JST) + timedelta(days=60)).date()
        press(qtbot, screen)
        lift(qtbot, win, backend)

        # the municipality tightens the rule while the next resident is on the screen: the cloud refuses
        screen = open_task(qtbot, win, "office_issue")
        card_and_pin(qtbot, win, backend, screen)
        qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.amount_page, timeout=TIMEOUT)
        screen.per_voucher.setCurrentData(1000)
        screen.count.setCurrentIndex(0)
        _rule(admin, 60, 500)
        before = _balance(admin, backend)
        click(qtbot, screen.next_button)
        click(qtbot, screen.issue_button)
        text = result(qtbot, screen, "error")
        assert "ポイント券ルール" in text  # the cloud's own message (voucher_points_over_rule)
        assert _balance(admin, backend) == before  # nothing was debited
    finally:
        admin.close()


def test_a_bundle_from_a_shop_the_rule_does_not_name_says_so(qtbot: Any, office: Any, backend: Any) -> None:
    """Reconciling at a shop the voucher rule leaves out: the result names that outcome (利用対象外の店舗), not
    a plain "not valid", and nothing is accepted."""
    from kiosk.ui.office.screenshots import _admin

    from .test_office_flow import issue

    win = office
    admin = _admin(backend)
    try:
        (voucher,) = issue(qtbot, win, backend, count_index=0)
        win.go("office_home")
        rec = open_task(qtbot, win, "office_reconcile")
        qtbot.waitUntil(lambda: rec.shop.count() > 1, timeout=TIMEOUT)
        rec.shop.setCurrentIndex(0)
        here = int(rec.shop.currentData())
        other = next(int(rec.shop.data(i)) for i in range(rec.shop.count()) if int(rec.shop.data(i)) != here)
        admin.http.request("PUT", "/v1/admin/voucher-rules/1", json={"validity_days": 180, "max_points": 5000,
                                                                     "shop_ids": [other]})
        rec.add_code(voucher.code)
        click(qtbot, rec.close_button)
        text = result(qtbot, rec)
        assert rec.result_panel.kind() == "warning"
        assert "利用対象外の店舗 1" in text and "有効ではありません" not in text
    finally:
        admin.close()
