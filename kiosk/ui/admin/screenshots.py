"""The administration's screens for `kiosk screenshots` (issue 12): every screen at 1280×800 and 1920×1080, driven
through the real demo stack (the embedded cloud, an admin terminal enrolled beside the demo counter), plus a report
PDF as PNG pages. Some activity is made first (grants, a card payment, vouchers, a support event, an application
waiting for post-review) so that the reports and lists have something to show."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.services.errors import ServiceError
from kiosk.ui.shot_driver import SIZES, ShotDriver, demo_copy, main_for, open_window, run_scenario


class AdminDriver(ShotDriver):
    prefix = "admin-"
    what = "admin screen"
    home = "admin_home"
    settle_rounds = 10
    settle_pause = 0.02

    def idle(self, screen: Any) -> None:
        for _ in range(3):
            screen.runner.wait_idle(20000)
            self.settle()

    def entered(self, screen: Any) -> None:
        self.idle(screen)


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
    from kiosk.services.admin_terminal import AdminTerminal

    paths: list[Path] = []
    for size in SIZES:
        copy = tmp / f"admin-{size[0]}x{size[1]}"
        with demo_copy(template, copy) as backend:
            terminal = AdminTerminal.demo(backend)
            try:
                _activity(backend, terminal)
                terminal.service.logout()
                window, relay = open_window(backend, copy, language, size, "デモ総合管理端末", go="role:admin",
                                            role="admin", admin=terminal)
                paths += run_scenario(AdminDriver(window, backend, out, size), relay, _scenario)
            finally:
                terminal.stop()
    return paths


def main() -> None:  # python -m kiosk.ui.admin.screenshots OUT [ja|en]
    main_for(render_admin, "admin")


if __name__ == "__main__":
    main()
