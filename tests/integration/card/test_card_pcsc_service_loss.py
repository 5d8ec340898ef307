"""The PC/SC service going away (every reader gone) and coming back, seen by the pcsc backend.

The backend runs in a child process whose libpcsclite talks to a proxy (PCSCLITE_CSOCK_NAME) in front of the
shared pcscd; stopping the proxy is, for that client, pcscd stopping.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cardtest_csock_proxy import CsockProxy
from cardtest_pcscd import VPCD_READER, Pcscd

from kiosk.card.backends.pcsc import PcscBackend
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.vpcd import VpcdCard
from kiosk.demo import DemoPKI

pytestmark = pytest.mark.pcsc

CHILD = r"""
import json, sys
from kiosk.card.backends.pcsc import PcscBackend
from kiosk.card.service import CardService
svc = CardService(PcscBackend(), poll_interval=0.05)
svc.subscribe(lambda e: print(json.dumps({"event": type(e).__name__, **vars(e)}), flush=True))
svc.start()
for line in sys.stdin:
    try:
        cert = svc.read_user_auth_certificate().result(timeout=20)
        print(json.dumps({"result": len(cert.cert_der)}), flush=True)
    except Exception as exc:
        print(json.dumps({"error": type(exc).__name__}), flush=True)
svc.stop()
"""


def test_service_loss_and_return(pcscd: Pcscd, pki: DemoPKI, tmp_path: Path) -> None:
    proxy = CsockProxy(str(tmp_path / "pcscd.comm"))
    proxy.start()
    env = {**os.environ, "PCSCLITE_CSOCK_NAME": proxy.path}
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[dict[str, object]] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(json.loads(x)) for x in child.stdout or []], daemon=True).start()
    seen: list[dict[str, object]] = []

    def expect(predicate: object, timeout: float = 15.0) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        for item in seen:
            if predicate(item):  # type: ignore[operator]
                seen.remove(item)
                return item
        while time.monotonic() < deadline:
            try:
                item = lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if predicate(item):  # type: ignore[operator]
                return item
            seen.append(item)
        raise AssertionError(f"not seen; got {seen}")

    def ask() -> dict[str, object]:
        assert child.stdin is not None
        child.stdin.write("cert\n")
        child.stdin.flush()
        return expect(lambda i: "result" in i or "error" in i)

    vc = VpcdCard(SoftCard(pki.resident("yamada"), pki.ca_cert_der)).start()
    probe = PcscBackend()
    try:
        expect(lambda i: i == {"event": "ReaderAddedEvent", "reader": VPCD_READER})
        expect(lambda i: i == {"event": "CardInsertedEvent", "reader": VPCD_READER, "is_my_number_card": True})
        assert ask() == {"result": len(pki.resident("yamada").cert_der or b"")}
        proxy.stop()  # the PC/SC service is gone for the child
        expect(lambda i: i == {"event": "CardRemovedEvent", "reader": VPCD_READER})
        expect(lambda i: i == {"event": "ReaderRemovedEvent", "reader": VPCD_READER})
        assert ask()["error"] in ("NoReader", "ReaderGone")
        proxy.start()  # and back: the backend establishes a new context
        expect(lambda i: i == {"event": "ReaderAddedEvent", "reader": VPCD_READER})
        expect(lambda i: i == {"event": "CardInsertedEvent", "reader": VPCD_READER, "is_my_number_card": True})
        assert "result" in ask()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)
        proxy.stop()
        vc.stop()
        deadline = time.monotonic() + 10
        while {r.name: r.card_present for r in probe.poll()}.get(VPCD_READER) and time.monotonic() < deadline:
            time.sleep(0.05)
        probe.close()
