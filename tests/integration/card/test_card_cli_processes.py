"""`kiosk card emulate` (vpcd / nfc udp) and `kiosk card info/readers` as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from cardtest_pcscd import VPCD_READER, Pcscd

from kiosk.card.backends.pcsc import PcscBackend
from kiosk.demo import DemoPKI

KIOSK = [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main(sys.argv[1:]))"]


@pytest.mark.pcsc
def test_emulate_then_info_through_pcscd(pcscd: Pcscd, pki: DemoPKI) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    emu = subprocess.Popen([*KIOSK, "card", "emulate", "--vpcd", "--resident", "suzuki", "--pki-dir", str(pki.directory)],
                           env=env, stderr=subprocess.PIPE)
    try:
        probe = PcscBackend()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if {r.name: r.card_present for r in probe.poll()}.get(VPCD_READER):
                break
            time.sleep(0.05)
        probe.close()
        readers = subprocess.run([*KIOSK, "card", "readers", "--backend", "pcsc", "--json"], capture_output=True,
                                 text=True, timeout=60, env=env)
        assert {"name": VPCD_READER, "card_present": True} in json.loads(readers.stdout)
        info = subprocess.run(
            [*KIOSK, "card", "info", "--backend", "pcsc", "--reader", VPCD_READER, "--json", "--verify-pin", "--pin-stdin"],
            input="1234\n", capture_output=True, text=True, timeout=60, env=env,
        )
        assert info.returncode == 0, info.stderr
        out = json.loads(info.stdout)
        assert out["user_auth_certificate"]["serial"] == format(pki.resident("suzuki").cert_serial or 0, "X")
        assert out["pin_check"].startswith("ok")
    finally:
        emu.send_signal(signal.SIGINT)
        emu.wait(timeout=20)
    assert emu.returncode == 0


def test_emulate_nfc_then_info_through_nfcpy(pki: DemoPKI) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    emu = subprocess.Popen([*KIOSK, "card", "emulate", "--nfc-udp", str(port), "--host", "localhost", "--resident",
                            "kobayashi", "--pki-dir", str(pki.directory)], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            info = subprocess.run([*KIOSK, "card", "info", "--backend", "nfc", "--nfc-path", f"udp:localhost:{port}",
                                   "--json"], capture_output=True, text=True, timeout=60, env=env)
            if info.returncode == 0 or time.monotonic() > deadline:
                break
        assert info.returncode == 0, info.stderr
        out = json.loads(info.stdout)
        assert out["user_auth_certificate"]["serial"] == format(pki.resident("kobayashi").cert_serial or 0, "X")
    finally:
        emu.send_signal(signal.SIGINT)
        emu.wait(timeout=20)
    assert emu.returncode == 0
