"""Look up a MyKey ID and register service IDs (customer ID typed twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, login, open_task, result_shown


def test_lookup_shows_status_and_registers_a_service_id(qtbot, window, backend, sound):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "lookup")
    screen.mykey_input.setText("szkhnk02")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.service_box.isEnabled, timeout=TIMEOUT)
    assert "SZKHNK02" in screen.result.text() and "有効" in screen.status.text()
    assert "SZKHNK02" in window.banner.text()
    assert not screen.add_button.isEnabled()  # no business chosen, nothing typed
    names = [screen.businesses.item(i).text() for i in range(screen.businesses.count())]
    assert "市立図書館" in names and not any("LIB-" in n for n in names)  # names, not codes
    qtbot.mouseClick(screen.businesses.item(names.index("市立図書館")), Qt.MouseButton.LeftButton)
    screen.customer.setText("0001234")
    screen.customer_again.setText("0001243")  # typed wrong the second time
    assert "一致しません" in screen.again_field.line.text() and screen.again_field.state() == "error"
    assert not screen.add_button.isEnabled()
    assert screen.customer.text() == "0001234"  # nothing typed is lost
    screen.customer_again.setText("0001234")
    assert screen.again_field.state() == "ok" and screen.add_button.isEnabled()
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.service_list.count() == 1, timeout=TIMEOUT)
    assert screen.service_list.item(0) == "LIB-FUCHU : 0001234"
    assert result_shown(screen, "success") and "市立図書館" in screen.result_panel.text()
    assert sound.played == ["ok"]
    stored = backend.runtime.services.mykey.service_ids("SZKHNK02")
    assert [(s.business_id, s.customer_id) for s in stored] == [("LIB-FUCHU", "0001234")]


def test_unknown_and_malformed_mykey_ids_are_explained(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "lookup")
    screen.mykey_input.setText("ZZZZ9999")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "登録されていません" in screen.mykey_field.line.text(), timeout=TIMEOUT)
    assert screen.mykey_field.state() == "error"
    assert not screen.service_box.isEnabled()
    screen.mykey_input.setText("AB-12")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "8文字" in screen.mykey_field.line.text(), timeout=TIMEOUT)
