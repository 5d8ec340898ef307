"""Grant points: typed MyKey ID, card tap with PIN, duplicates refused, attendance mode, offline queue; every outcome
is a result panel with its own sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import (
    TIMEOUT,
    login,
    open_task,
    place,
    press_result,
    remove,
    restart_cloud,
    result_shown,
    stop_cloud,
    type_pin,
)

CHECKUP = "健診受診ポイント"  # init-demo granted it today to every sample MyKey ID
VOLUNTEER = "ボランティアポイント"
FESTIVAL = "けやき祭り参加ポイント"
WALKING = "ウォーキング参加ポイント"  # repeat_rule once_per_day in the cloud


def _start(qtbot, window, backend, programme: str, attendance: bool = False):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "grant")
    qtbot.waitUntil(lambda: screen.programme_list.count() > 0, timeout=TIMEOUT)
    names = [p.name for p in screen._programmes]
    screen.programme_list.setCurrentRow(names.index(programme))
    assert "健康推進課" in screen.programme_list.item(names.index(CHECKUP)).text()  # department shown
    if attendance:
        qtbot.mouseClick(screen.attendance_mode.item(1), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.grant_page
    return screen


def _balance(backend, mykey_id: str) -> int:
    client = backend.runtime.client
    if client.staff_session is None:  # a resident's balance is read with a clerk's session
        client.staff_login(*backend.staff_login())
    data = client.balances(mykey_id)
    return sum(a["balance"] for a in data["accounts"])


def test_typed_grant_is_confirmed_with_a_sound_and_a_duplicate_is_refused(qtbot, window, backend, sound):
    screen = _start(qtbot, window, backend, WALKING)
    before = _balance(backend, "TKHKEN03")  # read with the clerk's session (issue 8: reads need it)
    screen.points.setValue(700)
    screen.mykey_input.setText("tkhken03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "付与しました" in screen.result_panel.text(), timeout=TIMEOUT)
    assert "700" in screen.result_panel.text() and "TKHKEN03" in screen.result_panel.text()
    assert sound.played == ["ok"]
    assert _balance(backend, "TKHKEN03") == before + 700
    assert "TKHKEN03" in window.banner.text()  # the header says who was just served
    press_result(qtbot, screen)  # 次の方へ
    assert window.session.is_empty() and not screen.result_shown()
    screen.mykey_input.setText("TKHKEN03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "付与済み" in screen.result_panel.text()
    assert sound.played == ["ok", "error"]
    assert _balance(backend, "TKHKEN03") == before + 700
    assert "1 件" in screen.tally.text()


def test_tapped_cards_are_granted_one_after_another(qtbot, window, backend, sound):
    screen = _start(qtbot, window, backend, VOLUNTEER)
    screen.points.setValue(200)
    for key, mykey_id in (("yamada", "YMDTRU01"), ("ito", "ITOYKO04")):
        qtbot.waitUntil(screen.identify.card_prompt.isVisible, timeout=TIMEOUT)
        place(qtbot, window, backend, key)
        qtbot.waitUntil(screen.identify.pinpad.isVisible, timeout=TIMEOUT)
        type_pin(qtbot, screen.identify.pinpad, "1234")
        qtbot.waitUntil(lambda m=mykey_id: m in screen.result_panel.text(), timeout=TIMEOUT)
        remove(qtbot, window, backend)
        # the resident is gone from the screen, the programme and the tally stay
        assert mykey_id not in screen.result_panel.text()
        assert window.session.is_empty()
    assert sound.played == ["ok", "ok"]
    assert "2 件" in screen.tally.text() and "400" in screen.tally.text()


def test_attendance_by_tap_needs_no_pin_and_refuses_a_second_tap(qtbot, window, backend, sound):
    before = _balance(backend, "YMDTRU01")
    screen = _start(qtbot, window, backend, FESTIVAL, attendance=True)
    assert not screen.points.isEnabled()
    assert screen.tap_prompt.isVisible() and not screen.identify.isVisible()
    place(qtbot, window, backend, "yamada")  # registered for the festival with 300 points
    qtbot.waitUntil(lambda: "YMDTRU01" in screen.result_panel.text(), timeout=TIMEOUT)
    assert "300" in screen.result_panel.text() and "出席" in screen.result_panel.text()
    assert not screen.identify.pinpad.isVisible()
    assert sound.played == ["ok"]
    assert _balance(backend, "YMDTRU01") == before + 300
    remove(qtbot, window, backend)
    place(qtbot, window, backend, "yamada")  # the same card again: a duplicate, refused on screen
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "付与済み" in screen.result_panel.text()
    assert sound.played == ["ok", "error"]
    assert _balance(backend, "YMDTRU01") == before + 300
    remove(qtbot, window, backend)
    place(qtbot, window, backend, "takahashi")  # a MyKey ID, but not registered
    qtbot.waitUntil(lambda: "参加登録がありません" in screen.result_panel.text(), timeout=TIMEOUT)
    remove(qtbot, window, backend)
    place(qtbot, window, backend, "kobayashi")  # a card with no MyKey ID
    qtbot.waitUntil(lambda: "マイキーIDがありません" in screen.result_panel.text(), timeout=TIMEOUT)
    assert not screen.identify.pinpad.isVisible()
    assert "1 件" in screen.tally.text()


def test_a_second_tap_is_refused_even_when_the_cloud_already_has_it(qtbot, window, backend):
    """The cloud's refusal (another terminal took the attendance) is shown as a duplicate."""
    engine = backend.runtime.engine
    screen = _start(qtbot, window, backend, FESTIVAL, attendance=True)  # the clerk's session credits it
    programme = next(p for p in backend.runtime.client.programmes()["programmes"] if p["name"] == FESTIVAL)
    key = engine.submit("attendance", {"programme_id": programme["id"], "mykey_id": "ITOYKO04"})
    assert engine.wait_result(key, 30).status == "applied"
    place(qtbot, window, backend, "ito")
    qtbot.waitUntil(lambda: "付与済み" in screen.result_panel.text(), timeout=TIMEOUT)


