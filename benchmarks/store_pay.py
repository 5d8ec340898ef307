"""The shop's card payment, measured on the real screens (offscreen Qt) with the software card behind the real
pcscd + vpcd (or the in-process simulated reader) and the real embedded cloud (uvicorn, SQLite, demo municipality).

    .venv/bin/python -m benchmarks.store_pay [--iterations 20] [--backend pcsc|simulated]

- tap → PIN pad: the card placed (vpcd connects) → the resident's PIN pad on screen (card detected, PIN tries read);
- PIN → balance: the PIN entered → the balance and the statement on the resident's side (card: certificate, PIN,
  signature; cloud: challenge, verify, balances) — "card tap to balance on screen" is the sum of the two (the
  resident's typing aside);
- PIN → paid: PIN → balance, plus the resident's Pay tapped → the paid result on screen (the payment statement
  signed on the same visit and the payment through the outbox and the cloud); the resident's reading time between
  the two is left out — target under 500 ms online.
"Our share" = the time minus the card's own APDU time minus the time inside the cloud's HTTP calls (and, to the
balance, minus the reader stack noticing the card: pcscd + vpcd + the card service's 20 ms poll, shown apart).
Needs pcscd and vsmartcard-vpcd for `pcsc` (started here if none runs; root). Writes benchmarks/results/store_pay.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULTS = Path(__file__).with_name("results") / "store_pay.json"
READER = "Virtual PCD 00 00"
RESIDENTS = ("yamada", "suzuki", "takahashi", "ito")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class CloudTimer:
    """Wraps the store's cloud client: seconds spent inside its HTTP calls (the cloud's share)."""

    def __init__(self, client: Any) -> None:
        self.seconds = 0.0
        for name in ("auth_challenge", "auth_verify", "balances", "sync"):
            real = getattr(client, name)
            setattr(client, name, self._timed(real))

    def _timed(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                self.seconds += time.perf_counter() - t
        return call


def wait(cond: Callable[[], bool], timeout: float = 20.0) -> float:
    from PySide6.QtCore import QCoreApplication

    deadline = time.perf_counter() + timeout
    while not cond():
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("state not reached")
        time.sleep(0.0005)
    return time.perf_counter()


def run(backend_name: str, iterations: int) -> dict[str, Any]:
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.card.service import CardService
    from kiosk.config import Config
    from kiosk.demo import ensure_demo_pki
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.services.store_terminal import StoreTerminal

    pcscd = None
    current: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="store-pay-bench-") as tmp:
        if backend_name == "pcsc":
            from benchmarks.card_auth import ensure_pcscd
            from kiosk.card.backends.pcsc import PcscBackend

            pcscd = ensure_pcscd()

            def factory(_simulated: Any) -> Any:
                service = CardService(PcscBackend(), poll_interval=0.02, reader=READER)
                service.start()
                return service
        else:
            factory = None  # type: ignore[assignment]
        demo = DemoBackend.start(Path(tmp) / "demo", probe_interval=0.5, card_service_factory=factory)
        terminal = StoreTerminal.demo(demo, answer_wait=5.0, probe_interval=0.5)
        timer = CloudTimer(terminal.client)
        card = demo.runtime.card_service
        pki = ensure_demo_pki(demo.info["pki_dir"])

        def place(key: str) -> None:
            if backend_name == "pcsc":
                from kiosk.card.softcard.card import SoftCard
                from kiosk.card.softcard.vpcd import VpcdCard

                current.append(VpcdCard(SoftCard(pki.resident(key), pki.ca_cert_der)).start())
            else:
                demo.reader.insert(key)

        def remove() -> None:
            if backend_name == "pcsc":
                current.pop().stop()
            else:
                demo.reader.remove()

        app = ensure_qapp()
        config = Config(None, language="ja", sound=False)
        relay = CardEventRelay()
        relay.attach(card)
        window = create_window(app, demo.runtime.services, config, data_dir=Path(tmp), card_events=relay,
                               reset_card=demo.runtime.services.auth.reset_card, engine=terminal.engine,
                               role="store", store=terminal, sound=lambda name: None)
        window.resize(1280, 800)
        window.show()
        rows = []
        try:
            wait(lambda: terminal.engine.online is True)
            window.go("store_pay")
            pay = window.current()
            for i in range(iterations + 2):
                key = RESIDENTS[i % len(RESIDENTS)]
                pay.pad.setValue(1)
                pay._to_card()
                stats0 = card.stats().result()
                t_tap = time.perf_counter()
                place(key)
                t_detect = wait(lambda: window.session.card_present)  # pcscd/vpcd + the card service's poll
                t_pad = wait(lambda: pay.state == "pin")
                stats1 = card.stats().result()
                cloud0 = timer.seconds
                t_pin = time.perf_counter()
                for digit in "1234":
                    pay.pinpad.press(digit)
                pay.pinpad.submit()
                t_balance = wait(lambda: pay.state == "confirm")  # the balance and the statement shown
                stats2 = card.stats().result()
                cloud1 = timer.seconds
                t_agreed = time.perf_counter()
                pay.statement.pay.click()  # the resident taps Pay
                t_paid = wait(lambda: pay.result_shown())
                stats3 = card.stats().result()
                cloud2 = timer.seconds
                if pay.result_panel.kind() != "success":
                    raise RuntimeError(pay.result_panel.text())
                remove()
                wait(lambda: not window.session.card_present)
                time.sleep(0.3)
                pay.next_customer()
                if i < 2:
                    continue  # warm-up
                card_pad = stats1.card_seconds - stats0.card_seconds
                card_balance = stats2.card_seconds - stats1.card_seconds
                card_pay = stats3.card_seconds - stats2.card_seconds
                rows.append({
                    "tap_to_detected_ms": (t_detect - t_tap) * 1000,
                    "tap_to_pad_ms": (t_pad - t_tap) * 1000, "pin_to_balance_ms": (t_balance - t_pin) * 1000,
                    "tap_to_balance_ms": (t_pad - t_tap + t_balance - t_pin) * 1000,
                    "pin_to_paid_ms": (t_balance - t_pin + t_paid - t_agreed) * 1000,
                    "card_ms_to_balance": (card_pad + card_balance) * 1000,
                    "cloud_ms_to_balance": (cloud1 - cloud0) * 1000,
                    "ours_ms_to_balance": ((t_pad - t_detect + t_balance - t_pin) - card_pad - card_balance
                                           - (cloud1 - cloud0)) * 1000,
                    "card_ms_pin_to_paid": (card_balance + card_pay) * 1000,
                    "cloud_ms_pin_to_paid": (cloud2 - cloud0) * 1000,
                    "ours_ms_pin_to_paid": ((t_balance - t_pin + t_paid - t_agreed) - card_balance - card_pay
                                            - (cloud2 - cloud0)) * 1000,
                })
        finally:
            relay.unsubscribe()
            window.sync_relay.detach()
            window.close()
            terminal.stop()
            demo.stop()
            if pcscd is not None:
                pcscd.terminate()
                pcscd.wait(timeout=10)
    summary: dict[str, Any] = {"backend": backend_name, "iterations": len(rows)}
    for k in rows[0]:
        values = [r[k] for r in rows]
        summary[k] = {"median": round(statistics.median(values), 1), "p95": round(pct(values, 0.95), 1)}
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--backend", default="pcsc", choices=("pcsc", "simulated"))
    args = parser.parse_args()
    summary = run(args.backend, args.iterations)
    print(f"store payment, {summary['backend']}, {summary['iterations']} payments (median / p95, ms)")
    for k, v in summary.items():
        if isinstance(v, dict):
            print(f"  {k:24} {v['median']:8.1f} / {v['p95']:8.1f}")
    RESULTS.parent.mkdir(exist_ok=True)
    old = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    old[summary["backend"]] = summary
    RESULTS.write_text(json.dumps(old, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
