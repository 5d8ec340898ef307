"""Look up a MyKey ID and register service IDs (customer ID typed twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, login, open_task


def test_lookup_shows_status_and_registers_a_service_id(qtbot, window, backend, sound):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "lookup")
    screen.mykey_input.setText("szkhnk02")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.service_box.isEnabled, timeout=TIMEOUT)
    assert "SZKHNK02" in screen.result.text() and "有効" in screen.result.text()
    assert "SZKHNK02" in window.banner.text()
    screen.business.setText("LIB-FUCHU")
    screen.customer.setText("0001234")
    screen.customer_again.setText("0001243")  # typed wrong the second time
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert "一致しません" in screen.error_label.text()
    assert screen.customer.text() == "0001234"  # nothing typed is lost
    screen.customer_again.setText("0001234")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.service_list.count() == 1, timeout=TIMEOUT)
    assert screen.service_list.item(0).text() == "LIB-FUCHU : 0001234"
    assert sound.played == ["ok"]
    stored = backend.runtime.services.mykey.service_ids("SZKHNK02")
    assert [(s.business_id, s.customer_id) for s in stored] == [("LIB-FUCHU", "0001234")]


def test_unknown_and_malformed_mykey_ids_are_explained(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "lookup")
    screen.mykey_input.setText("ZZZZ9999")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.error_label.isVisible, timeout=TIMEOUT)
    assert "登録されていません" in screen.error_label.text()
    assert not screen.service_box.isEnabled()
    screen.mykey_input.setText("AB-12")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "8文字" in screen.error_label.text(), timeout=TIMEOUT)
