"""Apply a Theme: fill in the QSS template (resources/theme/kiosk.qss) and set the layout metrics that QSS cannot
(margins and spacing on the 8 px grid, the capped content width, fixed sizes) on every widget of a window.

Layouts and widgets declare their base sizes once (`metrics(...)`, `sized(...)`); `apply_metrics` rescales them
whenever the window's scale, the large-text or the high-contrast setting changes.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from kiosk.ui.design.tokens import SPACE, TYPE, Theme
from kiosk.ui.i18n import RESOURCES

_current = Theme()


def current() -> Theme:
    return _current


def stylesheet(theme: Theme) -> str:
    values: dict[str, object] = {**theme.colours}
    for role in TYPE:
        values[role] = theme.font(role)
    for name in SPACE:
        values[name] = theme.space(name)
    values.update(
        pad=theme.px(24), button_w=theme.px(112), tile_h=theme.px(72), segment_w=theme.px(120), bw=max(2, theme.px(2)),
        bw_sel=max(3, theme.px(3)), radius_s=theme.px(6), pin_dots=theme.font("big") + theme.px(8),
        list_item=theme.px(28), scroll=theme.px(16),
        key_w=theme.px(SPACE["key_w"]), key_h=theme.px(SPACE["key_h"]),
    )
    template = Template((RESOURCES / "theme" / "kiosk.qss").read_text(encoding="utf-8"))
    return template.substitute(values)


def apply_theme(app: QApplication, theme: Theme | None = None) -> None:
    global _current
    if theme is not None:
        _current = theme
    app.setStyleSheet(stylesheet(_current))


def metrics(layout: QLayout, margin: str | int | tuple[str | int, str | int, str | int, str | int] = 0, spacing: str | int = "gap") -> QLayout:
    """Remember a layout's base margins/spacing (names of SPACE or px at 800 px) and apply them now."""
    layout.setProperty("kioskMargin", margin if not isinstance(margin, tuple) else list(margin))
    layout.setProperty("kioskSpacing", spacing)
    _apply_layout(layout, _current)
    return layout


def sized(widget: QWidget, **base: int) -> QWidget:
    """Remember base sizes (min_w, min_h, max_w, max_h, fixed_w, fixed_h in px at 800 px) and apply them now."""
    for key, value in base.items():
        widget.setProperty(f"kioskSize_{key}", value)
    _apply_widget(widget, _current)
    return widget


def _value(theme: Theme, value: object) -> int:
    if isinstance(value, str):
        return theme.space(value)
    return theme.px(float(value)) if value else 0  # type: ignore[arg-type]


def _apply_layout(layout: QLayout, theme: Theme) -> None:
    margin = layout.property("kioskMargin")
    if margin is not None:
        if isinstance(margin, list):
            left, top, right, bottom = (_value(theme, m) for m in margin)
            layout.setContentsMargins(left, top, right, bottom)
        else:
            m = _value(theme, margin)
            layout.setContentsMargins(m, m, m, m)
    spacing = layout.property("kioskSpacing")
    if spacing is not None:
        layout.setSpacing(_value(theme, spacing))


_SETTERS = {
    "min_w": QWidget.setMinimumWidth, "min_h": QWidget.setMinimumHeight, "max_w": QWidget.setMaximumWidth,
    "max_h": QWidget.setMaximumHeight, "fixed_w": QWidget.setFixedWidth, "fixed_h": QWidget.setFixedHeight,
}


def _apply_widget(widget: QWidget, theme: Theme) -> None:
    for key, setter in _SETTERS.items():
        value = widget.property(f"kioskSize_{key}")
        if value is not None:
            setter(widget, theme.px(float(value)))


def apply_metrics(root: QObject, theme: Theme | None = None) -> None:
    theme = theme or _current
    if isinstance(root, QWidget):
        _apply_widget(root, theme)
        own = root.layout()
        if own is not None:
            _apply_layout(own, theme)
    for layout in root.findChildren(QLayout):
        _apply_layout(layout, theme)
    for widget in root.findChildren(QWidget):
        _apply_widget(widget, theme)
