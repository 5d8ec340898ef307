"""The shop's screens for `kiosk screenshots`: every new screen state at 1280×800, 1920×1080 and 800×1280 (a
10-inch tablet held upright), driven through the real demo stack — the embedded cloud, a store terminal enrolled
beside the demo counter, the simulated card reader, vouchers issued by the demo office."""

from __future__ import annotations

import gc
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

SIZES = ((1280, 800), (1920, 1080), (800, 1280))


class ShopDriver:
    def __init__(self, window: Any, backend: Any, terminal: Any, out: Path, size: tuple[int, int]) -> None:
        self.w, self.backend, self.terminal, self.out, self.size = window, backend, terminal, out, size
        self.count = 0
        self.paths: list[Path] = []

    def wait(self, cond: Callable[[], bool], timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                current = self.w.current()
                raise TimeoutError(f"shop screen state not reached (shot {self.count + 1}: {current.name}, "
                                   f"{getattr(current, 'state', '')}, {current.result_panel.text()!r})")
            time.sleep(0.01)
        self.settle()

    def settle(self) -> None:
        for _ in range(8):
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def shot(self, name: str) -> None:
        self.settle()
        self.count += 1
        w, h = self.size
        path = self.out / f"{w}x{h}" / f"shop-{self.count:02d}-{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.w.grab().save(str(path))
        self.paths.append(path)

    def screen(self, name: str) -> Any:
        self.w.go(name)
        self.settle()
        return self.w.current()

    def lift(self) -> None:
        """Remove the card and give the card thread time to notice (the session may be wiped already)."""
        self.backend.reader.remove()
        self.wait(lambda: not self.w.session.card_present)
        deadline = time.monotonic() + 0.6
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def pin(self, pay: Any, value: str = "1234") -> None:
        self.wait(lambda: pay.state == "pin")
        for digit in value:
            pay.pinpad.press(digit)
        pay.pinpad.submit()


def _scenario(d: ShopDriver, office: Any) -> None:
    from datetime import UTC, datetime, timedelta

    from kiosk.services.store_demo import set_lot_expiry

    backend = d.backend
    # demo data: some of 鈴木 花子's points expire in 12 days (shown on the resident's side before paying)
    set_lot_expiry(backend, backend.info["residents"]["suzuki"], datetime.now(UTC) + timedelta(days=12))
    home = d.screen("store_home")
    d.shot("home")
    pay = d.screen("store_pay")
    d.shot("pay-amount-empty")
    for key in "500":
        pay.pad.press(key)
    d.shot("pay-amount")
    pay.next_button.click()
    d.shot("pay-card")
    backend.reader.insert("yamada")
    d.wait(lambda: pay.state == "pin")
    pay.pinpad.press("1")
    d.shot("pay-pin")
    pay.pinpad.clear()
    d.pin(pay)
    d.wait(lambda: pay.state == "confirm")
    d.shot("pay-balance")
    pay.statement.pay.click()
    d.wait(lambda: pay.result_shown())
    d.shot("pay-paid")
    pay.next_customer()
    d.lift()
    for key in "3000":
        pay.pad.press(key)
    pay.next_button.click()
    backend.reader.insert("ito")
    d.pin(pay)
    d.wait(lambda: pay.state == "short")
    d.shot("pay-not-enough")
    pay.next_customer()
    d.lift()
    for key in "200":
        pay.pad.press(key)
    pay.next_button.click()
    backend.reader.insert("suzuki")
    d.wait(lambda: pay.state == "pin")
    pay.pinpad.press("9")
    pay.pinpad.press("9")
    pay.pinpad.press("9")
    pay.pinpad.press("9")
    pay.pinpad.submit()
    d.wait(lambda: pay.state == "pin" and bool(pay.pinpad.notice.text()))
    d.shot("pay-wrong-pin")
    d.pin(pay)
    d.wait(lambda: pay.state == "confirm")
    d.shot("pay-balance-expiring")
    pay.statement.pay.click()
    d.wait(lambda: pay.result_shown())
    d.lift()
    pay.next_customer()
    backend.reader.insert("sato")
    for key in "100":
        pay.pad.press(key)
    pay.next_button.click()
    d.pin(pay)
    d.wait(lambda: pay.result_shown())
    d.shot("pay-card-revoked")
    d.lift()
    pay.next_customer()

    redeem = d.screen("store_redeem")
    d.shot("voucher-scan")
    vouchers = office.issue("suzuki", 500, 2)
    redeem.on_scan(vouchers[0]["code"])
    d.wait(lambda: redeem.preview is not None)
    d.shot("voucher-check")
    redeem.redeem()
    d.wait(lambda: redeem.result_shown())
    d.shot("voucher-redeemed")
    redeem.result_panel._timer.stop()
    redeem.next_scan()
    redeem.on_scan(vouchers[0]["code"])
    d.wait(lambda: redeem.result_shown())
    d.shot("voucher-used-here")
    redeem.next_scan()
    code = vouchers[1]["code"]
    forged = code[:40] + ("A" if code[40] != "A" else "B") + code[41:]
    redeem.on_scan(forged)
    d.wait(lambda: redeem.result_shown())
    d.shot("voucher-forged")
    redeem.next_scan()

    recent = d.screen("store_recent")
    d.wait(lambda: recent.tiles.count() > 0)
    d.shot("recent")
    row = next(i for i in range(recent.tiles.count()) if recent.tiles.data(i).reversible)
    recent.tiles.setCurrentRow(row)
    recent.reverse_button.click()
    recent.reasons.setCurrentRow(0)
    d.shot("reverse-reason")
    recent.confirm.click()
    d.wait(lambda: recent.result_shown())
    d.shot("reversed")

    dayend = d.screen("store_dayend")
    d.wait(lambda: dayend.settlement is not None)
    d.shot("dayend")

    backend.cloud.stop()
    terminal = d.terminal
    terminal.engine.wake()
    d.wait(lambda: terminal.engine.online is False, timeout=30)
    home = d.screen("store_home")
    home.refresh_connection()
    d.shot("home-offline")
    pay = d.screen("store_pay")
    for key in "300":
        pay.pad.press(key)
    pay.next_button.click()
    backend.reader.insert("takahashi")
    d.pin(pay)
    d.wait(lambda: pay.state == "confirm")
    d.shot("pay-offline-allowance")
    pay.statement.pay.click()
    d.wait(lambda: pay.result_shown())
    d.shot("pay-offline-pending")
    d.lift()
    pay.next_customer()


def render_shop(out: Path, template: Path, tmp: Path, language: str = "ja") -> list[Path]:
    """Shots of the shop's screens at the three sizes, each on its own copy of the demo data `template`."""
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.services.store_demo import DemoOffice
    from kiosk.services.store_terminal import StoreTerminal

    app = ensure_qapp()
    paths: list[Path] = []
    for size in SIZES:
        copy = tmp / f"shop-{size[0]}x{size[1]}"
        shutil.copytree(template, copy)
        backend = DemoBackend.start(copy, probe_interval=0.5)
        terminal = StoreTerminal.demo(backend, answer_wait=3.0, probe_interval=0.3)
        office = DemoOffice(backend)
        try:
            config = Config(None, language=language, sound=False)
            relay = CardEventRelay()
            relay.attach(backend.runtime.card_service)
            window = create_window(
                app, backend.runtime.services, config, data_dir=copy, reset_card=backend.runtime.services.auth.reset_card,
                card_events=relay, engine=terminal.engine, credential_label=backend.runtime.credential_label,
                demo_cards=backend.sample_cards(), demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert,
                demo_remove=backend.reader.remove, terminal_name="デモ店舗端末", sound=lambda name: None, role="store",
                store=terminal)
            window.resize(*size)
            window.show()
            driver = ShopDriver(window, backend, terminal, out, size)
            shots = driver.paths
            try:
                engine = terminal.engine
                driver.wait(lambda: engine.online is True)  # noqa: B023 (called here, in this loop)
                _scenario(driver, office)
            finally:
                relay.unsubscribe()
                window.sync_relay.detach()
                for screen in window.screens.values():
                    runner = getattr(screen, "runner", None)
                    if runner is not None:
                        runner.wait_idle(10000)
                window.ctx.runner.wait_idle(10000)
                redeem: Any = window.screens.get("store_redeem")
                if redeem is not None:  # the scanners and the app-wide wedge filter go first
                    redeem.scanners.stop()
                    app.removeEventFilter(redeem.wedge)
                window.close()
                window.deleteLater()
                QApplication.processEvents()
                # destroy the window here, on the GUI thread, and collect its reference cycles here too: Python's
                # collector may otherwise run on a server or sync thread and destroy a Qt object there
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
                del window, driver, redeem, relay
                gc.collect()
            paths += shots
        finally:
            office.close()
            terminal.stop()
            backend.stop()
    return paths


def main() -> None:  # python -m kiosk.ui.store.screenshots OUT [ja|en]
    import os
    import sys
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.services.demo_backend import DemoBackend

    out = Path(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="kiosk-shop-shots-") as tmp:
        template = Path(tmp) / "template"
        DemoBackend.start(template).stop()
        for path in render_shop(out, template, Path(tmp), sys.argv[2] if len(sys.argv) > 2 else "ja"):
            print(path)


if __name__ == "__main__":
    main()
