"""The A4 voucher sheets, read back by independent tools: poppler for text, fonts and pixels, zxing-cpp for QRs."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import qrcode
import zxingcpp
from qrcode.util import MODE_ALPHA_NUM, QRData

from kiosk.core.errors import VoucherBadSignature
from kiosk.core.voucher_code import verify_voucher
from kiosk.printing import fonts
from kiosk.printing.qr import MODULES, QrError, matrix_runs, voucher_matrix
from kiosk.printing.voucher import date_ja, group_number
from kiosk.printing.voucher_pdf import MODULE_MM, PER_PAGE, save_vouchers_a4, vouchers_a4_pdf

from .conftest import NOW, open_gray, pdffonts, pdftoppm, pdftotext

QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory, make_vouchers):  # type: ignore[no-untyped-def]
    vouchers = make_vouchers(11, reprint={1, 9})
    path = save_vouchers_a4(vouchers, tmp_path_factory.mktemp("a4") / "vouchers.pdf")
    return path, vouchers


def test_text_reads_back_with_every_field(sheet) -> None:  # type: ignore[no-untyped-def]
    path, vouchers = sheet
    text = pdftotext(path)
    assert text.count("★★★ポイント券★★★") == 11
    assert text.count("A市ポイント") == 11
    assert text.count("★○○商店街の各店舗でご利用頂けます。") == 11
    assert text.count("発行認印") == 11 and text.count("利用店舗印") == 11
    assert text.count("2027年2月28日（日） まで") == 11
    assert text.count("2026年12月1日（火） から") == 11
    assert text.count("発行日") == 11
    assert text.count("再発行") == 2 and text.count("RE-PRINT") == 2
    for v in vouchers:
        assert v.number_text in text
    assert re.search(r"10,000\s+ポイント", text) and re.search(r"\b30\s+ポイント", text)


def test_reprint_mark_only_on_the_reprinted_cards(sheet) -> None:  # type: ignore[no-untyped-def]
    path, _ = sheet
    first, second = pdftotext(path, 1), pdftotext(path, 2)
    assert first.count("再発行") == 1          # voucher 1 (page 1)
    assert second.count("再発行") == 1         # voucher 9 (page 2)


def test_every_font_is_embedded_and_only_ipaex(sheet) -> None:  # type: ignore[no-untyped-def]
    path, _ = sheet
    rows = pdffonts(path)
    assert rows, "no font at all"
    assert all(r["emb"] == "yes" for r in rows), rows
    assert all(r["name"].endswith("+IPAexGothic") for r in rows), rows


def test_every_qr_at_300_dpi_decodes_to_a_code_that_verifies(sheet, public_keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, vouchers = sheet
    pages = pdftoppm(path, tmp_path, 300)
    assert len(pages) == 2
    found: list[str] = []
    for page, expected in zip(pages, (PER_PAGE, 3), strict=True):
        image = open_gray(page)
        assert abs(image.width - 2480) <= 1 and abs(image.height - 3508) <= 1   # A4 at 300 dpi
        codes = zxingcpp.read_barcodes(image, formats=QR)
        assert len(codes) == expected
        for code in codes:
            claims = verify_voucher(code.text, public_keys, NOW)
            assert claims.number in {v.claims.number for v in vouchers}
            # module size on paper: the symbol's width in pixels at 300 dpi over 41 modules
            tl, tr = code.position.top_left, code.position.top_right
            width_px = ((tr.x - tl.x) ** 2 + (tr.y - tl.y) ** 2) ** 0.5
            module_mm = width_px / MODULES * 25.4 / 300
            assert module_mm == pytest.approx(MODULE_MM, rel=0.06)
            assert quiet_zone_is_clear(np.asarray(image), code.position)
            found.append(code.text)
    assert sorted(found) == sorted(v.code for v in vouchers)


def quiet_zone_is_clear(page: np.ndarray, pos) -> bool:  # type: ignore[no-untyped-def]
    """Nothing dark in the 4-module (3 mm) margin around the symbol: no text, box or frame line intrudes."""
    xs = [p.x for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
    ys = [p.y for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
    module = (max(xs) - min(xs)) / MODULES
    inner, outer = int(module * 0.6), int(module * 3.8)
    x0, x1, y0, y1 = min(xs) - inner, max(xs) + inner, min(ys) - inner, max(ys) + inner
    ring = page[y0 - outer + inner:y1 + outer - inner, x0 - outer + inner:x1 + outer - inner].copy()
    ring[outer - inner:outer - inner + (y1 - y0), outer - inner:outer - inner + (x1 - x0)] = 255
    return bool(ring.min() > 128)


def test_a_tampered_code_would_not_verify(sheet, public_keys) -> None:  # type: ignore[no-untyped-def]
    _, vouchers = sheet
    code = vouchers[0].code
    tampered = code[:40] + ("A" if code[40] != "A" else "B") + code[41:]
    with pytest.raises(VoucherBadSignature):
        verify_voucher(tampered, public_keys, NOW)


def test_qr_is_version_6_level_m_alphanumeric(make_vouchers) -> None:  # type: ignore[no-untyped-def]
    code = make_vouchers(1)[0].code
    matrix = voucher_matrix(code)
    assert matrix.shape == (41, 41)
    # the pure-Python reference encoder, told alphanumeric mode and level M, picks the same version
    ref = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    ref.add_data(QRData(code, mode=MODE_ALPHA_NUM))
    ref.make(fit=True)
    assert ref.version == 6
    assert len(ref.get_matrix()) == 41
    # the runs cover exactly the dark modules
    assert sum(length for _, _, length in matrix_runs(matrix)) == int(matrix.sum())
    decoded = zxingcpp.read_barcodes(np.kron(np.pad(~matrix, 4, constant_values=True), np.ones((4, 4)))
                                     .astype(np.uint8) * 255, formats=QR)
    assert [d.text for d in decoded] == [code]
    assert decoded[0].ec_level == "M"


def test_anything_but_a_voucher_code_is_refused_by_the_voucher_qr() -> None:
    with pytest.raises(QrError):
        voucher_matrix("https://example.invalid/" + "x" * 140)


def test_number_grouping_and_japanese_dates() -> None:
    from datetime import date

    assert group_number("0000000123459") == "0000 0001 2345 9"
    assert date_ja(date(2027, 2, 28)) == "2027年2月28日（日）"
    assert date_ja(date(2026, 11, 30)) == "2026年11月30日（月）"


def test_no_vouchers_no_pdf() -> None:
    with pytest.raises(ValueError):
        vouchers_a4_pdf([])


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_JP_FONT", str(tmp_path / "nope.ttf"))
    with pytest.raises(fonts.FontMissing, match="KIOSK_JP_FONT"):
        fonts.font_path()
    monkeypatch.delenv("KIOSK_JP_FONT")
    monkeypatch.setattr(fonts, "CANDIDATES", (tmp_path / "a.ttf", tmp_path / "b.ttf"))
    with pytest.raises(fonts.FontMissing, match="fonts-ipaexfont-gothic"):
        fonts.font_path()


def test_a_tilted_low_resolution_photo_of_the_whole_sheet_still_reads(make_vouchers, public_keys) -> None:  # type: ignore[no-untyped-def]
    """The sheet seen at 100 dpi (~3 pixels a module: a whole A4 page in a 720p webcam frame), in perspective,
    blurred and noisy: every voucher still reads — margin for 0.75 mm modules seen from a phone or a scanner."""
    cv2 = pytest.importorskip("cv2")
    from kiosk.scan.sources import iter_pages

    vouchers = make_vouchers(8, first_serial=4000)
    page = next(iter_pages(vouchers_a4_pdf(vouchers), dpi=100))
    h, w = page.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[w * 0.06, h * 0.03], [w * 0.95, 0], [w, h], [0, h * 0.97]])
    warped = cv2.warpPerspective(page, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=120)
    warped = cv2.GaussianBlur(warped, (0, 0), 0.8)
    noisy = np.clip(warped + np.random.default_rng(1).normal(0, 10, warped.shape), 0, 255).astype(np.uint8)
    found = zxingcpp.read_barcodes(noisy, formats=QR)
    assert sorted(f.text for f in found) == sorted(v.code for v in vouchers)
    assert all(verify_voucher(f.text, public_keys, NOW) for f in found)


@pytest.mark.parametrize("street", ["○○商店街", "府中けやき通り商店街", "府中駅前けやき並木通り中央商店街振興組合"])
def test_the_usage_line_stays_clear_of_the_issuing_stamp_box(tmp_path: Path, make_vouchers, street: str) -> None:  # type: ignore[no-untyped-def]
    """Every word of "★…の各店舗でご利用頂けます。" ends left of the 発行認印 box (poppler's word boxes), for a short and
    a long street name (a long one wraps onto two lines), and reads back whole."""
    import dataclasses
    import html
    import subprocess

    from reportlab.lib.units import mm

    from kiosk.printing.voucher_pdf import USAGE_CLEAR, card_origin, stamp_box_x

    vouchers = [dataclasses.replace(v, street_name=street) for v in make_vouchers(2)]
    path = save_vouchers_a4(vouchers, tmp_path / "v.pdf")
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m[0]), float(m[1]), float(m[2]), html.unescape(m[3])) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)]
    page_h = 297 * mm
    for slot in range(2):
        x0, y0 = card_origin(slot)
        box_left = (x0 + stamp_box_x(0)) * mm
        card = [w for w in words if x0 * mm <= w[0] < (x0 + 96) * mm]
        low = [w for w in card if page_h - w[2] < (y0 + 11) * mm]  # the words near the card's bottom edge
        text = "".join(w[3] for w in sorted(low, key=lambda w: (round(w[2]), w[0])) if w[0] < box_left)
        assert text.replace("発行認印", "").replace("利用店舗印", "") == f"★{street}の各店舗でご利用頂けます。"
        usage = [w for w in low if w[0] < box_left]
        assert usage and max(w[1] for w in usage) <= box_left - USAGE_CLEAR * mm * 0.9
    assert pdftotext(path).replace("\n", "").count("ご利用頂けます。") == 2
