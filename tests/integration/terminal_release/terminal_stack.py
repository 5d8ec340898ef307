"""The whole demo stack in one process for the release tests: embedded cloud, counter runtime, store and office
terminals, one window serving every role (as `kiosk demo`), driven by benchmarks/memory_soak.Soak."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def demo_stack(data: Path, language: str = "ja") -> Iterator[Any]:
    from benchmarks.memory_soak import Soak
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.services.office_terminal import OfficeTerminal
    from kiosk.services.store_terminal import StoreTerminal

    app = ensure_qapp()
    backend = DemoBackend.start(data, probe_interval=0.5)
    store = StoreTerminal.demo(backend)
    office = OfficeTerminal.demo(backend)
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    window = create_window(
        app, backend.runtime.services, Config(None, language=language, sound=False), data_dir=data,
        reset_card=backend.runtime.services.auth.reset_card, card_events=relay, engine=backend.runtime.engine,
        credential_label=backend.runtime.credential_label, demo_cards=backend.sample_cards(),
        demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
        terminal_name="デモ窓口端末", sound=lambda name: None, office=office, store=store)
    window.resize(1280, 800)
    window.show()
    soak = Soak(window, backend, store, office)
    try:
        soak.wait(lambda: store.engine.online is True, "store online")
        yield soak
    finally:
        soak.unsubscribe()
        relay.unsubscribe()
        window.sync_relay.detach()
        window.ctx.runner.wait_idle(10000)
        redeem: Any = window.screens.get("store_redeem")
        if redeem is not None:
            redeem.scanners.stop()
            app.removeEventFilter(redeem.wedge)
        window.hide()
        office.stop()
        store.stop()
        backend.stop()
