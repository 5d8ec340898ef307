"""The real PC/SC path: pcscd + vsmartcard-vpcd + libpcsclite + pyscard, with the software card as vpcd card."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest
from cardtest_pcscd import VPCD_PORT, VPCD_PORT_2, VPCD_READER, VPCD_READER_2, Pcscd
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card import constants as c
from kiosk.card import jpki
from kiosk.card.apdu import CommandApdu
from kiosk.card.backends.pcsc import PcscBackend
from kiosk.card.errors import CardRemoved, ForbiddenApdu, SecurityNotSatisfied, WrongPin
from kiosk.card.events import CardInsertedEvent, CardRemovedEvent
from kiosk.card.service import CardService
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.vpcd import VpcdCard
from kiosk.demo import DemoPKI

pytestmark = pytest.mark.pcsc


@pytest.fixture
def service(pcscd: Pcscd) -> Iterator[CardService]:
    svc = CardService(PcscBackend(), poll_interval=0.05, reader=None)
    yield svc
    svc.stop()


def reader_for(port: int) -> str:
    return VPCD_READER if port == VPCD_PORT else VPCD_READER_2


def card_seen(reader: str) -> bool:
    probe = PcscBackend()
    try:
        return {r.name: r.card_present for r in probe.poll()}.get(reader, False)
    finally:
        probe.close()


def remove(vc: VpcdCard) -> None:
    """Take the card away and wait until pcscd has noticed (it polls the virtual reader on its own schedule)."""
    if not vc.inserted:
        return
    vc.stop()
    wait_until(lambda: not card_seen(reader_for(vc.port)))


@pytest.fixture
def place(pki: DemoPKI) -> Iterator[object]:
    placed: list[VpcdCard] = []

    def _place(resident: str, port: int = VPCD_PORT, **kw: object) -> VpcdCard:
        card = SoftCard(pki.resident(resident), pki.ca_cert_der, **kw)  # type: ignore[arg-type]
        vc = VpcdCard(card, port=port).start()
        placed.append(vc)
        wait_until(lambda: card_seen(reader_for(port)))
        return vc

    yield _place
    for vc in placed:
        remove(vc)


def wait_until(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def test_readers_are_listed_and_the_card_is_seen(pcscd: Pcscd, place: object, pki: DemoPKI) -> None:
    backend = PcscBackend()
    names = [r.name for r in backend.poll()]
    assert VPCD_READER in names and VPCD_READER_2 in names
    vc = place("yamada")  # type: ignore[operator]
    wait_until(lambda: {r.name: r.card_present for r in backend.poll()}[VPCD_READER])
    remove(vc)
    assert not {r.name: r.card_present for r in backend.poll()}[VPCD_READER]
    backend.close()


def test_full_authentication_through_pcscd(service: CardService, place: object, pki: DemoPKI) -> None:
    place("suzuki")  # type: ignore[operator]
    cert = service.read_user_auth_certificate().result(timeout=10)
    assert cert.cert_der == pki.resident("suzuki").cert_der
    first = service.stats().result()
    assert first.apdu_count == 5  # one extended READ BINARY per certificate
    auth = service.authenticate("1234", b"\x07" * 32).result(timeout=10)
    pub = x509.load_der_x509_certificate(auth.cert_der).public_key()
    assert isinstance(pub, rsa.RSAPublicKey)
    pub.verify(auth.signature, b"\x07" * 32, padding.PKCS1v15(), hashes.SHA256())
    items = service.read_basic_items("5678", consent=True).result(timeout=10)
    assert items.municipality is not None and items.municipality.code == "132063"
    with pytest.raises(WrongPin):
        service.sign_challenge("9999", b"x").result(timeout=10)


def test_events_and_state_dropped_on_removal(service: CardService, place: object, pki: DemoPKI) -> None:
    events: list[object] = []
    service.subscribe(events.append)
    service.start()
    vc = place("yamada")  # type: ignore[operator]
    wait_until(lambda: CardInsertedEvent(VPCD_READER, True) in events)
    service.read_user_auth_certificate().result(timeout=10)
    remove(vc)
    wait_until(lambda: CardRemovedEvent(VPCD_READER) in events)
    with pytest.raises(Exception):  # noqa: B017 - NoCard: nothing on any reader
        service.read_user_auth_certificate().result(timeout=10)
    place("ito")  # type: ignore[operator]
    wait_until(lambda: events.count(CardInsertedEvent(VPCD_READER, True)) == 2)
    assert service.read_user_auth_certificate().result(timeout=10).cert_der == pki.resident("ito").cert_der


def test_second_reader_and_disconnect_with_reset(pcscd: Pcscd, place: object) -> None:
    svc = CardService(PcscBackend(), reader=VPCD_READER_2)
    try:
        vc = place("takahashi", port=VPCD_PORT_2)  # type: ignore[operator]
        wait_until(lambda: vc.connected.is_set())
        svc.authenticate("1234", b"c").result(timeout=10)
        svc.release_card().result()  # SCardDisconnect(SCARD_RESET_CARD): vpcd sends reset, the card forgets
        with pytest.raises(SecurityNotSatisfied):
            svc.run(lambda s: (jpki.select(s), jpki.sign_verified(s, b"c"))).result(timeout=10)
    finally:
        svc.stop()


def test_card_removed_mid_session_is_typed(service: CardService, place: object) -> None:
    vc = place("yamada")  # type: ignore[operator]
    service.read_user_auth_certificate().result(timeout=10)
    remove(vc)
    with pytest.raises(CardRemoved):
        service.run(jpki.tries_left).result(timeout=10)


def test_short_apdus_when_extended_length_is_off(pcscd: Pcscd, place: object) -> None:
    svc = CardService(PcscBackend(extended_length=False))
    try:
        place("yamada")  # type: ignore[operator]
        cert = svc.read_user_auth_certificate().result(timeout=10)
        stats = svc.stats().result()
        assert stats.apdu_count == 3 + -(-len(cert.cert_der) // 256) + -(-len(cert.ca_cert_der) // 256)
    finally:
        svc.stop()


def test_guard_holds_on_the_pcsc_backend(pcscd: Pcscd, place: object) -> None:
    vc = place("yamada")  # type: ignore[operator]
    backend = PcscBackend()
    wait_until(lambda: {r.name: r.card_present for r in backend.poll()}[VPCD_READER])
    session = backend.connect(VPCD_READER)
    try:
        session.transmit(CommandApdu(0, 0xA4, 4, 0x0C, c.TEXT_AID))
        before = vc.card.stats.commands
        for apdu in (
            CommandApdu(0, 0xA4, 2, 0x0C, b"\x00\x01"),
            CommandApdu(0, 0xA4, 2, 0x0C, b"\x00\x14"),
            CommandApdu(0, 0xB0, 0x81, 0, le=256),
            CommandApdu(0, 0xA4, 4, 0x0C, c.CARD_FACE_AID),
        ):
            with pytest.raises(ForbiddenApdu):
                session.transmit(apdu)
        assert vc.card.stats.commands == before
    finally:
        session.close()
        backend.close()


@pytest.mark.skipif(shutil.which("opensc-tool") is None and not os.environ.get("CI"), reason="opensc not installed")
@pytest.mark.parametrize(
    "atr",
    ["3BE000FF8131FE4514", "3B8880010000000000718100F9"],  # the card's own ATR; one a contactless reader invents
    ids=["card-atr", "generic-atr"],
)
def test_opensc_identifies_the_emulated_card(pcscd: Pcscd, pki: DemoPKI, atr: str) -> None:
    """OpenSC probes with other drivers' APDUs first; the software card must answer them like a card."""
    card = SoftCard(pki.resident("yamada"), pki.ca_cert_der, atr=bytes.fromhex(atr))
    vc = VpcdCard(card).start()
    try:
        wait_until(lambda: card_seen(VPCD_READER))
        name = subprocess.run(["opensc-tool", "--reader", "0", "--name"], capture_output=True, text=True, timeout=60)
        assert name.stdout.strip().lower() == "jpki", name.stdout + name.stderr
        certs = subprocess.run(
            ["pkcs15-tool", "--reader", "0", "--list-certificates"], capture_output=True, text=True, timeout=60
        )
        assert "User Authentication Certificate" in certs.stdout, certs.stdout + certs.stderr
        serial = format(pki.resident("yamada").cert_serial or 0, "X")
        assert serial in certs.stdout.replace(" ", "")
        pins = subprocess.run(["pkcs15-tool", "--reader", "0", "--list-pins"], capture_output=True, text=True, timeout=60)
        assert "User Authentication PIN" in pins.stdout and "Tries left     : 3" in pins.stdout
    finally:
        remove(vc)

