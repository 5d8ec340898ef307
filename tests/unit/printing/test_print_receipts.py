"""Receipts as 576-dot monochrome images: the right fields, the pending mark, never what was bought."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import numpy as np
import pytest

from kiosk.printing.receipts import (
    PaymentReceipt,
    ReceiptHeader,
    RedemptionReceipt,
    ReversalReceipt,
    render_receipt,
    time_ja,
)

AT = datetime(2026, 11, 30, 5, 12, tzinfo=UTC)   # 14:12 in Japan


def header(pending: bool = False) -> ReceiptHeader:
    return ReceiptHeader(shop_name="さくら商店", at=AT, reference="P-000123", point_name="A市ポイント",
                         terminal="store-3", pending=pending)


def black_band_rows(image) -> int:  # type: ignore[no-untyped-def]
    return int(((np.asarray(image.convert("L")) < 128).mean(axis=1) > 0.9).sum())


def test_time_is_japan_time() -> None:
    assert time_ja(AT) == "2026年11月30日（月） 14:12"


@pytest.mark.parametrize("receipt", [
    PaymentReceipt(header(), 1200, 8800),
    ReversalReceipt(header(), 1200, "P-000122", "金額の誤り", 10000),
    RedemptionReceipt(header(), 1000, "0000000123459"),
])
def test_each_receipt_renders_576_dots_one_bit_with_ink(receipt) -> None:  # type: ignore[no-untyped-def]
    image = render_receipt(receipt)
    assert image.mode == "1" and image.width == 576
    ink = (np.asarray(image.convert("L")) < 128).mean()
    assert 0.02 < ink < 0.3
    assert black_band_rows(image) < 10             # rules only (2 dots each), no pending band


def test_pending_receipt_carries_the_black_band() -> None:
    confirmed = render_receipt(PaymentReceipt(header(False), 1200, 8800))
    pending = render_receipt(PaymentReceipt(header(True), 1200, None))
    assert black_band_rows(pending) >= 30            # 未確定（オフライン） white on black
    assert pending.height > confirmed.height


def test_no_field_for_what_was_bought() -> None:
    for cls in (ReceiptHeader, PaymentReceipt, ReversalReceipt, RedemptionReceipt):
        names = {f.name for f in dataclasses.fields(cls)}
        assert not names & {"items", "goods", "lines", "products", "description", "memo"}


def test_receipts_saved_as_an_80_mm_pdf_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.printing.receipts import receipt_pdf_page
    from kiosk.printing.slip_pdf import save_slips_pdf

    from .conftest import pdffonts, pdftoppm, pdftotext

    pages = [receipt_pdf_page(PaymentReceipt(header(True), 1200, None)),
             receipt_pdf_page(RedemptionReceipt(header(), 1000, "0000000123459"))]
    pdf = save_slips_pdf(pages, tmp_path / "receipts.pdf")
    first, second = pdftotext(pdf, 1), pdftotext(pdf, 2)
    for needle in ("さくら商店", "ポイント支払", "未確定（オフライン）", "ご利用ポイント 1,200 pt", "2026年11月30日（月） 14:12",
                   "取引番号 P-000123"):
        assert needle in first, needle
    assert "発券番号 0000 0001 2345 9" in second and "未確定" not in second
    assert all(r["emb"] == "yes" for r in pdffonts(pdf))
    png = pdftoppm(pdf, tmp_path, 203)
    assert len(png) == 2
    from PIL import Image

    with Image.open(png[0]) as page:
        assert abs(page.width - 640) <= 2         # 80 mm at 203 dpi; the 576-dot image centred on it
