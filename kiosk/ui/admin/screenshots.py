"""The administration's screens for `kiosk screenshots` (issue 12): every screen at 1280×800 and 1920×1080, driven
through the real demo stack (the embedded cloud, an admin terminal enrolled beside the demo counter), plus a report
PDF as PNG pages. Some activity is made first (grants, a card payment, vouchers, a support event, an application
waiting for post-review) so that the reports and lists have something to show."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk.services.errors import ServiceError

SIZES = ((1280, 800), (1920, 1080))


class AdminDriver:
    def __init__(self, window: Any, out: Path, size: tuple[int, int], backend: Any = None) -> None:
        self.w, self.out, self.size, self.backend = window, out, size, backend
        self.count = 0
        self.paths: list[Path] = []

    def settle(self, rounds: int = 10) -> None:
        for _ in range(rounds):
            QCoreApplication.processEvents()
            time.sleep(0.02)

    def idle(self, screen: Any) -> None:
        for _ in range(3):
            screen.runner.wait_idle(20000)
            self.settle()

    def wait(self, cond: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError(f"admin screen state not reached (shot {self.count + 1})")
            time.sleep(0.01)
        self.settle()

    def shot(self, name: str) -> None:
        self.settle()
        self.count += 1
        w, h = self.size
        path = self.out / f"{w}x{h}" / f"admin-{self.count:02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.w.grab().save(str(path))
        self.paths.append(path)

    def task(self, target: str) -> Any:
        self.w.go("admin_home")
        self.settle()
        self.w.screens["admin_home"].tiles[target].click()
        screen = self.w.current()
        self.idle(screen)
        return screen

    def pdf_pages(self, pdf: Path, name: str) -> None:
        from kiosk.printing.pages import iter_pdf_pages

        w, h = self.size
        for index, image in enumerate(iter_pdf_pages(pdf, dpi=110)):
            path = self.out / f"{w}x{h}" / f"admin-pdf-{name}-{index + 1}.png"
            image.save(str(path))
            self.paths.append(path)
            if index >= 1:
                break


def _activity(backend: Any, terminal: Any) -> None:
    """Grants, a payment, vouchers, a support event and an application waiting, through the demo counter's cloud."""
    svc = terminal.service
    svc.login("ADM01", "demo-pass")
    cache = svc.setup_cache
    programme = next(p["id"] for p in cache["programmes"] if p["point_type_id"] == 1 and
                     p["repeat_rule"] == "unlimited")
    residents = {k: v for k, v in backend.info["residents"].items() if v}
    for i, name in enumerate(sorted(residents)):
        with contextlib.suppress(ServiceError):  # a suspended demo resident is refused: fine
            svc.cloud.call("POST", "/v1/grants", {"programme_id": programme, "mykey_id": residents[name],
                                                  "points": 1000 + 500 * i, "idempotency_key": f"shots-grant-{name}"})
    now = datetime.now(UTC)
    measure = svc.add("measures", {
        "name": "子育て応援（事後審査）", "name_en": "Child-raising support (post-review)", "point_type_id": 1,
        "programme_id": programme, "kind": "grant", "eligibility": "open", "review": "post",
        "points_per_person": 3000, "opens_at": (now - timedelta(days=1)).isoformat(),
        "closes_at": (now + timedelta(days=30)).isoformat(), "payment_services": ["府中市ポイント"]})["id"]
    for name in sorted(residents)[:4]:
        with contextlib.suppress(ServiceError):
            svc.cloud.call("POST", "/v1/applications", {"measure_id": measure, "mykey_id": residents[name],
                                                        "payment_service": "府中市ポイント",
                                                        "idempotency_key": f"shots-app-{name}"})
    event = svc.add("support-events", {"point_type_id": 1, "name": "旧西里小学校整備"})["account_id"]
    svc.fund(event, programme, 20000)
    svc.payout(event, 5000, "旧西里小学校整備委員会")
    svc.edit("programmes", programme, {"default_points": 1000, "repeat_rule": "once_per_day"})
    svc.setup()


