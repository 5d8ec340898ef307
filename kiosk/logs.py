"""The terminal's log: one JSON object per line, rotated, in the terminal's data directory, with secrets removed.

    {"time": "2026-11-30T16:40:12.345Z", "level": "INFO", "logger": "kiosk.sync.engine",
     "event": "points cloud reachable", "fields": {"mykey_id": "YMD…"}}

`event` is the record's message (printf arguments applied); `fields` holds what the caller passed as `extra=`
(any attribute a plain LogRecord does not have). Exceptions are kept as `exc` (type and message, the traceback's
frames without their locals).

Every record that reaches the file passes `RedactFilter` first, whoever logged it (kiosk, httpx, the card thread,
the embedded cloud in demo mode). It removes secrets twice:
  * by field name: a field called like a PIN, password, token, session, secret, key, signature, certificate,
    consent, challenge or the card's text (name, address, birth, sex, card text) is replaced by "[redacted]";
    a field called like a MyKey ID is shortened;
  * by value, in the event, every field and the exception text (a safety net for what a caller wrote by mistake):
    PEM blocks, long base64 / hex runs (certificates, signatures, tokens, APDUs), spaced hex bytes, "Bearer …",
    "pin=1234"-like pairs, a MyKey ID (any stand-alone 8 characters of A-Z and 0-9: shortened to its first 3
    characters and "…"), and Japanese text (the card's name and address are Japanese; the terminal's own events
    are English, so any run of Japanese characters is replaced by "[ja]").
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import re
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOG_DIR = "logs"
LOG_FILE = "kiosk.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5
REDACTED = "[redacted]"

# attributes every LogRecord has; anything else came from `extra=` and is a field
_STANDARD = set(vars(logging.LogRecord("x", logging.INFO, "x", 0, "", None, None))) | {"message", "asctime",
                                                                                      "taskName"}
_SECRET_NAME = re.compile(
    r"pin|passw|token|secret|session|cookie|authori[sz]ation|private|key$|_key|signature|sig$|cert|consent|"
    r"challenge|nonce|statement|card_?text|basic|name$|_name|address|birth|sex|gender|der$|pem$|apdu",
    re.IGNORECASE)
_MYKEY_NAME = re.compile(r"mykey|payee_id|resident_id", re.IGNORECASE)
_NOT_SECRET = {"logger", "terminal_name", "shop_name", "point_name", "programme_name", "key_id", "event"}

_WORD = re.compile(r"[a-z][a-z0-9_.-]*|v[0-9]+|[0-9]{1,6}")


def _opaque(text: str) -> bool:
    """20+ characters that hold a letter and a digit or +/_-: not a word, a number or a snake_case name."""
    return (len(text) >= 20 and any(c.isalpha() for c in text) and any(c.isdigit() or c in "+/_-" for c in text)
            and not re.fullmatch(r"[a-z]+(?:[_.-][a-z]+)*", text))


def _blob(text: str) -> str:
    if "/" in text:
        parts = text.split("/")
        if any(_WORD.fullmatch(p) for p in parts if p):  # a path or a URL: judge each segment on its own
            return "/".join("[b64]" if _opaque(p) else p for p in parts)
    return "[b64]" if _opaque(text) else text


_PATTERNS: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"-----BEGIN [A-Z ]+-----.*?(-----END [A-Z ]+-----|$)", re.DOTALL), "[pem]"),
    (re.compile(r"(?i)\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + REDACTED),
    (re.compile(r"(?i)\b(pin|password|passwd|pwd|token|secret|session|signature)(\"?\s*[:=]\s*\"?)[^\s\",;&]+"),
     r"\1\2" + REDACTED),
    (re.compile(r"(?i)(\bpins?\b[^0-9\n]{0,16})[0-9]{4,16}"), r"\1" + REDACTED),  # "PIN 1234", "pin was 1234"
    (re.compile(r"(?i)\b[0-9a-f]{2}(?:[ :][0-9a-f]{2}){5,}\b"), "[hex]"),  # spaced hex bytes (APDUs, DER dumps)
    (re.compile(r"(?i)(?<![0-9a-z])(?:0x)?[0-9a-f]{16,}(?![0-9a-z])"), "[hex]"),
    (re.compile(r"b'(?:[^'\\]|\\.){16,}'|b\"(?:[^\"\\]|\\.){16,}\""), "[bytes]"),
    # base64 / URL-safe base64 runs of 20+ characters (a token, a certificate, a signature, a voucher code)
    (re.compile(r"(?<![A-Za-z0-9+/_.-])[A-Za-z0-9+/_-]{20,}={0,2}(?![A-Za-z0-9+/_-])"), lambda m: _blob(m.group(0))),
    (re.compile(r"(?<![A-Za-z0-9])([A-Z0-9]{3})[A-Z0-9]{5}(?![A-Za-z0-9])"), r"\1…"),  # a MyKey ID, shortened
    (re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9f]+"), "[ja]"),
)


def short_mykey(value: str) -> str:
    """A MyKey ID as logs may show it: its first 3 characters and an ellipsis."""
    text = str(value)
    return text[:3] + "…" if text else text


def redact_text(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_value(name: str, value: Any) -> Any:
    if name not in _NOT_SECRET and _MYKEY_NAME.search(name):
        return short_mykey(value) if isinstance(value, str) else REDACTED
    if name not in _NOT_SECRET and _SECRET_NAME.search(name):
        return REDACTED
    if isinstance(value, bytes | bytearray | memoryview):
        return f"[{len(bytes(value))} bytes]"
    if isinstance(value, dict):
        return {str(k): redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value(name, v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact_text(str(value))


class RedactFilter(logging.Filter):
    """Rewrites a record so that it carries no secret: the message is formatted and redacted, its arguments
    dropped, every extra field redacted by name and value, the exception turned into redacted text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_kiosk_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the event
            message = f"{record.msg!r} (unformattable arguments)"
        record.msg, record.args = redact_text(message), None
        fields: dict[str, Any] = {}
        for name, value in list(vars(record).items()):
            if name in _STANDARD or name.startswith("_"):
                continue
            if name == "fields" and isinstance(value, dict):
                fields.update({str(k): redact_value(str(k), v) for k, v in value.items()})
            else:
                fields[name] = redact_value(name, value)
            delattr(record, name)
        record.kiosk_fields = fields
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frames = "".join(traceback.format_tb(record.exc_info[2])) if record.exc_info[2] else ""
            record.kiosk_exc = redact_text(f"{type(exc).__name__}: {exc}\n{frames}".rstrip())
        elif record.exc_text:
            record.kiosk_exc = redact_text(record.exc_text)
        record.exc_info, record.exc_text = None, None
        record.stack_info = redact_text(record.stack_info) if record.stack_info else None
        record._kiosk_redacted = True
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC)
        line: dict[str, Any] = {
            "time": when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z",
            "level": record.levelname, "logger": record.name, "event": record.getMessage(),
            "fields": getattr(record, "kiosk_fields", {}),
        }
        exc = getattr(record, "kiosk_exc", None)
        if exc:
            line["exc"] = exc
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False, default=str)


