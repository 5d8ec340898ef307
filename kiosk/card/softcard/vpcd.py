"""The software card as a vsmartcard-vpcd virtual card: the real pcscd + libpcsclite + pyscard path runs.

pcscd's vpcd driver listens on a TCP port (35963 for reader "Virtual PCD 00 00"); the program that connects
becomes the card in that reader, and closing the connection takes the card away. Messages are a 2-byte
big-endian length plus payload; one-byte payloads are control (00 power off, 01 power on, 02 reset, 04 ATR),
anything else is an APDU. TCP_QUICKACK before every receive avoids ~40 ms of delayed-ACK latency per APDU.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time

from kiosk.card.softcard.card import SoftCard

log = logging.getLogger("kiosk.card.vpcd")
DEFAULT_PORT = 35963


def _recv_exact(sock: socket.socket, n: int, quickack: bool) -> bytes | None:
    data = b""
    while len(data) < n:
        if quickack:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


class VpcdCard:
    def __init__(self, card: SoftCard, host: str = "127.0.0.1", port: int = DEFAULT_PORT, quickack: bool = True):
        self.card = card
        self.host = host
        self.port = port
        self.quickack = quickack and hasattr(socket, "TCP_QUICKACK")
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.connected = threading.Event()

    def connect(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(None)
        self._sock = sock
        self.connected.set()

    def serve(self) -> None:
        """Answer pcscd until the connection closes or `stop()` is called."""
        sock = self._sock
        assert sock is not None, "connect() first"
        try:
            while not self._stop.is_set():
                header = _recv_exact(sock, 2, self.quickack)
                if header is None:
                    return
                payload = _recv_exact(sock, int.from_bytes(header, "big"), self.quickack)
                if payload is None:
                    return
                reply = self._handle(payload)
                if reply is not None:
                    sock.sendall(len(reply).to_bytes(2, "big") + reply)
        except OSError:
            if not self._stop.is_set():
                log.info("vpcd connection lost", exc_info=True)
        finally:
            self.connected.clear()

    def _handle(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            if payload[0] == 0x04:
                return self.card.atr
            if payload[0] in (0x00, 0x01, 0x02):  # power off / on / reset: the card forgets its security state
                self.card.reset()
                return None
            return None
        return self.card.process(payload)

    def start(self, timeout: float = 10.0) -> VpcdCard:
        """Insert: connect and answer in a background thread."""
        self._stop.clear()
        self.connect(timeout)
        self._thread = threading.Thread(target=self.serve, name=f"vpcd-{self.port}", daemon=True)
        self._thread.start()
        return self

    @property
    def inserted(self) -> bool:
        return self._sock is not None

    def stop(self) -> None:
        """Remove the card from the virtual reader."""
        self._stop.set()
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