def _scenario(d: AdminDriver) -> None:
    home = d.w.current()
    d.shot("login")
    home.code_field.edit.setText("ADM01")
    home.password_field.edit.setText("demo-pass")
    home.login_button.click()
    d.wait(lambda: home.stack.currentWidget() is home.tasks_page)
    d.shot("home")

    setup = d.task("admin_setup")
    for section in ("programmes", "point_types", "measures", "shops", "voucher_rules", "staff"):
        setup.section.setCurrentData(section)
        d.idle(setup)
        d.shot(f"setup-{section.replace('_', '-')}")
        if section == "programmes":
            setup.open_row(2)
            d.shot("setup-programme-edit")
            setup.pages.setCurrentIndex(0)
        if section in ("point_types", "measures"):
            setup.new_button.click()
            form = setup.form_for[section]
            if section == "point_types":
                for key, text in (("code", "fuchu-eco"), ("name", "府中エコポイント"), ("name_en", "Fuchu eco points"),
                                  ("offline_limit_per_card_per_day", "3,000")):
                    form.inputs[key].edit.setText(text)
            else:
                for key, text in (("name", "子育て応援ポイント"), ("points_per_person", "3000"),
                                  ("opens_at", "2027-04-01"), ("closes_at", "2027-06-30"), ("capacity", "500"),
                                  ("payment_services", "府中市ポイント")):
                    form.inputs[key].edit.setText(text)
                form.inputs["review"].setCurrentData("post")
            d.shot(f"setup-{section.replace('_', '-')}-new")
            setup.pages.setCurrentIndex(0)

    terminals = d.task("admin_terminals")
    d.shot("terminals")
    terminals.new_button.click()
    terminals.role_choice.setCurrentData("store")
    terminals.name_field.edit.setText("駅前店 レジ2")
    d.shot("terminal-new")
    first = str(terminals.service.setup_cache["shops"][0]["name"])
    terminals.shop_search.edit.setText(first[:2])  # type-ahead: part of the shop's name
    if terminals.shop_choice.currentData() is None:
        terminals.shop_choice.setCurrentIndex(0)
    d.shot("terminal-new-search")
    terminals.code_button.click()
    d.idle(terminals)
    d.shot("terminal-code")

    review = d.task("admin_review")
    review.table.selectAll()
    review.reason_field.edit.setText("住所要件を満たさない")
    d.shot("review")

    accounts = d.task("admin_accounts")
    d.idle(accounts)
    d.shot("accounts")
    _support(d, accounts)

    d.task("admin_history")
    d.shot("history")

    reports = d.task("admin_reports")
    reports.period_field.edit.setText(datetime.now(UTC).strftime("%Y"))
    for name in ("grants", "usage", "vouchers", "applications"):
        reports.report_choice.setCurrentData(name)
        d.idle(reports)
        d.shot(f"report-{name}")
    reports.report_choice.setCurrentData("grants")
    reports.by_choice.setCurrentData("programme")
    d.idle(reports)
    reports.drill_row(0)
    d.idle(reports)
    d.shot("report-drill")
    reports.stack.setCurrentIndex(0)
    path = reports.service.export_pdf("grants", reports.period_field.text(), "programme")
    d.pdf_pages(path, "grants")
    accounting = reports.service.export_pdf("accounting", reports.period_field.text())
    d.pdf_pages(accounting, "accounting")


def _support(d: AdminDriver, accounts: Any) -> None:
    """A supporter gives points to the event: the form, the resident's PIN pad, the result, the event's list."""
    accounts.support_button.click()
    support = d.w.current()
    support.presets.setCurrentIndex(1)
    support.name_field.edit.setText("鈴木 花子")
    d.shot("support-form")
    support.next_button.click()
    d.shot("support-pin")
    if d.backend is None:
        return
    d.backend.reader.insert("suzuki")
    d.wait(lambda: bool(d.w.session.card_present))
    for digit in "1234":
        support.pinpad.digit_buttons[digit].click()
    support.pinpad.ok_button.click()
    d.wait(support.result_shown)
    d.idle(support)
    d.shot("support-done")
    d.backend.reader.remove()
    d.settle(40)
    accounts = d.task("admin_accounts")
    d.idle(accounts)
    d.shot("accounts-supporters")


def render_admin(out: Path, template: Path, tmp: Path, language: str = "ja") -> list[Path]:
    """Shots of the administration's screens at both sizes, each on its own copy of the demo data `template`."""
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config
    from kiosk.services.admin_terminal import AdminTerminal
    from kiosk.services.demo_backend import DemoBackend

    app = ensure_qapp()
    paths: list[Path] = []
    for size in SIZES:
        copy = tmp / f"admin-{size[0]}x{size[1]}"
        shutil.copytree(template, copy)
        backend = DemoBackend.start(copy, probe_interval=0.5)
        terminal = AdminTerminal.demo(backend)
        try:
            _activity(backend, terminal)
            terminal.service.logout()
            config = Config(None, language=language, sound=False)
            relay = CardEventRelay()
            relay.attach(backend.runtime.card_service)
            window = create_window(
                app, backend.runtime.services, config, data_dir=copy,
                reset_card=backend.runtime.services.auth.reset_card, card_events=relay,
                engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
                demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert,
                demo_remove=backend.reader.remove, terminal_name="デモ総合管理端末", sound=lambda name: None,
                role="admin", admin=terminal)
            window.resize(*size)
            window.show()
            window.go("role:admin")
            driver = AdminDriver(window, out, size, backend)
            try:
                _scenario(driver)
            finally:
                relay.unsubscribe()
                window.sync_relay.detach()
                for screen in window.screens.values():
                    runner = getattr(screen, "runner", None)
                    if runner is not None:
                        runner.wait_idle(10000)
                window.ctx.runner.wait_idle(10000)
                window.close()
                window.deleteLater()
                QApplication.processEvents()
            paths += driver.paths
        finally:
            terminal.stop()
            backend.stop()
    return paths


def main() -> None:  # python -m kiosk.ui.admin.screenshots OUT [ja|en]
    import os
    import sys
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.services.demo_backend import DemoBackend

    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kiosk-admin-shots-") as tmp:
        template = Path(tmp) / "template"
        DemoBackend.start(template).stop()
        for path in render_admin(out, template, Path(tmp), sys.argv[2] if len(sys.argv) > 2 else "ja"):
            print(path)


if __name__ == "__main__":
    main()
