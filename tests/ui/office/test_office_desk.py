"""The exchange desk and the bank transfer file end to end (issue 11), software card and a real local cloud:
gift certificates for points with the resident's PIN and consent, points sold for cash (receipt, the day's cash on
the home), a shop's bank account checked against the code list on screen, and the Zengin file of a closed period."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from .test_office_flow import TIMEOUT, card_and_pin, click, lift, open_task, press, result


def _rule(backend: Any) -> None:
    from kiosk.ui.office.screenshots import _admin

    admin = _admin(backend)  # the municipality's cash terms (20 %), and the association's own account
    admin.http.request("PUT", "/v1/office/payer-account", json={
        "bank_code": "0001", "branch_code": "001", "account_type": "1", "account_number": "1111111",
        "holder": "フチュウショウテンガイ", "requester_code": "1234567890"})
    admin.close()


def test_exchange_cash_sale_bank_account_and_transfer_file(qtbot: Any, office: Any, backend: Any) -> None:
    _rule(backend)
    win = office
    desk = open_task(qtbot, win, "office_desk")
    card_and_pin(qtbot, win, backend, desk, "yamada")
    qtbot.waitUntil(lambda: desk.stack.currentWidget() is desk.form_page and desk.payee_id is not None,
                    timeout=TIMEOUT)
    desk.denomination.setCurrentIndex(1)  # 1,000 yen certificates
    desk.serials.edit.setText("GC-000101 GC-000102")
    assert desk.exchange_points() == 2000 and desk.go_button.isEnabled()
    desk.serials.edit.setText("GC-000101")
    click(qtbot, desk.go_button)
    text = result(qtbot, desk, "success")
    assert "GC-000101" in text
    press(qtbot, desk)
    lift(qtbot, win, backend)

    desk = open_task(qtbot, win, "office_desk")
    card_and_pin(qtbot, win, backend, desk, "yamada")
    qtbot.waitUntil(lambda: desk.stack.currentWidget() is desk.form_page, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: desk.rule is not None, timeout=TIMEOUT)
    desk.kind.setCurrentIndex(2)
    desk.cash.setCurrentIndex(1)  # 3,000 yen
    assert "3,600" in desk.quote.text()
    click(qtbot, desk.go_button)
    text = result(qtbot, desk, "success")
    assert "CS-00000001" in text and "3,600" in text
    receipt = next((Path(win.ctx.office.service.out_dir) / "receipts").glob("CS-*.pdf"))
    words = subprocess.run(["pdftotext", str(receipt), "-"], capture_output=True, text=True, check=True).stdout
    assert "3,000" in words and "3,600" in words and "領収書" in words
    press(qtbot, desk)
    lift(qtbot, win, backend)
    home = win.screens["office_home"]
    qtbot.waitUntil(lambda: "3,000" in home.clerk.text(), timeout=TIMEOUT)

    # the payee's account: a wrong branch is said at once, then saved
    settle = open_task(qtbot, win, "office_settle")
    click(qtbot, settle.banks_button)
    banks = win.current()
    assert banks.name == "office_banks"
    qtbot.waitUntil(lambda: banks.shop.count() > 0, timeout=TIMEOUT)
    payee = win.screens["office_desk"].payee_id
    banks.shop.setCurrentRow(banks.shop.findData(payee))
    banks.bank.edit.setText("0001")
    banks.branch.edit.setText("999")
    banks._check_branch()
    qtbot.waitUntil(lambda: banks.branch.state() == "error", timeout=TIMEOUT)
    banks.branch.edit.setText("001")
    banks._check_branch()
    qtbot.waitUntil(lambda: banks.branch.state() == "ok", timeout=TIMEOUT)
    banks.number.edit.setText("7654321")
    banks.holder.edit.setText("カ）コトリブング")
    click(qtbot, banks.save_button)
    text = result(qtbot, banks, "success")
    assert "ｶ)ｺﾄﾘﾌﾞﾝｸﾞ" in text

    win.go("office_settle")
    settle = win.current()
    qtbot.waitUntil(lambda: settle.open_button.isEnabled(), timeout=TIMEOUT)
    settle.settlements.next_period = lambda today: (today, today)
    click(qtbot, settle.open_button)
    qtbot.waitUntil(lambda: settle.close_button.isEnabled(), timeout=TIMEOUT)
    click(qtbot, settle.close_button)
    result(qtbot, settle, "success")
    press(qtbot, settle)
    click(qtbot, settle.zengin_button)
    result(qtbot, settle, "success")
    data = next((Path(win.ctx.office.service.out_dir) / "settlements").glob("zengin-*.txt")).read_bytes()
    records = data.split(b"\r\n")[:-1]
    assert [len(r) for r in records] == [120, 120, 120, 120] and records[1][80:90] == b"0000001000"
