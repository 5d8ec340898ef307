"""Decoding: camera frames as arrays, raw grayscale bytes, multi-page PDFs and TIFFs, page by page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kiosk.core.voucher_code import verify_voucher
from kiosk.printing.ticket import render_ticket
from kiosk.printing.voucher_pdf import save_vouchers_a4, vouchers_a4_pdf
from kiosk.scan.decode import decode_qr, gray_from_bytes
from kiosk.scan.sources import UnreadableDocument, decode_document, iter_pages
from kiosk.scan.synthetic import voucher_frame

from .conftest import NOW, printable


def test_noisy_720p_frame_gray_and_bgr(code: str, public_keys) -> None:  # type: ignore[no-untyped-def]
    frame = voucher_frame(code)
    assert frame.shape == (720, 1280)
    (gray,) = decode_qr(frame)
    assert gray.text == code and verify_voucher(gray.text, public_keys, NOW)
    cx, cy = gray.centre
    assert abs(cx - 640) < 40 and abs(cy - 360) < 80
    bgr = np.dstack([frame, frame, frame])
    assert [d.text for d in decode_qr(bgr)] == [code]
    assert [d.text for d in decode_qr(Image.fromarray(frame))] == [code]


def test_raw_bytes_with_a_row_stride_like_a_qimage(code: str) -> None:
    frame = voucher_frame(code, angle=-20, seed=3)
    stride = 1280 + 64
    padded = np.full((720, stride), 77, dtype=np.uint8)
    padded[:, :1280] = frame
    view = gray_from_bytes(padded.tobytes(), 1280, 720, stride)
    assert view.shape == (720, 1280)
    assert [d.text for d in decode_qr(view)] == [code]
    with pytest.raises(ValueError):
        gray_from_bytes(b"\0" * 100, 1280, 720)


def test_nothing_to_read() -> None:
    assert decode_qr(np.full((480, 640), 200, dtype=np.uint8)) == []


def test_multi_page_pdf_every_code_page_by_page(make_codes, public_keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    codes = make_codes(11)
    pdf = save_vouchers_a4(printable(codes), tmp_path / "bundle.pdf")
    pages = list(decode_document(pdf))
    assert [p.page for p in pages] == [1, 2]
    assert [len(p.codes) for p in pages] == [8, 3]
    found = [c.text for p in pages for c in p.codes]
    assert sorted(found) == sorted(codes)
    assert all(verify_voucher(t, public_keys, NOW) for t in found)
    assert all(c.page == p.page for p in pages for c in p.codes)
    # bytes work the same
    assert sum(len(p.codes) for p in decode_document(vouchers_a4_pdf(printable(codes[:2])))) == 2


def test_multi_page_g4_tiff_from_a_sheet_fed_scanner(make_codes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    codes = make_codes(10, first_serial=9000)
    a4 = next(iter_pages(vouchers_a4_pdf(printable(codes[:8])), dpi=300))
    sheet = Image.fromarray(a4).point(lambda v: 255 if v > 128 else 0, mode="1")
    ticket = render_ticket(printable(codes[8:9])[0])
    blank = Image.new("1", (1200, 800), 1)
    turned = render_ticket(printable(codes[9:10])[0]).rotate(90, expand=True)
    path = tmp_path / "scan.tif"
    sheet.save(path, save_all=True, append_images=[ticket, blank, turned], compression="group4", dpi=(300, 300))
    pages = list(decode_document(path))
    assert [len(p.codes) for p in pages] == [8, 1, 0, 1]
    assert sorted(c.text for p in pages for c in p.codes) == sorted(codes)


def test_single_png_page(code: str, tmp_path: Path) -> None:
    path = tmp_path / "frame.png"
    Image.fromarray(voucher_frame(code)).save(path)
    assert [c.text for p in decode_document(path) for c in p.codes] == [code]


def test_unreadable_documents(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not an image at all")
    with pytest.raises(UnreadableDocument):
        list(decode_document(junk))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnothing else")
    with pytest.raises(UnreadableDocument):
        list(decode_document(broken))
    with pytest.raises(UnreadableDocument):
        list(decode_document(b"GIF89a"))
