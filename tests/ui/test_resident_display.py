"""With a second screen facing the resident, the PIN pad and the consent move there; the clerk sees a note."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, login, open_task, place, type_pin

pytestmark = pytest.mark.parametrize("resident_display", [True])


def test_the_pin_is_typed_on_the_resident_screen(qtbot, window, backend):
    display = window.resident_display
    assert display.isVisible() and display.welcome.isVisible()
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "create_mykey")
    place(qtbot, window, backend, "yamada")
    pad = screen.identify.pinpad
    qtbot.waitUntil(lambda: pad.window() is display and pad.isVisible(), timeout=TIMEOUT)
    assert screen.identify.pin_slot.note.isVisible()  # the clerk's screen says where the PIN is typed
    assert not display.welcome.isVisible()
    type_pin(qtbot, pad, "1234")
    qtbot.waitUntil(screen.result_shown, timeout=TIMEOUT)
    assert pad.window() is window  # given back once the step is over
    assert display.welcome.isVisible()


def test_consent_and_card_text_pin_on_the_resident_screen_and_back_on_a_wipe(qtbot, window, backend):
    display = window.resident_display
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    place(qtbot, window, backend, "suzuki")
    qtbot.waitUntil(lambda: screen.identify.pinpad.window() is display, timeout=TIMEOUT)
    type_pin(qtbot, screen.identify.pinpad, "1234")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.list_page and screen.measure_list.count() > 0,
                    timeout=TIMEOUT)
    screen.measure_list.setCurrentRow(0)  # nothing is chosen for the resident
    qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.consent.window() is display and screen.text_pin.tries_left() == 3,
                    timeout=TIMEOUT)
    screen.consent.click()
    qtbot.mouseClick(window.banner.next_button, Qt.MouseButton.LeftButton)  # the clerk ends the session
    assert screen.consent.window() is window
    assert not screen.consent.isChecked()
    assert display.welcome.isVisible()
