"""`kiosk screenshots --out DIR`: every screen, driven through the real demo stack, saved as PNG at 1280×800 and
1920×1080. Each size runs on its own fresh copy of a demo data directory, so both show the same states."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from kiosk.ui.shot_driver import SIZES, ShotDriver, demo_copy, make_template, open_window, run_scenario

JPKI_PIN = "1234"
TEXT_PIN = "5678"


class Driver(ShotDriver):
    def place(self, key: str) -> None:
        self.backend.reader.insert(key)
        self.wait(lambda: self.w.session.card_present)

    def remove(self) -> None:
        self.lift()

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
    d.wait(lambda: s.field.state() is not None)
    d.shot("create-candidate-taken")
    s.candidate.setText("KOBA2026")
    s._candidate_edited()
    s._check()
    d.wait(s.next_button.isEnabled)
    d.shot("create-candidate-available")
    s._to_confirm()
    d.shot("create-confirm")
    s._create()
    d.wait(s.result_shown)
    d.shot("create-done")
    d.remove()
    d.wait(lambda: w.current().name == "counter_home")

    # a card that already has a MyKey ID
    w.go("create_mykey")
    d.place("yamada")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(s.result_shown)
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
    d.wait(s.result_shown)
    d.shot("pin-blocked")
    d.remove()
    w.go("create_mykey")
    d.place("sato")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(s.result_shown)
    d.shot("certificate-revoked")
    d.remove()

    # look up + service IDs
    w.go("lookup")
    s = w.current()
    s.mykey_input.setText("YMDTRU01")
    s._lookup()
    d.wait(s.service_box.isEnabled)
    s.businesses.setCurrentRow(0)
    s.customer.setText("00012345")
    s.customer_again.setText("00012346")
    d.shot("lookup-customer-id-mismatch")
    s.customer_again.setText("00012345")
    s._add()
    d.wait(s.result_shown)
    d.shot("lookup-service-registered")
    s.close_result()
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
    _choose_residents_only(s)
    d.shot("measure-consent")
    s.consent.setChecked(True)
    s._to_pin()
    d.wait(lambda: s.text_pin.tries_left() is not None)
    d.shot("measure-card-text-pin")
    d.pin(s.text_pin, TEXT_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.payment_page)
    s.services.setCurrentRow(0)
    d.shot("measure-payment-service")
    s._to_summary()
    d.shot("measure-summary")
    s._submit()
    d.wait(s.result_shown)
    d.shot("measure-submitted")
    d.remove()
    w.go("measure_apply")
    d.place("yamada")
    d.wait(lambda: s.identify.pinpad.isVisible())
    d.pin(s.identify.pinpad, JPKI_PIN)
    d.wait(lambda: s.stack.currentWidget() is s.list_page and s.measure_list.count() > 0)
    _choose_residents_only(s)
    s.consent.setChecked(True)
    s._to_pin()
    d.pin(s.text_pin, TEXT_PIN)
    d.wait(s.result_shown)
    d.shot("measure-not-eligible")
    d.remove()

    # grants
    w.go("grant")
    s = w.current()
    d.wait(lambda: s.programme_list.count() > 0)
    # a programme granted at most once a day, so that the second grant below is refused as a duplicate
    s.programme_list.setCurrentRow(next(i for i, p in enumerate(s._programmes) if p.repeat_rule == "once_per_day"))
    d.shot("grant-programmes")
    s._start()
    d.wait(lambda: s.identify.card_prompt.isVisible())
    s.mykey_input.setText("TKHKEN03")
    d.shot("grant-ready")
    s._grant_typed()
    d.wait(s.result_shown)
    d.shot("grant-confirmed")
    s._next_resident()
    s.mykey_input.setText("TKHKEN03")
    s._grant_typed()
    d.wait(lambda: s.result_panel.kind() == "error")
    d.shot("grant-duplicate-refused")
    s._next_resident()

    # offline: the cloud goes away; the counter says so before a task that needs it starts
    d.backend.cloud.stop()
    w.go("counter_home")
    d.wait(lambda: w.status.online is False, 40)
    w.go("create_mykey")
    s = w.current()
    d.wait(s.result_shown)
    d.shot("offline-create-needs-cloud")
    w.go("grant")
    d.wait(lambda: w.current().identify.card_prompt.isVisible())
    d.shot("offline-grant-type-the-id")

    w.go("settings")
    d.shot("settings-admin-pin")
    from kiosk.services.admin_pin import DEMO_ADMIN_PIN

    s = w.current()
    s.gate.field.setText(DEMO_ADMIN_PIN)
    s.gate.submit()
    d.wait(s.sections.isVisible)
    d.shot("settings")
    s.section_choice.setCurrentIndex(1)
    d.shot("settings-terminal")
    s.section_choice.setCurrentIndex(0)
    _resident_display_shot(d)
    for role in ("store", "office", "admin"):
        w.go(f"{role}_home")
        d.shot(f"placeholder-{role}")
    # the two accessibility settings change every screen
    w.go("counter_home")
    for name, setting in (("large-text", "large_text"), ("high-contrast", "high_contrast")):
        w.config.set(setting, True)
        w.apply_look(force=True)
        d.shot(f"counter-home-{name}")
        w.go("grant")
        d.shot(f"grant-{name}")
        w.go("counter_home")
        w.config.set(setting, False)
    w.apply_look(force=True)


def _choose_residents_only(s: Any) -> None:
    for row in range(s.measure_list.count()):
        if s._measures[row].measure.residency_required:
            s.measure_list.setCurrentRow(row)
    s._choose()


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
    d.save(display, "resident-display-pin")
    display.close()
    display.deleteLater()


def render_all(out: Path, language: str = "ja", data_dir: Path | None = None) -> list[Path]:
    from kiosk.app import ensure_qapp

    out.mkdir(parents=True, exist_ok=True)
    ensure_qapp()
    paths: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        template = data_dir or make_template(Path(tmp))  # init-demo once
        for size in SIZES:
            copy = Path(tmp) / f"run-{size[0]}"
            with demo_copy(template, copy) as backend:
                window, relay = open_window(backend, copy, language, size, "デモ窓口端末")
                paths += run_scenario(Driver(window, backend, out, size), relay, _scenario, screen_runners=False)
        paths += __import__("kiosk.ui.store.screenshots", fromlist=["render_shop"]).render_shop(out, template, Path(tmp), language)  # the shop (issue 10)
        paths += __import__("kiosk.ui.office.screenshots", fromlist=["render_office"]).render_office(out, template, Path(tmp), language)  # the office (issue 11)
        paths += __import__("kiosk.ui.admin.screenshots", fromlist=["render_admin"]).render_admin(out, template, Path(tmp), language)  # the administration (issue 12)
    return paths
