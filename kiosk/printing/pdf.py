"""Shared PDF plumbing: a canvas whose only font is the embedded IPAex Gothic, and saving atomically."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from kiosk.printing.fonts import register_pdf_font

# Binary (Flate only) streams, not ASCII85-wrapped ones: ASCII85 only makes a PDF 7-bit clean, costs 25 % in size,
# and without reportlab's optional C accelerator it is pure Python: ~60 % of the time of a 1,000-voucher sheet.
rl_config.useA85 = 0


def make_canvas(target: str | Path | BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    """A canvas whose initial font is IPAex Gothic, so no unembedded base-14 font (Helvetica) is ever referenced."""
    font = register_pdf_font()
    c = Canvas(target if isinstance(target, BytesIO) else str(target), pagesize=pagesize, invariant=True,
               initialFontName=font, initialFontSize=10)
    c.setTitle(title)
    c.setCreator("mykey-kiosk")
    return c


def save_atomically(render: Callable[[Path], None], path: str | Path) -> Path:
    """Render into `path`.part then rename, so a half-written PDF never sits under the real name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    render(tmp)
    tmp.replace(path)
    return path
