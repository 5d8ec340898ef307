"""Resident authentication: card certificate + PIN signature over a cloud challenge -> MyKey ID."""

from __future__ import annotations

import base64
import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.ports import CardPort, CloudPort


@dataclass(frozen=True)
class ResidentIdentity:
    mykey_id: str | None
    status: str  # MyKey ID status, or "none" when the card has no MyKey ID yet
    fingerprint: str
    auth_token: str


class ResidentAuth:
    def __init__(self, card: CardPort, cloud: CloudPort) -> None:
        self._card = card
        self._cloud = cloud

    def jpki_tries_left(self) -> int:
        try:
            return int(self._card.jpki_tries_left())
        except Exception as exc:
            raise translate_error(exc) from None

    def text_tries_left(self) -> int:
        try:
            return int(self._card.text_tries_left())
        except Exception as exc:
            raise translate_error(exc) from None

    def certificate_fingerprint(self) -> str:
        try:
            der = self._card.read_user_auth_certificate()
        except Exception as exc:
            raise translate_error(exc) from None
        return hashlib.sha256(der).hexdigest()

    def card_certificate(self) -> tuple[str, int]:
        """Fingerprint (lower-case hex SHA-256 of the DER) and serial of the card's user-auth certificate, read
        without a PIN (attendance taps)."""
        try:
            der = self._card.read_user_auth_certificate()
            serial = x509.load_der_x509_certificate(der).serial_number
        except Exception as exc:
            raise translate_error(exc) from None
        return hashlib.sha256(der).hexdigest(), int(serial)

    def authenticate(self, pin: str, progress: Callable[[str], None] = lambda step: None) -> ResidentIdentity:
        """Prove the card to the cloud. Needs the cloud (the challenge comes from it).

        `progress` is told each step: "read_certificate", "challenge", "sign", "verify"."""
        if not (len(pin) == 4 and pin.isdigit()):
            raise ServiceError("pin_format")
        try:
            progress("read_certificate")
            certificate = self._card.read_user_auth_certificate()
            progress("challenge")
            challenge = self._cloud.auth_challenge()
            raw = base64.b64decode(challenge["challenge"])
            progress("sign")
            signature = self._card.sign_challenge(pin, raw)
            progress("verify")
            result: dict[str, Any] = self._cloud.auth_verify(str(challenge["challenge_id"]), certificate, signature)
        except Exception as exc:
            raise translate_error(exc) from None
        cert = result.get("certificate") or {}
        return ResidentIdentity(
            mykey_id=result.get("mykey_id"),
            status=str(result.get("status") or ("none" if not result.get("mykey_id") else "valid")),
            fingerprint=str(cert.get("fingerprint") or hashlib.sha256(certificate).hexdigest()),
            auth_token=str(result.get("auth_token") or ""),
        )

    def reset_card(self) -> None:
        with contextlib.suppress(Exception):  # a card already gone needs no reset
            self._card.reset()
