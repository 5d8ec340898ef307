"""The demo PKI: real certificates, a real CRL, created once and loaded after."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.demo import DEMO_JPKI_PIN, DEMO_TEXT_PIN, ensure_demo_pki


def test_certificates_chain_to_the_ca_and_keys_match(tmp_path: Path) -> None:
    pki = ensure_demo_pki(tmp_path / "pki")
    ca = pki.ca_certificate()
    ca_key = ca.public_key()
    assert isinstance(ca_key, rsa.RSAPublicKey) and ca_key.key_size == 2048
    assert {r.key for r in pki.residents} >= {"yamada", "suzuki", "tanaka", "sato", "kobayashi"}
    for r in pki.residents:
        assert r.cert_der is not None
        cert = x509.load_der_x509_certificate(r.cert_der)
        cert.verify_directly_issued_by(ca)
        assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
        # no personal data in the user-auth certificate
        assert r.name not in cert.subject.rfc4514_string()
        sig = r.private_key().sign(b"challenge", padding.PKCS1v15(), hashes.SHA256())
        pub = cert.public_key()
        assert isinstance(pub, rsa.RSAPublicKey) and pub.key_size == 2048
        pub.verify(sig, b"challenge", padding.PKCS1v15(), hashes.SHA256())
        assert r.jpki_pin == DEMO_JPKI_PIN and r.text_pin == DEMO_TEXT_PIN


def test_crl_lists_exactly_the_revoked_resident(tmp_path: Path) -> None:
    pki = ensure_demo_pki(tmp_path / "pki")
    crl = x509.load_der_x509_crl(pki.crl_der)
    assert crl.is_signature_valid(pki.ca_certificate().public_key())  # type: ignore[arg-type]
    listed = {rc.serial_number for rc in crl}
    revoked = [r for r in pki.residents if r.revoked]
    assert len(revoked) == 1 and revoked[0].key == "sato"
    assert listed == pki.revoked_serials == {revoked[0].cert_serial}


def test_special_residents(tmp_path: Path) -> None:
    pki = ensure_demo_pki(tmp_path / "pki")
    assert pki.resident("tanaka").blocked
    child = pki.resident("kobayashi")
    assert not child.has_signing_cert
    born = date(int(child.birth_date[:4]), int(child.birth_date[4:6]), int(child.birth_date[6:]))
    assert (date.today() - born).days < 15 * 365
    assert pki.resident("suzuki").municipality_code != pki.resident("tanaka").municipality_code  # two 府中市
    assert all(r.municipality_code.isdigit() and len(r.municipality_code) == 6 for r in pki.residents)


def test_created_once_then_loaded(tmp_path: Path) -> None:
    first = ensure_demo_pki(tmp_path / "pki")
    again = ensure_demo_pki(tmp_path / "pki")
    assert again.ca_cert_pem == first.ca_cert_pem
    assert [r.cert_der for r in again.residents] == [r.cert_der for r in first.residents]


def test_renewal_gives_a_new_certificate_from_the_same_ca(tmp_path: Path) -> None:
    pki = ensure_demo_pki(tmp_path / "pki")
    renewed = pki.renew("yamada")
    assert renewed.cert_der != pki.resident("yamada").cert_der
    assert renewed.cert_der is not None
    x509.load_der_x509_certificate(renewed.cert_der).verify_directly_issued_by(pki.ca_certificate())


def _make(directory: str, queue: multiprocessing.Queue[bytes]) -> None:
    queue.put(ensure_demo_pki(Path(directory)).ca_cert_pem)


def test_two_processes_agree_on_one_pki(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[bytes] = ctx.Queue()
    procs = [ctx.Process(target=_make, args=(str(tmp_path / "pki"), queue)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert results[0] == results[1] == ensure_demo_pki(tmp_path / "pki").ca_cert_pem
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
