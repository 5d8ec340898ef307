"""Verification of a JPKI user-authentication signature: signature, chain to a trusted CA, revocation.

Pure functions over DER bytes (no database): the trust store is passed in.
The signature is RSA PKCS#1 v1.5 over SHA-256 of the challenge (the card signs a SHA-256 DigestInfo).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

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


def crl_number(crl: x509.CertificateRevocationList) -> int | None:
    try:
        return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number)
    except x509.ExtensionNotFound:
        return None


def crl_is_newer(new: x509.CertificateRevocationList, old: x509.CertificateRevocationList) -> bool:
    """True only when `new` supersedes `old` (same issuer): a higher CRL number (when both have one) and a
    last_update not earlier; without numbers, a strictly later last_update. An older list never wins."""
    new_n, old_n = crl_number(new), crl_number(old)
    if new.last_update_utc < old.last_update_utc:
        return False
    if new_n is not None and old_n is not None:
        return new_n > old_n
    return new.last_update_utc > old.last_update_utc


def require_current_crl(trust: TrustStore, issuer: x509.Name | str, now: datetime, grace_s: int) -> None:
    """Raise ApiError("revocation_list_stale") unless the trust store holds a CRL of `issuer` whose next-update
    plus `grace_s` is not past at `now` (without a current list a revoked card cannot be told apart)."""
    name = issuer.rfc4514_string() if isinstance(issuer, x509.Name) else issuer
    lists = [crl for crl in trust.crls if crl.issuer.rfc4514_string() == name]
    if not lists:
        raise ApiError("revocation_list_stale", "no revocation list is installed for the card's issuer")
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    latest = max((crl.next_update_utc for crl in lists if crl.next_update_utc is not None), default=None)
    if latest is not None and latest + timedelta(seconds=grace_s) < now:
        raise ApiError("revocation_list_stale", f"its next update was due {latest.isoformat()}")


def verify_user_auth(
    cert_der: bytes, signature: bytes, challenge: bytes, trust: TrustStore, now: datetime,
    crl_grace_s: int | None = None,
) -> CertInfo:
    """Raise ApiError (certificate_* / signature_invalid / revocation_list_stale) unless everything checks out.
    With `crl_grace_s`, the issuer's CRL must be current (`require_current_crl`)."""
    try:
        cert = x509.load_der_x509_certificate(cert_der)
        # fields are parsed lazily: read them here, so a damaged certificate is certificate_invalid, not a 500
        _ = (cert.issuer, cert.subject, cert.serial_number, cert.not_valid_before_utc, cert.not_valid_after_utc)
    except (ValueError, x509.InvalidVersion):
        raise ApiError("certificate_invalid") from None
    issuer_ca = _find_issuer(cert, trust.cas)
    if issuer_ca is None:
        raise ApiError("certificate_untrusted")
    if crl_grace_s is not None:
        require_current_crl(trust, cert.issuer, now, crl_grace_s)
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
