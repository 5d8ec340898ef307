"""Camera scanning: a frame source, and the loop that decodes each frame and reports each code once.

Why OpenCV (opencv-python-headless) and not QtMultimedia: QtMultimedia is in PySide6-Addons (not installed) and
hands over QVideoFrames that need Qt to map; cv2.VideoCapture gives numpy arrays that go straight to zxing-cpp, in
a plain thread, with DirectShow/Media Foundation on Windows and V4L2 on Linux. The headless wheel has no GUI and
no Qt of its own, so it cannot clash with PySide6 (the full opencv-python wheel bundles its own Qt). OpenCV is
imported only when a real camera is opened, so everything else here works without it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import numpy as np

from kiosk.scan.decode import Decoded, decode_qr


class FrameSource(Protocol):
    def read(self) -> np.ndarray | None:
        """The next frame (grayscale or BGR), or None when there is none (yet, or any more)."""

    def close(self) -> None: ...


class ArrayFrames:
    """Frames from memory (tests, benchmarks, a video decoded elsewhere)."""

    def __init__(self, frames: Iterable[np.ndarray]) -> None:
        self._frames: Iterator[np.ndarray] = iter(frames)

    def read(self) -> np.ndarray | None:
        return next(self._frames, None)

    def close(self) -> None:
        self._frames = iter(())


class OpenCVCamera:
    """A USB/built-in camera through cv2.VideoCapture, frames as grayscale arrays."""

    def __init__(self, index: int = 0, width: int = 1280, height: int = 720) -> None:
        import cv2

        self._cv2: Any = cv2
        self._cap = cv2.VideoCapture(index)
        if not self._cap.isOpened():
            raise OSError(f"camera {index} could not be opened")
        self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)

    def read(self) -> np.ndarray | None:
        ok, frame = self._cap.read()
        if not ok:
            return None
        gray: np.ndarray = self._cv2.cvtColor(frame, self._cv2.COLOR_BGR2GRAY)
        return gray

    def close(self) -> None:
        self._cap.release()


class CameraScanner:
    """Decode frames; report a code once, and again only after it has been out of sight for `repeat_after` s."""

    def __init__(self, source: FrameSource, on_code: Callable[[Decoded], None], *, repeat_after: float = 2.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.source = source
        self.on_code = on_code
        self.repeat_after = repeat_after
        self.clock = clock
        self._seen: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self) -> list[Decoded] | None:
        """Read and decode one frame; return the codes reported now, or None when the source has ended."""
        frame = self.source.read()
        if frame is None:
            return None
        now = self.clock()
        fresh: list[Decoded] = []
        for code in decode_qr(frame, try_rotate=True, try_downscale=True):
            last = self._seen.get(code.text)
            self._seen[code.text] = now
            if last is None or now - last > self.repeat_after:
                fresh.append(code)
                self.on_code(code)
        return fresh

    def run(self) -> None:
        while not self._stop.is_set():
            if self.step() is None:
                self._stop.wait(0.01)

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="camera-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.source.close()
