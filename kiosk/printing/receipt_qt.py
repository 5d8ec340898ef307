"""Receipt-printer slips (receipts, the day-end slip) on a QPrinter: the system printer chosen in the Qt print
dialog, or a PDF file. The slip's own drawing (kiosk.printing.raster.Slip) is replayed with a QPainter in place of
Pillow: the same lines at the same places, but text as text (sharp on a laser printer, searchable in a PDF) in the
same IPAex Gothic. The slip keeps its 72 mm printable width (narrower when the page is), at the top of the page,
continued on the next page when it is longer than one.

Besides kiosk.printing.qt (a saved PDF painted as images), the one other Qt module of kiosk/printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from kiosk.printing.fonts import font_path
from kiosk.printing.raster import MARGIN, Slip

SLIP_MM = 72.0  # the printable width of 80 mm receipt paper


@lru_cache(maxsize=1)
def _family() -> str:
    """IPAex Gothic registered with Qt once (the file every document uses)."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "IPAexGothic"


def _colour(fill: Any) -> QColor:
    return QColor(255, 255, 255) if fill not in (0, None) else QColor(0, 0, 0)


class _Measure:
    """Pillow's drawing calls that draw nothing: a first pass learns each line's height."""

    def text(self, *_a: Any, **_k: Any) -> None:
        return None

    def rectangle(self, *_a: Any, **_k: Any) -> None:
        return None

    def paste(self, *_a: Any, **_k: Any) -> None:
        return None


class _QtDraw:
    """Stands in for PIL.ImageDraw (text, rectangle) and the slip's image (paste), painting on a QPainter at
    `scale` device pixels per slip dot, from `origin`."""

    def __init__(self, painter: QPainter, scale: float, origin: QPointF) -> None:
        self.painter = painter
        self.scale = scale
        self.origin = origin
        self.top = 0.0  # the slip's y (dots) drawn at the origin's y: moves with each page

    def _at(self, x: float, y: float) -> QPointF:
        return QPointF(self.origin.x() + x * self.scale, self.origin.y() + (y - self.top) * self.scale)

    def text(self, xy: Sequence[float], text: str, font: Any = None, fill: Any = 0) -> None:
        qfont = QFont(_family())
        qfont.setPixelSize(max(1, round(float(getattr(font, "size", 26)) * self.scale)))
        self.painter.setFont(qfont)
        self.painter.setPen(QPen(_colour(fill)))
        at = self._at(xy[0], xy[1])
        # Pillow places text by the top of its ascender; Qt by its baseline
        self.painter.drawText(QPointF(at.x(), at.y() + QFontMetricsF(qfont).ascent()), text)

    def rectangle(self, box: Sequence[float], fill: Any = None, outline: Any = None, width: int = 1) -> None:
        x0, y0, x1, y1 = box
        rect = QRectF(self._at(x0, y0), self._at(x1 + 1, y1 + 1))
        if fill is not None:
            self.painter.fillRect(rect, _colour(fill))
        if outline is not None:
            pen = QPen(_colour(outline))
            pen.setWidthF(width * self.scale)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self.painter.setPen(pen)
            self.painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            half = width * self.scale / 2
            self.painter.drawRect(rect.adjusted(half, half, -half, -half))

    def paste(self, picture: Image.Image, xy: Sequence[int]) -> None:
        gray = picture.convert("L")
        image = QImage(gray.tobytes(), gray.width, gray.height, gray.width, QImage.Format.Format_Grayscale8)
        self.painter.drawImage(QRectF(self._at(xy[0], xy[1]), self._at(xy[0] + gray.width, xy[1] + gray.height)),
                               image.copy())


def print_slips(slips: Sequence[Slip], printer: QPrinter) -> int:
    """Paint each slip on `printer`, each starting on a new page; return the number of pages printed."""
    resolution = printer.resolution()
    page = printer.pageLayout().paintRectPixels(resolution)
    scale = min(SLIP_MM / 25.4 * resolution, float(page.width())) / slips[0].width if slips else 1.0
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    pages = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for slip in slips:
            if pages:
                printer.newPage()
            pages += 1 + _paint(slip, painter, printer, scale, page.height())
    finally:
        painter.end()
    return pages


def _paint(slip: Slip, painter: QPainter, printer: QPrinter, scale: float, page_height: int) -> int:
    """Replay the slip's drawing; a line that would cross the page's bottom starts the next page. Returns the
    number of page breaks made."""
    left = (painter.device().width() - slip.width * scale) / 2
    draw = _QtDraw(painter, scale, QPointF(max(0.0, left), 0.0))
    measure = _Measure()
    breaks = 0
    y = float(MARGIN)
    for op in slip.ops:
        height = op(measure, measure, int(y))  # type: ignore[arg-type]
        if (y - draw.top + height) * scale > page_height and y - draw.top > MARGIN:
            printer.newPage()
            breaks += 1
            draw.top = y - MARGIN
        op(draw, draw, int(y))  # type: ignore[arg-type]
        y += height
    return breaks

