"""Voucher redemption end to end: scanners as shops have them (a keyboard wedge with no Enter, one typing through
a Japanese IME), and every bad voucher with its own message, colour and sound; nothing redeemed by a refusal."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from .helpers import click, press, result, today


@pytest.fixture
def office(backend: Any) -> Any:
    from kiosk.services.store_demo import DemoOffice

    o = DemoOffice(backend)
    yield o
    o.close()


def open_redeem(qtbot: Any, shop: Any) -> Any:
    click(qtbot, shop.screens["store_home"].buttons["store_redeem"])
    screen = shop.current()
    assert screen.name == "store_redeem"
    return screen


def wedge_type(qtbot: Any, text: str, enter: bool = False) -> None:
    """A keyboard-wedge scanner: one key per character, about 1 ms apart, into whatever has the focus."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    target = QApplication.focusWidget()
    assert target is not None
    for ch in text + ("\r" if enter else ""):
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # as the HID driver delivers them
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
        time.sleep(0.001)


def redeemed_numbers(store_terminal: Any) -> list[str]:
    from kiosk.sync.models import Redemption

    return store_terminal.engine.store.read(lambda s: [r.voucher_number for r in s.query(Redemption).all()])


def test_wedge_scan_without_enter_redeems(qtbot: Any, shop: Any, office: Any, store_terminal: Any,
                                         sound: Any) -> None:
    voucher = office.issue("suzuki", 500)[0]
    redeem = open_redeem(qtbot, shop)
    redeem.code_field.edit.setFocus()
    wedge_type(qtbot, voucher["code"])  # 149 characters, no Enter
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)
    assert redeem.code_field.text() == ""  # the scan never landed in the field
    assert "500" in redeem.points_label.text() and voucher["number"][:4] in redeem.number_label.text()
    click(qtbot, redeem.redeem_button)
    text = result(qtbot, redeem, "success")
    assert "+500" in text and "paid" in sound.played
    assert redeem.result_panel.auto_closing()  # ready for the next scan by itself
    assert redeemed_numbers(store_terminal) == [voucher["number"]]


def test_scan_from_the_home_screen_with_an_ime_on(qtbot: Any, shop: Any, office: Any) -> None:
    """An IME in kana mode hands the scan over as full-width commit strings: still one scan, routed to the
    voucher screen."""
    voucher = office.issue("suzuki", 300)[0]
    home = shop.screens["store_home"]
    assert shop.current() is home
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in voucher["code"])
    target = QApplication.focusWidget() or home
    for piece in (full_width[:80], full_width[80:]):
        event = QInputMethodEvent()
        event.setCommitString(piece)
        QApplication.sendEvent(target, event)
    redeem = shop.screens["store_redeem"]
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)
    assert shop.current() is redeem and "300" in redeem.points_label.text()


def test_a_person_typing_still_reaches_the_field(qtbot: Any, shop: Any) -> None:
    redeem = open_redeem(qtbot, shop)
    redeem.code_field.edit.setFocus()
    for ch in "ab12":
        qtbot.keyClick(redeem.code_field.edit, ch)
        qtbot.wait(80)  # a person's pace
    qtbot.waitUntil(lambda: redeem.code_field.text() == "ab12", timeout=3000)


def forge(code: str, at: int) -> str:
    return code[:at] + ("A" if code[at] != "A" else "B") + code[at + 1:]


def other_municipality_code(office: Any) -> str:
    from datetime import UTC, datetime

    from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
    from kiosk.core.voucher_number import damm_digit

    private, _public = new_signing_key()
    now = int(datetime.now(UTC).timestamp())
    claims = VoucherClaims(key_id=9, point_type_id=1, number="000000000001" + str(damm_digit("000000000001")), points=500, valid_from=now - 60,
                           valid_until=now + 86400, terminal_id=1, version=1)
    return encode_voucher(claims, private)


@pytest.mark.parametrize(("case", "kind", "sound_name", "words"), [
    ("forged", "error", "voucher_forged", ("偽造", "Forged")),
    ("altered", "error", "voucher_forged", ("偽造", "Forged")),
    ("unreadable", "warning", "warning", ("ポイント券", "Not a point voucher")),
    ("other", "warning", "voucher_forged", ("市", "municipality")),
    ("expired", "warning", "voucher_expired", ("期限", "expired")),
    ("not_yet", "warning", "voucher_expired", ("まだ", "not valid yet")),
    ("voided", "error", "voucher_used", ("無効", "voided")),
    ("used_here", "error", "voucher_used", ("この店舗", "this shop")),
])
def test_bad_vouchers(qtbot: Any, shop: Any, office: Any, store_terminal: Any, sound: Any,
                      monkeypatch: pytest.MonkeyPatch, case: str, kind: str, sound_name: str,
                      words: tuple[str, str]) -> None:
    voucher = office.issue("suzuki", 200)[0]
    code = voucher["code"]
    service = store_terminal.service
    before: list[str] = []
    if case == "forged":
        code = forge(code, 140)  # the signature
    elif case == "altered":
        code = forge(code, 25)  # the claims (points, dates)
    elif case == "unreadable":
        code = "HELLO-WORLD-" * 12
    elif case == "other":
        code = other_municipality_code(office)
    elif case in ("expired", "not_yet"):
        real_now = service.now
        shift = timedelta(days=400) if case == "expired" else timedelta(days=-2)
        monkeypatch.setattr(service, "now", lambda: real_now() + shift)
    elif case == "voided":
        office.void(voucher["number"])
        store_terminal.engine.pull_reference()
    elif case == "used_here":
        service.redeem(service.check_voucher(code))
        before = [voucher["number"]]
    redeem = open_redeem(qtbot, shop)
    redeem.on_scan(code)
    text = result(qtbot, redeem, kind)
    assert any(w in text for w in words), text
    assert sound.played[-1] == sound_name
    assert not redeem.result_panel.auto_closing()  # an error waits for a tap
    assert redeemed_numbers(store_terminal) == before  # nothing (more) redeemed
    press(qtbot, redeem)
    assert redeem.stack.currentWidget() is redeem.scan_page


