"""The one Qt piece of kiosk/printing: paint a saved PDF onto a QPrinter (the system printer or the print dialog's).

The PDF is rendered page by page to images (kiosk.printing.pages, pypdfium2) at the printer's resolution, capped
at 600 dpi, and each image fills the printer's full page: what was saved is exactly what is printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from kiosk.printing.pages import iter_pdf_pages


def print_pdf(pdf: str | Path | bytes, printer: QPrinter, max_dpi: int = 600) -> int:
    """Print every page of `pdf` on `printer`; return the number of pages sent."""
    dpi = max(72, min(printer.resolution(), max_dpi))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    pages = 0
    try:
        for image in iter_pdf_pages(pdf, dpi=dpi, grayscale=True):
            if pages:
                printer.newPage()
            gray = image.convert("L")
            qimage = QImage(gray.tobytes(), gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), qimage)
            pages += 1
    finally:
        painter.end()
    return pages
