"""The Qt binding keeps Python's reference count of None: PySide6 6.12.0 on Python 3.11 (where None is not
immortal) dropped one reference on every call of a method returning void, so a terminal aborted with "Fatal Python
error: none_dealloc" after about 130,000 such calls — found by benchmarks/memory_soak.py after ~35 customers.
pyproject.toml keeps PySide6 below 6.12 on Python < 3.12."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton


def test_void_qt_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    label, button = QLabel("x"), QPushButton("b")
    button.clicked.connect(lambda: None)
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.processEvents()
        label.setText("y")
        button.setEnabled(True)
        button.click()
    lost = before - sys.getrefcount(None)
    assert lost < 500, f"{lost} references to None lost in 8,000 Qt calls (PySide6 {__import__('PySide6').__version__})"