def test_used_at_another_shop_online_the_cloud_answer_stands(qtbot: Any, shop: Any, office: Any, backend: Any,
                                                             store_terminal: Any) -> None:
    from kiosk.sync.client import CloudClient

    voucher = office.issue("suzuki", 200)[0]
    other = CloudClient(backend.cloud.url)
    code = office.admin.create_enrolment_code("store", "another shop", shop_id=backend.info.get("shop2", 2))["code"]
    other.set_token(other.enrol(code, "another shop")["token"])
    other.redeem_voucher(voucher["code"], "k" * 16)
    other.close()
    redeem = open_redeem(qtbot, shop)
    redeem.on_scan(voucher["code"])
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)  # nothing here knows it is used
    click(qtbot, redeem.redeem_button)
    text = result(qtbot, redeem, "error")
    assert "使用済み" in text or "already been used" in text
    entries = store_terminal.records.activity(today(), today())
    assert [e for e in entries if e.kind == "redemption"] == []  # nothing redeemed for this shop
    # (the terminal's own "used here" record stays: a second scan here is refused at once, which is right)


def test_offline_redemption_of_a_voucher_used_elsewhere_becomes_a_conflict(
        qtbot: Any, shop: Any, office: Any, backend: Any, store_terminal: Any) -> None:
    """Offline, the local record decides (pending on screen); the cloud later reports the use elsewhere as a
    conflict, which the shop sees on its home and in the day end."""
    from kiosk.sync.client import CloudClient
    from tests.ui.ui_helpers import restart_cloud

    voucher = office.issue("suzuki", 200)[0]
    other = CloudClient(backend.cloud.url)
    code = office.admin.create_enrolment_code("store", "another shop", shop_id=2)["code"]
    other.set_token(other.enrol(code, "another shop")["token"])
    other.redeem_voucher(voucher["code"], "k" * 16)
    other.close()
    backend.cloud.stop()
    store_terminal.engine.wake()
    qtbot.waitUntil(lambda: store_terminal.engine.online is False, timeout=30000)
    redeem = open_redeem(qtbot, shop)
    redeem.on_scan(voucher["code"])
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)
    click(qtbot, redeem.redeem_button)
    assert "200" in result(qtbot, redeem, "queued")  # taken offline, pending
    restart_cloud(backend)
    store_terminal.engine.wake()
    qtbot.waitUntil(lambda: store_terminal.engine.status().conflicts_open >= 1, timeout=30000)
    shop.go("store_home")
    home = shop.current()
    qtbot.waitUntil(lambda: home.conflicts.isVisible(), timeout=15000)
    shop.go("store_dayend")
    dayend = shop.current()
    qtbot.waitUntil(lambda: dayend.settlement is not None and bool(dayend.settlement.conflicts), timeout=15000)
    assert dayend.notes.isVisible()


def test_camera_reads_a_voucher(qtbot: Any, shop: Any, office: Any) -> None:
    """The camera path with a frame source of 1280×720 frames (a turned, noisy voucher), as OpenCV would give."""
    from kiosk.scan.camera import ArrayFrames
    from kiosk.scan.synthetic import voucher_frame

    voucher = office.issue("suzuki", 400)[0]
    redeem = open_redeem(qtbot, shop)
    redeem.camera_source = lambda: ArrayFrames([voucher_frame(voucher["code"])] * 3)
    click(qtbot, redeem.camera_button)
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)
    assert "400" in redeem.points_label.text()
    assert not redeem.camera_button.isChecked() and redeem.scanners.camera is None  # the camera is off again


def test_no_camera_is_said(qtbot: Any, shop: Any) -> None:
    redeem = open_redeem(qtbot, shop)

    def none() -> Any:
        raise OSError("camera 0 could not be opened")

    redeem.camera_source = none
    click(qtbot, redeem.camera_button)
    qtbot.waitUntil(lambda: "✖" in redeem.scanner_note.text(), timeout=5000)
    assert not redeem.camera_button.isChecked()


@pytest.fixture
def serial_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_SCANNER_SERIAL", "loop://")  # pyserial's loop-back port: what is written is read


def test_serial_scanner_from_the_home_screen(qtbot: Any, serial_scanner: None, shop: Any, office: Any) -> None:
    voucher = office.issue("suzuki", 100)[0]
    redeem = shop.screens["store_redeem"]
    scanner = redeem.scanners.serial
    assert scanner is not None
    scanner._serial.write(voucher["code"].encode() + b"\r\n")  # the scanner's frame: the code and CR LF
    qtbot.waitUntil(lambda: redeem.preview is not None, timeout=15000)
    assert shop.current() is redeem and "100" in redeem.points_label.text()
    redeem.scanners.stop()
