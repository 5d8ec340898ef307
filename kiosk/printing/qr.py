"""The voucher QR: the 149-character signed code in alphanumeric mode, error correction level M.

Why M: the code is Ed25519-signed, so error correction is only about reading a worn voucher, never about trusting
it (a misread fails the signature). 149 alphanumeric characters fit version 6 at level M (41×41 modules); level Q
needs version 8 (49×49) and H version 10 (57×57), so at the same printed width their modules are 16 % and 28 %
smaller. M restores up to ~15 % of damaged codewords, which covers a crease, a smudge or an overlapping stamp edge
(the stamp boxes are laid out away from the symbol), and keeps the modules as large as the layout allows, which is
what a phone camera or a shop's scanner at arm's length needs most.

The matrix comes from zxing-cpp's writer (C++, best mask chosen, about 0.4 ms a code): the pure-Python `qrcode`
package needs ~7.5 ms a code to choose the mask, which alone would take 7.5 s for a 1,000-voucher sheet.
"""

from __future__ import annotations

import numpy as np
import zxingcpp
from PIL import Image

EC_LEVEL = "M"
VERSION = 6
MODULES = 17 + 4 * VERSION  # 41
QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 asks


class QrError(ValueError):
    pass


def qr_matrix(text: str) -> np.ndarray:
    """The symbol as a boolean array (True = dark), without quiet zone; 41×41 for a voucher code."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=EC_LEVEL)
    pixels = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False))
    if pixels.ndim != 2 or pixels.shape[0] != pixels.shape[1]:
        raise QrError("unexpected QR image from the writer")
    return pixels < 128


def voucher_matrix(code: str) -> np.ndarray:
    """The matrix of a voucher code; refuses anything that did not come out as version 6 (alphanumeric mode)."""
    matrix = qr_matrix(code)
    if matrix.shape != (MODULES, MODULES):
        raise QrError(
            f"a voucher QR is version {VERSION} ({MODULES}×{MODULES} modules, alphanumeric mode); "
            f"got {matrix.shape[0]}×{matrix.shape[1]}: is this a 149-character Base32 code?"
        )
    return matrix


def matrix_image(matrix: np.ndarray, module_px: int, quiet: int = QUIET_ZONE) -> Image.Image:
    """A 1-bit Pillow image of the symbol, `module_px` dots a module, with `quiet` modules of margin."""
    padded = np.pad(matrix, quiet, constant_values=False)
    big = np.kron(padded, np.ones((module_px, module_px), dtype=bool))
    return Image.fromarray(np.where(big, 0, 255).astype(np.uint8), mode="L").convert("1")


def matrix_runs(matrix: np.ndarray) -> list[tuple[int, int, int]]:
    """Horizontal runs of dark modules as (row, first column, length), for drawing as few rectangles as possible."""
    rows, width = matrix.shape
    padded = np.zeros((rows, width + 2), dtype=np.int8)
    padded[:, 1:-1] = matrix
    starts_r, starts_c = np.nonzero(np.diff(padded, axis=1) == 1)
    _, stops_c = np.nonzero(np.diff(padded, axis=1) == -1)
    return list(zip(starts_r.tolist(), starts_c.tolist(), (stops_c - starts_c).tolist(), strict=True))
