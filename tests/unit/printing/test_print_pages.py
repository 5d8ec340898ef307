"""PDF pages as images for the UI's printer path (pypdfium2)."""

from __future__ import annotations

from kiosk.printing.pages import pdf_page_count, render_pdf_pages
from kiosk.printing.voucher_pdf import vouchers_a4_pdf


def test_pages_render_at_the_asked_resolution(make_vouchers) -> None:  # type: ignore[no-untyped-def]
    pdf = vouchers_a4_pdf(make_vouchers(9))
    assert pdf_page_count(pdf) == 2
    pages = render_pdf_pages(pdf, dpi=100)
    assert len(pages) == 2
    assert abs(pages[0].width - 827) <= 1 and abs(pages[0].height - 1169) <= 1
