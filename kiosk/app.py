"""Wiring: build the Qt application and the main window around a terminal runtime (services passed in).

`create_window` is what `kiosk run`, `kiosk demo`, the screenshot command and the UI tests all use.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

import kiosk.ui.qt_boot  # noqa: F401  (first: PySide6 must not read every later module's source)
from kiosk.config import Config
from kiosk.services import Services
from kiosk.ui.context import UiContext
from kiosk.ui.i18n import apply_font, install_language
from kiosk.ui.main_window import MainWindow
from kiosk.ui.ops import OpRunner
from kiosk.ui.outdated_guard import OutdatedGuard
from kiosk.ui.resident_display import ResidentDisplay
from kiosk.ui.session import ActivityFilter, ResidentSession
from kiosk.ui.sound import Sound
from kiosk.ui.theme import apply_theme
from kiosk.ui.widgets.demo_panel import DemoCardPanel


class SyncStatusRelay(QObject):
    """Brings the sync engine's status snapshots (called on its worker thread) to the GUI thread.

    The engine keeps its listeners for its whole life; once this relay is gone (window closed) the listener
    becomes a no-op. The lock makes "still alive?" and the emit one step, so the worker never emits on a
    deleted object."""

    status = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._alive = True

    def attach(self, engine: Any) -> None:
        engine.add_status_listener(self._forward)

    def _forward(self, snapshot: object) -> None:
        with self._lock:
            if self._alive:
                self.status.emit(snapshot)

    def detach(self) -> None:
        with self._lock:
            self._alive = False


class CardEventRelay(QObject):
    """Brings card insert/remove events (called on the card thread) to the GUI thread."""

    card_inserted = Signal()
    card_removed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._alive = True
        self._unsubscribe: Any = None

    def attach(self, card_service: Any) -> None:
        from kiosk.card import events

        def on_event(event: object) -> None:
            with self._lock:
                if not self._alive:
                    return
                if isinstance(event, events.CardInsertedEvent):
                    self.card_inserted.emit()
                elif isinstance(event, events.CardRemovedEvent | events.ReaderRemovedEvent):
                    self.card_removed.emit()

        self._unsubscribe = card_service.subscribe(on_event)

    def unsubscribe(self) -> None:
        with self._lock:
            self._alive = False
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def ensure_qapp(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_SynthesizeMouseForUnhandledTouchEvents, True)
    created = QApplication(list(argv) if argv is not None else sys.argv[:1])
    created.setApplicationName("mykey-kiosk")
    created.setOrganizationName("mykey-kiosk")
    return created


def prepare_app(app: QApplication, config: Config) -> None:
    install_language(app, config.language)
    apply_font(app, config.large_text)
    apply_theme(app)


def create_window(
    app: QApplication,
    services: Services,
    config: Config,
    *,
    data_dir: Path,
    reset_card: Callable[[], None] = lambda: None,
    card_events: QObject | None = None,
    engine: Any = None,
    credential_label: str | None = None,
    demo_cards: Sequence[Any] = (),
    demo_pins: tuple[str, str] | None = None,
    demo_insert: Callable[[str], None] | None = None,
    demo_remove: Callable[[], None] | None = None,
    start: str = "roles",
    terminal_name: str = "",
    sound: Callable[[str], None] | None = None,
    status_refresh_ms: int = 2000,
    role: str = "counter",
    admin_pin: Any = None,
    store: Any = None,
    office: Any = None,
    admin: Any = None,
) -> MainWindow:
    prepare_app(app, config)
    demo = demo_insert is not None
    session = ResidentSession(config.idle_timeout_s, reset_card)
    runner = OpRunner(lambda: session.generation)
    display = ResidentDisplay(session) if config.resident_display else None
    from kiosk.services.admin_pin import for_terminal

    ctx = UiContext(services=services, session=session, runner=runner,
                    sound=sound or Sound(config.sound), demo=demo, data_dir=data_dir, terminal_name=terminal_name,
                    resident_display=display, admin_pin=admin_pin or for_terminal(data_dir, demo), store=store,
                    office=office, admin=admin)
    panel = None
    if demo_insert is not None and demo_remove is not None:
        panel = DemoCardPanel(demo_cards, demo_insert, demo_remove, demo_pins)
    def close_display() -> None:
        if display is not None:
            display.close()

    window = MainWindow(ctx, config, start=start, side_panel=panel, on_close=close_display, role=role)
    if display is not None:
        # owned by the main window (a separate top-level window all the same): destroyed with it, on this thread
        display.setParent(window, display.windowFlags() | Qt.WindowType.Window)
        display.place()
    session.setParent(window)
    runner.setParent(window)
    activity = ActivityFilter(session)
    app.installEventFilter(activity)
    window.destroyed.connect(lambda: app.removeEventFilter(activity))
    if card_events is not None:
        # owned by the window: never left to Python's garbage collector, which may run on a card or sync thread
        card_events.setParent(window)
        card_events.card_inserted.connect(lambda *_: session.set_card_present(True))  # type: ignore[attr-defined]
        card_events.card_removed.connect(lambda *_: session.set_card_present(False))  # type: ignore[attr-defined]
    if credential_label:
        window.status.set_keyring_label(credential_label)
    guard = OutdatedGuard(window)
    window.outdated_guard = guard
    if engine is not None:
        def show(s: Any) -> None:
            last = s.last_sync_at.astimezone().strftime("%H:%M:%S") if s.last_sync_at else ""
            window.status.set_sync_status(s.online, s.queue_length, last)
            guard.check()  # a health answer may have raised the cloud's minimum version

        relay = SyncStatusRelay(window)
        relay.status.connect(show)
        relay.attach(engine)
        window.destroyed.connect(lambda *_: relay.detach())
        # the engine reports changes; a slow refresh off the GUI thread keeps queue length and last sync current
        poller = OpRunner(parent=window)
        timer = QTimer(window)
        timer.setInterval(status_refresh_ms)
        timer.timeout.connect(lambda: poller.active_count() or poller.run(engine.status, show))
        timer.start()
        window.sync_relay = relay

    def apply_settings() -> None:
        changed = app.property("kiosk_language") != config.language
        install_language(app, config.language)
        apply_font(app, config.large_text)
        session.set_idle_timeout(config.idle_timeout_s)
        if isinstance(ctx.sound, Sound):
            ctx.sound.enabled = config.sound
        if changed:
            window.retranslate()

    window.settings_saved.connect(apply_settings)
    return window
