"""How a process that built Qt windows ends: everything saved and stopped, then out without Qt's destructors.

Tearing the windows down — at the interpreter's exit, or even explicitly with deleteLater on the GUI thread — crashed
the process now and then after its work was done ("QObject: shared QObject was deleted directly", then SIGSEGV;
seen with the administration's pyqtgraph plots in the window, in `kiosk demo`, `kiosk screenshots` and the UI test
sessions). Nothing is left to save at that point: the services have stopped (local store and outbox committed,
card released), so the process flushes its output and leaves with its exit code.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import NoReturn


def exit_now(code: int) -> NoReturn:
    """Flush and leave with `code`; call only after every service has stopped."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
