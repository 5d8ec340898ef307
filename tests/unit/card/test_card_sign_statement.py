"""CardService.sign_statement: the resident's consent signed on the (simulated) card with the visit's PIN state."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.errors import SecurityNotSatisfied, WrongPin
from kiosk.card.service import CardService
from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now
from kiosk.demo import DemoPKI


@pytest.fixture
def sim(pki: DemoPKI) -> SimulatedBackend:
    return SimulatedBackend(pki=pki)


@pytest.fixture
def service(sim: SimulatedBackend) -> Iterator[CardService]:
    svc = CardService(sim, poll_interval=0.02)
    yield svc
    svc.stop()


def _statement(points: int) -> bytes:
    return encode_statement(ConsentStatement(
        action="payment", municipality_code="132063", shop_id=1, terminal_id=7, point_type_id=1, points=points,
        count=1, nonce=new_nonce(), at=statement_now(datetime.now(UTC))))


def _verifies(pki: DemoPKI, key: str, signature: bytes, statement: bytes) -> None:
    cert = x509.load_der_x509_certificate(pki.resident(key).cert_der or b"")
    public = cert.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    public.verify(signature, statement, padding.PKCS1v15(), hashes.SHA256())


def test_after_authentication_two_statements_are_signed_without_a_second_pin(
    sim: SimulatedBackend, service: CardService, pki: DemoPKI
) -> None:
    sim.reader().insert("yamada")
    service.authenticate("1234", b"\x02" * 32).result()
    first, second = _statement(100), _statement(250)
    sig1 = service.sign_statement(first).result()
    sig2 = service.sign_statement(second).result()  # the card keeps the verified state while it stays
    _verifies(pki, "yamada", sig1, first)
    _verifies(pki, "yamada", sig2, second)
    assert sig1 != sig2
    assert service.jpki_tries_left().result() == 3  # no PIN try was used


def test_without_a_verified_pin_nothing_is_signed(sim: SimulatedBackend, service: CardService, pki: DemoPKI) -> None:
    sim.reader().insert("suzuki")
    with pytest.raises(SecurityNotSatisfied):
        service.sign_statement(_statement(10)).result()  # fresh card: no PIN verified in this visit
    service.authenticate("1234", b"c").result()
    service.release_card().result()  # between residents: the reset drops the verification
    with pytest.raises(SecurityNotSatisfied):
        service.sign_statement(_statement(10)).result()
    sim.reader().insert("yamada")  # another resident's card (a new visit): nothing carries over
    with pytest.raises(SecurityNotSatisfied):
        service.sign_statement(_statement(10)).result()


def test_with_a_pin_it_verifies_once_and_never_retries(
    sim: SimulatedBackend, service: CardService, pki: DemoPKI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.reader().insert("ito")
    statement = _statement(40)
    with pytest.raises(WrongPin) as wrong:
        service.sign_statement(statement, pin="9876").result()
    assert wrong.value.tries_left == 2
    assert service.jpki_tries_left().result() == 2  # exactly one try used: never retried
    signature = service.sign_statement(statement, pin="1234").result()
    _verifies(pki, "ito", signature, statement)
    assert service.sign_statement(_statement(41)).result()  # and the PIN state holds for the next one
    assert "9876" not in caplog.text and "1234" not in caplog.text
