"""The nfc backend through nfcpy's own Type 4B / ISO-DEP stack (udp driver), the software card as listener."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import nfc
import nfc.clf
import nfc.tag
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card import constants as c
from kiosk.card import jpki
from kiosk.card.apdu import CommandApdu
from kiosk.card.backends.nfc import NfcBackend
from kiosk.card.errors import CardTimeout, ForbiddenApdu, PinBlocked
from kiosk.card.events import CardInsertedEvent, CardRemovedEvent
from kiosk.card.service import CardService
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.nfc_listener import NfcCardListener
from kiosk.demo import DemoPKI


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def port() -> int:
    return free_udp_port()


@pytest.fixture
def listeners() -> Iterator[list[NfcCardListener]]:
    started: list[NfcCardListener] = []
    yield started
    for listener in started:
        listener.close()


def place(pki: DemoPKI, port: int, listeners: list[NfcCardListener], resident: str = "yamada",
          **kw: object) -> NfcCardListener:
    sign_delay = float(kw.pop("sign_delay", 0.0))  # type: ignore[arg-type]
    card = SoftCard(pki.resident(resident), pki.ca_cert_der, sign_delay=sign_delay)
    listener = NfcCardListener(card, port, **kw).start()  # type: ignore[arg-type]
    listeners.append(listener)
    return listener


def wait_present(backend: NfcBackend) -> None:
    """The listener binds its socket in its own thread: poll (as the service does) until the card answers."""
    deadline = time.monotonic() + 15
    while not backend.poll()[0].card_present:
        assert time.monotonic() < deadline, "the software card was not sensed"


def test_full_flow_with_chained_responses(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    listener = place(pki, port, listeners, "takahashi")
    backend = NfcBackend(path=f"udp:localhost:{port}")
    wait_present(backend)
    svc = CardService(backend)
    try:
        cert = svc.read_user_auth_certificate().result(timeout=20)
        assert cert.cert_der == pki.resident("takahashi").cert_der
        assert svc.stats().result().apdu_count == 5  # extended-length reads: one APDU per certificate
        assert listener.chained_responses >= 8  # 2 KB files in frames of FSD-3 = 253 bytes
        auth = svc.authenticate("1234", b"\x05" * 32).result(timeout=20)
        pub = x509.load_der_x509_certificate(auth.cert_der).public_key()
        assert isinstance(pub, rsa.RSAPublicKey)
        pub.verify(auth.signature, b"\x05" * 32, padding.PKCS1v15(), hashes.SHA256())
        items = svc.read_basic_items("5678", consent=True).result(timeout=20)
        assert items.municipality is not None and items.municipality.code == "271276"
    finally:
        svc.stop()


def test_command_chaining_with_a_small_frame_size(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    listener = place(pki, port, listeners, fsci=2)  # FSC 32: the 57-byte sign command is sent in parts
    backend = NfcBackend(path=f"udp:localhost:{port}")
    wait_present(backend)
    svc = CardService(backend)
    try:
        auth = svc.authenticate("1234", b"\x09" * 32).result(timeout=20)
        assert len(auth.signature) == 256
        assert listener.chained_commands >= 1
    finally:
        svc.stop()


def test_waiting_time_extension_during_signing(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    """The card needs 0.6 s to sign, far beyond its frame waiting time (77 ms): it asks for more time."""
    listener = place(pki, port, listeners, sign_delay=0.6)
    clf = nfc.ContactlessFrontend(f"udp:localhost:{port}")
    try:
        target = clf.sense(nfc.clf.RemoteTarget("106B"), iterations=5, interval=0.1)
        assert target is not None
        tag = nfc.tag.activate(clf, target)
        send = lambda hexapdu: bytes(tag.transceive(bytearray.fromhex(hexapdu)))  # noqa: E731 - FWT timeouts
        assert send("00A4040C0A" + c.JPKI_AID.hex())[-2:] == b"\x90\x00"
        assert send("00A4020C020018")[-2:] == b"\x90\x00"
        assert send("0020008004" + b"1234".hex())[-2:] == b"\x90\x00"
        assert send("00A4020C020017")[-2:] == b"\x90\x00"
        di = jpki.digest_info_sha256(b"wtx")
        start = time.monotonic()
        answer = send(f"802A0080{len(di):02X}{di.hex()}00")
        assert answer[-2:] == b"\x90\x00" and len(answer) == 258
        assert time.monotonic() - start >= 0.6
        assert listener.wtx_sent >= 1
    finally:
        clf.close()


def test_without_wtx_a_slow_card_times_out(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    place(pki, port, listeners, sign_delay=3.0, wtx=False)
    backend = NfcBackend(path=f"udp:localhost:{port}")
    try:
        wait_present(backend)
        session = backend.connect(backend.reader_name)
        jpki.verify_pin(session, "1234")
        jpki.select_ef(session, c.JPKI_USER_AUTH_KEY)
        with pytest.raises(CardTimeout):
            session.transmit(CommandApdu(0x80, 0x2A, 0, 0x80, jpki.digest_info_sha256(b"x"), le=256), timeout=0.3)
    finally:
        backend.close()


def test_events_and_removal(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    svc = CardService(NfcBackend(path=f"udp:localhost:{port}"), poll_interval=0.05)
    events: list[object] = []
    svc.subscribe(events.append)
    svc.start()
    try:
        listener = place(pki, port, listeners, "tanaka")
        deadline = time.monotonic() + 10
        while CardInsertedEvent(f"nfc:udp:localhost:{port}", True) not in events and time.monotonic() < deadline:
            time.sleep(0.02)
        assert CardInsertedEvent(f"nfc:udp:localhost:{port}", True) in events
        with pytest.raises(PinBlocked):
            svc.authenticate("1234", b"c").result(timeout=20)
        listener.stop()
        deadline = time.monotonic() + 10
        while CardRemovedEvent(f"nfc:udp:localhost:{port}") not in events and time.monotonic() < deadline:
            time.sleep(0.02)
        assert CardRemovedEvent(f"nfc:udp:localhost:{port}") in events
    finally:
        svc.stop()


def test_guard_holds_on_the_nfc_backend(pki: DemoPKI, port: int, listeners: list[NfcCardListener]) -> None:
    listener = place(pki, port, listeners)
    backend = NfcBackend(path=f"udp:localhost:{port}")
    try:
        wait_present(backend)
        session = backend.connect(backend.reader_name)
        session.transmit(CommandApdu(0, 0xA4, 4, 0x0C, c.TEXT_AID))
        before = listener.card.stats.commands
        for apdu in (
            CommandApdu(0, 0xA4, 2, 0x0C, b"\x00\x01"),
            CommandApdu(0, 0xA4, 2, 0x0C, b"\x00\x14"),
            CommandApdu(0, 0xB0, 0x81, 0, le=256),
            CommandApdu(0, 0xA4, 4, 0x0C, c.CARD_FACE_AID),
        ):
            with pytest.raises(ForbiddenApdu):
                session.transmit(apdu)
        assert listener.card.stats.commands == before
    finally:
        backend.close()


def test_release_switches_the_field_off_without_a_removal_event(
    pki: DemoPKI, port: int, listeners: list[NfcCardListener]
) -> None:
    listener = place(pki, port, listeners)
    svc = CardService(NfcBackend(path=f"udp:localhost:{port}"), poll_interval=0.05)
    events: list[object] = []
    svc.subscribe(events.append)
    try:
        svc.start()
        deadline = time.monotonic() + 10
        while not any(isinstance(e, CardInsertedEvent) for e in events) and time.monotonic() < deadline:
            time.sleep(0.02)
        svc.authenticate("1234", b"c").result(timeout=20)
        activations = listener.activations
        svc.release_card().result(timeout=20)  # RF off: the card loses power and its verified PIN
        from kiosk.card.errors import SecurityNotSatisfied

        with pytest.raises(SecurityNotSatisfied):
            svc.run(lambda s: (jpki.select(s), jpki.sign_verified(s, b"c"))).result(timeout=20)
        assert listener.activations > activations
        time.sleep(0.3)
        assert not any(isinstance(e, CardRemovedEvent) for e in events)
    finally:
        svc.stop()
