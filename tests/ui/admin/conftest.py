"""Administration UI fixtures: the demo's embedded cloud (tests/ui/conftest.py), an admin terminal enrolled beside
the demo counter, and the real main window on the administration home with the admin clerk logged in (1280×800)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.services.admin_terminal import AdminTerminal
from kiosk.services.demo_backend import DemoBackend
from tests.ui.staff_fixtures import staff_window


@pytest.fixture
def admin_terminal(backend: DemoBackend) -> Iterator[AdminTerminal]:
    terminal = AdminTerminal.demo(backend)
    yield terminal
    terminal.stop()


@pytest.fixture
def admin(qtbot: Any, backend: DemoBackend, admin_terminal: AdminTerminal, sound: Any,
          tmp_path: Path) -> Iterator[Any]:
    yield from staff_window(qtbot, backend, sound, tmp_path, "admin", admin_terminal, "ADM01")
