"""The shop's other scanners, beside the keyboard wedge: a USB-serial (COM) scanner read by pyserial in its own
thread (port from KIOSK_SCANNER_SERIAL: /dev/ttyACM0, COM3, or any pyserial URL) and a camera decoded with
zxing-cpp (OpenCV's VideoCapture, started from the voucher screen). Both hand their codes to the GUI thread through
one relay owned by a Qt parent (threading rule of kiosk/app.py), never a widget directly."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class ScanRelay(QObject):
    scanned = Signal(str)
    failed = Signal(str)  # a scanner could not be opened / was unplugged (the code of the problem)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._alive = True
        self.serial: Any = None
        self.camera: Any = None
        self.destroyed.connect(lambda *_: self._dead())

    def _dead(self) -> None:
        with self._lock:
            self._alive = False

    def emit_scan(self, text: str) -> None:  # any thread
        with self._lock:
            if self._alive:
                self.scanned.emit(text)

    def emit_failure(self, code: str) -> None:  # any thread
        with self._lock:
            if self._alive:
                self.failed.emit(code)

    # --- serial -----------------------------------------------------------------------------------------------
    def start_serial(self, port: str | None = None) -> bool:
        port = port or os.environ.get("KIOSK_SCANNER_SERIAL")
        if not port:
            return False
        from kiosk.scan.serial_reader import SerialScanner

        scanner = SerialScanner(port, self.emit_scan, on_error=lambda exc: self.emit_failure("scanner_unplugged"))
        try:
            scanner.start()
        except Exception:
            log.warning("serial scanner %s could not be opened", port, exc_info=True)
            self.emit_failure("scanner_unavailable")
            return False
        self.serial = scanner
        return True

    # --- camera -----------------------------------------------------------------------------------------------
    def start_camera(self, source: Callable[[], Any]) -> bool:
        """`source()` opens the frame source (kiosk.scan.camera.OpenCVCamera by default); decoding runs in the
        scanner's thread; each code is reported once while it stays in sight."""
        from kiosk.scan.camera import CameraScanner

        self.stop_camera()
        try:
            frames = source()
        except Exception:
            log.info("no camera", exc_info=True)
            self.emit_failure("camera_unavailable")
            return False
        self.camera = CameraScanner(frames, lambda decoded: self.emit_scan(decoded.text))
        self.camera.start()
        return True

    def stop_camera(self) -> None:
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.stop()

    def stop(self) -> None:
        self.stop_camera()
        serial, self.serial = self.serial, None
        if serial is not None:
            serial.stop()


def default_camera() -> Any:
    from kiosk.scan.camera import OpenCVCamera

    return OpenCVCamera(int(os.environ.get("KIOSK_CAMERA_INDEX", "0")))
