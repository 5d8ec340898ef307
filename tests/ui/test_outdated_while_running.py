"""A terminal left running when the municipality raises the minimum version (issue 13): the sync engine's health
probe brings the new minimum, the terminal finishes with the resident in front of it, then logs the clerk out and
shows the full-screen refusal. Real embedded cloud, real sync engine, the real window."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import kiosk.version
from tests.ui.ui_helpers import TIMEOUT, login, place, remove


def test_a_raised_minimum_stops_the_terminal_after_the_current_resident(
        qtbot: Any, window: Any, backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kiosk.version, "_minimum", None)  # restored afterwards: other tests see no minimum
    app = backend.cloud.server.config.app
    login(qtbot, window, backend)
    assert window.staff is not None
    place(qtbot, window, backend, "suzuki")  # a resident at the counter
    settings = app.state.settings
    app.state.settings = dataclasses.replace(settings, min_terminal_version="999.0")
    try:
        qtbot.waitUntil(lambda: kiosk.version.cloud_minimum() == "999.0", timeout=TIMEOUT)
        qtbot.wait(600)  # more status updates come: none may stop the terminal while the resident is served
        assert window.outdated_guard.refusal is None and window.isVisible()
        assert "999.0" in window.status.version_label.text()
        remove(qtbot, window, backend)  # the card is lifted: the resident is gone
        window.session.wipe("next")
        qtbot.waitUntil(lambda: window.outdated_guard.refusal is not None, timeout=TIMEOUT)
        refusal = window.outdated_guard.refusal
        assert refusal.isVisible() and not window.isVisible()
        assert "更新が必要" in refusal.text() and "999.0" in refusal.text()
        assert window.staff is None  # the clerk's session was ended
    finally:
        app.state.settings = settings


def test_a_current_terminal_keeps_running(qtbot: Any, window: Any, backend: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kiosk.version, "_minimum", "0.0.1")
    assert window.outdated_guard.check() is False and window.outdated_guard.refusal is None
    assert window.isVisible()
