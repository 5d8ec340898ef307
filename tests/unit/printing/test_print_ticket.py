"""The single voucher ticket for the 80 mm receipt printer, as an image and as its saved PDF."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp

from kiosk.core.voucher_code import verify_voucher
from kiosk.printing.ticket import QR_MODULE_DOTS, render_ticket, save_ticket_pdf

from .conftest import NOW, open_gray, pdffonts, pdftoppm, pdftotext

QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def test_ticket_image_is_576_dots_one_bit_and_its_qr_verifies(make_vouchers, public_keys) -> None:  # type: ignore[no-untyped-def]
    voucher = make_vouchers(1)[0]
    image = render_ticket(voucher)
    assert image.mode == "1" and image.width == 576
    codes = zxingcpp.read_barcodes(image.convert("L"), formats=QR)
    assert [c.text for c in codes] == [voucher.code]
    assert verify_voucher(codes[0].text, public_keys, NOW).number == voucher.claims.number
    tl, tr = codes[0].position.top_left, codes[0].position.top_right
    assert abs((tr.x - tl.x) - 41 * QR_MODULE_DOTS) <= QR_MODULE_DOTS   # 1 mm modules at 203 dpi


def test_reprint_ticket_is_marked_and_taller(make_vouchers) -> None:  # type: ignore[no-untyped-def]
    plain, again = make_vouchers(2, reprint={1})
    a, b = render_ticket(plain), render_ticket(again)
    assert b.height > a.height
    # the re-print band is white text on black across the slip: a run of nearly all-black rows
    rows = (np.asarray(b.convert("L")) < 128).mean(axis=1)
    assert (rows > 0.9).sum() >= 20
    assert ((np.asarray(a.convert("L")) < 128).mean(axis=1) > 0.9).sum() < 10   # the two rules only


def test_ticket_pdf_reads_back(make_vouchers, public_keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    voucher = make_vouchers(1, reprint={0})[0]
    pdf = save_ticket_pdf(voucher, tmp_path / "t" / "ticket.pdf")
    assert not list(pdf.parent.glob("*.part"))
    text = pdftotext(pdf)
    for needle in ("★★★ポイント券★★★", "再発行", "A市ポイント", voucher.number_text, "2027年2月28日（日） まで",
                   "★○○商店街の各店舗でご利用頂けます。", "発行認印", "利用店舗印"):
        assert needle in text
    assert all(r["emb"] == "yes" for r in pdffonts(pdf))
    pages = pdftoppm(pdf, tmp_path, 300)
    codes = zxingcpp.read_barcodes(open_gray(pages[0]), formats=QR)
    assert len(codes) == 1
    assert verify_voucher(codes[0].text, public_keys, NOW).number == voucher.claims.number
