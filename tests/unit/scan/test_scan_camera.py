"""The camera loop on generated 1280×720 frames: each voucher reported once, again only after it was away."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from kiosk.core.voucher_code import verify_voucher
from kiosk.scan.camera import ArrayFrames, CameraScanner
from kiosk.scan.decode import Decoded
from kiosk.scan.synthetic import voucher_frame

from .conftest import NOW


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_a_voucher_held_up_is_reported_once_then_again_after_it_was_away(make_codes, public_keys) -> None:  # type: ignore[no-untyped-def]
    a, b = make_codes(2, first_serial=42)
    empty = np.full((720, 1280), 140, dtype=np.uint8)
    frames = [voucher_frame(a, seed=i, angle=5 + i) for i in range(3)] + [empty, voucher_frame(b, seed=7),
                                                                           voucher_frame(a, seed=8)]
    clock = Clock()
    seen: list[Decoded] = []
    scanner = CameraScanner(ArrayFrames(frames), seen.append, repeat_after=2.0, clock=clock)
    results = []
    for t in (0.0, 0.1, 0.2, 0.3, 0.4, 3.0):
        clock.t = t
        results.append([d.text for d in scanner.step() or []])
    assert results == [[a], [], [], [], [b], [a]]
    assert [d.text for d in seen] == [a, b, a]
    assert all(verify_voucher(d.text, public_keys, NOW) for d in seen)
    assert scanner.step() is None                               # the source has ended


def test_the_thread_reports_and_stops(code: str) -> None:
    got = threading.Event()
    found: list[str] = []

    def on_code(d: Decoded) -> None:
        found.append(d.text)
        got.set()

    scanner = CameraScanner(ArrayFrames([voucher_frame(code)] * 5), on_code)
    scanner.start()
    try:
        assert got.wait(5)
    finally:
        scanner.stop()
    assert found == [code]


def test_opencv_camera_that_is_not_there() -> None:
    pytest.importorskip("cv2")
    from kiosk.scan.camera import OpenCVCamera

    with pytest.raises(OSError, match="camera 97"):
        OpenCVCamera(97)
