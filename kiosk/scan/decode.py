"""QR decoding with zxing-cpp: every QR code in an image, as text with its position.

Inputs: a numpy array (grayscale H×W or BGR H×W×3, e.g. a camera frame), a Pillow image, or raw 8-bit grayscale
bytes with their width and height (what a Qt-free caller gets from a QImage's bits). Only the QR format is asked
for, which keeps zxing-cpp from trying twenty other symbologies on every frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import zxingcpp

_QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    corners: tuple[tuple[int, int], ...]   # top-left, top-right, bottom-right, bottom-left, in image pixels
    page: int = 0

    @property
    def centre(self) -> tuple[float, float]:
        xs = [p[0] for p in self.corners]
        ys = [p[1] for p in self.corners]
        return sum(xs) / len(xs), sum(ys) / len(ys)


def gray_from_bytes(data: bytes | bytearray | memoryview, width: int, height: int, stride: int | None = None
                    ) -> np.ndarray:
    """View 8-bit grayscale pixels (rows `stride` bytes apart, e.g. a QImage's bytesPerLine) as an array."""
    stride = stride or width
    if len(data) < stride * height:
        raise ValueError(f"{len(data)} bytes do not hold {height} rows of {stride}")
    return np.frombuffer(data, dtype=np.uint8, count=stride * height).reshape(height, stride)[:, :width]


def _corners(barcode: Any) -> tuple[tuple[int, int], ...]:
    pos = barcode.position
    return tuple((p.x, p.y) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left))


def decode_qr(image: Any, *, page: int = 0, try_rotate: bool = True, try_downscale: bool = True,
              try_invert: bool = False) -> list[Decoded]:
    """Every readable QR code in `image`, in the order zxing-cpp found them (empty list when none)."""
    if isinstance(image, np.ndarray) and not image.flags.c_contiguous:
        image = np.ascontiguousarray(image)
    found = zxingcpp.read_barcodes(
        image, formats=_QR, try_rotate=try_rotate, try_downscale=try_downscale, try_invert=try_invert,
        text_mode=zxingcpp.TextMode.Plain,
    )
    return [Decoded(b.text, _corners(b), page) for b in found if b.valid]
