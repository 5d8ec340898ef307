"""The office end to end (issue 11) with the software card and a real local cloud: issue vouchers with the
resident's PIN and consent, print to PDF (read back), re-print (marked), void, reconcile a mixed bundle (a scanned
PDF page plus a scanner code plus a number with a second clerk), the exchange desk, and close a settlement."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

TIMEOUT = 20000


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def result(qtbot: Any, screen: Any, kind: str | None = None) -> str:
    qtbot.waitUntil(lambda: screen.result_shown() and (kind is None or screen.result_panel.kind() == kind),
                    timeout=TIMEOUT)
    return str(screen.result_panel.text())


def press(qtbot: Any, screen: Any, text: str | None = None) -> None:
    buttons = screen.result_panel.buttons
    chosen = [b for b in buttons if (text is None and b.property("primary")) or (text and b.text() == text)]
    assert chosen, [b.text() for b in buttons]
    click(qtbot, chosen[0])


def open_task(qtbot: Any, win: Any, target: str) -> Any:
    click(qtbot, win.screens["office_home"].tiles[target])
    screen = win.current()
    assert screen.name == target
    return screen


def card_and_pin(qtbot: Any, win: Any, backend: Any, screen: Any, key: str = "suzuki") -> None:
    backend.reader.insert(key)
    qtbot.waitUntil(lambda: win.session.card_present, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: screen.pinpad.isVisible(), timeout=TIMEOUT)
    for digit in "1234":
        click(qtbot, screen.pinpad.digit_buttons[digit])
    click(qtbot, screen.pinpad.ok_button)


def lift(qtbot: Any, win: Any, backend: Any) -> None:
    backend.reader.remove()
    qtbot.waitUntil(lambda: not win.session.card_present, timeout=TIMEOUT)
    qtbot.wait(600)  # the card thread notices the removal (the session may have been wiped already)


def pdf_text(path: str) -> str:
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def issue(qtbot: Any, win: Any, backend: Any, count_index: int) -> list[Any]:
    screen = open_task(qtbot, win, "office_issue")
    card_and_pin(qtbot, win, backend, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.amount_page, timeout=TIMEOUT)
    screen.per_voucher.setCurrentIndex(0)  # 500 points
    screen.count.setCurrentIndex(count_index)
    assert screen.next_button.isEnabled(), (screen.balance_label.text(), screen.total_label.text(), screen.per_voucher.currentData(), screen.count.currentData())
    click(qtbot, screen.next_button)
    click(qtbot, screen.issue_button)
    text = result(qtbot, screen, "success")
    assert "枚" in text or "vouchers" in text or str(len(screen.issued)) in text
    issued = list(screen.issued)
    assert Path(screen.pdf_path).exists()
    # the Qt print path (what the print dialog's printer gets), here a PDF printer offscreen
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(screen.pdf_path + ".printed.pdf")
    assert screen.send_to_printer(screen.pdf_path, printer) == 1
    assert Path(screen.pdf_path + ".printed.pdf").stat().st_size > 10_000
    assert any(b.text() for b in screen.result_panel.buttons if "…" in b.text())
    press(qtbot, screen)  # 次の方へ
    lift(qtbot, win, backend)
    qtbot.waitUntil(lambda: win.current().name == "office_home", timeout=TIMEOUT)
    return issued


def test_issue_print_reprint_void_reconcile_and_settle(qtbot: Any, office: Any, backend: Any, tmp_path: Path) -> None:
    win = office
    issued = issue(qtbot, win, backend, count_index=2)  # 3 vouchers of 500 points
    assert len(issued) == 3 and all(v.points == 500 for v in issued)
    sheet = pdf_text(win.screens["office_issue"].pdf_path)
    assert "ポイント券" in sheet and "500" in sheet

    # re-print the first: a marked copy; void the second
    manage = open_task(qtbot, win, "office_manage")
    manage.number_field.edit.setText(issued[0].number)
    click(qtbot, manage.reprint_button)
    text = result(qtbot, manage, "success")
    assert "2" in text
    reprint_pdf = next(p for p in (Path(win.ctx.office.service.out_dir) / "vouchers").glob("reprint-*.pdf"))
    assert "再発行" in pdf_text(str(reprint_pdf))
    press(qtbot, manage)
    manage.number_field.edit.setText(issued[1].number)
    click(qtbot, manage.void_button)
    result(qtbot, manage, "success")
    press(qtbot, manage)

    # a mixed bundle for the first shop: the first voucher's page scanned as a PDF, the voided one and a forged
    # code by the scanner, the third by its number with a second clerk
    from kiosk.printing.voucher import PrintableVoucher
    from kiosk.printing.voucher_pdf import save_vouchers_a4

    scan = save_vouchers_a4([PrintableVoucher.from_code(issued[0].code, point_name="A市ポイント",
                                                        street_name="○○商店街")], tmp_path / "bundle.pdf")
    win.go("office_home")
    rec = open_task(qtbot, win, "office_reconcile")
    qtbot.waitUntil(lambda: rec.shop.count() > 0, timeout=TIMEOUT)
    rec.shop.setCurrentIndex(0)
    rec.read_file(str(scan))
    qtbot.waitUntil(lambda: rec.bundle is not None and len(rec.bundle.codes) == 1, timeout=TIMEOUT)
    forged = issued[0].code[:-4] + ("AAAA" if not issued[0].code.endswith("AAAA") else "BBBB")
    for code in (issued[1].code, forged):
        rec.scan_field.edit.setText(code)
        qtbot.keyClick(rec.scan_field.edit, Qt.Key.Key_Return)
    rec.number_field.edit.setText(issued[2].number)
    qtbot.keyClick(rec.number_field.edit, Qt.Key.Key_Return)
    assert rec.second_row.isVisible()
    rec.second_code.edit.setText("S001")
    rec.second_password.edit.setText("demo-pass")
    click(qtbot, rec.close_button)
    text = result(qtbot, rec)
    assert rec.result_panel.kind() == "warning"  # some were refused
    assert "1,000" in text  # two accepted × 500 (the voided one and the forged one refused)
    press(qtbot, rec)

    # close a settlement: the period up to today, with the paper vouchers in it
    win.go("office_home")
    settle = open_task(qtbot, win, "office_settle")
    qtbot.waitUntil(lambda: settle.open_button.isEnabled() or settle.close_button.isEnabled(), timeout=TIMEOUT)
    settle.settlements.next_period = lambda today: (today, today)  # the test's period: today
    click(qtbot, settle.open_button)
    qtbot.waitUntil(lambda: settle.close_button.isEnabled(), timeout=TIMEOUT)
    assert "1,000" in settle.total.text()
    click(qtbot, settle.close_button)
    result(qtbot, settle, "success")
    press(qtbot, settle)
    assert not settle.close_button.isEnabled() and settle.csv_button.isEnabled()
    click(qtbot, settle.pdf_button)
    text = result(qtbot, settle, "success")
    statements = next((Path(win.ctx.office.service.out_dir) / "settlements").glob("statements-*.pdf"))
    words = pdf_text(str(statements))
    assert "精算書" in words.replace(" ", "") and "1,000 円" in words and "締め済み" in words
    press(qtbot, settle)
    click(qtbot, settle.csv_button)
    result(qtbot, settle, "success")
    csv = next((Path(win.ctx.office.service.out_dir) / "settlements").glob("settlement-*.csv")).read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and b",1000\r\n" in csv
