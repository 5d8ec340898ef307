"""`kiosk self-test`: the terminal checks itself where it is installed (a PyInstaller bundle, a .deb, a checkout).

It runs the whole demo system on a fresh temporary data directory (embedded cloud, simulated reader, the counter,
shop, office and administration terminals), logs the demo clerk in, then opens every screen of the window in turn
and paints it into memory (nothing is written), and checks the pieces a bundle most often loses: the resources
(theme, Japanese translation, sounds, code list), the Japanese font for documents, a PDF drawn with it, and the QR
writer and reader (zxing-cpp) on a voucher-sized code. Every problem is printed; the exit code is 0 only when
there is none. A light walk, not the screenshot scenarios: about ten seconds.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication


class Report:
    def __init__(self, out: Any = None) -> None:
        self.out = out or sys.stdout
        self.problems: list[str] = []
        self.checked = 0

    def ok(self, what: str) -> None:
        self.checked += 1
        print(f"ok    {what}", file=self.out, flush=True)

    def fail(self, what: str, why: str) -> None:
        self.checked += 1
        self.problems.append(f"{what}: {why}")
        print(f"FAIL  {what}: {why}", file=self.out, flush=True)

    def check(self, what: str, fn: Callable[[], object]) -> Any:
        try:
            result = fn()
        except Exception as exc:  # every failure is reported, then the next check runs
            self.fail(what, f"{type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
            return None
        self.ok(what if result in (None, True) else f"{what}: {result}")
        return result


@contextlib.contextmanager
def _capture_slot_errors(report: Report, where: Callable[[], str]) -> Iterator[None]:
    """An exception raised in a Qt slot goes to sys.excepthook; count it as a failure of the current screen."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        report.fail(where(), f"{kind.__name__} in a slot: {value}")
        traceback.print_exception(kind, value, tb, file=sys.stderr)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _wait(cond: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return True


def _idle(window: Any, timeout_ms: int = 15000) -> None:
    for screen in window.screens.values():
        runner = getattr(screen, "runner", None)
        if runner is not None and runner is not window.ctx.runner:
            runner.wait_idle(timeout_ms)
    window.ctx.runner.wait_idle(timeout_ms)
    _settle()


def check_resources(report: Report) -> None:
    from kiosk import resources

    def complete() -> str:
        missing = resources.missing()
        if missing:
            raise FileNotFoundError(f"missing under {resources.root()}: {', '.join(missing)}")
        return str(resources.root())

    report.check("resources", complete)

    def code_list() -> str:
        from kiosk.card.municipality.codes import load_code_list

        return f"{len(load_code_list().municipalities)} municipalities"

    report.check("municipality code list", code_list)


def check_documents(report: Report) -> None:
    def pdf() -> str:
        import io

        from reportlab.pdfgen.canvas import Canvas

        from kiosk.printing.fonts import font_path, register_pdf_font

        buffer = io.BytesIO()
        canvas = Canvas(buffer)
        canvas.setFont(register_pdf_font(), 12)
        canvas.drawString(72, 720, "マイキー端末 自己診断")
        canvas.save()
        if not buffer.getvalue().startswith(b"%PDF"):
            raise ValueError("not a PDF")
        return f"{font_path().name}, {len(buffer.getvalue())} bytes"

    report.check("Japanese PDF (IPAex Gothic)", pdf)

    def qr_round_trip() -> str:
        import numpy as np

        from kiosk.printing.qr import matrix_image, qr_matrix
        from kiosk.scan.decode import decode_qr

        text = "MYKEYSELFTEST234567" * 7  # 133 characters of A-Z2-7, about a voucher code's size
        image = np.asarray(matrix_image(qr_matrix(text), 4).convert("L"))
        found = [code.text for code in decode_qr(image)]
        if found != [text]:
            raise ValueError(f"read back {found!r}")
        return "zxing-cpp writes and reads a voucher-sized QR"

    report.check("QR writer and reader", qr_round_trip)


def walk_screens(report: Report, window: Any, backend: Any) -> None:
    """Log the demo clerk in, then enter and paint every screen."""
    current = ["login"]
    with _capture_slot_errors(report, lambda: f"screen {current[0]}"):
        window.go("role:counter")
        code, password = backend.staff_login()
        window.login.code.setText(code)
        window.login.password.setText(password)
        window.login._login()
        if _wait(lambda: window.current().name == "counter_home", 30):
            report.ok("demo clerk logged in")
        else:
            report.fail("demo clerk login", f"still on {window.current().name}")
        for name in list(window.screens):
            current[0] = name
            try:
                window.go(name)
                _idle(window)
                pixmap = window.grab()  # painted into memory, never saved
                shown = window.current().name
                if pixmap.isNull():
                    report.fail(f"screen {name}", "nothing painted")
                else:  # a screen may lead on to another one (e.g. a section of a bigger screen): say which
                    report.ok(f"screen {name}" if shown == name else f"screen {name} (shows {shown})")
            except Exception as exc:
                report.fail(f"screen {name}", f"{type(exc).__name__}: {exc}")
                traceback.print_exc(file=sys.stderr)
        window.go("roles")
        _idle(window)



def run(language: str = "ja", out: Any = None) -> int:
    """The whole self-test; returns the exit code."""
    from kiosk import __version__
    from kiosk import resources as res

    report = Report(out)
    started = time.monotonic()
    print(f"kiosk {__version__} self-test ({'bundle' if res.frozen() else 'source'}, "
          f"Qt platform {QCoreApplication.instance() and QCoreApplication.instance().platformName()})",  # type: ignore[union-attr]
          file=report.out, flush=True)
    check_resources(report)
    check_documents(report)
    report.check("every screen, in demo mode", lambda: _window_walk(report, language))
    took = time.monotonic() - started
    verdict = "passed" if not report.problems else f"FAILED ({len(report.problems)} problem(s))"
    print(f"self-test {verdict}: {report.checked} checks in {took:.1f} s", file=report.out, flush=True)
    return 0 if not report.problems else 1


def _window_walk(report: Report, language: str) -> str:
    """Start the demo system on a temporary directory, build the window with every role and walk it."""
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config
    from kiosk.services.admin_terminal import AdminTerminal
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.services.office_terminal import OfficeTerminal
    from kiosk.services.store_terminal import StoreTerminal

    app = ensure_qapp()
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as tmp:
        backend = DemoBackend.start(Path(tmp), probe_interval=0.5)
        report.ok("demo system started (embedded cloud, simulated reader, terminal store)")
        terminals: list[Any] = []
        try:
            office = OfficeTerminal.demo(backend)
            terminals.append(office)
            store = StoreTerminal.demo(backend)
            terminals.append(store)
            admin = AdminTerminal.demo(backend)
            terminals.append(admin)
            relay = CardEventRelay()
            relay.attach(backend.runtime.card_service)
            config = Config(None, language=language, sound=False)
            window = create_window(
                app, backend.runtime.services, config, data_dir=Path(tmp),
                reset_card=backend.runtime.services.auth.reset_card, card_events=relay,
                engine=backend.runtime.engine, credential_label=backend.runtime.credential_label,
                demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(),
                demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
                terminal_name="自己診断", sound=lambda name: None, office=office, store=store, admin=admin)
            window.resize(1280, 800)
            window.show()
            _settle()
            translated = QCoreApplication.translate("RoleChooser", "Choose the terminal's role")
            try:
                walk_screens(report, window, backend)
            finally:
                relay.unsubscribe()
                window.sync_relay.detach()
                _idle(window, 10000)
                window.hide()
        finally:
            for terminal in terminals:
                terminal.stop()
            backend.stop()
    if language == "ja" and translated == "Choose the terminal's role":
        raise LookupError("the role chooser's title is not translated into Japanese")
    return f"{len(window.screens)} screens, title {translated!r}"