def log_dir(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR


def setup_logging(data_dir: Path, level: str | int | None = None, *, max_bytes: int = MAX_BYTES,
                  backups: int = BACKUPS, stderr: bool = True) -> Path:
    """Send every log record (root logger) to `<data_dir>/logs/kiosk.log` as redacted JSON lines, rotated at
    `max_bytes` with `backups` old files; warnings and errors also to stderr, redacted the same way. The level
    comes from `level`, else $KIOSK_LOG_LEVEL, else INFO. Calling it again replaces the handlers it installed.
    Returns the log file's path."""
    path = log_dir(data_dir) / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    chosen = level if level is not None else os.environ.get("KIOSK_LOG_LEVEL", "INFO")
    numeric = chosen if isinstance(chosen, int) else logging.getLevelName(str(chosen).upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    root = logging.getLogger()
    teardown_logging()
    redact = RedactFilter()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                   encoding="utf-8", delay=False)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(redact)
    handler.setLevel(numeric)
    handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if stderr:
        console = logging.StreamHandler()
        console.setLevel(max(numeric, logging.WARNING))
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(redact)
        console._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(console)
    root.setLevel(numeric)
    for noisy in ("PIL", "matplotlib", "fontTools"):  # libraries whose DEBUG output says nothing about the terminal
        logging.getLogger(noisy).setLevel(max(numeric, logging.INFO))
    logging.getLogger("kiosk.logs").info("logging started", extra={"fields": {"level": logging.getLevelName(numeric),
                                                                             "file": str(path)}})
    return path


def teardown_logging() -> None:
    """Remove (and close) the handlers `setup_logging` installed."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
