"""Pages from a sheet-fed scanner's output: multi-page PDF (pypdfium2), multi-page TIFF (Pillow), single images.

PDF: pypdfium2 rather than calling poppler's pdftoppm. It is a wheel with PDFium inside (Windows office PCs have no
poppler), renders in-process straight to grayscale pixels (no temporary PNG per page, no subprocess per page), and
one page at a time, so a 125-page bundle never sits in memory whole. The tests still read our own PDFs with poppler
as an independent second reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from kiosk.scan.decode import Decoded, decode_qr

PDF_DPI = 300          # 0.75 mm modules → ~9 pixels a module
TIFF_SUFFIXES = {".tif", ".tiff"}


class UnreadableDocument(ValueError):
    """The file is not a PDF, TIFF or image we can read."""


@dataclass(frozen=True, slots=True)
class PageCodes:
    page: int                  # 1-based, as the clerk counts sheets
    codes: tuple[Decoded, ...]


def _pdf_pages(path: Path | bytes, dpi: int) -> Iterator[np.ndarray]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(f"not a readable PDF: {exc}") from None
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                pixels = bitmap.to_numpy()
                yield np.ascontiguousarray(pixels[:, :, 0] if pixels.ndim == 3 else pixels)
            finally:
                page.close()
    finally:
        pdf.close()


def _image_pages(path: Path) -> Iterator[np.ndarray]:
    try:
        image = Image.open(path)
    except (OSError, UnidentifiedImageError) as exc:
        raise UnreadableDocument(f"not a readable image: {exc}") from None
    with image:
        for frame in ImageSequence.Iterator(image):
            yield np.asarray(frame.convert("L"))


def iter_pages(source: str | Path | bytes, dpi: int = PDF_DPI) -> Iterator[np.ndarray]:
    """Grayscale pages, one at a time: PDF (rendered at `dpi`), TIFF (every frame) or any Pillow image."""
    if isinstance(source, bytes):
        if source[:5] != b"%PDF-":
            raise UnreadableDocument("bytes given, but they are not a PDF")
        yield from _pdf_pages(source, dpi)
        return
    path = Path(source)
    with path.open("rb") as fh:
        magic = fh.read(5)
    if magic == b"%PDF-":
        yield from _pdf_pages(path, dpi)
    else:
        yield from _image_pages(path)


def decode_document(source: str | Path | bytes, dpi: int = PDF_DPI) -> Iterator[PageCodes]:
    """Every QR code on every page, page by page (a page with none still yields, with no codes)."""
    for number, pixels in enumerate(iter_pages(source, dpi), start=1):
        yield PageCodes(number, tuple(decode_qr(pixels, page=number)))
