"""A running terminal that the cloud stops serving (issue 13): when a health answer raises the minimum version above
this terminal's, the terminal finishes with the resident in front of it, then ends the clerk's session and shows
the same full-screen refusal as at start-up (kiosk.ui.update_required). The start-up check alone let a terminal
left running all day keep working after the municipality raised the minimum."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from kiosk.ui.design import style
from kiosk.ui.update_required import UpdateRequiredWindow
from kiosk.version import TERMINAL_VERSION, TerminalOutdated, cloud_minimum, is_older

log = logging.getLogger(__name__)


class OutdatedGuard(QObject):
    """Owned by the main window; `check()` after every sync status and whenever the resident session changes."""

    def __init__(self, window: Any, terminal: str = TERMINAL_VERSION) -> None:
        super().__init__(window)
        self._window = window
        self._terminal = terminal
        self.refusal: UpdateRequiredWindow | None = None
        window.session.changed.connect(self.check)

    def check(self) -> bool:
        """True once the terminal has been stopped (it stays stopped until it is restarted after the update)."""
        if self.refusal is not None:
            return True
        minimum = cloud_minimum()
        if not minimum or not is_older(self._terminal, minimum):
            return False
        if not self._window.session.is_empty():
            return False  # never in the middle of serving a resident: the next wipe checks again
        app = QCoreApplication.instance()
        language = "en" if app is not None and app.property("kiosk_language") == "en" else "ja"
        log.warning("terminal outdated while running", extra={"fields": {"terminal": self._terminal,
                                                                          "cloud_minimum": minimum}})
        refusal = UpdateRequiredWindow(TerminalOutdated(self._terminal, minimum), language, style.current())
        refusal.setParent(self._window, Qt.WindowType.Window)  # owned by the main window, a top-level all the same
        self.refusal = refusal  # first: the log-out below wipes the session, which calls check() again
        self._window.logout()  # the clerk's cloud session ends now, not at its idle timeout
        self._window.hide()
        refusal.showFullScreen()
        return True
