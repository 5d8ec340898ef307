"""Terminal release checks (issue 13): logs, TLS, version, Qt binding. Qt tests here build real windows."""

from __future__ import annotations

import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Reference cycles collected here, on the GUI thread (see tests/ui/conftest.py)."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    gc.collect()


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Qt's destructors once everything is reported (kiosk/ui/teardown.py)."""
    from kiosk.ui.teardown import exit_now

    exit_now(_EXIT_STATUS[-1] if _EXIT_STATUS else 0)
