"""Session safety: the resident is shown on every screen; card removal, "next resident" and idling wipe every
trace of the resident from the screens and memory and reset the card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, identify, login, open_task, place

FLOWS = ("create_mykey", "lookup", "measure_apply", "grant")


def _all_text(window) -> str:
    from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

    parts = []
    for screen in window.screens.values():
        parts += [w.text() for w in screen.findChildren(QLabel)]
        parts += [w.text() for w in screen.findChildren(QLineEdit)]
        for lst in screen.findChildren(QListWidget):
            parts += [lst.item(i).text() for i in range(lst.count())]
    return "\n".join(parts)


def _serve_yamada_everywhere(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    identify(qtbot, window, backend, screen, "yamada")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.list_page, timeout=TIMEOUT)
    screen.measure_list.setCurrentRow(0)
    qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.text_pin.tries_left() == 3, timeout=TIMEOUT)
    screen.consent.click()
    for d in "5678":
        screen.text_pin.press(d)
    screen.text_pin.submit()
    qtbot.waitUntil(lambda: window.session.basic is not None, timeout=TIMEOUT)
    # the banner shows the resident on every screen
    for name in FLOWS:
        window.go(name)
        assert "山田" in window.banner.text() and "YMDTRU01" in window.banner.text()
    window.go("lookup")
    qtbot.waitUntil(lambda: "YMDTRU01" in window.screens["lookup"].result.text(), timeout=TIMEOUT)
    assert "山田" in _all_text(window) or "YMDTRU01" in _all_text(window)


def _assert_wiped(window):
    assert window.session.is_empty()
    assert window.session.identity is None and window.session.basic is None
    text = _all_text(window)
    for trace in ("山田", "YMDTRU01", "札幌"):
        assert trace not in text, trace
    assert "対応中の住民はいません" in window.banner.text()


def test_next_resident_wipes_everything_and_resets_the_card(qtbot, window, backend, monkeypatch):
    _serve_yamada_everywhere(qtbot, window, backend)
    card = backend.reader.card
    resets = []
    original = card.reset
    monkeypatch.setattr(card, "reset", lambda: (resets.append(1), original())[1])
    qtbot.mouseClick(window.banner.next_button, Qt.MouseButton.LeftButton)
    _assert_wiped(window)
    # the card layer disconnected with reset (the card forgets every verified PIN)
    qtbot.waitUntil(lambda: len(resets) >= 1, timeout=TIMEOUT)
    assert backend.runtime.card_service.stats().result().apdu_count == 0


def test_removing_the_card_wipes_everything(qtbot, window, backend):
    _serve_yamada_everywhere(qtbot, window, backend)
    backend.reader.remove()
    qtbot.waitUntil(window.session.is_empty, timeout=TIMEOUT)
    _assert_wiped(window)
    assert window.current().name == "counter_home"


@pytest.mark.parametrize("idle_timeout", [2.0])
def test_idling_warns_then_wipes_everything(qtbot, window, backend):
    _serve_yamada_everywhere(qtbot, window, backend)
    assert window.session.idle_active()
    qtbot.waitUntil(window.banner.idle_warning.isVisible, timeout=10000)
    assert "消去します" in window.banner.idle_warning.text()
    qtbot.waitUntil(window.session.is_empty, timeout=10000)
    _assert_wiped(window)
    qtbot.waitUntil(lambda: not window.banner.idle_warning.isVisible(), timeout=2000)


@pytest.mark.parametrize("idle_timeout", [0.8])
def test_activity_postpones_the_idle_wipe(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "create_mykey")
    place(qtbot, window, backend, "yamada")
    pad = screen.identify.pinpad
    qtbot.waitUntil(pad.isVisible, timeout=TIMEOUT)
    for _ in range(4):
        qtbot.wait(400)
        qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
        assert not window.session.is_empty()
    qtbot.waitUntil(window.session.is_empty, timeout=10000)


def test_a_late_answer_for_a_wiped_resident_is_dropped(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "create_mykey")
    identify(qtbot, window, backend, screen, "yamada")
    window.session.wipe("next")  # wiped while the card and the cloud are still answering
    qtbot.wait(1500)
    assert window.session.identity is None
    assert screen.existing_id is None and not screen.result_shown()
    assert "YMDTRU01" not in window.banner.text()


def test_a_card_placed_after_a_typed_lookup_starts_a_clean_session(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "lookup")
    screen.mykey_input.setText("YMDTRU01")
    qtbot.mouseClick(screen.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.mykey_id == "YMDTRU01", timeout=TIMEOUT)
    place(qtbot, window, backend, "suzuki")
    assert window.session.mykey_id is None
    assert "YMDTRU01" not in _all_text(window)
    assert "YMDTRU01" not in window.banner.text()
