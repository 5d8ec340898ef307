"""The office's screens for `kiosk screenshots` (issue 11): every new screen state at 1280×800 and 1920×1080,
driven through the real demo stack — the embedded cloud, an office terminal enrolled beside the demo counter, the
simulated card reader — plus the PDFs it printed (voucher sheet, re-print, receipt, statements) as PNG pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.ui.shot_driver import SIZES, ShotDriver, demo_copy, main_for, open_window, run_scenario


class OfficeDriver(ShotDriver):
    prefix = "office-"
    what = "office screen"
    home = "office_home"
    settle_rounds = 8

    def detail(self) -> str:
        current = self.w.current()
        return f": {current.name}, {current.result_panel.text()!r}"

    def card_and_pin(self, screen: Any, key: str = "suzuki") -> None:
        self.backend.reader.insert(key)
        self.wait(lambda: self.w.session.card_present and screen.pinpad.isVisible())
        for digit in "12":
            screen.pinpad.digit_buttons[digit].click()

    def finish_pin(self, screen: Any) -> None:
        for digit in "34":
            screen.pinpad.digit_buttons[digit].click()
        screen.pinpad.ok_button.click()

    def result(self, screen: Any) -> None:
        self.wait(lambda: screen.result_shown() and screen.result_panel.kind() is not None)


def _primary(panel: Any) -> Any:
    """The result's primary button (secondary actions such as "Print…" come first in the row and open dialogs)."""
    return next(b for b in panel.buttons if b.property("primary"))


def _scenario(d: OfficeDriver, admin: Any) -> None:
    home = d.w.current()
    d.shot("login")
    home.code_field.edit.setText("OFC01")
    home.password_field.edit.setText("demo-pass")
    home.login_button.click()
    d.wait(lambda: home.stack.currentWidget() is home.tasks_page)
    d.shot("home")

    issue = d.task("office_issue")
    d.card_and_pin(issue)
    d.shot("issue-pin")
    d.finish_pin(issue)
    d.wait(lambda: issue.stack.currentWidget() is issue.amount_page)
    issue.per_voucher.setCurrentIndex(0)
    issue.count.setCurrentIndex(2)
    d.shot("issue-amount")
    issue.next_button.click()
    d.shot("issue-confirm")
    issue.issue_button.click()
    d.result(issue)
    d.shot("issued")
    vouchers = list(issue.issued)
    d.pdf_pages(Path(issue.pdf_path), "vouchers")
    _primary(issue.result_panel).click()
    d.lift()

    manage = d.task("office_manage")
    manage.number_field.edit.setText(vouchers[0].number)
    d.shot("manage")
    manage.reprint_button.click()
    d.result(manage)
    d.shot("reprinted")
    reprints = sorted((Path(d.w.ctx.office.service.out_dir) / "vouchers").glob("reprint-*.pdf"))
    if reprints:
        d.pdf_pages(reprints[-1], "reprint")
    manage.close_result()
    manage.number_field.edit.setText(vouchers[1].number)
    manage.void_button.click()
    d.result(manage)
    manage.close_result()

    rec = d.task("office_reconcile")
    d.wait(lambda: rec.shop.count() > 0)
    rec.shop.setCurrentIndex(0)
    for code in (vouchers[0].code, vouchers[1].code, vouchers[0].code[:-4] + "AAAA"):
        rec.add_code(code)
    rec.number_field.edit.setText(vouchers[2].number)
    rec._number()
    rec.second_code.edit.setText("S001")
    d.shot("reconcile")
    from itertools import repeat

    import numpy

    from kiosk.scan.camera import ArrayFrames

    blank = numpy.full((720, 1280), 255, dtype="uint8")  # a camera that sees no voucher yet
    rec.camera_source = lambda: ArrayFrames(repeat(blank))  # not iter(f, None): an array's == None is ambiguous
    rec.camera_button.click()
    d.shot("reconcile-camera")
    rec.camera_button.click()
    rec.second_password.edit.setText("demo-pass")
    rec.close_button.click()
    d.result(rec)
    d.shot("reconciled")
    rec.close_result()

    desk = d.task("office_desk")
    d.card_and_pin(desk, "yamada")
    d.finish_pin(desk)
    d.wait(lambda: desk.stack.currentWidget() is desk.form_page and desk.payee_id is not None)
    desk.serials.edit.setText("GC-000101 GC-000102")
    d.shot("desk-certificates")
    desk.kind.setCurrentIndex(1)
    desk.card_number.edit.setText("8800-1234-5678")
    d.shot("desk-point-card")
    desk.go_button.click()
    d.result(desk)
    d.shot("exchanged")
    _primary(desk.result_panel).click()
    d.lift()
    desk = d.task("office_desk")
    d.card_and_pin(desk, "yamada")
    d.finish_pin(desk)
    d.wait(lambda: desk.stack.currentWidget() is desk.form_page and desk.rule is not None)
    desk.kind.setCurrentIndex(2)
    d.shot("desk-cash")
    desk.go_button.click()
    d.result(desk)
    d.shot("cash-sold")
    receipts = sorted((Path(d.w.ctx.office.service.out_dir) / "receipts").glob("*.pdf"))
    if receipts:
        d.pdf_pages(receipts[-1], "receipt")
    _primary(desk.result_panel).click()
    d.lift()

    settle = d.task("office_settle")
    d.wait(lambda: settle.open_button.isEnabled())
    d.shot("settle-empty")
    settle.settlements.next_period = lambda today: (today, today)
    settle.open_button.click()
    d.wait(lambda: settle.close_button.isEnabled())
    d.shot("settle-open")
    settle.close_button.click()
    d.result(settle)
    d.shot("settle-closed-result")
    settle.close_result()
    d.shot("settle-closed")
    settle.pdf_button.click()
    d.result(settle)
    statements = sorted((Path(d.w.ctx.office.service.out_dir) / "settlements").glob("statements-*.pdf"))
    if statements:
        d.pdf_pages(statements[-1], "statements")
    settle.close_result()
    settle.banks_button.click()
    banks = d.w.current()
    d.wait(lambda: banks.shop.count() > 0)
    banks.bank.edit.setText("0001")
    banks.branch.edit.setText("001")
    banks._check_branch()
    d.wait(lambda: banks.branch.state() == "ok")
    banks.number.edit.setText("1234567")
    banks.holder.edit.setText("カ）ケヤキショテン")
    d.shot("bank-account")


