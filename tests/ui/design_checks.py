"""Checks of the design rules on whatever the window shows now (used by test_design.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QScrollArea, QWidget

MIN_TOUCH = 56


def settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)


def visible_controls(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit):
        if widget.isVisibleTo(root) and widget.isVisible() and widget.window() is root.window():
            found.append(widget)
    return found


def too_small(root: QWidget) -> list[str]:
    return [f"{type(w).__name__}({w.objectName() or getattr(w, 'text', lambda: '')()!r}) {w.height()} px"
            for w in visible_controls(root) if w.height() < MIN_TOUCH]


def scroll_bars_shown(window: Any) -> list[str]:
    shown = []
    for scroll in window.findChildren(QScrollArea):
        if not scroll.isVisible():
            continue
        for bar in (scroll.verticalScrollBar(), scroll.horizontalScrollBar()):
            if bar.isVisible() and bar.maximum() > 0:
                shown.append(f"{scroll.widget().objectName() if scroll.widget() else '?'} {bar.orientation()}")
    return shown


def enabled_primaries(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton)
            if b.property("primary") and b.isVisible() and b.isEnabled()]


def check_screen(qtbot: Any, window: Any, where: str) -> list[str]:
    """Every rule that holds on every screen, as a list of problems (empty when all is well)."""
    settle(qtbot)
    problems = [f"{where}: scroll bar {s}" for s in scroll_bars_shown(window)]
    problems += [f"{where}: too small {s}" for s in too_small(window.current())]
    problems += [f"{where}: banner too small {s}" for s in too_small(window.banner)]
    screen = window.current()
    cap = round(1100 * window.theme().scale * (1.1 if window.theme().large_text else 1.0))
    if screen.width() > cap + 1:
        problems.append(f"{where}: content {screen.width()} px wide, cap {cap}")
    return problems
