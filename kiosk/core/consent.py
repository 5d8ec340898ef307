"""The resident's consent to a debit: the statement the card signs (pure; no I/O).

A card payment, a voucher issue or an exchange is allowed only with the resident's JPKI user-auth signature
(made on the card after the PIN on the customer-facing pad) over this statement. The statement names what the
debit does, so a proof is good for that one debit and nothing else; the cloud keeps the used nonces.

Canonical text (UTF-8, LF-separated, fixed order, no trailing newline)::

    MYKEY-CONSENT/1
    action=payment
    municipality=132063
    shop=3
    terminal=12
    point_type=1
    points=500
    count=1
    nonce=0123456789abcdef0123456789abcdef
    at=2026-11-30T22:40:00+09:00

`shop` is `-` when there is no shop (a voucher issue at the office); for `event_support` (points given to a
support event, 特定支援イベント) it is the event's account id, the payee. `points` is the total debited (a voucher
issue: points per voucher × count). The nonce is made by the terminal (`new_nonce()`): one path online and
offline, and no extra round trip per payment; the cloud refuses a fingerprint+nonce it has seen before.
The signature is RSA PKCS#1 v1.5 over SHA-256 of `encode_statement(s)`, like the auth challenge.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kiosk.core.errors import DomainError

MAGIC = "MYKEY-CONSENT/1"
ACTIONS = ("payment", "voucher_issue", "exchange", "event_support")  # event_support: shop = the event's account
NO_SHOP = "-"
MAX_POINTS = 10**12
MAX_COUNT = 10_000
MAX_ID = 2**63 - 1
MAX_STATEMENT_BYTES = 1024

_FIELDS = ("action", "municipality", "shop", "terminal", "point_type", "points", "count", "nonce", "at")
_NONCE = re.compile(r"[0-9a-f]{32}")
_MUNICIPALITY = re.compile(r"[0-9]{6}")
_UINT = re.compile(r"(0|[1-9][0-9]{0,18})")
# the one time form we write: whole seconds with a +HH:MM / -HH:MM offset (never "Z", never fractions)
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


class ConsentMalformed(DomainError):
    """The bytes are not a statement this version writes (or a field is out of range)."""

    code = "consent_malformed"


@dataclass(frozen=True)
class ConsentStatement:
    action: str
    municipality_code: str
    shop_id: int | None
    terminal_id: int
    point_type_id: int
    points: int
    count: int
    nonce: str
    at: datetime

    def __post_init__(self) -> None:
        _check(self)


def new_nonce() -> str:
    """128 random bits as 32 lower-case hex characters."""
    return secrets.token_hex(16)


def _check(s: ConsentStatement) -> None:
    if s.action not in ACTIONS:
        raise ConsentMalformed(f"unknown action {s.action!r}")
    if not isinstance(s.municipality_code, str) or not _MUNICIPALITY.fullmatch(s.municipality_code):
        raise ConsentMalformed("municipality must be 6 digits")
    if s.shop_id is not None and not _is_id(s.shop_id):
        raise ConsentMalformed("shop must be a positive id or none")
    if not _is_id(s.terminal_id) or not _is_id(s.point_type_id):
        raise ConsentMalformed("terminal and point type must be positive ids")
    if not _is_int(s.points) or not 1 <= s.points <= MAX_POINTS:
        raise ConsentMalformed("points out of range")
    if not _is_int(s.count) or not 1 <= s.count <= MAX_COUNT:
        raise ConsentMalformed("count out of range")
    if not isinstance(s.nonce, str) or not _NONCE.fullmatch(s.nonce):
        raise ConsentMalformed("nonce must be 32 lower-case hex characters")
    if not isinstance(s.at, datetime) or s.at.tzinfo is None or s.at.utcoffset() is None:
        raise ConsentMalformed("at must be timezone-aware")
    if s.at.microsecond:
        raise ConsentMalformed("at must be whole seconds")
    offset = s.at.utcoffset()
    assert offset is not None
    if offset.seconds % 60 or abs(offset) >= timedelta(hours=24):
        raise ConsentMalformed("at's offset must be whole minutes")


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_id(v: object) -> bool:
    return _is_int(v) and 1 <= v <= MAX_ID  # type: ignore[operator]


def _format_at(at: datetime) -> str:
    offset = at.utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hh, mm = divmod(abs(minutes), 60)
    return (
        f"{at.year:04d}-{at.month:02d}-{at.day:02d}T{at.hour:02d}:{at.minute:02d}:{at.second:02d}"
        f"{sign}{hh:02d}:{mm:02d}"
    )


def encode_statement(s: ConsentStatement) -> bytes:
    """The canonical bytes that are shown and signed."""
    _check(s)
    return _encode(s)


def _encode(s: ConsentStatement) -> bytes:
    values = (
        s.action, s.municipality_code, NO_SHOP if s.shop_id is None else str(s.shop_id), str(s.terminal_id),
        str(s.point_type_id), str(s.points), str(s.count), s.nonce, _format_at(s.at),
    )
    lines = [MAGIC] + [f"{name}={value}" for name, value in zip(_FIELDS, values, strict=True)]
    return "\n".join(lines).encode("ascii")


def _uint(text: str, name: str) -> int:
    if not _UINT.fullmatch(text):
        raise ConsentMalformed(f"{name} is not a number")
    return int(text)


def _parse_at(text: str) -> datetime:
    if not _AT.fullmatch(text):
        raise ConsentMalformed("at is not YYYY-MM-DDTHH:MM:SS+HH:MM")
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ConsentMalformed("at is not a valid time") from None
    offset = at.utcoffset()
    if offset is None:
        raise ConsentMalformed("at must carry an offset")
    return at.replace(tzinfo=timezone(offset))


def parse_statement(data: bytes) -> ConsentStatement:
    """The statement in `data`; anything but the exact canonical form raises ConsentMalformed."""
    if not isinstance(data, bytes | bytearray) or len(data) > MAX_STATEMENT_BYTES:
        raise ConsentMalformed("statement missing or too long")
    try:
        text = bytes(data).decode("ascii")
    except UnicodeDecodeError:
        raise ConsentMalformed("statement is not ASCII") from None
    lines = text.split("\n")
    if len(lines) != len(_FIELDS) + 1 or lines[0] != MAGIC:
        raise ConsentMalformed("not a MYKEY-CONSENT/1 statement")
    values: dict[str, str] = {}
    for name, line in zip(_FIELDS, lines[1:], strict=True):
        prefix = name + "="
        if not line.startswith(prefix):
            raise ConsentMalformed(f"expected field {name}")
        values[name] = line[len(prefix):]
    shop = values["shop"]
    statement = ConsentStatement(
        action=values["action"],
        municipality_code=values["municipality"],
        shop_id=None if shop == NO_SHOP else _uint(shop, "shop"),
        terminal_id=_uint(values["terminal"], "terminal"),
        point_type_id=_uint(values["point_type"], "point_type"),
        points=_uint(values["points"], "points"),
        count=_uint(values["count"], "count"),
        nonce=values["nonce"],
        at=_parse_at(values["at"]),
    )
    if _encode(statement) != bytes(data):  # checked when it was built
        raise ConsentMalformed("statement is not in canonical form")
    return statement


def to_wire(statement: bytes, signature: bytes, certificate_der: bytes) -> dict[str, str]:
    """The wire form everywhere a debit is asked: `{"statement", "signature", "certificate"}`, base64 each."""
    return {
        "statement": base64.b64encode(statement).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
        "certificate": base64.b64encode(certificate_der).decode("ascii"),
    }


def from_wire(consent: object) -> tuple[bytes, bytes, bytes]:
    """(statement, signature, certificate DER) of a wire-form consent; ConsentMalformed on anything else."""
    if not isinstance(consent, dict):
        raise ConsentMalformed("consent must be an object")
    out = []
    for name in ("statement", "signature", "certificate"):
        value = consent.get(name)
        if not isinstance(value, str):
            raise ConsentMalformed(f"consent.{name} missing")
        try:
            out.append(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError):
            raise ConsentMalformed(f"consent.{name} is not base64") from None
    return out[0], out[1], out[2]


def statement_now(now: datetime) -> datetime:
    """`now` as a statement time: whole seconds, in Japan time (what the resident reads)."""
    return now.astimezone(JST).replace(microsecond=0)


JST = timezone(timedelta(hours=9))
