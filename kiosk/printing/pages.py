"""PDF pages as images, for whoever prints them another way (the UI paints them on a QPrinter page by page).

pypdfium2 (PDFium, the engine in Chromium) ships as a wheel with its own binary on Windows and Linux alike, so the
kiosk needs no poppler install on a Windows office PC; kiosk/scan uses the same engine for scanned PDFs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image


def pdf_page_count(path: str | Path | bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def iter_pdf_pages(path: str | Path | bytes, dpi: int = 300, grayscale: bool = False) -> Iterator[Image.Image]:
    """Each page rendered at `dpi` (one at a time, so a 125-page print job never sits in memory whole)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=grayscale)
                yield bitmap.to_pil()
            finally:
                page.close()
    finally:
        pdf.close()


def render_pdf_pages(path: str | Path | bytes, dpi: int = 300) -> list[Image.Image]:
    return list(iter_pdf_pages(path, dpi))
