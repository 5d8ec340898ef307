"""The administrator PIN that guards the terminal's settings screen (Qt-free).

Only a hash is kept — scrypt (n=2^15, r=8, p=1, 16-byte salt) — in the terminal's credential store (the OS
keyring; in demo mode the labelled demo file keyring), under the service ``mykey-kiosk`` and the name
``admin-pin``. The PIN itself is never stored, logged or put into an error. After `max_tries` wrong PINs in a row
the settings stay locked for `lockout_s` seconds; the count and the lock are kept in the same store, so a restart
does not reset them. Set or change the PIN with ``kiosk admin-pin``; demo mode sets `DEMO_ADMIN_PIN` (README).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from kiosk.services.errors import ServiceError

SERVICE = "mykey-kiosk"
NAME = "admin-pin"
DEMO_ADMIN_PIN = "246810"  # public demo data, shown in the README's demo table
MIN_LENGTH, MAX_LENGTH = 6, 12
_N, _R, _P = 2**15, 8, 1


class SecretBackend(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...


class MemoryBackend:
    """A store that forgets on exit (tests; a terminal without any credential store gets a PIN nobody knows)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=32)


def check_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and MIN_LENGTH <= len(pin) <= MAX_LENGTH):
        raise ServiceError("admin_pin_format", f"{MIN_LENGTH} to {MAX_LENGTH} digits")


class AdminPin:
    def __init__(self, backend: SecretBackend, *, max_tries: int = 5, lockout_s: int = 300,
                 clock: Callable[[], float] = time.time) -> None:
        self.backend = backend
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        raw = self.backend.get_password(SERVICE, NAME)
        if not raw:
            return {}
        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, Any]) -> None:
        self.backend.set_password(SERVICE, NAME, json.dumps(data, separators=(",", ":")))

    def is_set(self) -> bool:
        return "hash" in self._load()

    def locked_for(self) -> int:
        """Seconds the settings stay locked after too many wrong PINs (0: not locked)."""
        until = float(self._load().get("locked_until", 0))
        return max(0, int(until - self.clock() + 0.999))

    def set_pin(self, pin: str) -> None:
        check_format(pin)
        salt = os.urandom(16)
        self._save({"hash": base64.b64encode(_hash(pin, salt)).decode(), "salt": base64.b64encode(salt).decode(),
                    "failures": 0, "locked_until": 0})

    def verify(self, pin: str) -> None:
        """Returns when `pin` is right; else ServiceError admin_pin_not_set / admin_pin_locked (detail: seconds) /
        admin_pin_wrong (tries_left)."""
        data = self._load()
        if "hash" not in data:
            raise ServiceError("admin_pin_not_set")
        wait = self.locked_for()
        if wait > 0:
            raise ServiceError("admin_pin_locked", str(wait))
        expected = base64.b64decode(data["hash"])
        given = _hash(pin, base64.b64decode(data["salt"])) if pin.isascii() else b""
        if given and hmac.compare_digest(given, expected):
            if data.get("failures") or data.get("locked_until"):
                self._save({**data, "failures": 0, "locked_until": 0})
            return
        failures = int(data.get("failures", 0)) + 1
        if failures >= self.max_tries:
            self._save({**data, "failures": 0, "locked_until": self.clock() + self.lockout_s})
            raise ServiceError("admin_pin_locked", str(self.lockout_s))
        self._save({**data, "failures": failures})
        raise ServiceError("admin_pin_wrong", tries_left=self.max_tries - failures)

    def change(self, old: str, new: str) -> None:
        check_format(new)
        self.verify(old)
        self.set_pin(new)


def for_terminal(data_dir: Path, demo: bool) -> AdminPin:
    """The terminal's PIN in its credential store: the OS keyring, or in demo mode the demo file keyring (with the
    demo PIN set the first time). Without a usable store: a PIN nobody knows (settings stay locked)."""
    from kiosk.sync.credentials import CredentialStore

    store = CredentialStore(demo_dir=data_dir / "keyring") if demo else CredentialStore()
    if not store.usable:
        return AdminPin(MemoryBackend())
    pin = AdminPin(store.backend)
    if demo and not pin.is_set():
        pin.set_pin(DEMO_ADMIN_PIN)
    return pin
