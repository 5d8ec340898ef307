"""The one Japanese TrueType font every document uses: IPAex Gothic (Debian's fonts-ipaexfont-gothic).

The same file is embedded in every PDF (reportlab subsets it) and drawn into every receipt image (Pillow), so a
voucher or a slip looks the same on any machine and any printer. It is found by path, never by asking the system:
`KIOSK_JP_FONT` first, then the project's resources/fonts/, then the Debian and Windows install locations.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from kiosk import resources

PDF_FONT = "IPAexGothic"
_FILE = "ipaexg.ttf"
CANDIDATES = (
    resources.path("fonts", _FILE),  # the source tree or a PyInstaller bundle (kiosk/resources.py)
    Path("/usr/share/fonts/opentype/ipaexfont-gothic") / _FILE,
    Path("/usr/share/fonts/truetype/ipaexfont-gothic") / _FILE,
    Path("/usr/share/fonts/opentype/ipaexfont") / _FILE,
    Path("C:/Windows/Fonts") / _FILE,
    Path.home() / "AppData/Local/Microsoft/Windows/Fonts" / _FILE,
)


class FontMissing(RuntimeError):
    """IPAex Gothic is not installed where we look for it."""


def font_path() -> Path:
    override = os.environ.get("KIOSK_JP_FONT")
    if override:
        path = Path(override)
        if not path.is_file():
            raise FontMissing(f"KIOSK_JP_FONT points to {path}, which is not a file")
        return path
    for path in CANDIDATES:
        if path.is_file():
            return path
    looked = ", ".join(str(p) for p in CANDIDATES)
    raise FontMissing(
        "the Japanese font IPAex Gothic (ipaexg.ttf) was not found; install it with "
        "`apt-get install fonts-ipaexfont-gothic` (Debian/Ubuntu), copy ipaexg.ttf to resources/fonts/, "
        f"or set KIOSK_JP_FONT to its path. Looked in: {looked}"
    )


@lru_cache(maxsize=1)
def register_pdf_font() -> str:
    """Register IPAex Gothic with reportlab once; return the font name to use with setFont."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(font_path())))
    return PDF_FONT


@lru_cache(maxsize=32)
def image_font(size: int) -> ImageFont.FreeTypeFont:
    """IPAex Gothic at `size` pixels for Pillow."""
    return ImageFont.truetype(str(font_path()), size)
