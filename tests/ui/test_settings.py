"""Settings declared once; language switch rebuilds the screens in English; idle time applies at once."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.config import SETTINGS, Config
from kiosk.services.admin_pin import DEMO_ADMIN_PIN


def test_settings_are_declared_once_with_types_and_defaults(tmp_path):
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    config = Config(tmp_path / "settings.json")
    assert config.language == "ja" and config.idle_timeout_s == 120
    with pytest.raises(ValueError):
        config.set("language", "fr")
    with pytest.raises(KeyError):
        config.set("nonsense", 1)
    config.set("large_text", "true")
    assert config.large_text is True
    config.save()
    assert json.loads((tmp_path / "settings.json").read_text())["large_text"] is True
    assert Config(tmp_path / "settings.json").large_text is True


def unlock(qtbot, screen, pin=DEMO_ADMIN_PIN):
    """Type the administrator PIN into the settings screen's gate (kiosk.ui.admin_gate)."""
    screen.gate.field.setText(pin)
    screen.gate.submit()
    qtbot.waitUntil(lambda: screen.sections.isVisibleTo(screen), timeout=5000)


def test_switching_to_english_rebuilds_every_screen(qtbot, window, backend):
    window.go("settings")
    screen = window.current()
    unlock(qtbot, screen)
    combo = screen.editors["language"]
    combo.setCurrentIndex(combo.findData("en"))
    screen.editors["idle_timeout_s"].setValue(45)
    qtbot.mouseClick(screen.findChild(QPushButton, "saveSettings"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current().name == "settings" and window.current() is not screen, timeout=5000)
    assert window.banner.next_button.text() == "Next resident"
    window.go("roles")
    assert window.screens["roles"].buttons["counter"].text().startswith("Municipal counter")
    assert window.session.idle_interval_ms() == 45000
    assert window.config.language == "en"
    saved = window.config.path
    qtbot.waitUntil(lambda: saved.exists() and json.loads(saved.read_text())["language"] == "en", timeout=5000)


def test_the_settings_open_only_with_the_administrator_pin(qtbot, window, caplog):
    window.go("settings")
    screen = window.current()
    assert screen.gate.isVisibleTo(screen) and not screen.sections.isVisibleTo(screen)
    assert not screen.findChild(QPushButton, "saveSettings").isVisibleTo(screen)
    screen.gate.field.setText("999999")
    screen.gate.submit()
    qtbot.waitUntil(lambda: screen.gate.message.text() != "", timeout=5000)
    assert not screen.sections.isVisibleTo(screen) and screen.gate.field.text() == ""
    unlock(qtbot, screen)
    assert not screen.gate.isVisibleTo(screen)
    window.go("roles")
    window.go("settings")  # asked again each time
    assert window.current().gate.isVisibleTo(window.current())
    assert "999999" not in caplog.text and DEMO_ADMIN_PIN not in caplog.text


def test_an_insecure_cloud_address_is_refused_with_the_rule(qtbot, window):
    window.go("settings")
    screen = window.current()
    unlock(qtbot, screen)
    screen.editors["cloud_url"].setText("http://points.example.jp")
    qtbot.mouseClick(screen.findChild(QPushButton, "saveSettings"), Qt.MouseButton.LeftButton)
    assert "https://" in screen.error_label.text()
    assert window.config.cloud_url != "http://points.example.jp"
