"""The Qt printer path: a saved voucher PDF painted onto a QPrinter (here one that writes a PDF, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPrintSupport")


def test_print_pdf_on_a_qprinter(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
    from kiosk.core.voucher_number import make_voucher_number
    from kiosk.printing.pages import pdf_page_count
    from kiosk.printing.qt import print_pdf
    from kiosk.printing.voucher import PrintableVoucher
    from kiosk.printing.voucher_pdf import vouchers_a4_pdf

    private, _ = new_signing_key()
    vouchers = [PrintableVoucher.from_code(encode_voucher(VoucherClaims(
        key_id=1, point_type_id=1, number=make_voucher_number(i), points=100, valid_from=1796050800,
        valid_until=1803826799, terminal_id=1), private), point_name="A市ポイント", street_name="○○商店街")
        for i in range(9)]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(150)
    assert print_pdf(vouchers_a4_pdf(vouchers), printer) == 2
    assert pdf_page_count(tmp_path / "printed.pdf") == 2
    from kiosk.scan.sources import decode_document

    printed = [c.text for page in decode_document(tmp_path / "printed.pdf") for c in page.codes]
    assert sorted(printed) == sorted(v.code for v in vouchers)      # the QRs survive the printer path
