"""What every role's screenshot driver shares (`kiosk screenshots`: the counter, the shop, the office, the
administration): the window sizes, a fresh copy of the demo data per size, the real main window on the demo stack,
waiting for a screen state, saving numbered PNGs under OUT/<w>x<h>/, PDF pages as PNGs, closing the window on the
GUI thread, and the `python -m kiosk.ui.<role>.screenshots OUT [ja|en]` entry point.

A role's module subclasses `ShotDriver` (its file prefix, what its timeouts say, how long it lets Qt settle) and
drives its scenario; `open_window` and `run_scenario` (which closes the window) run each size, `demo_copy` starts the demo stack on
a copy."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

SIZES = ((1280, 800), (1920, 1080))


class ShotDriver:
    """Drives one window at one size and saves what it shows as OUT/<w>x<h>/<prefix><NN>-<name>.png."""

    prefix = ""  # "office-" → office-01-login.png
    what = "screen"  # the timeout says "<what> state not reached"
    home = ""  # the role's home screen, whose tiles `task` clicks
    settle_rounds = 5
    settle_pause = 0.01

    def __init__(self, window: Any, backend: Any, out: Path, size: tuple[int, int]) -> None:
        self.w, self.backend, self.out, self.size = window, backend, out, size
        self.count = 0
        self.paths: list[Path] = []

    def settle(self, rounds: int | None = None) -> None:
        for _ in range(self.settle_rounds if rounds is None else rounds):
            QCoreApplication.processEvents()
            time.sleep(self.settle_pause)

    def wait(self, cond: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.what} state not reached (shot {self.count + 1}{self.detail()})")
            time.sleep(0.01)
        self.settle()

    def detail(self) -> str:
        """More for a timeout's message (the screen showing, its result), after the shot number."""
        return ""

    def file(self, name: str) -> Path:
        w, h = self.size
        return self.out / f"{w}x{h}" / name

    def save(self, widget: QWidget, name: str) -> None:
        """The next numbered shot of `widget` (the window, or a second top-level window such as the resident's)."""
        self.count += 1
        path = self.file(f"{self.prefix}{self.count:02d}-{name}.png")
        path.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(path))
        self.paths.append(path)

    def shot(self, name: str) -> None:
        self.settle()
        self.save(self.w, name)

    def task(self, target: str) -> Any:
        """Open a task from the role's home by its tile, as the clerk does."""
        self.w.go(self.home)
        self.settle()
        self.w.screens[self.home].tiles[target].click()
        screen = self.w.current()
        self.entered(screen)
        return screen

    def entered(self, screen: Any) -> None:
        """Let a task screen just opened finish what it loads."""
        self.settle()

    def lift(self) -> None:
        self.backend.reader.remove()
        self.wait(lambda: not self.w.session.card_present)

    def pdf_pages(self, pdf: Path, name: str, pages: int = 2) -> None:
        """The first `pages` pages of a PDF the terminal printed, as <prefix>pdf-<name>-<n>.png."""
        from kiosk.printing.pages import iter_pdf_pages

        for index, image in enumerate(iter_pdf_pages(pdf, dpi=110)):
            path = self.file(f"{self.prefix}pdf-{name}-{index + 1}.png")
            image.save(str(path))
            self.paths.append(path)
            if index >= pages - 1:
                break


def make_template(tmp: Path) -> Path:
    """The demo data directory every size copies (`kiosk init-demo` once)."""
    from kiosk.services.demo_backend import DemoBackend

    template = tmp / "template"
    DemoBackend.start(template).stop()
    return template


@contextmanager
def demo_copy(template: Path, copy: Path) -> Iterator[Any]:
    """The demo stack (embedded cloud, simulated reader, terminal runtime) on a fresh copy of `template` (the Qt
    application made first)."""
    from kiosk.app import ensure_qapp
    from kiosk.services.demo_backend import DemoBackend

    ensure_qapp()
    shutil.copytree(template, copy)
    backend = DemoBackend.start(copy, probe_interval=0.5)
    try:
        yield backend
    finally:
        backend.stop()


def open_window(backend: Any, data_dir: Path, language: str, size: tuple[int, int], terminal_name: str, *,
                engine: Any = None, go: str | None = None, **role: Any) -> tuple[Any, Any]:
    """The real main window on the demo stack at `size`, shown (on `go`'s screen if given), and its card relay.
    `role` is create_window's role wiring (role="office", office=terminal)."""
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config

    config = Config(None, language=language, sound=False)
    relay = CardEventRelay()
    relay.attach(backend.runtime.card_service)
    window = create_window(
        ensure_qapp(), backend.runtime.services, config, data_dir=data_dir,
        reset_card=backend.runtime.services.auth.reset_card, card_events=relay,
        engine=backend.runtime.engine if engine is None else engine, credential_label=backend.runtime.credential_label,
        demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert,
        demo_remove=backend.reader.remove, terminal_name=terminal_name, sound=lambda name: None, **role)
    window.resize(*size)
    window.show()
    if go is not None:
        window.go(go)
    return window, relay


def close_window(window: Any, relay: Any, *, screen_runners: bool = True,
                 before_close: Callable[[Any], None] | None = None) -> None:
    """Stop the card events, let every operation finish (each screen's own runner too unless told not to), run
    `before_close` (stop scanners, event filters), then close and delete the window here, on the GUI thread."""
    relay.unsubscribe()
    window.sync_relay.detach()
    if screen_runners:
        for screen in window.screens.values():
            runner = getattr(screen, "runner", None)
            if runner is not None:
                runner.wait_idle(10000)
    window.ctx.runner.wait_idle(10000)
    if before_close is not None:
        before_close(window)
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def run_scenario(driver: ShotDriver, relay: Any, scenario: Callable[[Any], None], **close: Any) -> list[Path]:
    """`scenario(driver)`, then the window closed whatever happened (`close`: close_window's options); the shots."""
    try:
        scenario(driver)
    finally:
        close_window(driver.w, relay, **close)
    return driver.paths


def main_for(render: Callable[[Path, Path, Path, str], list[Path]], name: str) -> None:
    """`python -m kiosk.ui.<role>.screenshots OUT [ja|en]`: one role's shots, on a demo data made for the run."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix=f"kiosk-{name}-shots-") as tmp:
        template = make_template(Path(tmp))
        for path in render(out, template, Path(tmp), sys.argv[2] if len(sys.argv) > 2 else "ja"):
            print(path)
