"""The customer-facing PIN pad on its own."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from kiosk.ui.widgets.pinpad import PinPad


def _pad(qtbot) -> PinPad:
    pad = PinPad()
    qtbot.addWidget(pad)
    pad.show()
    return pad


def test_digits_only_four_at_most_and_masked(qtbot):
    pad = _pad(qtbot)
    qtbot.keyClicks(pad, "12a3-45")
    assert pad.length() == 4
    assert pad.display.text() == "●●●●"
    assert "1" not in pad.display.text()
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.display.text() == "●●●○"
    assert not pad.ok_button.isEnabled()


def test_submit_hands_over_the_pin_once_and_clears_the_buffer(qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    pad = _pad(qtbot)
    for d in "2580":
        qtbot.mouseClick(pad.digit_buttons[d], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pad.submitted) as got:
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert got.args == ["2580"]
    assert pad.length() == 0 and pad._digits == []
    assert pad.display.text() == "○○○○"
    assert "2580" not in caplog.text
    assert all("2580" not in (w.text() if hasattr(w, "text") else "") for w in pad.findChildren(object))


def test_short_pin_cannot_be_submitted(qtbot):
    pad = _pad(qtbot)
    qtbot.keyClicks(pad, "123")
    with qtbot.assertNotEmitted(pad.submitted):
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.length() == 3


def test_tries_left_and_the_plain_warning_before_the_last_try(qtbot):
    pad = _pad(qtbot)
    pad.set_tries_left(3)
    assert "3" in pad.tries.text() and not pad.warning.isVisible()
    pad.set_tries_left(1)
    assert pad.warning.isVisible()
    assert "最後" in pad.warning.text() or "last" in pad.warning.text().lower()
    pad.set_tries_left(0)
    assert pad.warning.isVisible()
    assert not any(b.isEnabled() for b in pad.digit_buttons.values())
    qtbot.keyClicks(pad, "1234")
    assert pad.length() == 0


def test_cancel_clears_what_was_typed(qtbot):
    pad = _pad(qtbot)
    qtbot.keyClicks(pad, "12")
    with qtbot.waitSignal(pad.cancelled):
        qtbot.mouseClick(pad.cancel_button, Qt.MouseButton.LeftButton)
    assert pad.length() == 0
