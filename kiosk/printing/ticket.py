"""A single voucher as an 80 mm receipt-printer ticket, and the same ticket as a PDF (the PDF is always saved).

The QR is 8 dots a module at 203 dpi (1.0 mm), 41 modules + 4 quiet each side = 392 dots, centred on 576.
The PDF (kiosk.printing.slip_pdf) places the printed image at its physical size on an 80 mm wide page and lays the
same words under it as invisible text, so it prints exactly as the paper ticket and still reads back as text.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.printing.fonts import image_font
from kiosk.printing.pdf import save_atomically
from kiosk.printing.qr import matrix_image, voucher_matrix
from kiosk.printing.raster import MARGIN, WIDTH, Slip
from kiosk.printing.slip_pdf import render_slips_pdf
from kiosk.printing.voucher import (
    ISSUE_STAMP,
    REPRINT_EN,
    REPRINT_JA,
    SHOP_STAMP,
    TITLE,
    PrintableVoucher,
)

QR_MODULE_DOTS = 8
STAMP_DOTS = 152     # 19 mm boxes


def _stamp_boxes(draw: ImageDraw.ImageDraw, _img: Image.Image, y: int) -> int:
    font = image_font(20)
    gap = 24
    x0 = (WIDTH - 2 * STAMP_DOTS - gap) // 2
    for i, label in enumerate((ISSUE_STAMP, SHOP_STAMP)):
        x = x0 + i * (STAMP_DOTS + gap)
        draw.rectangle((x, y, x + STAMP_DOTS, y + STAMP_DOTS), outline=0, width=3)
        w = font.getlength(label)
        draw.text((x + (STAMP_DOTS - w) / 2, y + 6), label, font=font, fill=0)
    return STAMP_DOTS + 12


def ticket_lines(v: PrintableVoucher) -> list[str]:
    """The words of the ticket, in order (also the PDF's text layer)."""
    lines = [TITLE]
    if v.reprint:
        lines.append(f"{REPRINT_JA} {REPRINT_EN}")
    lines += [
        v.point_name, f"{v.points_text} ポイント", "有効期間", f"{v.valid_from_text} から",
        f"{v.valid_until_text} まで", f"発行日 {v.issued_text}", f"発券番号 {v.number_text}", v.usage_text,
        ISSUE_STAMP, SHOP_STAMP,
    ]
    return lines


def render_ticket(v: PrintableVoucher) -> Image.Image:
    slip = Slip()
    slip.text(TITLE, size=36, align="center", pad=10)
    if v.reprint:
        slip.boxed(f"{REPRINT_JA}  {REPRINT_EN}", size=30, inverse=True)
    slip.text(v.point_name, size=30, align="center", pad=4)
    slip.text(f"{v.points_text} ポイント", size=64, align="center", pad=12)
    slip.rule()
    slip.pair("有効期間", f"{v.valid_from_text} から", size=24)
    slip.pair("", f"{v.valid_until_text} まで", size=24)
    slip.pair("発行日", v.issued_text, size=24)
    slip.pair("発券番号", v.number_text, size=24, value_size=30)
    slip.rule()
    slip.image(matrix_image(voucher_matrix(v.code), QR_MODULE_DOTS))
    slip.text(v.usage_text, size=24, align="center", pad=12)
    slip.custom(_stamp_boxes)
    return slip.render(bottom=MARGIN)


def render_ticket_pdf(v: PrintableVoucher, target: str | Path | BytesIO) -> None:
    render_slips_pdf([(render_ticket(v), ticket_lines(v))], target, title="ポイント券")


def save_ticket_pdf(v: PrintableVoucher, path: str | Path) -> Path:
    return save_atomically(lambda tmp: render_ticket_pdf(v, tmp), path)
