"""Verification of a JPKI user-authentication signature: signature, chain to a trusted CA, revocation.

Pure functions over DER bytes (no database): the trust store is passed in.
The signature is RSA PKCS#1 v1.5 over SHA-256 of the challenge (the card signs a SHA-256 DigestInfo).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk_cloud.errors import ApiError


@dataclass(frozen=True)
class CertInfo:
    fingerprint: str  # SHA-256 of the DER, lower-case hex
    serial: str  # decimal
    issuer: str  # RFC 4514
    not_after: datetime


@dataclass
class TrustStore:
    cas: list[x509.Certificate] = field(default_factory=list)
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)

    @classmethod
    def from_der(cls, ca_ders: list[bytes], crl_ders: list[bytes]) -> TrustStore:
        store = cls([x509.load_der_x509_certificate(d) for d in ca_ders], [])
        for der in crl_ders:
            store.crls.append(load_crl_checked(der, store.cas))
        return store

    def revoked_serials(self) -> list[str]:
        return sorted({str(item.serial_number) for crl in self.crls for item in crl}, key=int)


def load_crl_checked(der: bytes, cas: list[x509.Certificate]) -> x509.CertificateRevocationList:
    """Load a CRL and check that one of the trusted CAs signed it."""
    crl = x509.load_der_x509_crl(der)
    for ca in cas:
        if ca.subject == crl.issuer and crl.is_signature_valid(ca.public_key()):  # type: ignore[arg-type]
            return crl
    raise ValueError("the CRL is not signed by a trusted CA")


def cert_info(cert: x509.Certificate, der: bytes) -> CertInfo:
    return CertInfo(
        fingerprint=hashlib.sha256(der).hexdigest(),
        serial=str(cert.serial_number),
        issuer=cert.issuer.rfc4514_string(),
        not_after=cert.not_valid_after_utc,
    )


def verify_user_auth(
    cert_der: bytes, signature: bytes, challenge: bytes, trust: TrustStore, now: datetime
) -> CertInfo:
    """Raise ApiError (certificate_* / signature_invalid) unless everything checks out."""
    try:
        cert = x509.load_der_x509_certificate(cert_der)
    except ValueError:
        raise ApiError("certificate_invalid") from None
    issuer_ca = _find_issuer(cert, trust.cas)
    if issuer_ca is None:
        raise ApiError("certificate_untrusted")
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise ApiError("certificate_expired")
    for crl in trust.crls:
        if crl.issuer == cert.issuer and crl.get_revoked_certificate_by_serial_number(cert.serial_number):
            raise ApiError("certificate_revoked")
    public_key = cert.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ApiError("certificate_invalid", "not an RSA key")
    try:
        public_key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise ApiError("signature_invalid") from None
    return cert_info(cert, cert_der)


def _find_issuer(cert: x509.Certificate, cas: list[x509.Certificate]) -> x509.Certificate | None:
    for ca in cas:
        if ca.subject != cert.issuer:
            continue
        try:
            cert.verify_directly_issued_by(ca)
        except (ValueError, TypeError, InvalidSignature):
            continue
        return ca
    return None
