"""A receipt-printer slip drawn as a monochrome image: 576 dots wide = 72 mm printable on 80 mm paper at 203 dpi.

Japanese text is rendered here with IPAex Gothic and sent as a raster image, so any ESC/POS printer prints it
whatever code pages or kanji ROM it has (Epson TM-m30, Star mC-Print in ESC/POS mode, cheap clones alike).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from kiosk.printing.fonts import image_font

WIDTH = 576          # dots, 80 mm paper, 203 dpi
DPI = 203
MARGIN = 12          # dots each side
INNER = WIDTH - 2 * MARGIN

_NO_LINE_START = frozenset("）」』】〕、。，．・ー～ゃゅょっャュョッ!?！？)]")  # kinsoku: never starts a line
Op = Callable[[ImageDraw.ImageDraw, Image.Image, int], int]  # draws at y, returns the height used


def wrap(text: str, size: int, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` dots (character by character, which suits Japanese)."""
    font = image_font(size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for ch in paragraph:
            if line and font.getlength(line + ch) > width and ch not in _NO_LINE_START:
                lines.append(line)
                line = ch
            else:
                line += ch
        lines.append(line)
    return lines


@dataclass
class Slip:
    """Build a slip top to bottom, then `render()` it to a 1-bit image."""

    width: int = WIDTH
    ops: list[Op] = field(default_factory=list)
    words: list[str] = field(default_factory=list)   # every line of text, in order (a PDF's text layer)

    def text(self, text: str, size: int = 26, align: str = "left", pad: int = 6) -> Slip:
        self.words.append(text)
        for line in wrap(text, size, self.width - 2 * MARGIN):
            self.ops.append(self._line(line, size, align, pad))
        return self

    def _line(self, line: str, size: int, align: str, pad: int) -> Op:
        def op(draw: ImageDraw.ImageDraw, _img: Image.Image, y: int) -> int:
            font = image_font(size)
            w = font.getlength(line)
            x = {"left": MARGIN, "center": (self.width - w) / 2, "right": self.width - MARGIN - w}[align]
            draw.text((x, y), line, font=font, fill=0)
            return size + pad
        return op

    def pair(self, label: str, value: str, size: int = 26, value_size: int | None = None, pad: int = 8) -> Slip:
        """A label on the left and its value on the right, on one line."""
        vsize = value_size or size
        self.words.append(f"{label} {value}".strip())

        def op(draw: ImageDraw.ImageDraw, _img: Image.Image, y: int) -> int:
            height = max(size, vsize)
            draw.text((MARGIN, y + height - size), label, font=image_font(size), fill=0)
            vw = image_font(vsize).getlength(value)
            draw.text((self.width - MARGIN - vw, y), value, font=image_font(vsize), fill=0)
            return height + pad
        self.ops.append(op)
        return self

    def rule(self, thickness: int = 2, pad: int = 10, dashed: bool = False) -> Slip:
        def op(draw: ImageDraw.ImageDraw, _img: Image.Image, y: int) -> int:
            yy = y + pad // 2
            if dashed:
                for x in range(MARGIN, self.width - MARGIN, 12):
                    draw.rectangle((x, yy, x + 6, yy + thickness - 1), fill=0)
            else:
                draw.rectangle((MARGIN, yy, self.width - MARGIN, yy + thickness - 1), fill=0)
            return pad + thickness
        self.ops.append(op)
        return self

    def gap(self, dots: int) -> Slip:
        self.ops.append(lambda _d, _i, _y: dots)
        return self

    def boxed(self, text: str, size: int = 30, thickness: int = 4, inverse: bool = False) -> Slip:
        """A framed (or white-on-black) centred line, for marks that must not be missed: 未確定, 再発行."""
        self.words.append(text)
        def op(draw: ImageDraw.ImageDraw, _img: Image.Image, y: int) -> int:
            font = image_font(size)
            w = font.getlength(text)
            h = size + 20
            box = (MARGIN, y, self.width - MARGIN, y + h)
            if inverse:
                draw.rectangle(box, fill=0)
            else:
                draw.rectangle(box, outline=0, width=thickness)
            draw.text(((self.width - w) / 2, y + 10), text, font=font, fill=255 if inverse else 0)
            return h + 10
        self.ops.append(op)
        return self

    def image(self, picture: Image.Image, pad: int = 8) -> Slip:
        def op(_draw: ImageDraw.ImageDraw, img: Image.Image, y: int) -> int:
            img.paste(picture.convert("L"), ((self.width - picture.width) // 2, y))
            return picture.height + pad
        self.ops.append(op)
        return self

    def custom(self, op: Op) -> Slip:
        self.ops.append(op)
        return self

    def render(self, bottom: int = 24) -> Image.Image:
        """Draw everything once on a tall canvas, crop to the height used, threshold to 1 bit (no dithering)."""
        canvas = Image.new("L", (self.width, 20000), 255)
        draw = ImageDraw.Draw(canvas)
        y = MARGIN
        for op in self.ops:
            y += op(draw, canvas, y)
        y += bottom
        return canvas.crop((0, 0, self.width, y)).point(lambda v: 255 if v >= 128 else 0, mode="1")
