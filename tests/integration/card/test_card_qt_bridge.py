"""The Qt bridge delivers card events and results on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.errors import WrongPin
from kiosk.card.qt import CardBridge
from kiosk.card.service import CardService
from kiosk.demo import DemoPKI


@pytest.fixture
def setup(pki: DemoPKI) -> Iterator[tuple[SimulatedBackend, CardService]]:
    backend = SimulatedBackend(pki=pki)
    service = CardService(backend, poll_interval=0.02)
    yield backend, service
    service.stop()


def test_signals_and_results_on_the_gui_thread(qtbot: QtBot, setup: tuple[SimulatedBackend, CardService]) -> None:
    backend, service = setup
    bridge = CardBridge(service)
    with qtbot.waitSignal(bridge.readers_changed, timeout=3000) as readers:
        service.start()
    assert readers.args == [["Simulated Reader 0"]]
    with qtbot.waitSignal(bridge.card_inserted, timeout=3000) as inserted:
        backend.reader().insert("yamada")
    assert inserted.args == ["Simulated Reader 0", True]

    results: list[object] = []
    threads: list[threading.Thread] = []
    bridge.deliver(service.jpki_tries_left(), lambda v: (results.append(v), threads.append(threading.current_thread())))
    bridge.deliver(service.sign_challenge("0000", b"x"), results.append, lambda e: results.append(e))
    qtbot.waitUntil(lambda: len(results) == 2, timeout=3000)
    assert results[0] == 3 and isinstance(results[1], WrongPin)
    assert threads == [threading.main_thread()]
    with qtbot.waitSignal(bridge.card_removed, timeout=3000) as removed:
        backend.reader().remove()
    assert removed.args == ["Simulated Reader 0"]
    bridge.close()


def test_a_late_bridge_learns_the_readers(qtbot: QtBot, setup: tuple[SimulatedBackend, CardService]) -> None:
    _backend, service = setup
    service.poll_interval = 0.02
    service.start()
    qtbot.waitUntil(lambda: service.reader_states().result() != {}, timeout=3000)
    bridge = CardBridge(service)
    with qtbot.waitSignal(bridge.readers_changed, timeout=3000) as changed:
        pass
    assert changed.args == [["Simulated Reader 0"]] and bridge.readers == ["Simulated Reader 0"]
    bridge.close()
