"""Card present -> MyKey ID known: read the user-auth certificate, verify the PIN, sign the cloud's challenge,
verify at the cloud. Split into the card's own time (inside the transport: APDUs) and our card-layer overhead.

    .venv/bin/python -m benchmarks.card_auth [--iterations 40] [--backends simulated,pcsc,pcsc-short]

The cloud is the real embedded cloud (uvicorn, SQLite, demo municipality); the card is the software card, either
in-process (simulated backend) or as a vpcd card behind the real pcscd + libpcsclite + pyscard (pcsc backend;
needs pcscd and vsmartcard-vpcd, and root to start pcscd). Prints a table and writes
benchmarks/results/card_auth.json. Target: card-layer overhead under 30 ms beyond the card's own time.
"""

from __future__ import annotations

import argparse
import base64
import json
import platform
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from kiosk.card.events import CardInsertedEvent, CardRemovedEvent
from kiosk.card.service import CardService
from kiosk.demo import DEMO_JPKI_PIN, DemoPKI

RESULTS = Path(__file__).with_name("results") / "card_auth.json"
RESIDENTS: list[str] = []  # demo residents with a MyKey ID, PIN not blocked, certificate not revoked


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def start_cloud(workdir: Path) -> tuple[Any, httpx.Client, DemoPKI]:
    from kiosk.demo import ensure_demo_pki
    from kiosk_cloud.demo import init_demo
    from kiosk_cloud.embedded import start_embedded

    db = f"sqlite:///{workdir / 'cloud.db'}"
    info = init_demo(db, workdir / "cloud")
    cloud = start_embedded(db)
    enrol = httpx.post(f"{cloud.url}/v1/terminals/enrol", json={"code": info.enrolment_codes["counter"], "name": "bench"})
    enrol.raise_for_status()
    client = httpx.Client(base_url=cloud.url, headers={"Authorization": f"Bearer {enrol.json()['token']}"})
    pki = ensure_demo_pki(workdir / "cloud" / "pki")
    RESIDENTS[:] = [r.key for r in pki.residents if info.residents.get(r.key) and not r.blocked and not r.revoked]
    if not RESIDENTS:
        raise RuntimeError("the demo municipality has no resident with a MyKey ID")
    return cloud, client, pki


def one_flow(service: CardService, client: httpx.Client) -> dict[str, float]:
    t0 = time.perf_counter()
    challenge = client.post("/v1/auth/challenge").json()
    t1 = time.perf_counter()
    before = service.stats().result()
    auth = service.authenticate(DEMO_JPKI_PIN, base64.b64decode(challenge["challenge"])).result(timeout=30)
    t2 = time.perf_counter()
    after = service.stats().result()
    verified = client.post("/v1/auth/verify", json={
        "challenge_id": challenge["challenge_id"], "certificate": base64.b64encode(auth.cert_der).decode(),
        "signature": base64.b64encode(auth.signature).decode(),
    })
    verified.raise_for_status()
    assert verified.json()["mykey_id"], verified.text
    t3 = time.perf_counter()
    card_layer = t2 - t1
    card_time = after.card_seconds - before.card_seconds
    return {
        "total_ms": (t3 - t0) * 1000, "cloud_ms": ((t1 - t0) + (t3 - t2)) * 1000, "card_layer_ms": card_layer * 1000,
        "card_ms": card_time * 1000, "overhead_ms": (card_layer - card_time) * 1000,
        "apdus": after.apdu_count - before.apdu_count,
    }