def _admin(backend: Any) -> Any:
    """The demo admin sets the municipality's cash-sale terms (so the cash desk has something to sell) and its
    voucher rule (the issue screen offers what it allows)."""
    from kiosk.sync.client import CloudClient

    admin = CloudClient(backend.cloud.url)
    enrolled = admin.enrol(backend.info["enrolment_codes"]["admin"], "demo admin (office screens)")
    admin.set_token(enrolled["token"])
    admin.staff_login("ADM01", "demo-pass")
    admin.http.request("POST", "/v1/office/cash-sale-rules", json={
        "point_type_id": 1, "premium_rate_pct": 20, "max_yen_per_sale": 10000, "max_yen_per_resident_month": 30000,
        "validity_days": 180})
    admin.http.request("PUT", "/v1/admin/voucher-rules/1", json={"validity_days": 90, "max_points": 2000})
    return admin


def render_office(out: Path, template: Path, tmp: Path, language: str = "ja") -> list[Path]:
    """Shots of the office's screens at both sizes, each on its own copy of the demo data `template`."""
    from kiosk.services.office_terminal import OfficeTerminal

    paths: list[Path] = []
    for size in SIZES:
        copy = tmp / f"office-{size[0]}x{size[1]}"
        with demo_copy(template, copy) as backend:
            terminal = OfficeTerminal.demo(backend)
            admin = _admin(backend)
            try:
                window, relay = open_window(backend, copy, language, size, "デモ商店街事務局端末", go="role:office",
                                            role="office", office=terminal)
                paths += run_scenario(OfficeDriver(window, backend, out, size), relay,
                                      lambda d: _scenario(d, admin))  # noqa: B023 (run here, in this loop)
            finally:
                admin.close()
                terminal.stop()
    return paths


def main() -> None:  # python -m kiosk.ui.office.screenshots OUT [ja|en]
    main_for(render_office, "office")


if __name__ == "__main__":
    main()
