"""Point vouchers on A4: 8 a sheet (2 × 4 cards of 96 × 68 mm) with cut marks, IPAex Gothic embedded.

Why 8: the QR symbol is 41 modules (version 6-M) drawn 0.75 mm a module (30.75 mm, plus a 3 mm quiet zone). At 10
a sheet (2 × 5) the card would be ~57 mm tall and, with room kept for the two stamp boxes (a hanko is 12–18 mm),
the symbol would shrink to ~0.55 mm a module; 12 a sheet to under 0.5 mm. 0.75 mm modules read from a phone at
10–25 cm and from a shop's 2D imager at its normal distance, and give ~9 pixels a module on a 300 dpi scan.

The QR is drawn as vector rectangles (one path per symbol, one rectangle per horizontal run of dark modules), so it
prints crisp at any printer resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kiosk.printing.fonts import register_pdf_font
from kiosk.printing.pdf import make_canvas, save_atomically
from kiosk.printing.qr import MODULES, matrix_runs, voucher_matrix
from kiosk.printing.voucher import (
    ISSUE_STAMP,
    REPRINT_EN,
    REPRINT_JA,
    SHOP_STAMP,
    TITLE,
    PrintableVoucher,
)

CARD_W, CARD_H = 96.0, 68.0          # mm
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
MODULE_MM = 0.75
QR_MM = MODULES * MODULE_MM          # 30.75 mm
PAGE_W, PAGE_H = A4[0] / mm, A4[1] / mm
MARGIN_X = (PAGE_W - COLUMNS * CARD_W) / 2   # 9 mm
MARGIN_Y = (PAGE_H - ROWS * CARD_H) / 2      # 12.5 mm
CUT_GAP, CUT_LEN = 1.5, 5.0          # mm between the card edge and a cut mark, and its length
LEFT = 5.5                           # mm, the text column's left edge
BOX_W, BOX_H, BOX_Y, BOX_GAP = 16.0, 17.0, 4.0, 2.0   # the two stamp boxes (mm), bottom right
USAGE_SIZE, USAGE_MIN, USAGE_CLEAR = 7.5, 6.5, 1.5   # the usage line's size, the least before it wraps, and its
#                                                      clearance (mm) from the issuing-stamp box


def stamp_box_x(i: int) -> float:
    """Left edge (mm, in the card) of stamp box i: 0 = 発行認印, 1 = 利用店舗印."""
    return CARD_W - 4 - BOX_W * (2 - i) - BOX_GAP * (1 - i)


def usage_lines(text: str, font: str, width: float) -> list[tuple[str, float]]:
    """The usage line ("★…商店街の各店舗でご利用頂けます。") as (text, size) lines that stay left of the stamp
    boxes: one line at USAGE_SIZE, shrunk down to USAGE_MIN; else two lines, broken after "の" when it fits there
    (a long street name), else where the first line is full."""
    natural = float(stringWidth(text, font, USAGE_SIZE)) / float(mm)
    if natural * USAGE_MIN / USAGE_SIZE <= width:
        return [(text, min(USAGE_SIZE, USAGE_SIZE * width / natural))]

    def fits(part: str) -> bool:
        return float(stringWidth(part, font, USAGE_MIN)) / float(mm) <= width

    cut = max((i for i in range(1, len(text)) if fits(text[:i])), default=1)
    at_no = text.rfind("の", 0, cut)
    if at_no > 0:
        cut = at_no + 1
    first, rest = text[:cut], text[cut:]
    rest_w = float(stringWidth(rest, font, USAGE_MIN)) / float(mm)
    return [(first, USAGE_MIN), (rest, USAGE_MIN * min(1.0, width / rest_w) if rest_w else USAGE_MIN)]


def _text(c: Canvas, font: str, size: float, x: float, y: float, text: str, *, max_w: float | None = None,
          align: str = "left") -> float:
    """Draw `text` at (x, y) mm; shrink it to fit max_w mm; return its width in mm."""
    width: float = float(stringWidth(text, font, size)) / float(mm)
    if max_w is not None and width > max_w:
        size *= max_w / width
        width = max_w
    c.setFont(font, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    c.drawString(x * mm, y * mm, text)
    return width


def draw_qr(c: Canvas, code: str, x: float, y: float, module: float = MODULE_MM) -> None:
    """The voucher QR with its lower-left corner at (x, y) mm, `module` mm a module (no quiet zone drawn)."""
    matrix = voucher_matrix(code)
    size = matrix.shape[0]
    m = module * mm
    # one module = one unit, y downwards from the top-left corner, so every rectangle is four small integers
    head = f"q 0 g {m:.4f} 0 0 {-m:.4f} {x * mm:.3f} {(y + size * module) * mm:.3f} cm\n"
    body = "\n".join([f"{col} {row} {length} 1 re" for row, col, length in matrix_runs(matrix)])
    c.addLiteral(head + body + "\nf Q")


def draw_voucher(c: Canvas, v: PrintableVoucher, x: float, y: float) -> None:
    """One 96 × 68 mm voucher card with its lower-left corner at (x, y) mm."""
    font = register_pdf_font()
    c.saveState()
    c.translate(x * mm, y * mm)
    c.setLineWidth(0.6)
    c.roundRect(2 * mm, 2 * mm, (CARD_W - 4) * mm, (CARD_H - 4) * mm, 2 * mm)

    _text(c, font, 11, CARD_W / 2, CARD_H - 8.5, TITLE, align="center")
    left, col_w = LEFT, 51.0
    if v.reprint:  # in the text column, clear of the QR's quiet zone
        box_x = left + col_w - 19
        c.setLineWidth(1.2)
        c.rect(box_x * mm, (CARD_H - 19.5) * mm, 19 * mm, 6 * mm)
        _text(c, font, 8, box_x + 9.5, CARD_H - 16.3, REPRINT_JA, align="center")
        _text(c, font, 5, box_x + 9.5, CARD_H - 18.8, REPRINT_EN, align="center")
    _text(c, font, 10, left, CARD_H - 17, v.point_name, max_w=col_w - (21 if v.reprint else 0))
    big = _text(c, font, 28, left, CARD_H - 28, v.points_text, max_w=col_w - 17)
    _text(c, font, 11, left + big + 1.5, CARD_H - 28, "ポイント")
    _text(c, font, 7, left, CARD_H - 34, "有効期間")
    _text(c, font, 8.5, left + 2, CARD_H - 38.2, f"{v.valid_from_text} から", max_w=col_w - 2)
    _text(c, font, 8.5, left + 2, CARD_H - 42.4, f"{v.valid_until_text} まで", max_w=col_w - 2)
    _text(c, font, 7, left, CARD_H - 48.4, "発行日")
    _text(c, font, 8.5, left + 11.5, CARD_H - 48.4, v.issued_text)
    _text(c, font, 7, left, CARD_H - 54.4, "発券番号")
    _text(c, font, 10.5, left + 11.5, CARD_H - 54.4, v.number_text)
    usage_w = stamp_box_x(0) - USAGE_CLEAR - left  # never into the 発行認印 box
    lines = usage_lines(v.usage_text, font, usage_w)
    for (line, size), y in zip(lines, (5.2,) if len(lines) == 1 else (8.3, 5.0), strict=True):
        _text(c, font, size, left, y, line, max_w=usage_w)

    qr_x, qr_y = CARD_W - 5 - QR_MM, CARD_H - 12 - QR_MM
    draw_qr(c, v.code, qr_x, qr_y)

    c.setLineWidth(0.6)
    for i, label in enumerate((ISSUE_STAMP, SHOP_STAMP)):
        bx = stamp_box_x(i)
        c.rect(bx * mm, BOX_Y * mm, BOX_W * mm, BOX_H * mm)
        _text(c, font, 5.5, bx + BOX_W / 2, BOX_Y + BOX_H - 2.6, label, align="center")
    c.restoreState()


def draw_cut_marks(c: Canvas) -> None:
    c.setLineWidth(0.3)
    xs = [MARGIN_X + i * CARD_W for i in range(COLUMNS + 1)]
    ys = [MARGIN_Y + j * CARD_H for j in range(ROWS + 1)]
    for x in xs:
        for y0 in (MARGIN_Y - CUT_GAP, PAGE_H - MARGIN_Y + CUT_GAP + CUT_LEN):
            c.line(x * mm, y0 * mm, x * mm, (y0 - CUT_LEN) * mm)
    for y in ys:
        for x0 in (MARGIN_X - CUT_GAP, PAGE_W - MARGIN_X + CUT_GAP + CUT_LEN):
            c.line(x0 * mm, y * mm, (x0 - CUT_LEN) * mm, y * mm)


def card_origin(slot: int) -> tuple[float, float]:
    """Lower-left corner (mm) of the card in `slot` (0..7, left to right, top to bottom)."""
    col, row = slot % COLUMNS, slot // COLUMNS
    return MARGIN_X + col * CARD_W, PAGE_H - MARGIN_Y - (row + 1) * CARD_H


def _chunks(items: Sequence[PrintableVoucher], size: int) -> Iterable[Sequence[PrintableVoucher]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def render_vouchers_a4(vouchers: Sequence[PrintableVoucher], target: str | Path | BytesIO,
                       *, title: str = "ポイント券") -> None:
    if not vouchers:
        raise ValueError("no vouchers to print")
    c = make_canvas(target, A4, title)
    for page in _chunks(vouchers, PER_PAGE):
        draw_cut_marks(c)
        for slot, voucher in enumerate(page):
            draw_voucher(c, voucher, *card_origin(slot))
        c.showPage()
    c.save()


def vouchers_a4_pdf(vouchers: Sequence[PrintableVoucher]) -> bytes:
    buffer = BytesIO()
    render_vouchers_a4(vouchers, buffer)
    return buffer.getvalue()


def save_vouchers_a4(vouchers: Sequence[PrintableVoucher], path: str | Path) -> Path:
    """Write the A4 sheets to `path` (the PDF is always saved, whatever else prints it) and return the path."""
    return save_atomically(lambda tmp: render_vouchers_a4(vouchers, tmp), path)
