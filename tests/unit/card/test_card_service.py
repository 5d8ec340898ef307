"""CardService on the simulated backend: the card thread, events, the high-level API and typed errors."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.errors import (
    CardRemoved,
    ConsentRequired,
    InvalidPinFormat,
    NoCard,
    PinBlocked,
    WrongPin,
)
from kiosk.card.events import CardInsertedEvent, CardRemovedEvent, ReaderAddedEvent, ReaderRemovedEvent
from kiosk.card.service import CardService
from kiosk.card.session import CardSession
from kiosk.demo import DemoPKI


@pytest.fixture
def sim(pki: DemoPKI) -> SimulatedBackend:
    return SimulatedBackend(pki=pki)


@pytest.fixture
def service(sim: SimulatedBackend) -> Iterator[CardService]:
    svc = CardService(sim, poll_interval=0.02)
    yield svc
    svc.stop()


def wait_for(events: list[object], predicate: object, timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(predicate(e) for e in events):  # type: ignore[operator]
            return
        time.sleep(0.01)
    raise AssertionError(f"event not seen: {events}")


def test_events_for_readers_and_cards(sim: SimulatedBackend, service: CardService) -> None:
    events: list[object] = []
    threads: set[str] = set()

    def listener(event: object) -> None:
        events.append(event)
        threads.add(threading.current_thread().name)

    service.subscribe(listener)
    service.start()
    wait_for(events, lambda e: isinstance(e, ReaderAddedEvent))
    sim.reader().insert("suzuki")
    wait_for(events, lambda e: isinstance(e, CardInsertedEvent) and e.is_my_number_card)
    sim.reader().remove()
    wait_for(events, lambda e: isinstance(e, CardRemovedEvent))
    sim.plug_reader("Second Reader")
    wait_for(events, lambda e: e == ReaderAddedEvent("Second Reader"))
    sim.unplug_reader("Second Reader")
    wait_for(events, lambda e: e == ReaderRemovedEvent("Second Reader"))
    assert all(name.startswith("card") for name in threads)


def test_authentication_flow_signature_verifies(sim: SimulatedBackend, service: CardService, pki: DemoPKI) -> None:
    sim.reader().insert("yamada")
    cert = service.read_user_auth_certificate().result()
    assert x509.load_der_x509_certificate(cert.ca_cert_der).subject == pki.ca_certificate().subject
    assert service.jpki_tries_left().result() == 3
    auth = service.authenticate("1234", b"\x01" * 32).result()
    pub = x509.load_der_x509_certificate(auth.cert_der).public_key()
    assert isinstance(pub, rsa.RSAPublicKey)
    pub.verify(auth.signature, b"\x01" * 32, padding.PKCS1v15(), hashes.SHA256())
    stats = service.stats().result()
    # select AP, 2 x (select EF + one extended read), select PIN EF, tries, verify, select key EF, sign
    assert stats.apdu_count == 10


def test_wrong_pin_then_blocked_with_messages(sim: SimulatedBackend, service: CardService) -> None:
    sim.reader().insert("ito")
    with pytest.raises(WrongPin) as first:
        service.sign_challenge("0000", b"c").result()
    assert first.value.tries_left == 2 and "残り2回" in first.value.message_ja
    with pytest.raises(WrongPin) as last:
        service.sign_challenge("0000", b"c").result()
    assert last.value.tries_left == 1 and "ロック" in last.value.message_ja and "locks" in last.value.message_en
    with pytest.raises(PinBlocked):
        service.sign_challenge("0000", b"c").result()
    assert service.jpki_tries_left().result() == 0
    with pytest.raises(PinBlocked):
        service.sign_challenge("1234", b"c").result()
    # the card-text PIN is a separate counter
    assert service.text_tries_left().result() == 3


def test_blocked_resident(sim: SimulatedBackend, service: CardService) -> None:
    sim.reader().insert("tanaka")
    assert service.jpki_tries_left().result() == 0
    with pytest.raises(PinBlocked) as info:
        service.authenticate("1234", b"c").result()
    assert "窓口" in info.value.message_ja


def test_basic_items_need_consent_and_give_the_municipality(sim: SimulatedBackend, service: CardService) -> None:
    sim.reader().insert("kobayashi")
    with pytest.raises(ConsentRequired):
        service.read_basic_items("5678", consent=False).result()
    items = service.read_basic_items("5678", consent=True).result()
    assert items.municipality is not None and items.municipality.full_name == "長野県北佐久郡軽井沢町"
    with pytest.raises(WrongPin) as info:
        service.read_basic_items("1111", consent=True).result()
    assert info.value.pin == "text" and info.value.tries_left == 2
    assert service.jpki_tries_left().result() == 3


@pytest.mark.parametrize("pin", ["123", "12345", "abcd", "１２３４", ""])
def test_pin_format_is_checked_before_any_try(sim: SimulatedBackend, service: CardService, pin: str) -> None:
    sim.reader().insert("yamada")
    with pytest.raises(InvalidPinFormat):
        service.sign_challenge(pin, b"c").result()
    assert service.jpki_tries_left().result() == 3


def test_no_card_and_removal_drop_the_residents_state(sim: SimulatedBackend, service: CardService) -> None:
    with pytest.raises(NoCard):
        service.read_user_auth_certificate().result()
    sim.reader().insert("yamada")
    first = service.read_user_auth_certificate().result()
    sim.reader().insert("suzuki")  # swapped between two polls
    with pytest.raises(CardRemoved):
        service.jpki_tries_left().result()
    second = service.read_user_auth_certificate().result()
    assert second.cert_der != first.cert_der


def test_release_resets_the_card(sim: SimulatedBackend, service: CardService) -> None:
    sim.reader().insert("yamada")
    service.authenticate("1234", b"c").result()
    service.release_card().result()
    from kiosk.card import jpki
    from kiosk.card.errors import SecurityNotSatisfied

    with pytest.raises(SecurityNotSatisfied):
        service.run(lambda s: (jpki.select(s), jpki.sign_verified(s, b"c"))).result()


def test_card_traffic_only_on_the_card_thread(sim: SimulatedBackend, service: CardService) -> None:
    sim.reader().insert("yamada")
    with pytest.raises(AssertionError, match="card thread"):
        service._with_session(lambda s: None)


def test_only_real_card_sessions_are_accepted(sim: SimulatedBackend, service: CardService) -> None:
    class Sneaky:
        name = "sneaky"

        def poll(self) -> list[object]:
            return sim.poll()  # type: ignore[return-value]

        def connect(self, reader: str) -> object:
            return object()

        def close(self) -> None:
            pass

    sim.reader().insert("yamada")
    svc = CardService(Sneaky())  # type: ignore[arg-type]
    try:
        with pytest.raises(TypeError, match="CardSession"):
            svc.jpki_tries_left().result()
    finally:
        svc.stop()
    with pytest.raises(TypeError):
        type("Sub", (CardSession,), {})


def test_short_length_reader_reads_in_chunks(pki: DemoPKI) -> None:
    sim = SimulatedBackend(pki=pki, extended_length=False)
    sim.reader().insert("yamada")
    svc = CardService(sim)
    try:
        cert = svc.read_user_auth_certificate().result()
        stats = svc.stats().result()
    finally:
        svc.stop()
    expected = 1 + 2 * 1 + -(-len(cert.cert_der) // 256) + -(-len(cert.ca_cert_der) // 256)
    assert stats.apdu_count == expected
    x509.load_der_x509_certificate(cert.cert_der)


def test_a_foreign_card_is_reported_and_refused(sim: SimulatedBackend, service: CardService) -> None:
    from kiosk.card.errors import NotMyNumberCard

    events: list[object] = []
    service.subscribe(events.append)
    service.start()
    sim.reader().insert_foreign()
    wait_for(events, lambda e: isinstance(e, CardInsertedEvent) and not e.is_my_number_card)
    with pytest.raises(NotMyNumberCard) as info:
        service.read_user_auth_certificate().result()
    assert "マイナンバーカード" in info.value.message_ja


def test_reader_unplugged_mid_session_is_typed(sim: SimulatedBackend, service: CardService) -> None:
    from kiosk.card.errors import ReaderGone

    events: list[object] = []
    service.subscribe(events.append)
    sim.reader().insert("yamada")
    service.read_user_auth_certificate().result()
    sim.unplug_reader("Simulated Reader 0")
    with pytest.raises(ReaderGone):
        service.jpki_tries_left().result()
    assert CardRemovedEvent("Simulated Reader 0") in events


def test_a_second_card_does_not_take_the_first_readers_session(pki: DemoPKI) -> None:
    sim = SimulatedBackend(pki=pki, readers=("Reader A", "Reader B"))
    svc = CardService(sim, poll_interval=0.02)
    events: list[object] = []
    svc.subscribe(events.append)
    try:
        svc.start()
        sim.reader("Reader A").insert("yamada")
        wait_for(events, lambda e: e == CardInsertedEvent("Reader A", True))
        svc.authenticate("1234", b"c").result()
        sim.reader("Reader B").insert_foreign()
        wait_for(events, lambda e: e == CardInsertedEvent("Reader B", False))
        # the first card's session (and its verified PIN) is untouched
        from kiosk.card import jpki

        assert len(svc.run(lambda s: jpki.sign_verified(s, b"again")).result()) == 256
    finally:
        svc.stop()


def test_falls_back_to_short_apdus_when_the_card_refuses_extended_length(pki: DemoPKI) -> None:
    sim = SimulatedBackend(pki=pki, card_extended_length=False)  # the reader could, the card cannot
    sim.reader().insert("suzuki")
    svc = CardService(sim)
    try:
        cert = svc.read_user_auth_certificate().result()
        stats = svc.stats().result()
    finally:
        svc.stop()
    assert cert.cert_der == pki.resident("suzuki").cert_der
    # select AP, select EF, one refused extended read (6700), then 256-byte chunks for both certificates
    assert stats.apdu_count == 1 + 2 + 1 + -(-len(cert.cert_der) // 256) + -(-len(cert.ca_cert_der) // 256)
