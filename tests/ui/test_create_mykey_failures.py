"""Create-MyKey-ID flow: existing ID, wrong PIN, blocked PIN, revoked certificate, taken ID, card pulled mid-flow,
cloud unreachable (what was entered is kept)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import (
    TIMEOUT,
    identify,
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


def _start(qtbot, window, backend):
    login(qtbot, window, backend)
    return open_task(qtbot, window, "create_mykey")


def test_a_card_with_a_mykey_id_shows_it_and_its_status(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "yamada")
    qtbot.waitUntil(lambda: result_shown(screen), timeout=TIMEOUT)
    assert screen.existing_id == "YMDTRU01" and screen.result_panel.amount.text() == "YMDTRU01"
    assert "有効" in screen.result_panel.detail.text()
    assert "YMDTRU01" in window.banner.text()


def test_wrong_pin_shows_tries_left_and_warns_before_the_last_try(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "takahashi", pin="9999")
    pad = screen.identify.pinpad
    qtbot.waitUntil(lambda: pad.tries_left() == 2 and pad.isVisible(), timeout=TIMEOUT)
    assert "暗証番号が違います" in pad.notice.text()  # by the dots, for the resident
    assert not pad.warning.isVisible()
    type_pin(qtbot, pad, "9999")
    qtbot.waitUntil(lambda: pad.tries_left() == 1, timeout=TIMEOUT)
    assert pad.warning.isVisible()
    assert "最後" in pad.warning.text()
    # the right PIN on the last try still works, and the counter is back to 3 on the card
    type_pin(qtbot, pad, "1234")
    qtbot.waitUntil(lambda: result_shown(screen), timeout=TIMEOUT)
    assert screen.existing_id == "TKHKEN03"


def test_a_blocked_pin_is_explained_and_no_pin_can_be_typed(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    place(qtbot, window, backend, "tanaka")
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    text = screen.result_panel.text()
    assert "ロック" in text and "窓口" in text
    assert text.count("ロック") == 1  # said once
    pad = screen.identify.pinpad
    assert pad.tries_left() == 0 and not pad.isVisible()  # no empty PIN dots left on screen
    assert not pad.digit_buttons["1"].isEnabled()
    assert [b.text() for b in screen.result_panel.buttons] == ["メニューに戻る"]  # no "try again"


def test_a_revoked_certificate_is_refused_by_the_cloud(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "sato")
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=TIMEOUT)
    assert "失効" in screen.result_panel.text()
    assert window.session.identity is None
    assert screen.stack.currentIndex() == 0


def test_a_taken_candidate_is_refused_and_the_resident_can_generate_one(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    screen.candidate.setText("ymdtru01")
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.availability.text()), timeout=TIMEOUT)
    assert "すでに使われています" in screen.availability.text() and screen.field.state() == "error"
    assert not screen.next_button.isEnabled()
    screen.candidate.setText("AB1")
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "8文字" in screen.availability.text(), timeout=TIMEOUT)
    assert screen.field.state() == "error" and screen.availability.text().startswith("✖")
    qtbot.mouseClick(screen.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.next_button.isEnabled, timeout=TIMEOUT)
    generated = screen.candidate.text()
    assert len(generated) == 8
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "success"), timeout=TIMEOUT)
    assert screen.created_id == generated


def test_candidate_taken_between_check_and_create_goes_back_to_the_choice(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    screen.candidate.setText("RACE2026")
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.next_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    # another counter creates RACE2026 for another resident in the meantime (same cloud, another card)
    _create_elsewhere(backend, "RACE2026")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    assert "すでに使われています" in screen.availability.text() and not screen.next_button.isEnabled()
    assert screen.candidate.text() == "RACE2026"  # kept, the resident edits it


def test_pulling_the_card_mid_flow_wipes_the_resident(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    screen.candidate.setText("KOBA7777")
    remove(qtbot, window, backend)
    qtbot.waitUntil(lambda: window.current().name == "counter_home", timeout=TIMEOUT)
    assert window.session.is_empty()
    assert screen.candidate.text() == ""
    assert screen.stack.currentIndex() == 0
    assert "対応中の住民はいません" in window.banner.text()


def test_cloud_unreachable_keeps_the_choice_and_says_what_must_wait(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    screen.candidate.setText("WAIT2026")
    qtbot.mouseClick(screen.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.next_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    stop_cloud(backend)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=30000)
    text = screen.result_panel.text()
    assert "接続できません" in text and "WAIT2026" in text
    press_result(qtbot, screen)  # 戻る: back to the confirmation, the choice kept
    assert screen.stack.currentWidget() is screen.confirm_page
    assert screen.confirm_value.text() == "WAIT2026"
    restart_cloud(backend)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "success"), timeout=30000)
    assert screen.created_id == "WAIT2026"


def test_the_slip_is_a_pdf_with_the_mykey_id(qtbot, window, backend, tmp_path):
    import subprocess

    screen = _start(qtbot, window, backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
    qtbot.mouseClick(screen.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.next_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result_shown(screen, "success"), timeout=TIMEOUT)
    qtbot.mouseClick(screen.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ".pdf" in screen.slip_label.text(), timeout=TIMEOUT)
    text = subprocess.run(["pdftotext", str(screen.last_slip), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert screen.created_id in text
    assert "マイキーID" in text
    slip = screen.last_slip
    assert str(slip) in screen.slip_label.text()
    qtbot.mouseClick(window.banner.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not slip.exists(), timeout=TIMEOUT)  # gone with the resident


def _create_elsewhere(backend, mykey_id: str) -> None:
    """Bind `mykey_id` to another resident's certificate through the real API (another counter's work)."""
    import base64

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    client = backend.runtime.client
    other = next(r for r in backend.residents if r.key == "kobayashi")
    # kobayashi is at this counter; use a resident without a MyKey ID other than kobayashi if any, else a fresh one
    candidates = [r for r in backend.residents if not backend.info["residents"].get(r.key)
                  and r.key != "kobayashi" and not r.revoked and r.cert_der]
    resident = candidates[0] if candidates else other
    challenge = client.auth_challenge()
    key = serialization.load_pem_private_key(resident.private_key_pem, None)
    signature = key.sign(base64.b64decode(challenge["challenge"]), padding.PKCS1v15(), hashes.SHA256())
    verified = client.auth_verify(challenge["challenge_id"], resident.cert_der, signature)
    client.create_mykey_id(verified["auth_token"], mykey_id)


def test_identification_retried_once_the_cloud_is_back(qtbot, window, backend):
    screen = _start(qtbot, window, backend)
    stop_cloud(backend)
    identify(qtbot, window, backend, screen, "kobayashi")
    qtbot.waitUntil(lambda: result_shown(screen, "error"), timeout=30000)
    assert "オフライン" in screen.result_panel.text()
    assert screen.result_panel.text().count("ポイントクラウド") == 1  # said once
    restart_cloud(backend)
    press_result(qtbot, screen)  # もう一度
    type_pin(qtbot, screen.identify.pinpad, "1234")
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.choose_page, timeout=TIMEOUT)
