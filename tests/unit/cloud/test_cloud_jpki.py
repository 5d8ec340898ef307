"""Verification of a card's user-auth signature: chain, validity, revocation, signature."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from kiosk.demo import certs
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import TrustStore, verify_user_auth

DER = serialization.Encoding.DER


@pytest.fixture(scope="module")
def pki() -> Any:
    now = certs.utcnow()
    ca_key = certs.new_rsa_key()
    ca = certs.make_ca(ca_key, now)
    user_key = certs.new_rsa_key()
    user = certs.make_user_auth_cert(ca_key, ca, user_key.public_key(), now)
    revoked_key = certs.new_rsa_key()
    revoked = certs.make_user_auth_cert(ca_key, ca, revoked_key.public_key(), now)
    crl = certs.make_crl(ca_key, ca, [revoked.serial_number], now)
    other_key = certs.new_rsa_key()
    other_ca = certs.make_ca(other_key, now)
    stranger = certs.make_user_auth_cert(other_key, other_ca, user_key.public_key(), now)
    return SimpleNamespace(now=now, ca=ca, user=user, user_key=user_key, revoked=revoked, revoked_key=revoked_key,
                           crl=crl, stranger=stranger)


def _trust(pki: Any) -> TrustStore:
    return TrustStore.from_der([pki.ca.public_bytes(DER)], [pki.crl.public_bytes(DER)])


def _sign(key: Any, data: bytes) -> bytes:
    return bytes(key.sign(data, padding.PKCS1v15(), hashes.SHA256()))


def _code(fn: Callable[[], object]) -> str:
    with pytest.raises(ApiError) as info:
        fn()
    return info.value.code


def test_good_signature(pki: Any) -> None:
    challenge = os.urandom(32)
    der = pki.user.public_bytes(DER)
    info = verify_user_auth(der, _sign(pki.user_key, challenge), challenge, _trust(pki), pki.now)
    assert len(info.fingerprint) == 64 and info.serial == str(pki.user.serial_number)
    assert info.issuer == pki.ca.subject.rfc4514_string()


def test_refusals(pki: Any) -> None:
    trust, now, challenge = _trust(pki), pki.now, os.urandom(32)
    user_der = pki.user.public_bytes(DER)
    good = _sign(pki.user_key, challenge)
    assert _code(lambda: verify_user_auth(user_der, good, os.urandom(32), trust, now)) == "signature_invalid"
    assert _code(lambda: verify_user_auth(user_der, good, challenge, trust, now + timedelta(days=20 * 365))) \
        == "certificate_expired"
    revoked_der = pki.revoked.public_bytes(DER)
    assert _code(lambda: verify_user_auth(revoked_der, _sign(pki.revoked_key, challenge), challenge, trust, now)) \
        == "certificate_revoked"
    stranger_der = pki.stranger.public_bytes(DER)
    assert _code(lambda: verify_user_auth(stranger_der, good, challenge, trust, now)) == "certificate_untrusted"
    assert _code(lambda: verify_user_auth(b"not a certificate", good, challenge, trust, now)) == "certificate_invalid"
    assert trust.revoked_serials() == [str(pki.revoked.serial_number)]


def test_crl_from_an_untrusted_issuer_is_refused(pki: Any) -> None:
    other_key = certs.new_rsa_key()
    other_ca = certs.make_ca(other_key, pki.now)
    foreign_crl = certs.make_crl(other_key, other_ca, [1], pki.now)
    with pytest.raises(ValueError):
        TrustStore.from_der([pki.ca.public_bytes(DER)], [foreign_crl.public_bytes(DER)])
