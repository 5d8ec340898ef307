"""Serial (COM / USB-CDC) QR scanners, read with pyserial in a thread of their own.

Why pyserial and not QtSerialPort: QtSerialPort lives in PySide6-Addons, which the kiosk does not install (it
depends on PySide6-Essentials only), and it needs a Qt event loop, which would put Qt into kiosk/scan. pyserial is
pure Python, the long-standing standard (Windows COM ports, Linux ttyUSB/ttyACM, and ptys for tests), and a plain
reader thread hands each scan to a callback; the UI turns that into a Qt signal.

A scanner sends the code followed by a suffix (CR, LF or CR LF, set in its configuration) or nothing. A scan is
complete on CR/LF/Tab, when `code_length` Base32 characters have arrived, or when the line stays quiet for `gap`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from kiosk.scan.wedge import BASE32, CODE_LENGTH, normalise_scan

_ENDS = b"\r\n\t"


class SerialFramer:
    """Bytes in, complete scans out (normalised text); no I/O, no clock of its own."""

    def __init__(self, code_length: int = CODE_LENGTH) -> None:
        self.code_length = code_length
        self._buf = bytearray()
        self._b32 = 0

    @property
    def pending(self) -> bool:
        return bool(self._buf)

    def feed(self, data: bytes) -> list[str]:
        scans: list[str] = []
        for byte in data:
            if byte in _ENDS:
                scans += self.flush()
                continue
            self._buf.append(byte)
            if chr(byte).upper() in BASE32:
                self._b32 += 1
                if self._b32 >= self.code_length:
                    scans += self.flush()
        return scans

    def flush(self) -> list[str]:
        """End of the scan by a quiet line (or a terminator): return it if anything is held."""
        if not self._buf:
            return []
        raw = self._buf.decode("utf-8", errors="replace")
        self._buf, self._b32 = bytearray(), 0
        text = normalise_scan(raw)
        return [text] if text else []


class SerialScanner:
    """Read a serial scanner in a daemon thread; call `on_scan(text)` for each scan (from that thread)."""

    def __init__(self, port: str, on_scan: Callable[[str], None], *, baudrate: int = 9600, gap: float = 0.05,
                 code_length: int = CODE_LENGTH, on_error: Callable[[Exception], None] | None = None) -> None:
        self.port = port
        self.baudrate = baudrate
        self.gap = gap
        self.on_scan = on_scan
        self.on_error = on_error
        self.framer = SerialFramer(code_length)
        self._serial: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        import serial

        self._serial = serial.serial_for_url(self.port, baudrate=self.baudrate, timeout=self.gap)
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial-scanner {self.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._serial is not None:
            self._serial.close()
            self._serial = None

    def __enter__(self) -> SerialScanner:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        ser = self._serial
        try:
            while not self._stop.is_set():
                data = ser.read(ser.in_waiting or 1)   # returns b"" after `gap` seconds of silence
                scans = self.framer.feed(data) if data else self.framer.flush()
                for text in scans:
                    self.on_scan(text)
        except Exception as exc:  # the port went away (unplugged): report once and stop
            if not self._stop.is_set() and self.on_error is not None:
                self.on_error(exc)
