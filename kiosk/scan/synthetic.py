"""Made-up camera frames holding a voucher QR: for tests, benchmarks and a simulated camera in demo mode.

A 1280×720 grayscale frame: a grey, uneven background, the symbol at `module_px` pixels a module, turned by
`angle` degrees, slightly blurred, with Gaussian sensor noise — roughly a voucher held 20 cm from a 720p webcam.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from kiosk.printing.qr import matrix_image, voucher_matrix


def voucher_frame(code: str, *, size: tuple[int, int] = (1280, 720), module_px: int = 6, angle: float = 8.0,
                  centre: tuple[int, int] | None = None, noise: float = 12.0, blur: float = 0.8,
                  seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    width, height = size
    yy, xx = np.mgrid[0:height, 0:width]
    background = 150 + 40 * np.sin(xx / 211.0) * np.cos(yy / 157.0)        # uneven light
    frame = Image.fromarray(background.astype(np.uint8), mode="L")
    symbol = matrix_image(voucher_matrix(code), module_px).convert("L")
    paper = Image.new("L", (symbol.width + 8 * module_px, symbol.height + 16 * module_px), 235)
    paper.paste(symbol, (4 * module_px, 4 * module_px))
    paper = paper.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=0)
    mask = Image.new("L", (symbol.width + 8 * module_px, symbol.height + 16 * module_px), 255).rotate(
        angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=0)
    cx, cy = centre or (width // 2, height // 2)
    frame.paste(paper, (cx - paper.width // 2, cy - paper.height // 2), mask)
    frame = frame.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(frame, dtype=np.float32) + rng.normal(0, noise, (height, width))
    return np.clip(pixels, 0, 255).astype(np.uint8)
