"""services.card_facts: the cached certificate facts give the same answers as the uncached jpki checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from kiosk.demo import certs
from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk_cloud import jpki
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import TrustStore
from kiosk_cloud.services.card_facts import card_facts, crl_current


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPKI:
    return ensure_demo_pki(Path(tmp_path_factory.mktemp("pki")) / "pki")


def _uncached(der: bytes, trust: TrustStore, now: datetime, grace_s: int) -> tuple[bool, bool, str | None, object]:
    cert = x509.load_der_x509_certificate(der)
    try:
        jpki.require_current_crl(trust, cert.issuer, now, grace_s)
        stale = None
    except ApiError as exc:
        stale = exc.code
    revoked = any(crl.issuer == cert.issuer and crl.get_revoked_certificate_by_serial_number(cert.serial_number)
                  for crl in trust.crls)
    return jpki._find_issuer(cert, trust.cas) is not None, revoked, stale, jpki.cert_info(cert, der)


def test_same_answers_as_the_uncached_checks(pki: DemoPKI) -> None:
    trust = TrustStore.from_der([pki.ca_cert_der], [pki.crl_der])
    strangers = TrustStore.from_der([certs.make_ca(certs.new_rsa_key(), datetime.now(UTC)).public_bytes(
        serialization.Encoding.DER)], [])
    now = datetime.now(UTC)
    ders = [r.cert_der for r in pki.residents if r.cert_der is not None]
    assert any(r.revoked for r in pki.residents)
    for store in (trust, strangers):
        for grace, when in ((0, now), (0, now + timedelta(days=400)), (10**9, now + timedelta(days=400))):
            for der in ders:
                facts = card_facts(der, store)
                trusted, revoked, stale, info = _uncached(der, store, when, grace)
                assert (facts.trusted, facts.revoked, facts.info) == (trusted, revoked, info)
                assert (crl_current(facts, when, grace) is None) == (stale is None)
                assert card_facts(der, store) is facts  # remembered


def test_a_new_trust_store_is_a_new_cache(pki: DemoPKI) -> None:
    der = next(r.cert_der for r in pki.residents if r.cert_der is not None)
    first = card_facts(der, TrustStore.from_der([pki.ca_cert_der], [pki.crl_der]))
    second = card_facts(der, TrustStore.from_der([pki.ca_cert_der], []))
    assert first is not second and first.has_crl and not second.has_crl
    with pytest.raises(ValueError):
        card_facts(b"not a certificate", TrustStore.from_der([pki.ca_cert_der], []))
