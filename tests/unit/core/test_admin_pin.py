"""The administrator PIN of the settings screen (kiosk.services.admin_pin): hash only, lockout, never in a log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.services.admin_pin import DEMO_ADMIN_PIN, NAME, SERVICE, AdminPin, MemoryBackend, for_terminal
from kiosk.services.errors import ServiceError


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _code(fn: object, *args: str) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        fn(*args)  # type: ignore[operator]
    return caught.value


def test_right_wrong_and_lockout(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    backend, clock = MemoryBackend(), Clock()
    pin = AdminPin(backend, max_tries=3, lockout_s=60, clock=clock)
    assert _code(pin.verify, "123456").code == "admin_pin_not_set"
    pin.set_pin("482913")
    stored = backend.get_password(SERVICE, NAME) or ""
    assert "482913" not in stored and "hash" in stored and "salt" in stored
    pin.verify("482913")
    first = _code(pin.verify, "000000")
    assert first.code == "admin_pin_wrong" and first.tries_left == 2 and "000000" not in str(first)
    assert _code(pin.verify, "111111").tries_left == 1
    locked = _code(pin.verify, "222222")
    assert locked.code == "admin_pin_locked" and locked.detail == "60"
    # locked: even the right PIN is refused, and a new instance (a restart) keeps the lock
    assert _code(AdminPin(backend, max_tries=3, lockout_s=60, clock=clock).verify, "482913").code == \
        "admin_pin_locked"
    clock.now += 61
    pin.verify("482913")
    assert pin.locked_for() == 0
    assert _code(pin.verify, "000000").tries_left == 2  # the count started again after the right PIN
    for secret in ("482913", "000000", "111111", "222222"):
        assert secret not in caplog.text


def test_format_and_change() -> None:
    pin = AdminPin(MemoryBackend())
    for bad in ("12345", "1234567890123", "12a456", "１２３４５６"):
        assert _code(pin.set_pin, bad).code == "admin_pin_format"
    pin.set_pin("135790")
    assert _code(pin.change, "000000", "246802").code == "admin_pin_wrong"
    pin.change("135790", "246802")
    pin.verify("246802")
    assert _code(pin.verify, "135790").code == "admin_pin_wrong"


def test_demo_terminal_gets_the_demo_pin_and_keeps_a_changed_one(tmp_path: Path) -> None:
    pin = for_terminal(tmp_path, demo=True)
    pin.verify(DEMO_ADMIN_PIN)
    pin.change(DEMO_ADMIN_PIN, "864200")
    again = for_terminal(tmp_path, demo=True)
    again.verify("864200")
    assert _code(again.verify, DEMO_ADMIN_PIN).code == "admin_pin_wrong"
