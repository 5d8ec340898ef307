"""Running the real pcscd with vsmartcard-vpcd's readers for the integration tests.

pcsc-lite 1.9 serves one socket per machine (/run/pcscd/pcscd.comm), so the fixture reuses a running pcscd
that already has the vpcd readers, or starts `pcscd --foreground` (root needed) and stops it afterwards.
Never with --apdu: it would log PIN bytes. Started with --auto-exit so that a run killed before its teardown
leaves no daemon behind; the fixture checks before every test that pcscd is still there and starts it again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass

from smartcard import scard

VPCD_READER = "Virtual PCD 00 00"
VPCD_READER_2 = "Virtual PCD 00 01"
VPCD_PORT = 35963
VPCD_PORT_2 = 35964
PCSCD = shutil.which("pcscd") or "/usr/sbin/pcscd"


def list_readers() -> list[str] | None:
    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return None
    try:
        hresult, readers = scard.SCardListReaders(ctx, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        return list(readers) if hresult == scard.SCARD_S_SUCCESS else None
    finally:
        scard.SCardReleaseContext(ctx)


@dataclass
class Pcscd:
    process: subprocess.Popen[bytes] | None
    log_path: str

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_pcscd(log_path: str) -> tuple[Pcscd | None, str]:
    """A pcscd with the vpcd readers, or (None, reason)."""
    readers = list_readers()
    if readers is not None and any(r.startswith("Virtual PCD") for r in readers):
        return Pcscd(None, log_path), "reusing the running pcscd"
    if readers is not None:
        return None, f"a pcscd without vpcd readers is already running: {readers}"
    binary = PCSCD
    if not os.path.exists(binary):
        return None, "pcscd is not installed (Debian: pcscd vsmartcard-vpcd)"
    if not os.path.exists("/usr/lib/pcsc/drivers/serial/libifdvpcd.so"):
        return None, "vsmartcard-vpcd is not installed"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return None, "starting pcscd needs root"
    with open(log_path, "wb") as log:
        # --auto-exit: a pcscd left behind by a killed test run quits by itself after 60 s without clients
        process = subprocess.Popen([binary, "--foreground", "--auto-exit"], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return None, f"pcscd exited with {process.returncode}: {open(log_path, errors='replace').read()[-500:]}"
        readers = list_readers()
        if readers and VPCD_READER in readers:
            return Pcscd(process, log_path), "started"
        time.sleep(0.1)
    process.terminate()
    return None, "pcscd did not show the vpcd readers within 15 s"
