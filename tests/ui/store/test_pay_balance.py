"""The resident's side after the first signature: the balance per point type and what expires soon (points and
date), the statement to confirm; points that expired before the payment refused with their own message, nothing
paid; receipts and the day-end slip through the system printer (a QPrinter writing a PDF, read back with
pdftotext)."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.services.store_demo import set_lot_expiry

from .helpers import click, confirm, open_pay, pin, place, press, result, today


def nothing_paid(store_terminal: Any) -> bool:
    return not [e for e in store_terminal.records.activity(today(), today()) if e.kind == "payment"]


def pdf_text(path: Path) -> str:
    """The PDF's text, NFKC-normalised (the font maps a few kanji to their Kangxi radical code points)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout)


def pdf_printer(path: Path) -> Any:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_balance_per_point_type_and_what_expires_soon(qtbot: Any, shop: Any, backend: Any,
                                                      store_terminal: Any) -> None:
    soon = datetime.now(UTC) + timedelta(days=10)
    moved = set_lot_expiry(backend, backend.info["residents"]["suzuki"], soon)  # 500 premium points, in 10 days
    pay = open_pay(qtbot, shop, 300)
    place(qtbot, shop, backend, "suzuki")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "confirm", timeout=15000)
    table = pay.statement.table
    texts = [w.text() for w in table.findChildren(type(pay.statement.heading)) if w.isVisible()]
    assert "府中市ポイント" in " ".join(texts) and "府中市子育て応援ポイント" in " ".join(texts)  # each point type
    assert "2,000 ポイント" in texts and "5,000 ポイント" in texts  # its balance
    expiring = next(t for t in texts if t.startswith("⚠"))
    assert f"{moved:,} ポイント" in expiring and f"{soon.astimezone().month}月{soon.astimezone().day}日" in expiring
    assert "300 ポイント" in pay.statement.detail.text() and pay.statement.pay.isEnabled()
    assert nothing_paid(store_terminal)  # nothing is paid before the resident taps Pay
    confirm(qtbot, pay)
    text = result(qtbot, pay, "success")
    assert "1,700" in text and f"{moved:,}" in text  # the new balance and what of it expires soon


def test_expired_points_refused_with_their_own_message(qtbot: Any, shop: Any, backend: Any,
                                                       store_terminal: Any) -> None:
    """The balance was read; before the resident taps Pay, the lots pass their expiry (midnight): the cloud's one
    payment rule refuses the payment as expired points, not as too few, and nothing is paid."""
    mykey_id = backend.info["residents"]["yamada"]
    pay = open_pay(qtbot, shop, 500)
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "confirm", timeout=15000)
    past = datetime.now(UTC) - timedelta(minutes=1)
    set_lot_expiry(backend, mykey_id, past, index=0)
    set_lot_expiry(backend, mykey_id, past, index=1)  # every lot of the point type has just expired
    confirm(qtbot, pay)
    result(qtbot, pay, "error")
    assert "有効期限" in pay.result_panel.headline.text()
    assert "有効期限が切れたポイントは使えません" in pay.result_panel.text()
    assert "足りません" not in pay.result_panel.text()
    assert nothing_paid(store_terminal)


def test_receipt_and_day_end_on_the_system_printer(qtbot: Any, shop: Any, backend: Any, store_terminal: Any,
                                                   tmp_path: Path) -> None:
    assert store_terminal.records.printer is None  # no receipt printer set: the system printer
    pay = open_pay(qtbot, shop, 500)
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    confirm(qtbot, pay)
    result(qtbot, pay, "success")
    receipt_pdf = tmp_path / "receipt.pdf"
    pay.choose_printer = lambda: pdf_printer(receipt_pdf)  # the print dialog, accepted with "print to file"
    press(qtbot, pay, "レシートを印刷")
    qtbot.waitUntil(lambda: receipt_pdf.exists() and "プリンター" in pay.result_panel.text(), timeout=15000)
    text = pdf_text(receipt_pdf)
    shop_name = store_terminal.records.shop_name
    assert shop_name and shop_name in text
    assert "ポイント支払" in text and "ご利用ポイント" in text and "500 pt" in text
    assert "ご利用後残高" in text and "1,500 pt" in text and "未確定" not in text
    qtbot.waitUntil(lambda: any(store_terminal.records.receipts_dir.glob("receipt-*.pdf")), timeout=15000)  # record

    press(qtbot, pay)
    shop.go("store_dayend")
    dayend = shop.current()
    qtbot.waitUntil(lambda: dayend.settlement is not None and dayend.print_button.isEnabled(), timeout=15000)
    slip_pdf = tmp_path / "dayend.pdf"
    dayend.choose_printer = lambda: pdf_printer(slip_pdf)
    click(qtbot, dayend.print_button)
    qtbot.waitUntil(lambda: slip_pdf.exists() and "プリンター" in dayend.status_line.text(), timeout=15000)
    text = pdf_text(slip_pdf)
    assert "精算表" in text and "差引(精算額)" in text and "ポイント支払 1件" in text and "500 pt" in text
