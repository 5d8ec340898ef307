"""`ensure_demo_pki(directory)`: the demo/test JPKI user-auth PKI, created once and then loaded.

Layout of `directory` (all files written by this module only):
    manifest.json            residents (public test data incl. demo PINs) and certificate serials
    ca.key.pem / ca.crt.pem  the test user-auth CA (RSA-2048)
    crl.der                  the CRL listing the revoked resident (re-issued when it nears nextUpdate)
    residents/<key>.key.pem  each resident's user-auth private key (RSA-2048, unencrypted: test data)
    residents/<key>.crt      each resident's user-auth certificate (DER)
Creation happens in a temporary sibling directory that is renamed into place, so two processes calling this at
once both end up with the same PKI.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.demo import certs
from kiosk.demo.residents import DEMO_JPKI_PIN, DEMO_TEXT_PIN, ResidentSpec, resident_specs

MANIFEST = "manifest.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class DemoResident:
    key: str
    name: str
    address: str
    birth_date: str
    sex: str
    jpki_pin: str
    text_pin: str
    blocked: bool
    revoked: bool
    has_signing_cert: bool
    cert_der: bytes | None
    private_key_pem: bytes | None
    municipality_code: str

    @property
    def cert_serial(self) -> int | None:
        return x509.load_der_x509_certificate(self.cert_der).serial_number if self.cert_der else None

    def private_key(self) -> rsa.RSAPrivateKey:
        if self.private_key_pem is None:
            raise ValueError(f"resident {self.key} has no user-auth key")
        # our own freshly generated test keys: skip OpenSSL's slow RSA consistency check
        key = serialization.load_pem_private_key(
            self.private_key_pem, password=None, unsafe_skip_rsa_key_validation=True
        )
        assert isinstance(key, rsa.RSAPrivateKey)
        return key


@dataclass
class DemoPKI:
    directory: Path
    ca_cert_pem: bytes
    crl_der: bytes
    revoked_serials: set[int]
    residents: list[DemoResident]
    _ca_key_pem: bytes = field(repr=False, default=b"")

    @property
    def ca_cert_der(self) -> bytes:
        return self.ca_certificate().public_bytes(serialization.Encoding.DER)

    def ca_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.ca_cert_pem)

    def resident(self, key: str) -> DemoResident:
        for r in self.residents:
            if r.key == key:
                return r
        raise KeyError(key)

    def renew(self, key: str) -> DemoResident:
        """A renewed card for `key`: new key pair and certificate from the same CA (not persisted).

        For tests of rule 4 (a renewed certificate moves the MyKey ID binding)."""
        ca_key = serialization.load_pem_private_key(self._ca_key_pem, password=None)
        assert isinstance(ca_key, rsa.RSAPrivateKey)
        new_key = certs.new_rsa_key()
        cert = certs.make_user_auth_cert(ca_key, self.ca_certificate(), new_key.public_key(), certs.utcnow())
        return replace(
            self.resident(key),
            cert_der=cert.public_bytes(serialization.Encoding.DER),
            private_key_pem=_key_pem(new_key),
            revoked=False,
        )


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _spec_json(spec: ResidentSpec, serial: int) -> dict[str, object]:
    return {
        "key": spec.key, "name": spec.name, "address": spec.address, "birth_date": spec.birth_date,
        "sex": spec.sex, "municipality_code": spec.municipality_code, "blocked": spec.blocked,
        "revoked": spec.revoked, "has_signing_cert": spec.has_signing_cert, "jpki_pin": DEMO_JPKI_PIN,
        "text_pin": DEMO_TEXT_PIN, "cert_serial": str(serial),
    }


def _create(target: Path) -> None:
    now = certs.utcnow()
    ca_key = certs.new_rsa_key()
    ca_cert = certs.make_ca(ca_key, now)
    (target / "residents").mkdir(parents=True)
    (target / "ca.key.pem").write_bytes(_key_pem(ca_key))
    (target / "ca.crt.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    entries = []
    revoked: list[int] = []
    for spec in resident_specs(now.date()):
        key = certs.new_rsa_key()
        cert = certs.make_user_auth_cert(ca_key, ca_cert, key.public_key(), now)
        (target / "residents" / f"{spec.key}.key.pem").write_bytes(_key_pem(key))
        (target / "residents" / f"{spec.key}.crt").write_bytes(cert.public_bytes(serialization.Encoding.DER))
        entries.append(_spec_json(spec, cert.serial_number))
        if spec.revoked:
            revoked.append(cert.serial_number)
    crl = certs.make_crl(ca_key, ca_cert, revoked, now)
    (target / "crl.der").write_bytes(crl.public_bytes(serialization.Encoding.DER))
    manifest = {"format": FORMAT_VERSION, "created_at": now.isoformat(), "residents": entries}
    # the manifest is written last: its presence marks a complete PKI
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def _refresh_crl_if_due(directory: Path, revoked: set[int]) -> bytes:
    crl_der = (directory / "crl.der").read_bytes()
    crl = x509.load_der_x509_crl(crl_der)
    next_update = crl.next_update_utc
    if next_update is not None and next_update - certs.utcnow() > timedelta(days=30):
        return crl_der
    ca_key = serialization.load_pem_private_key((directory / "ca.key.pem").read_bytes(), password=None)
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    ca_cert = x509.load_pem_x509_certificate((directory / "ca.crt.pem").read_bytes())
    fresh = certs.make_crl(ca_key, ca_cert, sorted(revoked), certs.utcnow())
    crl_der = fresh.public_bytes(serialization.Encoding.DER)
    tmp = directory / f".crl.{uuid.uuid4().hex}"
    tmp.write_bytes(crl_der)
    os.replace(tmp, directory / "crl.der")
    return crl_der


def _load(directory: Path) -> DemoPKI:
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise ValueError(f"{directory}: unknown demo PKI format {manifest.get('format')!r}")
    residents = []
    revoked: set[int] = set()
    for e in manifest["residents"]:
        rdir = directory / "residents"
        residents.append(
            DemoResident(
                key=e["key"], name=e["name"], address=e["address"], birth_date=e["birth_date"], sex=e["sex"],
                jpki_pin=e["jpki_pin"], text_pin=e["text_pin"], blocked=e["blocked"], revoked=e["revoked"],
                has_signing_cert=e["has_signing_cert"], municipality_code=e["municipality_code"],
                cert_der=(rdir / f"{e['key']}.crt").read_bytes(),
                private_key_pem=(rdir / f"{e['key']}.key.pem").read_bytes(),
            )
        )
        if e["revoked"]:
            revoked.add(int(e["cert_serial"]))
    return DemoPKI(
        directory=directory,
        ca_cert_pem=(directory / "ca.crt.pem").read_bytes(),
        crl_der=_refresh_crl_if_due(directory, revoked),
        revoked_serials=revoked,
        residents=residents,
        _ca_key_pem=(directory / "ca.key.pem").read_bytes(),
    )


def ensure_demo_pki(directory: Path) -> DemoPKI:
    """Create (first call) or load the demo PKI in `directory`. Safe to call from several processes."""
    directory = Path(directory)
    if not (directory / MANIFEST).exists():
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = directory.parent / f".{directory.name}.tmp-{uuid.uuid4().hex}"
        try:
            _create(tmp)
            if directory.exists() and not any(directory.iterdir()):
                directory.rmdir()
            try:
                os.rename(tmp, directory)
            except OSError:
                if not (directory / MANIFEST).exists():
                    raise  # not a lost race: something else is in the way
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return _load(directory)
