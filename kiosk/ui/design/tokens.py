"""Design tokens: sizes for a window 800 px high, scaled with the window; colours for the normal and the
high-contrast look; a larger type scale for the large-text setting."""

from __future__ import annotations

from dataclasses import dataclass

BASE_HEIGHT = 800
BASE_WIDTH = 1280
CONTENT_WIDTH = 1100  # the content column is capped at this width (scaled) and centred

# type scale (px at 800 px window height)
TYPE = {
    "status": 16, "small": 18, "body": 20, "section": 22, "title": 28, "resident": 28, "big": 40, "icon": 64,
    "key": 32,
}
# the 8 px grid
SPACE = {"margin": 24, "gap": 16, "tight": 8, "touch": 56, "key_w": 104, "key_h": 76, "radius": 8, "check": 36}

NORMAL = {
    "bg": "#f6f7f9", "surface": "#ffffff", "text": "#1b1f24", "muted": "#4a5563", "border": "#6b7685",
    "primary": "#1f5fbf", "primary_text": "#ffffff", "primary_pressed": "#174a94",
    "success": "#1e6b2e", "warning": "#7a4a00", "warning_bg": "#fff3cd", "error": "#b3261e",
    "disabled_bg": "#e3e6ea", "disabled_text": "#6f7782", "disabled_border": "#c3c9d0",
    "banner": "#14365f", "banner_serving": "#7a3e00", "banner_text": "#ffffff", "banner_edge": "#14365f",
    "selected_bg": "#dce7f7", "focus": "#1f5fbf",
    "demo": "#ffd54f", "demo_text": "#3b2a00",  # the demo's panel: a colour no real message uses
    "queued": "#0b5563",
    # text coloured by its meaning on the page background (✔ / ✖ lines), and text on a solid colour panel
    "success_text": "#1e6b2e", "error_text": "#b3261e", "on_colour": "#ffffff",
}
HIGH_CONTRAST = {
    "bg": "#000000", "surface": "#000000", "text": "#ffffff", "muted": "#ffffff", "border": "#ffffff",
    "primary": "#ffd400", "primary_text": "#000000", "primary_pressed": "#e0b900",
    "success": "#005a22", "warning": "#000000", "warning_bg": "#ffd400", "error": "#a30f06",
    "disabled_bg": "#262626", "disabled_text": "#b0b0b0", "disabled_border": "#8c8c8c",
    "banner": "#000000", "banner_serving": "#5c2e00", "banner_text": "#ffffff", "banner_edge": "#ffffff",
    "selected_bg": "#3a3000", "focus": "#ffd400",
    "demo": "#ffd54f", "demo_text": "#000000",
    "queued": "#004a56",
    # on black, the panel greens and reds are too dark for text (3.4:1): lighter ones, 7:1 or more
    "success_text": "#5fe08a", "error_text": "#ff8f85", "on_colour": "#ffffff",
}

# (text colour, background colour) pairs the stylesheet puts together: each must reach WCAG AA (4.5:1) in the
# normal look and AAA (7:1) in high contrast, except the disabled text (AA only, WCAG exempts it) and borders (3:1)
TEXT_PAIRS = (
    ("text", "bg"), ("text", "surface"), ("muted", "surface"), ("muted", "bg"), ("primary_text", "primary"),
    ("primary_text", "primary_pressed"), ("banner_text", "banner"), ("banner_text", "banner_serving"),
    ("warning", "warning_bg"), ("demo_text", "demo"), ("text", "selected_bg"), ("success_text", "bg"),
    ("success_text", "surface"), ("error_text", "bg"), ("error_text", "surface"), ("on_colour", "success"),
    ("on_colour", "error"), ("on_colour", "queued"),
)
DISABLED_PAIRS = (("disabled_text", "disabled_bg"),)
BORDER_PAIRS = (("border", "surface"), ("border", "bg"), ("focus", "surface"))


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1.0 to 21.0)."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)

LARGE_TEXT_FACTOR = 1.25


@dataclass(frozen=True)
class Theme:
    scale: float = 1.0
    large_text: bool = False
    high_contrast: bool = False

    @staticmethod
    def for_size(width: int, height: int, large_text: bool = False, high_contrast: bool = False) -> Theme:
        """Scale with the window height (×1.35 at 1080), but never so much that 1280 px of width would not fit —
        except on an upright window (a tablet held upright, 800×1280), which keeps the 800 px sizes so that touch
        targets stay 56 px high (DESIGN.md) and its layouts use the height."""
        scale = min(height / BASE_HEIGHT, width / BASE_WIDTH) if width and height else 1.0
        if height > width:
            scale = max(scale, min(1.0, height / BASE_HEIGHT))
        return Theme(round(max(0.75, min(scale, 2.5)), 2), large_text, high_contrast)

    def px(self, value: float) -> int:
        """A size on the 8 px grid, scaled to the window."""
        return max(1, round(value * self.scale))

    def font(self, role: str) -> int:
        size = TYPE[role] * self.scale
        if self.large_text and role not in ("icon",):
            size *= LARGE_TEXT_FACTOR
        return max(8, round(size))

    def space(self, name: str) -> int:
        return self.px(SPACE[name])

    @property
    def colours(self) -> dict[str, str]:
        return HIGH_CONTRAST if self.high_contrast else NORMAL

    def colour(self, name: str) -> str:
        return self.colours[name]

    def content_width(self) -> int:
        return self.px(CONTENT_WIDTH * (1.1 if self.large_text else 1.0))
