"""Receipt-printer slips as a PDF: each slip image at its printed size (203 dpi) on an 80 mm wide page, with the
slip's words as an invisible text layer. This is the saved copy, and what the Qt print dialog path prints
(kiosk.printing.qt.print_pdf) when a shop has no ESC/POS printer.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from kiosk.printing.fonts import register_pdf_font
from kiosk.printing.pdf import make_canvas, save_atomically
from kiosk.printing.raster import DPI

PAPER_MM = 80.0


def render_slips_pdf(slips: Sequence[tuple[Image.Image, Sequence[str]]], target: str | Path | BytesIO,
                     title: str = "レシート") -> None:
    """One page per (image, words) pair."""
    if not slips:
        raise ValueError("no slip to save")
    c = make_canvas(target, (PAPER_MM * mm, 100 * mm), title)
    font = register_pdf_font()
    for image, words in slips:
        img_w, img_h = image.width / DPI * 25.4, image.height / DPI * 25.4
        page_h = img_h + 8
        c.setPageSize((PAPER_MM * mm, page_h * mm))
        left = (PAPER_MM - img_w) / 2
        text = c.beginText((left + 2) * mm, (page_h - 8) * mm)
        text.setTextRenderMode(3)  # invisible: for reading back and searching; the image is what prints
        text.setFont(font, 8)
        for line in words:
            text.textLine(line)
        c.drawText(text)
        c.drawImage(ImageReader(image.convert("L")), left * mm, 4 * mm, img_w * mm, img_h * mm)
        c.showPage()
    c.save()


def save_slips_pdf(slips: Sequence[tuple[Image.Image, Sequence[str]]], path: str | Path,
                   title: str = "レシート") -> Path:
    return save_atomically(lambda tmp: render_slips_pdf(slips, tmp, title), path)
