"""The start-up marker: when `KIOSK_STARTUP_MARKER` is set, the kiosk prints one line to stderr once its window has
been painted for the first time (the first usable screen), with the wall-clock time, so that
benchmarks/cold_start.py can measure exec → first screen. `KIOSK_STARTUP_MARKER=exit` also quits right after
(the services stop as on any exit). Without the variable nothing is installed.

    kiosk-startup first-screen-painted t=1764520000.123456 cpu=1.234 screen=roles imports=1764519999.9 backend=...

`cpu` is the process's CPU time so far (all threads): less sensitive than the wall clock to a busy machine.

Start-up steps noted with `phase(name)` (kiosk/cli/gui.py) follow as name=time.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "KIOSK_STARTUP_MARKER"
PREFIX = "kiosk-startup first-screen-painted"
_phases: list[tuple[str, float]] = []


def phase(name: str) -> None:
    """Note when a start-up step ended (printed with the marker as name=wall-clock time)."""
    if os.environ.get(ENV):
        _phases.append((name, time.time()))


class _FirstPaint(QObject):
    def __init__(self, window: QObject, quit_after: bool) -> None:
        super().__init__(window)
        self.window = window
        self.quit_after = quit_after
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)  # after this paint has been flushed to the screen
        return False

    def report(self) -> None:
        current = getattr(self.window, "current", None)
        name = current().name if callable(current) else "?"
        steps = " ".join(f"{step}={at:.6f}" for step, at in _phases)
        print(f"{PREFIX} t={time.time():.6f} cpu={time.process_time():.3f} screen={name} {steps}".rstrip(),
              file=sys.stderr, flush=True)
        if self.quit_after:
            app = QApplication.instance()
            if app is not None:
                app.quit()


def report_first_screen(window: QObject) -> None:
    """Install the marker on `window` when KIOSK_STARTUP_MARKER is set (call before show())."""
    value = os.environ.get(ENV)
    if not value:
        return
    window.installEventFilter(_FirstPaint(window, quit_after=value == "exit"))
