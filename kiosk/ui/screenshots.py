"""`kiosk screenshots --out DIR`: every screen, driven through the real demo stack, saved as PNG at 1280×800 and
1920×1080. Each size runs on its own fresh copy of a demo data directory, so both show the same states."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kiosk.config import Config
from kiosk.services.demo_backend import DemoBackend

SIZES = ((1280, 800), (1920, 1080))
JPKI_PIN = "1234"
TEXT_PIN = "5678"


class Driver:
    def __init__(self, window: Any, backend: DemoBackend, out: Path, size: tuple[int, int]) -> None:
        self.w = window
        self.backend = backend
        self.out = out
        self.size = size
        self.count = 0
        self.paths: list[Path] = []

    def wait(self, cond: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError(f"screen state not reached (shot {self.count + 1})")
            time.sleep(0.01)
        self.settle()

    def settle(self) -> None:
        for _ in range(5):
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def shot(self, name: str) -> None:
        self.settle()
        self.count += 1
        w, h = self.size
        path = self.out / f"{w}x{h}" / f"{self.count:02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.w.grab().save(str(path))
        self.paths.append(path)

    def place(self, key: str) -> None:
        self.backend.reader.insert(key)
        self.wait(lambda: self.w.session.card_present)

    def remove(self) -> None:
        self.backend.reader.remove()
        self.wait(lambda: not self.w.session.card_present)

    def pin(self, pad: Any, pin: str, submit: bool = True) -> None:
        self.wait(pad.isVisible)
        for digit in pin:
            pad.press(digit)
        if submit:
            pad.submit()


def _scenario(d: Driver) -> None:
    w = d.w
    d.shot("role-chooser")
    w.go("role:counter")
    code, password = d.backend.staff_login()
    w.login.code.setText(code)
    w.login.password.setText("●" * 0)
    d.shot("staff-login")
    w.login.password.setText(password)
    w.login._login()
    d.wait(lambda: w.current().name == "counter_home")
    d.shot("counter-home")

    # create a MyKey ID
    w.go("create_mykey")
    s = w.current()
    d.shot("create-place-card")
    d.place("kobayashi")
    d.wait(lambda: s.identify.pinpad.tries_left() == 3 and s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN[:2], submit=False)
    d.shot("create-pin-pad")
    s.identify.pinpad.clear()
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.choose_page)
    s.candidate.setText("YMDTRU01")
    s._check()
    d.wait(lambda: bool(s.availability.text()))
    d.shot("create-candidate-taken")
    s.candidate.setText("KOBA2026")
    s._candidate_edited()
    s._check()
    d.wait(s.next_button.isEnabled)
    d.shot("create-candidate-available")
    s._to_confirm()
    d.shot("create-confirm")
    s._create()
    d.wait(lambda: s.stack.currentWidget() is s.done_page)
    d.shot("create-done")
    d.remove()
    d.wait(lambda: w.current().name == "counter_home")

    # a card that already has a MyKey ID
    w.go("create_mykey")
    d.place("yamada")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.existing_page)
    d.shot("create-existing")
    d.remove()

    # wrong PIN: the last-try warning, then a blocked card, then a revoked certificate
    w.go("create_mykey")
    d.place("takahashi")
    d.wait(lambda: s.identify.pinpad.isVisible())
    for _ in range(2):
        d.pin(s.identify.pinpad, "0000")
        d.wait(lambda: bool(s.identify.message.text()) and s.identify.pinpad.isVisible())
    d.shot("pin-last-try-warning")
    d.remove()
    w.go("create_mykey")
    d.place("tanaka")
    d.wait(lambda: s.error_label.isVisible())
    d.shot("pin-blocked")
    d.remove()
    w.go("create_mykey")
    d.place("sato")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.error_label.isVisible())
    d.shot("certificate-revoked")
    d.remove()

    # look up + service IDs
    w.go("lookup")
    s = w.current()
    s.mykey_input.setText("YMDTRU01")
    s._lookup()
    d.wait(s.service_box.isEnabled)
    s.business.setText("LIB-FUCHU")
    s.customer.setText("00012345")
    s.customer_again.setText("00012345")
    s._add()
    d.wait(lambda: s.service_list.count() > 0)
    d.shot("lookup-service-ids")
    w.session.wipe("next")

    # measure application
    w.go("measure_apply")
    s = w.current()
    d.place("suzuki")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.list_page and s.measure_list.count() > 0)
    d.shot("measure-list")
    for row in range(s.measure_list.count()):
        if s._measures[row].measure.residency_required:
            s.measure_list.setCurrentRow(row)
    s._choose()
    s.consent.setChecked(True)
    d.wait(lambda: s.text_pin.tries_left() is not None)
    d.shot("measure-consent-pin")
    d.pin(s.text_pin, TEXT_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.result_page)
    d.shot("measure-eligible")
    s.stack.setCurrentWidget(s.payment_page)
    d.shot("measure-payment-service")
    s.service_again.setCurrentIndex(1)
    s.understood.setChecked(True)
    s._submit()
    d.wait(lambda: s.stack.currentWidget() is s.done_page)
    d.shot("measure-submitted")
    d.remove()
    w.go("measure_apply")
    d.place("yamada")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.list_page and s.measure_list.count() > 0)
    for row in range(s.measure_list.count()):
        if s._measures[row].measure.residency_required:
            s.measure_list.setCurrentRow(row)
    s._choose()
    s.consent.setChecked(True)
    d.pin(s.text_pin, TEXT_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.result_page)
    d.shot("measure-not-eligible")
    d.remove()

    # grants
    w.go("grant")
    s = w.current()
    d.wait(lambda: s.programme_list.count() > 0)
    d.shot("grant-programmes")
    # a programme granted at most once a day, so that the second grant below is refused as a duplicate
    s.programme_list.setCurrentRow(next(i for i, p in enumerate(s._programmes) if p.repeat_rule == "once_per_day"))
    s._start()
    d.wait(lambda: s.identify.card_prompt.isVisible())
    s.mykey_input.setText("TKHKEN03")
    s._grant_typed()
    d.wait(lambda: bool(s.confirmation.text()))
    d.shot("grant-confirmed")
    s.mykey_input.setText("TKHKEN03")
    s._grant_typed()
    d.wait(lambda: s.error_label.isVisible())
    d.shot("grant-duplicate-refused")

    # offline: the cloud goes away
    d.backend.cloud.stop()
    w.go("create_mykey")
    s = w.current()
    d.place("kobayashi")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.error_label.isVisible(), timeout=40)
    d.wait(lambda: "オフライン" in w.status.online_label.text() or "OFFLINE" in w.status.online_label.text(), 40)
    d.shot("offline-create-needs-cloud")
    d.remove()

    w.go("settings")
    d.shot("settings")
    _resident_display_shot(d)
    for role in ("store", "office", "admin"):
        w.go(f"{role}_home")
        d.shot(f"placeholder-{role}")


def _resident_display_shot(d: Driver) -> None:
    """The optional second screen facing the resident, with the PIN pad lent to it."""
    from kiosk.ui.resident_display import ResidentDisplay
    from kiosk.ui.widgets.pinpad import PinPad

    display = ResidentDisplay(d.w.session)
    display.setParent(d.w, display.windowFlags() | Qt.WindowType.Window)
    pad = PinPad()
    pad.set_tries_left(3)
    pad.press("1")
    display.lend(pad)
    display.resize(*d.size)
    display.show()
    d.settle()
    w, h = d.size
    d.count += 1
    path = d.out / f"{w}x{h}" / f"{d.count:02d}-resident-display-pin.png"
    display.grab().save(str(path))
    d.paths.append(path)
    display.close()
    display.deleteLater()


def render_all(out: Path, language: str = "ja", data_dir: Path | None = None) -> list[Path]:
    from kiosk.app import CardEventRelay, create_window, ensure_qapp

    out.mkdir(parents=True, exist_ok=True)
    app = ensure_qapp()
    paths: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        template = data_dir or Path(tmp) / "template"
        if data_dir is None:
            DemoBackend.start(template).stop()  # init-demo once
        for size in SIZES:
            copy = Path(tmp) / f"run-{size[0]}"
            shutil.copytree(template, copy)
            backend = DemoBackend.start(copy, probe_interval=0.5)
            try:
                config = Config(None, language=language, sound=False)
                relay = CardEventRelay()
                relay.attach(backend.runtime.card_service)
                window = create_window(
                    app, backend.runtime.services, config, data_dir=copy,
                    reset_card=backend.runtime.services.auth.reset_card, card_events=relay,
                    engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
                    demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert,
                    demo_remove=backend.reader.remove, terminal_name="デモ窓口端末", sound=lambda name: None)
                window.resize(*size)
                window.show()
                driver = Driver(window, backend, out, size)
                try:
                    _scenario(driver)
                finally:
                    relay.unsubscribe()
                    window.sync_relay.detach()
                    window.ctx.runner.wait_idle(10000)
                    window.close()
                    window.deleteLater()
                    QApplication.processEvents()
                paths += driver.paths
            finally:
                backend.stop()
    return paths
