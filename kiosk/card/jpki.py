"""The JPKI user-authentication protocol as APDU sequences (CARD.md). Runs on the card thread."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kiosk.card import constants as c
from kiosk.card.apdu import CommandApdu
from kiosk.card.errors import CardProtocolError, InvalidPinFormat, NoUserAuthCertificate
from kiosk.card.reader_io import read_binary, read_tlv_file, select_app, select_ef
from kiosk.card.session import SIGN_TIMEOUT, CardSession
from kiosk.card.status import check, pin_tries, verify_result

JPKI_MAX_TRIES = 3


@dataclass(frozen=True)
class UserAuthCertificate:
    cert_der: bytes
    ca_cert_der: bytes


def check_pin_format(pin: str) -> bytes:
    if len(pin) != c.PIN_LENGTH or not pin.isascii() or not pin.isdigit():
        raise InvalidPinFormat("PIN must be 4 ASCII digits")
    return pin.encode("ascii")


def select(session: CardSession) -> None:
    select_app(session, c.JPKI_AID)


def token_label(session: CardSession) -> str:
    select(session)
    select_ef(session, c.JPKI_TOKEN_INFO)
    data = read_binary(session, lambda d: 32 if len(d) >= 1 else None, 64)
    return data[:32].decode("ascii", errors="replace").rstrip(" \x00")


def read_certificate(session: CardSession, fid: int) -> bytes:
    if select_ef(session, fid) == 0x6A82:
        raise NoUserAuthCertificate(f"EF {fid:04X} missing")
    der = read_tlv_file(session)
    if not der.startswith(b"\x30"):
        raise CardProtocolError(0x6F00, f"EF {fid:04X} does not hold a DER certificate")
    return der


def read_user_auth_certificate(session: CardSession) -> UserAuthCertificate:
    select(session)
    cert = read_certificate(session, c.JPKI_USER_AUTH_CERT)
    ca = read_certificate(session, c.JPKI_USER_AUTH_CA_CERT)
    return UserAuthCertificate(cert, ca)


def tries_left(session: CardSession) -> int:
    """PIN tries left for the user-auth PIN, without using one (selects the JPKI application)."""
    select(session)
    select_ef(session, c.JPKI_USER_AUTH_PIN)
    return pin_tries(session.transmit(CommandApdu(0x00, c.INS_VERIFY, 0x00, 0x80)), "jpki", JPKI_MAX_TRIES)


def verify_pin(session: CardSession, pin: str) -> None:
    pin_bytes = check_pin_format(pin)
    select(session)
    select_ef(session, c.JPKI_USER_AUTH_PIN)
    verify_result(session.transmit(CommandApdu(0x00, c.INS_VERIFY, 0x00, 0x80, pin_bytes)), "jpki")


def digest_info_sha256(message: bytes) -> bytes:
    return c.SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(message).digest()


def sign_verified(session: CardSession, message: bytes) -> bytes:
    """Sign DigestInfo(SHA-256(message)) with the user-auth key; the PIN must have been verified just before."""
    select_ef(session, c.JPKI_USER_AUTH_KEY)
    resp = session.transmit(
        CommandApdu(0x80, c.INS_SIGN, 0x00, 0x80, digest_info_sha256(message), le=256), timeout=SIGN_TIMEOUT
    )
    check(resp, "sign")
    if len(resp.data) != 256:
        raise CardProtocolError(resp.sw, f"signature of {len(resp.data)} bytes")
    return resp.data


def sign_challenge(session: CardSession, pin: str, message: bytes) -> bytes:
    """Verify the user-auth PIN, then sign. Never retried: a wrong PIN raises WrongPin / PinBlocked."""
    verify_pin(session, pin)
    return sign_verified(session, message)
