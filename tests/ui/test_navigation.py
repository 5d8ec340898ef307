"""Role chooser, staff login, logout, and the honest placeholder homes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, login


def test_roles_login_and_logout(qtbot, window, backend):
    assert window.current().name == "roles"
    qtbot.mouseClick(window.screens["roles"].buttons["store"], Qt.MouseButton.LeftButton)
    assert window.current().name == "store_home"
    assert "まだ作成されていません" in window.current().findChild(type(window.banner.resident_label),
                                                           "placeholderText").text()
    window.go("roles")
    window.go("grant")  # counter screens need a staff login first
    assert window.current().name == "login"
    code, _ = backend.staff_login()
    window.login.code.setText(code)
    window.login.password.setText("wrong")
    qtbot.mouseClick(window.login.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.login.error_label.isVisible, timeout=TIMEOUT)
    assert "パスワードが違います" in window.login.error_label.text()
    assert window.login.password.text() == ""  # a password is never kept after a try
    login(qtbot, window, backend)
    assert "子育て支援課" in window.banner.staff_label.text()
    qtbot.mouseClick(window.banner.logout_button, Qt.MouseButton.LeftButton)
    assert window.current().name == "login" and window.staff is None
    assert window.banner.staff_label.text() == ""