def run_backend(name: str, service: CardService, place: Callable[[str], object], remove: Callable[[], None],
                client: httpx.Client, iterations: int) -> dict[str, Any]:
    inserted, removed = threading.Event(), threading.Event()
    service.subscribe(lambda e: inserted.set() if isinstance(e, CardInsertedEvent) else None)
    service.subscribe(lambda e: removed.set() if isinstance(e, CardRemovedEvent) else None)
    service.start()
    rows = []
    for i in range(iterations + 3):  # 3 warm-up rounds
        inserted.clear()
        place(RESIDENTS[i % len(RESIDENTS)])
        if not inserted.wait(20):
            raise RuntimeError(f"{name}: the card was not detected")
        row = one_flow(service, client)
        service.release_card().result()
        removed.clear()
        remove()
        if not removed.wait(20):
            raise RuntimeError(f"{name}: the removal was not detected")
        if i >= 3:
            rows.append(row)
    service.stop()
    summary: dict[str, Any] = {"backend": name, "iterations": iterations}
    for key in ("total_ms", "cloud_ms", "card_layer_ms", "card_ms", "overhead_ms"):
        values = [r[key] for r in rows]
        summary[key] = {"median": round(statistics.median(values), 2), "p95": round(pct(values, 0.95), 2)}
    summary["apdus_per_flow"] = sorted({int(r["apdus"]) for r in rows})
    return summary


def simulated(pki: DemoPKI, client: httpx.Client, iterations: int) -> dict[str, Any]:
    from kiosk.card.backends.simulated import SimulatedBackend

    backend = SimulatedBackend(pki=pki)
    service = CardService(backend, poll_interval=0.02)
    return run_backend("simulated", service, backend.reader().insert, backend.reader().remove, client, iterations)


def pcsc(pki: DemoPKI, client: httpx.Client, iterations: int, extended: bool = True) -> dict[str, Any]:
    from kiosk.card.backends.pcsc import PcscBackend
    from kiosk.card.softcard.card import SoftCard
    from kiosk.card.softcard.vpcd import VpcdCard

    reader = "Virtual PCD 00 00"
    probe = PcscBackend()

    def seen() -> bool:
        return {r.name: r.card_present for r in probe.poll()}.get(reader, False)

    current: list[VpcdCard] = []

    def place(resident: str) -> None:
        current.append(VpcdCard(SoftCard(pki.resident(resident), pki.ca_cert_der)).start())

    def remove() -> None:
        current.pop().stop()
        deadline = time.monotonic() + 10
        while seen() and time.monotonic() < deadline:
            time.sleep(0.02)

    service = CardService(PcscBackend(extended_length=extended), poll_interval=0.02, reader=reader)
    label = "pcsc (pcscd + vpcd)" if extended else "pcsc, short APDUs only"
    try:
        return run_backend(label, service, place, remove, client, iterations)
    finally:
        probe.close()


def ensure_pcscd() -> subprocess.Popen[bytes] | None:
    from kiosk.card.backends.pcsc import PcscBackend

    if any(r.name.startswith("Virtual PCD") for r in PcscBackend().poll()):
        return None
    binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
    proc = subprocess.Popen([binary, "--foreground"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if any(r.name.startswith("Virtual PCD") for r in PcscBackend().poll()):
            return proc
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("pcscd with the vpcd readers did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=40)
    parser.add_argument("--backends", default="simulated,pcsc,pcsc-short")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        cloud, client, pki = start_cloud(Path(tmp))
        pcscd = None
        try:
            for name in args.backends.split(","):
                if name == "simulated":
                    results.append(simulated(pki, client, args.iterations))
                elif name in ("pcsc", "pcsc-short"):
                    pcscd = pcscd or ensure_pcscd()
                    results.append(pcsc(pki, client, args.iterations, extended=name == "pcsc"))
        finally:
            client.close()
            cloud.stop()
            if pcscd is not None:
                pcscd.terminate()
                pcscd.wait(timeout=10)
    print(f"{'backend':24} {'total':>14} {'cloud':>14} {'card layer':>14} {'card (APDUs)':>14} {'overhead':>14} apdus")
    for r in results:
        cells = [f"{r[k]['median']:6.2f}/{r[k]['p95']:6.2f}" for k in
                 ("total_ms", "cloud_ms", "card_layer_ms", "card_ms", "overhead_ms")]
        print(f"{r['backend']:24} " + " ".join(f"{c:>14}" for c in cells) + f" {r['apdus_per_flow']}")
    print("(ms, median/p95)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": platform.platform(), "results": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
