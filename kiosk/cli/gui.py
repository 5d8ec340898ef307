"""`kiosk run` (the configured terminal; also `kiosk` alone), `kiosk demo`, `kiosk screenshots --out DIR`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    run = subparsers.add_parser("run", help="run the terminal as configured")
    run.add_argument("--data-dir", type=Path, default=None, help="terminal data directory")
    run.set_defaults(func=cmd_run)
    demo = subparsers.add_parser("demo", help="run the whole system on this machine with sample cards")
    demo.add_argument("--data-dir", type=Path, default=None, help="demo data directory (default: ~/.local/share/mykey-kiosk/demo)")
    demo.add_argument("--language", choices=("ja", "en", "pseudo"), default=None,
                      help="pseudo: English stretched and bracketed, to find clipped or untranslated text")
    demo.add_argument("--reset", action="store_true", help="start again from fresh demo data")
    demo.add_argument("--quit-after", type=float, default=None, help=argparse.SUPPRESS)  # smoke tests
    demo.set_defaults(func=cmd_demo)
    shots = subparsers.add_parser("screenshots", help="render every screen in Japanese to PNG files")
    shots.add_argument("--out", type=Path, required=True)
    shots.add_argument("--language", choices=("ja", "en", "pseudo"), default="ja")
    shots.add_argument("--data-dir", type=Path, default=None, help="demo data dir (default: a fresh temporary one)")
    shots.set_defaults(func=cmd_screenshots)


def _quit_on_ctrl_c(app: Any) -> None:
    """Ctrl+C in the terminal closes the window cleanly (Qt's loop would otherwise swallow the signal)."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)  # let the Python interpreter run its signal handlers
    timer.start(250)


def _show(window: Any, config: Any) -> None:
    """Kiosk mode (full screen, frameless, left only with the administrator PIN) or a 1280×800 window, as the
    setting says; the start-up marker for benchmarks/cold_start.py when KIOSK_STARTUP_MARKER is set."""
    from kiosk.ui import kiosk_mode
    from kiosk.ui.startup import phase, report_first_screen

    phase("window")
    report_first_screen(window)
    kiosk_mode.show(window, config)


def _exit_after(code: int) -> int:
    """The services have stopped: leave without Qt's destructors (see kiosk/ui/teardown.py)."""
    from kiosk.ui.teardown import exit_now

    exit_now(code)


def cmd_demo(args: argparse.Namespace) -> int:
    return _exit_after(_demo(args))


def _demo(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer

    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config, demo_data_dir
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.ui.startup import phase

    phase("imports")
    data_dir = args.data_dir or demo_data_dir()
    if args.reset and (data_dir / "demo-info.json").exists():
        import shutil

        shutil.rmtree(data_dir)  # only a directory that holds demo data
    config = Config(data_dir / "settings.json")
    if args.language:
        config.set("language", _language(args.language))
    from kiosk.logs import setup_logging

    print(f"demo data: {data_dir}; log: {setup_logging(data_dir)}", file=sys.stderr)  # issue 13
    app = ensure_qapp()
    backend = DemoBackend.start(data_dir)
    phase("backend")
    office = store = admin = None
    try:
        outdated = _outdated(backend.runtime.client)  # the cloud's min_terminal_version (issue 13)
        if outdated is not None:
            from kiosk.ui.update_required import refuse_to_run

            return refuse_to_run(app, outdated, config.language, args.quit_after)
        from kiosk.services.office_terminal import OfficeTerminal

        office = OfficeTerminal.demo(backend)  # the office role beside the counter (issue 11)
        from kiosk.services.admin_terminal import AdminTerminal

        admin = AdminTerminal.demo(backend)  # the administration beside the counter (issue 12)
        from kiosk.services.store_terminal import StoreTerminal

        store = StoreTerminal.demo(backend)  # the shop role beside the counter (issue 10)
        phase("terminals")
        relay = CardEventRelay()
        relay.attach(backend.runtime.card_service)
        reader = backend.reader
        window = create_window(
            app, backend.runtime.services, config, data_dir=data_dir,
            reset_card=backend.runtime.services.auth.reset_card, card_events=relay, engine=backend.runtime.engine,
            credential_label=backend.runtime.credential_label, demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(),
            demo_insert=reader.insert, demo_remove=reader.remove, terminal_name="デモ窓口端末", office=office,
            store=store, admin=admin)
        code, password = backend.staff_login()
        window.login.code.setText(code)
        window.login.password.setPlaceholderText(f"demo: {password}")
        _show(window, config)
        if args.quit_after is not None:
            QTimer.singleShot(int(args.quit_after * 1000), app.quit)
        _quit_on_ctrl_c(app)
        return int(app.exec())
    finally:
        _stop(office, store, admin, backend)


def _language(choice: str) -> str:
    """The settings' language for a --language choice; "pseudo" is English shown through the pseudo translator."""
    if choice == "pseudo":
        os.environ["KIOSK_LANGUAGE"] = "pseudo"  # kiosk.ui.i18n.install_language
        return "en"
    return choice


def _outdated(client: Any) -> Any:
    """A TerminalOutdated when the cloud serves only newer terminals, else None (also when it cannot be reached)."""
    from kiosk.version import TerminalOutdated, check

    state = check(client)
    return TerminalOutdated(state.terminal, str(state.minimum)) if state.outdated else None


def cmd_run(args: argparse.Namespace) -> int:
    return _exit_after(_run(args))


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config, default_data_dir
    from kiosk.services.demo_backend import default_card_service
    from kiosk.services.runtime import TerminalRuntime
    from kiosk.sync.credentials import CredentialStore
    from kiosk.ui.startup import phase

    phase("imports")
    data_dir = args.data_dir or default_data_dir()
    config = Config(data_dir / "settings.json")
    from kiosk.logs import setup_logging
    from kiosk.sync import tls

    setup_logging(data_dir)  # <data>/logs/kiosk.log, JSON lines, redacted, rotated (issue 13)
    tls.configure(config.cloud_tls_pins, config.cloud_ca_file)  # system trust store, optional pins (issue 13)
    credentials = CredentialStore()
    saved = credentials.load() if credentials.usable else None
    if saved is None:
        print("この端末はまだ登録されていません。`kiosk sync enrol` で登録するか、`kiosk demo` をお試しください。\n"
              "This terminal is not enrolled yet: enrol it (kiosk sync enrol) or try `kiosk demo`.", file=sys.stderr)
        return 2
    from kiosk.card.backend import create_backend

    if config.card_backend == "simulated":
        print("simulated card backend: use `kiosk demo`", file=sys.stderr)
        return 2
    card_service = default_card_service(create_backend(config.card_backend))
    runtime = TerminalRuntime.start(data_dir / "terminal", config.cloud_url or saved.cloud_url, saved.token,
                                    saved.role, card_service)
    phase("runtime")
    app = ensure_qapp()
    office = store = admin = None
    try:
        outdated = _outdated(runtime.client)  # the cloud's min_terminal_version (issue 13)
        if outdated is not None:
            from kiosk.ui.update_required import refuse_to_run

            return refuse_to_run(app, outdated, config.language)
        if saved.role == "store":  # issue 10: the shop's store desk with this terminal's credentials
            from kiosk.services.store_terminal import StoreTerminal

            store = StoreTerminal.start(data_dir / "store", config.cloud_url or saved.cloud_url, saved, card_service,
                                        printer=os.environ.get("KIOSK_RECEIPT_PRINTER"))  # host[:port] | /dev/usb/lp0
        if saved.role == "office":  # issue 11: the office's own connection (online only)
            from kiosk.services.office_terminal import OfficeTerminal

            office = OfficeTerminal.start(data_dir / "office", config.cloud_url or saved.cloud_url, saved,
                                          card_service)
        if saved.role == "admin":  # issue 12: the administration's own connection (online only)
            from kiosk.services.admin_terminal import AdminTerminal

            admin = AdminTerminal.start(data_dir / "admin", config.cloud_url or saved.cloud_url, saved,
                                        card_service)  # a supporter's card for a support event
        relay = CardEventRelay()
        relay.attach(card_service)
        window = create_window(app, runtime.services, config, data_dir=data_dir,
                               reset_card=runtime.services.auth.reset_card, card_events=relay,
                               engine=runtime.engine, terminal_name=saved.name or "",
                               start="store_home" if store is not None else "login",  # a shop has no clerk login
                               role=saved.role, office=office, store=store, admin=admin)
        _show(window, config)
        _quit_on_ctrl_c(app)
        return int(app.exec())
    finally:
        _stop(office, store, admin, runtime)


def _stop(*parts: Any) -> None:
    """Stop the role terminals, then the runtime or demo backend under them (those that were started)."""
    for part in parts:
        if part is not None:
            part.stop()


def cmd_screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.screenshots import render_all

    paths = render_all(args.out, language=_language(args.language), data_dir=args.data_dir)
    for path in paths:
        print(path)
    return _exit_after(0)
