"""In Japanese, no English source text is left on any screen (a string that bypassed tr() would show up here)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

# words that are Japanese usage too (product names, codes, the demo's sample data)
ALLOWED = {"ID", "PIN", "PC", "SC", "Sony", "RC", "S380", "nfcpy", "English", "README", "OK", "MyKey", "QR"}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def _texts(window):
    for screen in window.screens.values():
        for widget in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton):
            yield screen.name, widget.text()
        for edit in screen.findChildren(QLineEdit):
            yield screen.name, edit.placeholderText()
    yield "banner", window.banner.text()
    yield "status", window.status.online_label.text()


def test_every_visible_string_is_japanese(qtbot, window):
    leftovers = []
    for where, text in _texts(window):
        plain = re.sub(r"<[^>]+>|&[a-z]+;", "", text)  # rich text of the step bar
        words = [w for w in WORD.findall(plain) if w not in ALLOWED and not w.isupper()]
        if words:
            leftovers.append((where, plain, words))
    assert leftovers == []
