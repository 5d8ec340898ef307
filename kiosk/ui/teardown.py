"""Destroy every window on the GUI thread while the QApplication and the interpreter are still whole.

Left to the interpreter's exit, widgets (pyqtgraph's plots among them) are torn down after Qt's own globals and the
process crashes after its work is done ("shared QObject was deleted directly", then SIGSEGV). Call this before a
command or a test session that built windows ends.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def destroy_windows() -> None:
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
