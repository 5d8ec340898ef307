"""A supporter gives points to a support event from the administration screens (issue 12), end to end through the
simulated card and the demo's real cloud: the event chosen, the points and the name the resident wishes told, the
card and PIN on the resident's side, the result; the event then lists the supporter by name. A wrong PIN gives
nothing."""

from __future__ import annotations

from typing import Any

from .test_admin_flow import idle, open_task, result_of

TIMEOUT = 20000


def _choose(screen: Any, qtbot: Any, name: str) -> None:
    for r in range(screen.accounts.rowCount()):
        if screen.accounts.item(r, 2).text() == name:
            screen.accounts.selectRow(r)
    idle(screen, qtbot)


def _card_and_pin(win: Any, qtbot: Any, backend: Any, screen: Any, pin: str) -> None:
    backend.reader.insert("suzuki")
    qtbot.waitUntil(lambda: win.session.card_present, timeout=TIMEOUT)  # the terminal knows a resident is there
    qtbot.waitUntil(lambda: screen.pinpad.isVisible(), timeout=TIMEOUT)
    for digit in pin:
        screen.pinpad.digit_buttons[digit].click()
    screen.pinpad.ok_button.click()


def test_a_supporter_gives_points_by_card_and_pin(admin: Any, qtbot: Any, backend: Any) -> None:
    svc = admin.ctx.admin.service
    event = svc.add("support-events", {"point_type_id": 1, "name": "商店街夏祭り"})["account_id"]
    mykey = backend.info["residents"]["suzuki"]
    accounts = open_task(admin, qtbot, "admin_accounts")
    _choose(accounts, qtbot, "商店街夏祭り")
    assert accounts.support_button.isEnabled()
    accounts.support_button.click()
    screen = admin.current()
    assert screen.name == "admin_support"
    assert "商店街夏祭り" in screen.event_label.text()
    assert not screen.next_button.isEnabled()
    screen.presets.setCurrentIndex(1)  # 500 points
    assert screen.points_field.text() == "500" and screen.next_button.isEnabled()
    screen.name_field.edit.setText("鈴木 花子")
    screen.next_button.click()
    _card_and_pin(admin, qtbot, backend, screen, "9999")  # a wrong PIN: nothing given
    kind, _text = result_of(screen, qtbot)
    assert kind == "error"
    assert svc.support_event(event)["supporters"] == []
    backend.reader.remove()  # the resident lifts the card: what they entered is forgotten, the form is back
    qtbot.waitUntil(lambda: admin.session.is_empty() and not screen.result_shown(), timeout=TIMEOUT)
    assert screen.stack.currentWidget() is screen.form_page
    assert screen.points_field.text() == "" and screen.name_field.text() == "" and not screen.next_button.isEnabled()
    screen.presets.setCurrentIndex(1)
    screen.name_field.edit.setText("鈴木 花子")
    screen.next_button.click()
    _card_and_pin(admin, qtbot, backend, screen, "1234")
    kind, text = result_of(screen, qtbot)
    assert kind == "success" and "鈴木 花子" in text, text
    detail = svc.support_event(event)
    assert detail["balance"] == 500
    assert detail["supporters"] == [{"mykey_id": mykey, "name": "鈴木 花子", "points": 500, "count": 1}]
    backend.reader.remove()
    qtbot.wait(600)
    accounts = admin.screens["admin_accounts"]
    admin.go("admin_accounts")
    idle(accounts, qtbot)
    _choose(accounts, qtbot, "商店街夏祭り")
    qtbot.waitUntil(lambda: "鈴木 花子" in accounts.supporters.text(), timeout=TIMEOUT)
