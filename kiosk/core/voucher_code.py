"""The signed point-voucher code carried by the QR on every printed voucher.

Byte layout (big-endian), version 1, 29 bytes of claims followed by a 64-byte Ed25519 signature:

    offset size field
    0      1    version (1)
    1      2    key id of the signing key
    3      4    municipality point type id
    7      6    voucher number (13 decimal digits, Damm-checked) as an unsigned 48-bit integer
    13     4    points
    17     4    valid from, epoch seconds UTC
    21     4    valid until, epoch seconds UTC (inclusive)
    25     4    issuing terminal id
    29     64   Ed25519 signature over DOMAIN + bytes 0..28

The 93 bytes are written in RFC 4648 Base32 (A-Z, 2-7) without padding: 149 characters, all inside the QR
alphanumeric set, and safe through keyboard-wedge scanners on Japanese keyboard layouts (no symbols, no
case). Decoding accepts lower case, full-width characters and surrounding blanks, and nothing else.
"""

from __future__ import annotations

import base64
import binascii
import struct
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.core.errors import (
    VoucherBadSignature,
    VoucherExpired,
    VoucherMalformed,
    VoucherNotYetValid,
    VoucherNumberInvalid,
    VoucherUnknownKey,
)
from kiosk.core.voucher_number import check_voucher_number

VERSION = 1
DOMAIN = b"mykey-voucher/1\x00"
_CLAIMS = struct.Struct(">BHI6sIIII")
CLAIMS_SIZE = _CLAIMS.size
SIGNATURE_SIZE = 64
RECORD_SIZE = CLAIMS_SIZE + SIGNATURE_SIZE
CODE_LENGTH = (RECORD_SIZE * 8 + 4) // 5
_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_U16, _U32 = 0xFFFF, 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class VoucherClaims:
    key_id: int
    point_type_id: int
    number: str
    points: int
    valid_from: int
    valid_until: int
    terminal_id: int
    version: int = VERSION

    def pack(self) -> bytes:
        _check_claims(self)
        number = int(self.number).to_bytes(6, "big")
        return _CLAIMS.pack(
            self.version, self.key_id, self.point_type_id, number, self.points,
            self.valid_from, self.valid_until, self.terminal_id,
        )


def _check_claims(claims: VoucherClaims) -> None:
    if claims.version != VERSION:
        raise VoucherMalformed(f"unsupported voucher version {claims.version}")
    for name, value, top in (
        ("key_id", claims.key_id, _U16), ("point_type_id", claims.point_type_id, _U32),
        ("points", claims.points, _U32), ("valid_from", claims.valid_from, _U32),
        ("valid_until", claims.valid_until, _U32), ("terminal_id", claims.terminal_id, _U32),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise VoucherMalformed(f"{name} out of range")
    if claims.points == 0:
        raise VoucherMalformed("a voucher carries at least one point")
    if claims.valid_until < claims.valid_from:
        raise VoucherMalformed("validity window ends before it starts")
    try:
        if check_voucher_number(claims.number) != claims.number:
            raise VoucherMalformed("voucher number is not canonical")
    except VoucherNumberInvalid as exc:
        raise VoucherMalformed(f"bad voucher number: {exc.message}") from None


def encode_voucher(claims: VoucherClaims, private_key: bytes) -> str:
    """Sign the claims with a raw 32-byte Ed25519 private key and return the Base32 code."""
    body = claims.pack()
    signature = Ed25519PrivateKey.from_private_bytes(private_key).sign(DOMAIN + body)
    return base64.b32encode(body + signature).decode("ascii").rstrip("=")


def _normalise(code: str) -> str:
    if not isinstance(code, str):
        raise VoucherMalformed("a voucher code is text")
    text = unicodedata.normalize("NFKC", code).strip().upper()
    if len(text) != CODE_LENGTH:
        raise VoucherMalformed(f"a voucher code has {CODE_LENGTH} characters, got {len(text)}")
    if not set(text) <= _B32:
        raise VoucherMalformed("a voucher code holds only A-Z and 2-7")
    return text


def split_voucher(code: str) -> tuple[VoucherClaims, bytes, bytes]:
    """Decode without verifying: (claims, signed bytes, signature). Raises VoucherMalformed only."""
    text = _normalise(code)
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raise VoucherMalformed("not valid Base32") from None
    if len(raw) != RECORD_SIZE or base64.b32encode(raw).decode("ascii").rstrip("=") != text:
        raise VoucherMalformed("voucher code is not canonical")
    body, signature = raw[:CLAIMS_SIZE], raw[CLAIMS_SIZE:]
    version, key_id, point_type_id, number, points, valid_from, valid_until, terminal_id = _CLAIMS.unpack(body)
    claims = VoucherClaims(
        key_id=key_id, point_type_id=point_type_id, number=f"{int.from_bytes(number, 'big'):013d}",
        points=points, valid_from=valid_from, valid_until=valid_until, terminal_id=terminal_id, version=version,
    )
    _check_claims(claims)
    return claims, DOMAIN + body, signature


def decode_voucher(code: str) -> VoucherClaims:
    return split_voucher(code)[0]


def verify_voucher(code: str, public_keys: Mapping[int, bytes], now: int, leeway: int = 0) -> VoucherClaims:
    """Decode, check the signature with the key named in the code, then the validity window at `now`.

    Raises exactly one of VoucherMalformed, VoucherUnknownKey, VoucherBadSignature, VoucherNotYetValid,
    VoucherExpired; `leeway` (seconds) tolerates clock skew at both ends of the window.
    """
    claims, signed, signature = split_voucher(code)
    raw_key = public_keys.get(claims.key_id)
    if raw_key is None:
        raise VoucherUnknownKey(claims.key_id)
    try:
        public_key = Ed25519PublicKey.from_public_bytes(raw_key)
    except ValueError:
        raise VoucherUnknownKey(claims.key_id) from None
    try:
        public_key.verify(signature, signed)
    except InvalidSignature:
        raise VoucherBadSignature("the voucher's signature does not match its contents") from None
    if now + leeway < claims.valid_from:
        raise VoucherNotYetValid("the voucher is not valid yet")
    if now - leeway > claims.valid_until:
        raise VoucherExpired("the voucher has expired")
    return claims


def new_signing_key() -> tuple[bytes, bytes]:
    """A fresh Ed25519 key pair as (raw private 32 bytes, raw public 32 bytes)."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return private, public
