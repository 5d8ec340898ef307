"""Shop-terminal UI fixtures: the demo's embedded cloud and simulated card reader (tests/ui/conftest.py), a store
terminal enrolled beside the demo counter (its own local store and sync engine), and the real main window on the
shop's home — at 1280×800 unless a test asks for another size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.services.demo_backend import DemoBackend
from kiosk.services.store_terminal import StoreTerminal
from tests.ui.staff_fixtures import put_away

SIZES = ((1280, 800), (1920, 1080), (800, 1280))


@pytest.fixture
def answer_wait() -> float:
    return 2.0


@pytest.fixture
def store_terminal(backend: DemoBackend, answer_wait: float) -> Iterator[StoreTerminal]:
    terminal = StoreTerminal.demo(backend, answer_wait=answer_wait, probe_interval=0.3)
    yield terminal
    terminal.stop()


@pytest.fixture(autouse=True)
def system_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The Qt print dialog, accepted with "print to file": a QPrinter writing `system-printer-N.pdf` (a modal
    dialog would wait for a tap forever in a test)."""
    from kiosk.ui.store.printing import PrintingScreen

    made: list[Path] = []

    def choose(_screen: Any) -> Any:
        from PySide6.QtPrintSupport import QPrinter

        made.append(tmp_path / f"system-printer-{len(made) + 1}.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(made[-1]))
        return printer

    monkeypatch.setattr(PrintingScreen, "choose_printer", choose)
    return tmp_path


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


@pytest.fixture
def shop(qtbot: Any, backend: DemoBackend, store_terminal: StoreTerminal, sound: Any, tmp_path: Path,
         window_size: tuple[int, int]) -> Iterator[Any]:
    from kiosk.app import CardEventRelay, create_window, ensure_qapp

    app = ensure_qapp()
    config = Config(tmp_path / "settings.json", language="ja", sound=False, resident_display=False)
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    win = create_window(
        app, backend.runtime.services, config, data_dir=tmp_path, reset_card=backend.runtime.services.auth.reset_card,
        card_events=relay, engine=store_terminal.engine, credential_label=backend.runtime.credential_label,
        demo_cards=backend.sample_cards(), demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
        sound=sound, terminal_name="test shop", role="store", store=store_terminal)
    win.card_relay = relay
    qtbot.addWidget(win)
    win.resize(*window_size)
    win.show()
    qtbot.waitUntil(lambda: store_terminal.engine.online is True, timeout=15000)
    win.go("role:store")
    assert win.current().name == "store_home"
    yield win
    put_away(win, relay)
