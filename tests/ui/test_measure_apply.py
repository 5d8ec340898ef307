"""Measure application end to end: residency from the card-text basic items, eligibility and why, the payment
service chosen once on tiles and confirmed in a summary with its warning, submission and review state; ineligible
resident; measure full; offline. Every outcome is a result panel."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from ui_helpers import (
    TIMEOUT,
    identify,
    login,
    open_task,
    press_result,
    remove,
    restart_cloud,
    result_shown,
    stop_cloud,
    type_pin,
)

RESIDENTS_ONLY = "市民限定給付（券面審査）"
FOR_EVERYONE = "市民応援ポイント（全員）"
PRE_REGISTERED = "子育て世帯応援（事前登録）"


def _to_consent(qtbot, window, backend, key: str, measure_name: str):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    identify(qtbot, window, backend, screen, key)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.list_page and screen.measure_list.count() > 0,
                    timeout=TIMEOUT)
    names = [view.measure.name for view in screen._measures]
    screen.measure_list.setCurrentRow(names.index(measure_name))
    text = screen.measure_list.item(screen.measure_list.currentRow()).text()
    assert "ポイント" in text and "申込期限" in text and "年" in text  # conditions, and a date people read
    qtbot.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.text_pin.tries_left() == 3, timeout=TIMEOUT)
    return screen


def _read_card_text(qtbot, screen, pin="5678"):
    assert not screen.text_pin.isEnabled() and not screen.consent_next.isEnabled()  # no PIN before consent
    screen.consent.click()
    assert screen.consent.isChecked() and screen.text_pin.isEnabled()
    qtbot.mouseClick(screen.consent_next, Qt.MouseButton.LeftButton)
    type_pin(qtbot, screen.text_pin, pin)


def _submit(qtbot, screen, service_index=0):
    assert screen.stack.currentWidget() is screen.payment_page
    assert not screen.to_summary.isEnabled()  # nothing chosen yet
    qtbot.mouseClick(screen.services.item(service_index), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.to_summary, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.summary_page
    chosen = screen.services.data(service_index)
    assert screen.summary_service.text() == chosen  # chosen once, confirmed in the summary
    assert any("変更できません" in w.text() for w in screen.summary_page.findChildren(type(screen.verdict)))
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)


def test_a_resident_applies_and_sees_the_review_state(qtbot, window, backend, sound):
    screen = _to_consent(qtbot, window, backend, "suzuki", RESIDENTS_ONLY)
    _read_card_text(qtbot, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.payment_page, timeout=TIMEOUT)
    assert "東京都府中市" in screen.person.text()
    assert "対象です" in screen.verdict.text()
    assert "鈴木" in window.banner.text()  # the resident's name is shown while being served
    _submit(qtbot, screen)
    qtbot.waitUntil(lambda: result_shown(screen, "success"), timeout=TIMEOUT)
    assert "審査待ち" in screen.result_panel.headline.text()
    assert "申込番号" in screen.result_panel.detail.text()
    assert sound.played[-1] == "ok"
    # the municipality reviews it (through the real API); the counter checks the state again
    _admin_client(backend).review_application(screen._application_id, True)
    qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "承認" in screen.result_panel.headline.text(), timeout=TIMEOUT)


def test_the_payment_service_is_chosen_once_and_can_be_changed_from_the_summary(qtbot, window, backend):
    screen = _to_consent(qtbot, window, backend, "suzuki", "商店街お買い物還元")
    _read_card_text(qtbot, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.payment_page, timeout=TIMEOUT)
    qtbot.mouseClick(screen.services.item(0), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.to_summary, Qt.MouseButton.LeftButton)
    assert screen.summary_service.text() == screen.services.data(0)
    change = next(b for b in screen.summary_page.findChildren(type(screen.submit_button)) if b.text() == "決済サービスを選び直す")
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.payment_page
    qtbot.mouseClick(screen.services.item(1), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.to_summary, Qt.MouseButton.LeftButton)
    assert screen.summary_service.text() == screen.services.data(1)


def test_a_resident_of_another_city_is_told_why_not(qtbot, window, backend):
    screen = _to_consent(qtbot, window, backend, "yamada", RESIDENTS_ONLY)
    _read_card_text(qtbot, screen)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    text = screen.result_panel.text()
    assert "札幌市中央区" in text and "対象ではありません" in text and "この市区町村ではありません" in text
    assert [b.text() for b in screen.result_panel.buttons] == ["別の施策を選ぶ", "次の方へ"]  # a way on


def _fill_residents_only(backend) -> None:
    client = backend.runtime.client
    measure_id = next(m["id"] for m in client.measures()["measures"] if m["name"] == RESIDENTS_ONLY)
    for mykey_id in ("YMDTRU01", "TKHKEN03", "ITOYKO04"):  # three places taken by others
        client.apply(measure_id, mykey_id, "132063", "府中市ポイント", str(uuid.uuid4()))


def _to_list(qtbot, window, backend, key: str):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    identify(qtbot, window, backend, screen, key)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.list_page and screen.measure_list.count() > 0,
                    timeout=TIMEOUT)
    return screen


def _again(qtbot, window, backend, key: str):
    """The next resident: the task again from the counter menu."""
    window.go("counter_home")
    screen = open_task(qtbot, window, "measure_apply")
    identify(qtbot, window, backend, screen, key)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.list_page and screen.measure_list.count() > 0,
                    timeout=TIMEOUT)
    return screen


def _select(screen, name: str):
    names = [view.measure.name for view in screen._measures]
    screen.measure_list.setCurrentRow(names.index(name))
    return screen.measure_list.item(screen.measure_list.currentRow()).text()


def test_places_left_are_listed_and_a_full_measure_is_refused_before_any_input(qtbot, window, backend):
    client = backend.runtime.client
    client.staff_login(*backend.staff_login())  # others' applications, made with a clerk's session
    measure_id = next(m["id"] for m in client.measures()["measures"] if m["name"] == RESIDENTS_ONLY)
    client.apply(measure_id, "YMDTRU01", "132063", "府中市ポイント", str(uuid.uuid4()))
    screen = _to_list(qtbot, window, backend, "suzuki")
    assert "残り 2 名" in _select(screen, RESIDENTS_ONLY)  # capacity 3, one taken
    assert screen.choose_button.isEnabled() and not screen.list_note.isVisible()
    remove(qtbot, window, backend)
    _fill_residents_only_rest(backend, measure_id)
    screen = _again(qtbot, window, backend, "suzuki")
    text = _select(screen, RESIDENTS_ONLY)
    assert "残り 0 名" in text and "定員に達しました" in text
    assert screen.list_note.isVisible() and "定員に達しました" in screen.list_note.text()
    assert not screen.choose_button.isEnabled()
    screen._choose()  # even if called, nothing moves on: no consent, no card-text PIN
    assert screen.stack.currentWidget() is screen.list_page
    assert "定員に達しました" not in _select(screen, FOR_EVERYONE) and screen.choose_button.isEnabled()


def _fill_residents_only_rest(backend, measure_id) -> None:
    for mykey_id in ("TKHKEN03", "ITOYKO04"):
        backend.runtime.client.apply(measure_id, mykey_id, "132063", "府中市ポイント", str(uuid.uuid4()))


def test_a_resident_not_pre_registered_is_told_before_any_input(qtbot, window, backend):
    screen = _to_list(qtbot, window, backend, "yamada")
    text = _select(screen, PRE_REGISTERED)
    assert "対象者名簿に登録されていません" in text and not screen.choose_button.isEnabled()
    assert "対象者名簿" in screen.list_note.text()
    _select(screen, FOR_EVERYONE)
    assert screen.choose_button.isEnabled() and not screen.list_note.isVisible()
    remove(qtbot, window, backend)
    screen = _again(qtbot, window, backend, "suzuki")  # suzuki is on the list
    assert "対象者名簿" not in _select(screen, PRE_REGISTERED) and screen.choose_button.isEnabled()


def test_a_full_measure_is_refused_at_submission(qtbot, window, backend):
    """The places went while the resident was at the counter: the cloud refuses at submission."""
    screen = _to_consent(qtbot, window, backend, "suzuki", RESIDENTS_ONLY)
    _fill_residents_only(backend)
    _read_card_text(qtbot, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.payment_page, timeout=TIMEOUT)
    _submit(qtbot, screen)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "定員に達しました" in screen.result_panel.text()
    press_result(qtbot, screen)
    assert screen.stack.currentWidget() is screen.summary_page  # nothing chosen is lost


def test_a_wrong_card_text_pin_shows_its_own_tries(qtbot, window, backend):
    screen = _to_consent(qtbot, window, backend, "suzuki", FOR_EVERYONE)
    _read_card_text(qtbot, screen, pin="0000")
    qtbot.waitUntil(lambda: screen.text_pin.tries_left() == 2, timeout=TIMEOUT)
    assert "暗証番号が違います" in screen.text_pin.notice.text()  # by the dots, for the resident
    assert window.session.basic is None


def test_an_application_made_offline_is_queued_then_delivered(qtbot, window, backend):
    screen = _to_consent(qtbot, window, backend, "suzuki", FOR_EVERYONE)
    _read_card_text(qtbot, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.payment_page, timeout=TIMEOUT)
    stop_cloud(backend)
    _submit(qtbot, screen, service_index=0)
    qtbot.waitUntil(lambda: result_shown(screen, "queued"), timeout=30000)
    assert "端末に保存" in screen.result_panel.headline.text()
    engine = backend.runtime.engine
    assert engine.outbox.length() == 1
    restart_cloud(backend)
    qtbot.waitUntil(lambda: engine.outbox.length() == 0, timeout=60000)
    applications = [a for a in _applications(backend) if a["mykey_id"] == "SZKHNK02"]
    assert len(applications) == 1


def _applications(backend):
    client = backend.runtime.client
    found = []
    for i in range(1, 20):
        try:
            found.append(client.application(i))
        except Exception:
            break
    return found


def _admin_client(backend):
    """The municipality's admin terminal, enrolled with the demo's admin code (real enrolment)."""
    from kiosk.sync.client import CloudClient

    answer = CloudClient(backend.cloud.url).enrol(backend.info["enrolment_codes"]["admin"], "test admin")
    client = CloudClient(backend.cloud.url, answer["token"])
    admin = next(s for s in backend.info["staff_logins"] if s.get("role") == "admin")
    client.staff_login(admin["staff_code"], admin["password"])  # a review is an administrator's decision
    return client


def test_a_card_without_a_mykey_id_is_sent_to_create_one_first(qtbot, window, backend):
    login(qtbot, window, backend)
    screen = open_task(qtbot, window, "measure_apply")
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "先にマイキーIDを作成" in screen.result_panel.text()
    assert not screen.identify.busy.isVisible()
    assert screen.stack.currentWidget() is screen.identify
    press_result(qtbot, screen)  # マイキーIDを作成する: straight to that task
    assert window.current().name == "create_mykey"
