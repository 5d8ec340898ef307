"""Create a MyKey ID end to end: simulated card, PIN pad, real cloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, login, open_task, place, result_shown, type_pin


def test_resident_creates_a_mykey_id_with_a_chosen_candidate(qtbot, window, backend, sound):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "create_mykey")
    assert screen.identify.stack.currentWidget() is screen.identify.card_prompt
    place(qtbot, window, backend, "kobayashi")
    qtbot.waitUntil(lambda: screen.identify.pinpad.tries_left() == 3, timeout=TIMEOUT)
    type_pin(qtbot, screen.identify.pinpad, "1234")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    assert "マイキーIDなし" in window.banner.text() or "MyKey" in window.banner.text() or window.banner.text()

    screen.candidate.insert("ｋｏｂａ２０２６")  # full-width input, as a Japanese IME types it
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.next_button.isEnabled, timeout=TIMEOUT)
    assert screen.candidate.text() == "KOBA2026"
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.confirm_value.text() == "KOBA2026"
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "success"), timeout=TIMEOUT)
    assert screen.created_id == "KOBA2026" and screen.result_panel.amount.text() == "KOBA2026"
    assert window.session.mykey_id == "KOBA2026"
    assert "KOBA2026" in window.banner.text()
    assert sound.played == ["ok"]
    # the cloud really has it
    record = backend.runtime.services.mykey.lookup("KOBA2026")
    assert record.status == "valid"
