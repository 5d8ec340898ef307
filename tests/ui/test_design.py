"""The design rules of DESIGN.md on every screen at 1280×800 and 1920×1080: no scroll bar, touch targets of at
least 56 px, no primary button enabled while its form is invalid, outcomes shown in the result panel (which fills
the work area, with its own sound), sizes scaled with the window, and the large-text / high-contrast settings."""

from __future__ import annotations

import pytest
from design_checks import check_screen, enabled_primaries, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from ui_helpers import TIMEOUT, login, open_task, place, stop_cloud

SIZES = [(1280, 800), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1920x1080"])
def test_every_screen_fits_with_touch_sized_controls(qtbot, window, backend, size):
    window.resize(*size)
    login(qtbot, window, backend)
    problems = []
    for name in list(window.screens):
        window.go(name)
        problems += check_screen(qtbot, window, name)
    # a resident-facing state of a task: the PIN pad after the card is placed
    screen = open_task(qtbot, window, "create_mykey")
    place(qtbot, window, backend, "kobayashi")
    qtbot.waitUntil(lambda: screen.identify.pinpad.isVisible(), timeout=TIMEOUT)
    problems += check_screen(qtbot, window, "create_mykey/pin")
    pad = screen.identify.pinpad
    key = pad.digit_buttons["5"]
    assert 0.6 < key.width() / key.height() < 1.8  # keys are square-ish, not 400 px wide strips
    assert not problems, "\n".join(problems)


def test_sizes_scale_with_the_window_height(qtbot, window, backend):
    login(qtbot, window, backend)
    window.go("counter_home")
    window.resize(1280, 800)
    settle(qtbot)
    title = window.current().title_label
    small = (title.fontInfo().pixelSize(), window.current().width())
    window.resize(1920, 1080)
    settle(qtbot)
    big = (title.fontInfo().pixelSize(), window.current().width())
    assert big[0] >= round(small[0] * 1.3)  # type scaled (×1.35), not pixel-identical
    assert big[1] <= round(1100 * 1.35) + 1  # the content is capped and centred, not stretched
    assert window.current().geometry().center().x() == pytest.approx(
        window.current().parentWidget().width() / 2, abs=2)


def test_no_primary_button_is_enabled_while_its_form_is_invalid(qtbot, window, backend):
    window.go("role:counter")
    settle(qtbot)
    assert window.login.code.text() == "" and not window.login.login_button.isEnabled()
    login(qtbot, window, backend)
    grant = open_task(qtbot, window, "grant")
    qtbot.waitUntil(lambda: grant.programme_list.count() > 0, timeout=TIMEOUT)
    assert enabled_primaries(grant) == []  # no programme chosen yet
    grant.programme_list.setCurrentRow(0)
    assert grant.start_button.isEnabled()
    qtbot.mouseClick(grant.start_button, Qt.MouseButton.LeftButton)
    assert not grant.grant_button.isEnabled()  # no MyKey ID typed
    grant.mykey_input.setText("TKH")
    assert not grant.grant_button.isEnabled()
    grant.mykey_input.setText("TKHKEN03")
    assert grant.grant_button.isEnabled()
    grant.points.edit.clear()
    assert not grant.grant_button.isEnabled()  # no points
    window.go("counter_home")
    lookup = open_task(qtbot, window, "lookup")
    assert not lookup.add_button.isEnabled()
    create = open_task(qtbot, window, "create_mykey") if window.go("counter_home") is None else None
    assert create is not None and not create.next_button.isEnabled()


def test_outcomes_are_result_panels_that_fill_the_work_area(qtbot, window, backend, sound):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "grant")
    qtbot.waitUntil(lambda: screen.programme_list.count() > 0, timeout=TIMEOUT)
    screen.programme_list.setCurrentRow(next(i for i, p in enumerate(screen._programmes)
                                             if p.repeat_rule == "once_per_day"))
    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    screen.mykey_input.setText("TKHKEN03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.result_shown, timeout=TIMEOUT)
    panel = screen.result_panel
    assert panel.kind() == "success" and panel.geometry() == screen.work.rect()
    assert panel.icon.text() == "✔" and "ポイント" in panel.amount.text() and "+" in panel.amount.text()
    assert panel.headline.font().pixelSize() >= 40 or panel.headline.fontInfo().pixelSize() >= 40
    assert panel.auto_closing()  # a grant closes itself after about 3 s
    assert "TKHKEN03" in window.banner.text()  # the header shows who was just served
    next_button = next(b for b in panel.buttons if b.property("primary"))
    assert next_button.text() == "次の方へ"
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert not screen.result_shown() and window.session.is_empty()
    screen.mykey_input.setText("TKHKEN03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.result_shown, timeout=TIMEOUT)
    assert panel.kind() == "error" and panel.icon.text() == "✖" and not panel.auto_closing()
    assert sound.played == ["ok", "error"]
    # outside the result panel, no outcome text is left on the page (one message for one problem)
    leftovers = [w.text() for w in screen.findChildren(QLabel)
                 if w.isVisible() and w.property("role") in ("error", "ok") and not panel.isAncestorOf(w)]
    assert leftovers == []


def test_offline_is_said_before_a_task_that_needs_the_cloud(qtbot, window, backend):
    login(qtbot, window, backend)
    stop_cloud(backend)
    qtbot.waitUntil(lambda: window.status.online is False, timeout=30000)
    screen = open_task(qtbot, window, "create_mykey")
    assert screen.result_shown() and "オフライン" in screen.result_panel.text()
    assert not screen.identify.pinpad.isVisible()  # before the card and the PIN


@pytest.mark.parametrize("setting", ["large_text", "high_contrast"])
def test_accessibility_settings_change_every_screen(qtbot, window, backend, setting):
    login(qtbot, window, backend)
    window.resize(1280, 800)
    window.go("counter_home")
    settle(qtbot)
    button = window.current().buttons["grant"]
    before = (button.title_label.fontInfo().pixelSize(), window.current().palette().window().color().name(),
              window.styleSheet() + window.current().styleSheet())
    from PySide6.QtWidgets import QApplication

    sheet_before = QApplication.instance().styleSheet()
    window.go("settings")
    screen = window.current()
    from test_settings import unlock

    unlock(qtbot, screen)
    screen.editors[setting].setCurrentIndex(screen.editors[setting].findData(True))
    qtbot.mouseClick(screen.findChild(QPushButton, "saveSettings"), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert QApplication.instance().styleSheet() != sheet_before
    window.go("counter_home")
    settle(qtbot)
    button = window.current().buttons["grant"]
    if setting == "large_text":
        assert button.title_label.fontInfo().pixelSize() > before[0]
    else:
        assert window.current().grab().toImage().pixelColor(5, 5).lightness() < 40  # a dark, high-contrast page
    problems = []
    for name in ("counter_home", "lookup", "settings", "roles"):
        window.go(name)
        problems += check_screen(qtbot, window, name)
    assert not problems, "\n".join(problems)


def test_dates_and_points_are_written_as_people_read_them(qtbot, window):
    from datetime import date

    from kiosk.ui.design.format import format_date, points, signed_points

    assert format_date(date(2027, 2, 28)) == "2027年2月28日（日）"
    assert points(1000) == "1,000 ポイント" and signed_points(100) == "+100 ポイント"
