"""Per-APDU latency through pcscd + vsmartcard-vpcd, with and without TCP_QUICKACK on the software card's socket.

    .venv/bin/python -m benchmarks.card_vpcd_latency [--apdus 150]

Needs pcscd with the vpcd readers (started here if none runs; root). Writes benchmarks/results/card_vpcd_latency.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.card_auth import ensure_pcscd
from kiosk.card import constants as c
from kiosk.card.apdu import CommandApdu
from kiosk.card.backends.pcsc import PcscBackend
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.vpcd import VpcdCard
from kiosk.demo import ensure_demo_pki

RESULTS = Path(__file__).with_name("results") / "card_vpcd_latency.json"
READER = "Virtual PCD 00 00"


def measure(backend: PcscBackend, card: SoftCard, quickack: bool, apdus: int) -> float:
    vc = VpcdCard(card, quickack=quickack).start()
    try:
        while not {r.name: r.card_present for r in backend.poll()}.get(READER):
            time.sleep(0.02)
        session = backend.connect(READER)
        session.transmit(CommandApdu(0, 0xA4, 4, 0x0C, c.JPKI_AID))
        session.transmit(CommandApdu(0, 0xA4, 2, 0x0C, c.JPKI_USER_AUTH_PIN.to_bytes(2, "big")))
        query = CommandApdu(0, 0x20, 0, 0x80)  # PIN tries left: uses no try
        start = time.perf_counter()
        for _ in range(apdus):
            session.transmit(query)
        elapsed = time.perf_counter() - start
        session.close()
        return elapsed / apdus * 1000
    finally:
        vc.stop()
        while {r.name: r.card_present for r in backend.poll()}.get(READER):
            time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apdus", type=int, default=150)
    args = parser.parse_args()
    pcscd = ensure_pcscd()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            pki = ensure_demo_pki(Path(tmp) / "pki")
            backend = PcscBackend()
            card = SoftCard(pki.resident("yamada"), pki.ca_cert_der)
            result = {q: round(measure(backend, card, q, args.apdus), 3) for q in (True, False)}
            backend.close()
    finally:
        if pcscd is not None:
            pcscd.terminate()
            pcscd.wait(timeout=10)
    print(f"ms per APDU through pcscd + vpcd: TCP_QUICKACK {result[True]}, without {result[False]}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"apdus": args.apdus, "ms_per_apdu": {"quickack": result[True],
                                   "no_quickack": result[False]}}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
