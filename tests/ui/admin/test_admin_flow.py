"""The administration screens end to end (issue 12) against the demo's real embedded cloud: each setup section
changes what the cloud holds (and the change history shows it before/after), terminals with a one-time code as
text and QR and a revocation, post-review in bulk, reserved points and a support-event pay-out, each report drawn
with its chart and drill-down, and the exports (CSV with BOM, PDF with the embedded font and page numbers)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui.admin.base import selected_data

REPORTS = ("grants", "usage", "vouchers", "expired", "applications", "conflicts")


def idle(screen: Any, qtbot: Any) -> None:
    """The operation finished and its answer reached the screen (delivered through the event loop)."""
    screen.runner.wait_idle(15000)
    qtbot.wait(200)
    screen.runner.wait_idle(15000)
    qtbot.wait(50)


def open_task(win: Any, qtbot: Any, target: str) -> Any:
    win.go("admin_home")
    win.screens["admin_home"].tiles[target].click()
    screen = win.current()
    assert screen.name == target
    idle(screen, qtbot)
    return screen


def result_of(screen: Any, qtbot: Any) -> tuple[str | None, str]:
    screen.runner.wait_idle(15000)
    qtbot.waitUntil(screen.result_shown, timeout=15000)
    return screen.result_panel.kind(), screen.result_panel.text()


def test_setup_programme_change_is_saved_and_in_the_history(admin: Any, qtbot: Any) -> None:
    screen = open_task(admin, qtbot, "admin_setup")
    screen.section.setCurrentData("programmes")
    idle(screen, qtbot)
    first = screen.rows[0]
    screen.edit_row(0)
    form = screen.form_for["programmes"]
    form.inputs["default_points"].edit.setText("1,500")
    form.inputs["repeat_rule"].setCurrentData("once")
    screen.save_button.click()
    kind, _text = result_of(screen, qtbot)
    assert kind == "success"
    idle(screen, qtbot)
    saved = next(p for p in screen.service.setup_cache["programmes"] if p["id"] == first["id"])
    assert (saved["default_points"], saved["repeat_rule"]) == (1500, "once")
    screen.close_result()
    screen.save_button.click()  # the same values again: nothing to save, said so
    assert result_of(screen, qtbot)[0] == "warning"
    history = open_task(admin, qtbot, "admin_history")
    idle(history, qtbot)
    cells = [history.table.item(0, c).text() for c in range(history.table.columnCount())]
    assert cells[1] == "setup_programme" and "repeat_rule" in cells[5] and "→ once" in cells[5]


@pytest.mark.parametrize("section", ["point_types", "shops", "voucher_rules", "staff", "measures"])
def test_every_setup_section_lists_and_saves(admin: Any, qtbot: Any, section: str) -> None:
    screen = open_task(admin, qtbot, "admin_setup")
    screen.section.setCurrentData(section)
    idle(screen, qtbot)
    assert screen.table.rowCount() == len(screen.service.setup_cache[section])
    form = screen.form_for[section]
    if section == "point_types":
        form.inputs["offline_limit_per_card_per_day"].edit.setText("4321")
    elif section == "shops":
        form.inputs["payee_account"].edit.setText("0001-001-7654321")
    elif section == "voucher_rules":
        screen.edit_row(-1)
        form.inputs["point_type_id"].setCurrentIndex(0)
        form.inputs["validity_days"].edit.setText("90")
        form.inputs["max_points"].edit.setText("5000")
        form.inputs["shop_ids"].edit.setText(str(screen.service.setup_cache["shops"][0]["id"]))
    elif section == "staff":
        screen.edit_row(-1)
        form.inputs["staff_code"].edit.setText("UI901")
        form.inputs["name"].edit.setText("画面 職員")
        form.inputs["department_id"].setCurrentIndex(0)
        form.inputs["role"].setCurrentData("counter")
        form.inputs["password"].edit.setText("ui-clerk-pass")
    else:  # measures: the eligible list of a pre-review measure
        pre = next(i for i, m in enumerate(screen.rows) if m["review"] == "pre")
        screen.edit_row(pre)
        csv = Path(admin.ctx.data_dir) / "eligible.csv"
        csv.write_text("\ufeffmykey_id\r\nNOT-AN-ID\r\n", encoding="utf-8")
        screen.upload(csv)
        kind, text = result_of(screen, qtbot)
        assert kind == "error" and "1" in text
        return
    screen.save_button.click()
    assert result_of(screen, qtbot)[0] == "success"
    idle(screen, qtbot)
    cache = screen.service.setup_cache
    if section == "point_types":
        assert cache["point_types"][0]["offline_limit_per_card_per_day"] == 4321
    elif section == "shops":
        assert cache["shops"][0]["payee_account"] == "0001-001-7654321"
    elif section == "voucher_rules":
        assert cache["voucher_rules"][0]["max_points"] == 5000
    else:
        assert any(s["staff_code"] == "UI901" for s in cache["staff"])


def test_terminals_code_as_text_and_qr_then_revoke(admin: Any, qtbot: Any, tmp_path: Path) -> None:
    import zxingcpp

    screen = open_task(admin, qtbot, "admin_terminals")
    assert screen.table.rowCount() >= 1
    mine = [screen.table.item(r, 1).text() for r in range(screen.table.rowCount())]
    assert "デモ総合管理端末" in mine
    row = mine.index("デモ総合管理端末")
    assert screen.table.item(row, 4).text() != "—"  # this terminal's own requests are its last contact
    screen.new_button.click()
    assert not screen.code_button.isEnabled()
    screen.role_choice.setCurrentData("store")
    screen.name_field.edit.setText("駅前店 レジ2")
    screen.shop_choice.setCurrentIndex(0)
    assert screen.code_button.isEnabled()
    screen.code_button.click()
    idle(screen, qtbot)
    code = screen.code_text.text().replace(" ", "")
    assert len(code) == 12
    image = screen.code_qr.pixmap().toImage()
    png = tmp_path / "qr.png"
    image.save(str(png))
    from PIL import Image

    assert [r.text for r in zxingcpp.read_barcodes(Image.open(png))] == [code]
    listed = admin.ctx.admin.service.terminals()  # not enrolled yet: the code is not a terminal
    assert "駅前店 レジ2" not in [t["name"] for t in listed]
    screen.entered()
    idle(screen, qtbot)
    names = [screen.table.item(r, 1).text() for r in range(screen.table.rowCount())]
    other = next(r for r, n in enumerate(names) if n != "デモ総合管理端末")
    screen.table.selectRow(other)
    victim = selected_data(screen.table)[0]
    screen.revoke_button.click()
    assert screen.result_panel.kind() == "warning"
    next(b for b in screen.result_panel.buttons if b.text() == screen.revoke_button.text()).click()
    idle(screen, qtbot)
    qtbot.waitUntil(lambda: any(t["terminal_id"] == victim["terminal_id"] and t["revoked_at"]
                                for t in admin.ctx.admin.service.terminals()), timeout=15000)


def test_post_review_in_bulk(admin: Any, qtbot: Any, backend: Any) -> None:
    svc = admin.ctx.admin.service
    now = datetime.now(UTC)
    measure = svc.add("measures", {
        "name": "画面の事後審査", "name_en": "UI post review", "point_type_id": 1, "kind": "grant",
        "eligibility": "open", "review": "post", "points_per_person": 300, "programme_id": 1,
        "opens_at": (now - timedelta(hours=1)).isoformat(), "closes_at": (now + timedelta(days=1)).isoformat(),
        "payment_services": ["府中市ポイント"]})["id"]
    for name in ("ito", "yamada"):
        mykey = backend.info["residents"][name]
        svc.cloud.call("POST", "/v1/applications", {"measure_id": measure, "mykey_id": mykey,
                                                    "payment_service": "府中市ポイント", "idempotency_key":
                                                    f"ui-review-{name}-{now.timestamp()}"})
    svc.setup()
    screen = open_task(admin, qtbot, "admin_review")
    idle(screen, qtbot)
    assert screen.table.rowCount() >= 2 and not screen.approve_button.isEnabled()
    screen.table.selectAll()
    assert screen.approve_button.isEnabled() and not screen.reject_button.isEnabled()  # a rejection needs a reason
    screen.reason_field.edit.setText("対象外")
    assert screen.reject_button.isEnabled()
    waiting = screen.table.rowCount()
    screen.reject_button.click()
    kind, text = result_of(screen, qtbot)
    assert kind == "success" and str(waiting) in text
    idle(screen, qtbot)
    assert screen.table.rowCount() == 0


def test_support_event_pay_out_and_sweep(admin: Any, qtbot: Any) -> None:
    svc = admin.ctx.admin.service
    event = svc.add("support-events", {"point_type_id": 1, "name": "旧西里小学校整備"})["account_id"]
    svc.setup()
    programme = next(p["id"] for p in svc.setup_cache["programmes"] if p["point_type_id"] == 1)
    svc.fund(event, programme, 4000)
    screen = open_task(admin, qtbot, "admin_accounts")
    idle(screen, qtbot)
    assert screen.accounts.rowCount() >= 1
    for r in range(screen.accounts.rowCount()):
        if screen.accounts.item(r, 2).text() == "旧西里小学校整備":
            screen.accounts.selectRow(r)
    idle(screen, qtbot)
    screen.points_field.edit.setText("1,500")
    screen.payee_field.edit.setText("整備委員会")
    screen.payout_button.click()
    assert result_of(screen, qtbot)[0] == "success"
    assert svc.support_event(event)["balance"] == 2500
    screen.close_result()
    screen.sweep_button.click()
    assert result_of(screen, qtbot)[0] == "success"


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_draws_its_chart_and_drills_down(admin: Any, qtbot: Any, report: str) -> None:
    screen = open_task(admin, qtbot, "admin_reports")
    screen.period_field.edit.setText(datetime.now(UTC).strftime("%Y"))
    screen.report_choice.setCurrentData(report)
    idle(screen, qtbot)
    assert screen.data["report"] == report
    assert screen.table.rowCount() == len(screen.data["rows"])
    bars = [i for i in screen.plot.getPlotItem().items if type(i).__name__ == "BarGraphItem"]
    assert bool(bars) == bool(screen._months)
    if screen.data["rows"] and report != "vouchers":
        screen.drill_row(0)
        idle(screen, qtbot)
        assert screen.stack.currentIndex() == 1
    elif screen.data["rows"]:
        screen.drill_row(0)
        idle(screen, qtbot)


def test_exports_csv_pdf_and_accounting(admin: Any, qtbot: Any) -> None:
    screen = open_task(admin, qtbot, "admin_reports")
    screen.period_field.edit.setText(datetime.now(UTC).strftime("%Y"))
    screen.report_choice.setCurrentData("grants")
    screen.by_choice.setCurrentData("department")
    idle(screen, qtbot)
    out = admin.ctx.admin.service.out_dir
    for button in (screen.csv_button, screen.pdf_button, screen.accounting_button):
        screen.close_result()
        button.click()
        assert result_of(screen, qtbot)[0] == "success"
    year = datetime.now(UTC).strftime("%Y")
    csv = (out / f"grants_department_{year}.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and b"\r\n" in csv
    assert (out / f"seisan_{year}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    pdf = out / f"grants_department_{year}.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "IPAexGothic" in fonts and " yes " in fonts.splitlines()[-1]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert admin.ctx.admin.service.municipality in text and year in text and "1 / 1" in text
    assert (out / f"accounting_{year}.pdf").exists()


def test_refused_for_a_counter_clerk_session(admin: Any, qtbot: Any, backend: Any) -> None:
    """The admin screens hold nothing themselves: a counter clerk's credentials on this terminal are refused."""
    svc = admin.ctx.admin.service
    svc.logout()
    with pytest.raises(Exception) as refused:
        svc.login("S001", "demo-pass")
        svc.setup()
    assert getattr(refused.value, "code", "") == "forbidden_staff_role"
    assert svc.staff is None  # the refused clerk is not left logged in