def test_attendance_taps_offline_are_queued_and_granted_once_online(qtbot, window, backend, sound):
    before = _balance(backend, "ITOYKO04")
    screen = _start(qtbot, window, backend, FESTIVAL, attendance=True)
    stop_cloud(backend)
    place(qtbot, window, backend, "ito")
    qtbot.waitUntil(lambda: "保存しました" in screen.result_panel.text(), timeout=30000)
    assert sound.played == ["queued"]  # its own sound: saved, not yet granted
    remove(qtbot, window, backend)
    place(qtbot, window, backend, "ito")  # refused at the terminal even offline
    qtbot.waitUntil(lambda: "付与済み" in screen.result_panel.text(), timeout=TIMEOUT)
    engine = backend.runtime.engine
    assert engine.outbox.length_by_kind() == {"attendance": 1}
    restart_cloud(backend)
    qtbot.waitUntil(lambda: engine.outbox.length() == 0, timeout=60000)
    assert _balance(backend, "ITOYKO04") == before + 300


def test_grants_made_offline_are_queued_and_delivered_once(qtbot, window, backend):
    before = _balance(backend, "ITOYKO04")
    screen = _start(qtbot, window, backend, WALKING)
    screen.points.setValue(250)
    stop_cloud(backend)
    screen.mykey_input.setText("ITOYKO04")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "保存しました" in screen.result_panel.text(), timeout=30000)
    press_result(qtbot, screen)
    # a duplicate is refused even offline
    screen.mykey_input.setText("ITOYKO04")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "オフライン" in window.status.online_label.text(), timeout=30000)
    engine = backend.runtime.engine
    assert engine.outbox.length() == 1
    restart_cloud(backend)
    qtbot.waitUntil(lambda: engine.outbox.length() == 0, timeout=60000)
    assert _balance(backend, "ITOYKO04") == before + 250
    qtbot.waitUntil(lambda: "オンライン" in window.status.online_label.text(), timeout=30000)


def test_a_card_tap_offline_says_to_type_the_mykey_id(qtbot, window, backend):
    screen = _start(qtbot, window, backend, VOLUNTEER)
    stop_cloud(backend)
    place(qtbot, window, backend, "yamada")
    qtbot.waitUntil(screen.identify.pinpad.isVisible, timeout=TIMEOUT)
    type_pin(qtbot, screen.identify.pinpad, "1234")
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=30000)
    assert "マイキーIDを入力" in screen.result_panel.text()


def test_a_grant_made_today_by_another_terminal_is_refused(qtbot, window, backend):
    before = _balance(backend, "TKHKEN03")
    screen = _start(qtbot, window, backend, CHECKUP)
    screen.mykey_input.setText("TKHKEN03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "付与済み" in screen.result_panel.text()
    assert _balance(backend, "TKHKEN03") == before


def test_programmes_are_listed_offline_from_the_reference_data(qtbot, window, backend):
    engine = backend.runtime.engine
    login(qtbot, window, backend)  # staff login itself needs the cloud
    qtbot.waitUntil(lambda: engine.reference.counts().get("programme", 0) >= 5, timeout=30000)
    stop_cloud(backend)
    screen = open_task(qtbot, window, "grant")
    qtbot.waitUntil(lambda: screen.programme_list.count() >= 5, timeout=30000)
    names = [p.name for p in screen._programmes]
    screen.programme_list.setCurrentRow(names.index(VOLUNTEER))
    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    screen.points.setValue(50)
    screen.mykey_input.setText("SZKHNK02")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "保存しました" in screen.result_panel.text(), timeout=30000)


def test_the_clouds_repeat_rule_refusal_is_shown(qtbot, window, backend, sound, monkeypatch):
    """A grant the terminal could not see (made at another terminal, synced later) is refused by the cloud's
    per-programme rule: the screen shows the duplicate like its own refusal."""
    before = _balance(backend, "TKHKEN03")
    screen = _start(qtbot, window, backend, CHECKUP)  # repeat_rule "once"; init-demo already granted it
    monkeypatch.setattr(backend.runtime.services.grants, "_granted_today_in_cloud", lambda programme, value: False)
    screen.mykey_input.setText("TKHKEN03")
    qtbot.mouseClick(screen.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "付与済み" in screen.result_panel.text()
    assert sound.played == ["error"]
    assert _balance(backend, "TKHKEN03") == before
    # refused on screen while the clerk waited: closed in the dead-letter list, kept in its history
    outbox = backend.runtime.engine.outbox
    assert [d.code for d in outbox.dead_letters() if d.kind == "grant"] == []
    closed = [d for d in outbox.dead_letters(include_resolved=True) if d.kind == "grant"]
    assert [(d.code, d.resolution) for d in closed] == [("duplicate_grant", "discarded")]


def test_a_revoked_card_is_refused_at_the_tap_even_offline(qtbot, window, backend, sound):
    """sato's certificate is on the CRL of the reference data: refused on screen, nothing queued."""
    engine = backend.runtime.engine
    screen = _start(qtbot, window, backend, FESTIVAL, attendance=True)
    qtbot.waitUntil(lambda: len(engine.reference.revoked_serials()) > 0, timeout=30000)
    stop_cloud(backend)
    place(qtbot, window, backend, "sato")
    qtbot.waitUntil(lambda: "失効" in screen.result_panel.text(), timeout=TIMEOUT)
    assert sound.played == ["error"]
    assert engine.outbox.length() == 0
