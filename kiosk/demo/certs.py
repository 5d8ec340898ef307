"""Issuing the demo JPKI certificates (X.509, RSA-2048) and the CRL with `cryptography`.

The shapes follow the real JPKI user-authentication certificates: the subject carries no personal data
(C=JP plus an opaque identifier), key usage is digitalSignature only, and the issuer names the user-auth CA.
Every name says DEMO so that nobody mistakes these for real certificates.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

CA_SUBJECT = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "JPKI DEMO"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "JPKI for user authentication (DEMO, not a real CA)"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "MyKey kiosk test PKI"),
    ]
)
# the certificate policy OID of JPKI user-authentication certificates
USER_AUTH_POLICY = x509.ObjectIdentifier("1.2.392.200149.8.5.1.3.10")
CRL_URL = "http://jpki-demo.invalid/crl/user-auth.crl"


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca(key: rsa.RSAPrivateKey, now: datetime) -> x509.Certificate:
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    return (
        x509.CertificateBuilder()
        .subject_name(CA_SUBJECT)
        .issuer_name(CA_SUBJECT)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )


def make_user_auth_cert(
    ca_key: rsa.RSAPrivateKey,
    ca_cert: x509.Certificate,
    subject_key: rsa.RSAPublicKey,
    now: datetime,
    years: int = 5,
) -> x509.Certificate:
    # real user-auth certificates carry an opaque identifier, no name or address
    opaque = secrets.token_hex(12).upper()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"DEMO{opaque}"),
        ]
    )
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(subject_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.CertificatePolicies([x509.PolicyInformation(USER_AUTH_POLICY, None)]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(subject_key), critical=False)
        .add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(CRL_URL)], None, None, None)]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )


def make_crl(
    ca_key: rsa.RSAPrivateKey, ca_cert: x509.Certificate, revoked: list[int], now: datetime
) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=365))
        .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
    )
    for serial in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(now - timedelta(days=1))
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False)
            .build()
        )
    return builder.sign(ca_key, hashes.SHA256())


def utcnow() -> datetime:
    return datetime.now(UTC)
