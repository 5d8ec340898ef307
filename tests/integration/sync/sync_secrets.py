"""Scan captured logs and output for secrets: typed PINs (as a standalone number, as the ASCII hex a VERIFY APDU
carries, spaced or not), certificates (base64, URL-safe base64, hex and bytes-repr windows of the DER), tokens and
passwords. Used by the end-to-end no-secrets tests of every tier (sync/cloud here, pytest-qt in tests/ui)."""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Secrets:
    pins: set[str] = field(default_factory=set)
    certificates: dict[str, bytes] = field(default_factory=dict)  # name -> DER (or any secret bytes: a private key)
    strings: dict[str, str] = field(default_factory=dict)  # name -> token / password / session

    def pin(self, *pins: str) -> Secrets:
        self.pins.update(pins)
        return self

    def certificate(self, name: str, der: bytes | None) -> Secrets:
        if der:
            self.certificates[name] = der
        return self

    def string(self, name: str, value: str | None) -> Secrets:
        if value:
            self.strings[name] = value
            if "." in value and name.startswith("staff_session"):  # "<row id>.<secret>": the secret alone too
                self.strings[f"{name} (secret part)"] = value.split(".", 1)[1]
        return self

    def needles(self) -> Iterator[tuple[str, re.Pattern[str]]]:
        for pin in sorted(self.pins):
            yield f"PIN {pin}", re.compile(rf"(?<![0-9A-Za-z]){re.escape(pin)}(?![0-9A-Za-z])")
            hexed = pin.encode().hex()
            yield f"PIN {pin} as APDU hex", re.compile(re.escape(hexed), re.IGNORECASE)
            yield f"PIN {pin} as spaced hex", re.compile(" ?".join(re.escape(hexed[i:i + 2])
                                                                    for i in range(0, len(hexed), 2)), re.IGNORECASE)
        for name, der in self.certificates.items():
            middle = der[len(der) // 3:len(der) // 3 + 24]  # inside the public key: unique to this certificate
            for label, text in (("base64", base64.b64encode(der).decode()),
                                ("url-safe base64", base64.urlsafe_b64encode(der).decode().rstrip("="))):
                for start in (len(text) // 3, len(text) // 2):
                    yield f"certificate {name} ({label})", re.compile(re.escape(text[start:start + 32]))
            yield f"certificate {name} (hex)", re.compile(re.escape(middle.hex()), re.IGNORECASE)
            yield f"certificate {name} (spaced hex)", re.compile(
                re.escape(" ".join(f"{b:02x}" for b in middle[:12])), re.IGNORECASE)
            shown = repr(der)[2:-1]
            yield f"certificate {name} (bytes repr)", re.compile(re.escape(shown[len(shown) // 2:len(shown) // 2 + 40]))
        for name, value in self.strings.items():
            yield name, re.compile(re.escape(value))


def scan(texts: Iterable[tuple[str, str]], secrets: Secrets) -> list[str]:
    """Every place (source, secret, context) a secret appears in `texts` [(source name, text)]."""
    found = []
    needles = list(secrets.needles())
    for source, text in texts:
        for label, pattern in needles:
            for m in pattern.finditer(text):
                found.append(f"{source}: {label}: ...{text[max(0, m.start() - 80):m.end() + 40]!r}...")
    return found


class Collector(logging.Handler):
    """Every record at DEBUG and above, formatted with its exception text and stack."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(asctime)s %(threadName)s %(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception as exc:  # a record that cannot be formatted is still scanned by its parts
            self.lines.append(f"{record.name} {record.msg!r} {record.args!r} ({exc})")

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@contextmanager
def all_logs_at_debug() -> Iterator[Collector]:
    """Root and every logger that does not propagate (uvicorn's, ...) at DEBUG into one collector."""
    collector = Collector()
    root = logging.getLogger()
    saved: list[tuple[logging.Logger, int, bool]] = [(root, root.level, False)]
    root.addHandler(collector)
    root.setLevel(logging.DEBUG)
    for name in list(logging.Logger.manager.loggerDict):
        logger = logging.getLogger(name)
        saved.append((logger, logger.level, not logger.propagate))
        if logger.level > logging.DEBUG:
            logger.setLevel(logging.DEBUG)
        if not logger.propagate:
            logger.addHandler(collector)
    try:
        yield collector
    finally:
        for logger, level, attached in saved:
            logger.setLevel(level)
            if attached or logger is root:
                logger.removeHandler(collector)
