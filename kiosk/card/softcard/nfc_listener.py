"""The software card as an NFC Type 4B card on nfcpy's `udp` driver (the card/listener side of ISO-DEP).

A reader process opens `nfc.ContactlessFrontend('udp:HOST:PORT')` and senses `RemoteTarget('106B')`; this
listener answers SENSB_REQ with its SENSB_RES, the ATTRIB with one byte, and then ISO 14443-4 blocks:
- I-blocks, chained (command chaining: each part is acknowledged with R(ACK)) or not;
- long responses are sent chained in frames of at most FSD-3 bytes, each next part after the reader's R(ACK);
- R(NAK) (presence check) is answered with R(ACK); S(DESELECT) ends the session;
- while a command runs longer than half the frame waiting time (signing), S(WTX) requests are sent and the
  reader's S(WTX) answers awaited, until the response is ready.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import nfc
import nfc.clf

from kiosk.card.softcard.card import SoftCard

log = logging.getLogger("kiosk.card.nfc_listener")

FSD_TABLE = (16, 24, 32, 40, 48, 64, 96, 128, 256)


def sensb_res(pupi: bytes = bytes.fromhex("11223344"), fsci: int = 8, fwi: int = 8) -> bytes:
    """SENSB_RES: 50, PUPI, application data, protocol info (bit rates, FSCI|type 1, FWI|ADC|FO)."""
    return b"\x50" + pupi + bytes(4) + bytes([0x00, (fsci << 4) | 0x01, (fwi << 4) | 0x01])


class NfcCardListener:
    def __init__(
        self,
        card: SoftCard,
        port: int,
        host: str = "localhost",
        fsci: int = 8,
        fwi: int = 8,
        wtx: bool = True,
        wtxm: int = 10,
    ) -> None:
        self.card = card
        self.path = f"udp:{host}:{port}"
        self.fsci = fsci
        self.fwi = fwi
        self.fwt = 4096 / 13.56e6 * (2**fwi)
        self.wtx = wtx
        self.wtxm = wtxm
        self.wtx_sent = 0
        self.chained_commands = 0
        self.chained_responses = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="softcard")
        self.activations = 0

    # --- lifecycle -----------------------------------------------------------------------------------------
    def start(self) -> NfcCardListener:
        """Place the card in the (simulated) field: answer readers until stop()."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="nfc-softcard", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Take the card away."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def close(self) -> None:
        self.stop()
        self._worker.shutdown(wait=False)

    def _run(self) -> None:
        while not self._stop.is_set():
            clf = nfc.ContactlessFrontend(self.path)
            try:
                target = clf.listen(nfc.clf.LocalTarget("106B", sensb_res=sensb_res(fsci=self.fsci, fwi=self.fwi)),
                                    timeout=0.5)
                if target is None or target.tt4_cmd is None:
                    continue
                self.activations += 1
                self.card.reset()
                self._session(clf, bytes(target.tt4_cmd))
            except nfc.clf.CommunicationError:
                log.debug("link to the reader broken", exc_info=True)
            finally:
                self.card.reset()
                clf.close()

    # --- ISO-DEP -------------------------------------------------------------------------------------------
    def _recv(self, clf: nfc.ContactlessFrontend, response: bytes | None) -> bytes | None:
        """Send `response` (if any) and wait for the next block; None when stopped or the field went off."""
        first = True
        while not self._stop.is_set():
            try:
                data = clf.exchange(bytearray(response) if (first and response is not None) else None, 0.25)
            except nfc.clf.TimeoutError:
                first = False
                continue
            except nfc.clf.BrokenLinkError:
                return None
            return bytes(data) if data is not None else None
        return None

    def _session(self, clf: nfc.ContactlessFrontend, attrib: bytes) -> None:
        if not attrib or attrib[0] != 0x1D:
            return
        fsd = FSD_TABLE[min(attrib[6] & 0x0F, 8)] if len(attrib) > 6 else 256
        chunk = fsd - 3  # PCB + 2-byte EDC
        block = self._recv(clf, b"\x00")  # ATTRIB response: MBLI 0, CID 0
        command = b""
        pending: list[bytes] = []
        while block is not None:
            pcb = block[0]
            bn = pcb & 0x01
            if pcb & 0xE2 == 0x02:  # I-block
                command += block[1:]
                if pcb & 0x10:  # chained command: acknowledge, wait for more
                    self.chained_commands += 1
                    block = self._recv(clf, bytes([0xA2 | bn]))
                    continue
                answer = self._process(clf, command)
                command = b""
                if answer is None:
                    return
                pending = [answer[i : i + chunk] for i in range(0, len(answer), chunk)] or [b""]
                block = self._send_part(clf, pending, bn)
            elif pcb & 0xF6 == 0xA2:  # R(ACK): the reader wants the next part of a chained response
                block = self._send_part(clf, pending, bn) if pending else self._recv(clf, bytes([0xA2 | bn]))
            elif pcb & 0xF6 == 0xB2:  # R(NAK): presence check
                block = self._recv(clf, bytes([0xA2 | bn]))
            elif pcb & 0xF7 == 0xC2:  # S(DESELECT)
                self._recv_none(clf, bytes([0xC2]))
                return
            else:
                log.warning("unexpected ISO-DEP block %02X", pcb)
                block = self._recv(clf, None)

    def _recv_none(self, clf: nfc.ContactlessFrontend, response: bytes) -> None:
        with contextlib.suppress(nfc.clf.CommunicationError):
            clf.exchange(bytearray(response), 0)

    def _send_part(self, clf: nfc.ContactlessFrontend, pending: list[bytes], bn: int) -> bytes | None:
        part = pending.pop(0)
        more = bool(pending)
        if more:
            self.chained_responses += 1
        return self._recv(clf, bytes([0x02 | (0x10 if more else 0) | bn]) + part)

    def _process(self, clf: nfc.ContactlessFrontend, command: bytes) -> bytes | None:
        """Run the APDU; while it takes longer than half the frame waiting time, ask for more time (S(WTX))."""
        future: Future[bytes] = self._worker.submit(self.card.process, command)
        wait = self.fwt * 0.5
        while True:
            try:
                return future.result(timeout=wait)
            except TimeoutError:
                if not self.wtx:
                    return future.result()  # a card without WTX: the reader may give up meanwhile
            self.wtx_sent += 1
            reply = self._recv(clf, bytes([0xF2, self.wtxm]))
            if reply is None:
                return None
            if reply[0] & 0xF7 != 0xF2:
                log.warning("expected S(WTX) response, got %02X", reply[0])
            wait = self.wtxm * self.fwt * 0.5
