"""Serial scanners: the framer alone, then pyserial on a real pseudo-terminal pair (os.openpty) as the COM line."""

from __future__ import annotations

import os
import queue
import sys
import time

import pytest

from kiosk.scan.serial_reader import SerialFramer, SerialScanner


def test_framer_terminators_length_and_gap(code: str) -> None:
    f = SerialFramer()
    assert f.feed(code.encode() + b"\r\n") == [code]
    assert f.feed(code.encode()) == [code]                      # no suffix: complete at 149
    assert f.feed(b"\r\n") == []                                # the late suffix makes nothing
    assert f.feed(code[:50].encode()) == [] and f.pending
    assert f.flush() == [code[:50]] and not f.pending
    assert f.feed(code.lower().encode("ascii") + b"\r") == [code]
    assert f.feed("ＡＢＣ２".encode() + b"\n") == ["ABC2"]       # a scanner set to send UTF-8
    assert f.feed(b"\r\r\n\n") == []


@pytest.mark.skipif(sys.platform == "win32", reason="pty pairs are POSIX")
def test_pyserial_on_a_pty_pair(code: str, make_codes) -> None:  # type: ignore[no-untyped-def]
    master, slave = os.openpty()
    got: queue.Queue[str] = queue.Queue()
    scanner = SerialScanner(os.ttyname(slave), got.put, baudrate=115200, gap=0.2)   # roomy for a loaded CI
    try:
        scanner.start()
        os.write(master, code.encode() + b"\r\n")
        assert got.get(timeout=3) == code
        other = make_codes(2, first_serial=321)[1]
        for start in range(0, len(other), 16):                  # arrives in bursts, no suffix
            os.write(master, other[start:start + 16].encode())
            time.sleep(0.002)
        assert got.get(timeout=3) == other
        os.write(master, code[:40].encode())                   # a torn read: closed by the quiet line
        assert got.get(timeout=3) == code[:40]
        assert got.empty()
    finally:
        scanner.stop()
        os.close(master)
        os.close(slave)


@pytest.mark.skipif(sys.platform == "win32", reason="pty pairs are POSIX")
def test_missing_port_is_an_error_at_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import serial

    with pytest.raises(serial.SerialException):
        SerialScanner(str(tmp_path / "ttyUSB9"), lambda _t: None).start()


@pytest.mark.skipif(sys.platform == "win32", reason="pty pairs are POSIX")
def test_scanner_unplugged_is_reported_once(code: str) -> None:
    master, slave = os.openpty()
    errors: queue.Queue[Exception] = queue.Queue()
    got: queue.Queue[str] = queue.Queue()
    scanner = SerialScanner(os.ttyname(slave), got.put, gap=0.05, on_error=errors.put)
    scanner.start()
    try:
        os.write(master, code.encode() + b"\r")
        assert got.get(timeout=3) == code
        os.close(slave)
        os.close(master)                          # the line goes away, as when the USB cable is pulled
        assert isinstance(errors.get(timeout=3), Exception)
        time.sleep(0.2)
        assert errors.empty()
    finally:
        scanner.stop()
