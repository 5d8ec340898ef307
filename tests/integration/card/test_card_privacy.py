"""PINs and the individual number never appear in what the card layer logs or raises."""

from __future__ import annotations

import logging
import socket
import time

import pytest

from kiosk.card.backends.nfc import NfcBackend
from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.errors import CardError
from kiosk.card.service import CardService
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.files import FAKE_INDIVIDUAL_NUMBER
from kiosk.card.softcard.nfc_listener import NfcCardListener
from kiosk.demo import DemoPKI

PINS = ["1234", "5678", "0000", "9876"]


def forbidden_strings() -> list[str]:
    out = [FAKE_INDIVIDUAL_NUMBER, FAKE_INDIVIDUAL_NUMBER.encode().hex()]
    for pin in PINS:
        raw = pin.encode()
        out += [pin, raw.hex(), raw.hex().upper(), " ".join(f"{b:02x}" for b in raw),
                " ".join(f"{b:02X}" for b in raw), repr(raw), str(list(raw))]
    return out


def exercise(svc: CardService, errors: list[BaseException]) -> None:
    for call in (
        lambda: svc.read_user_auth_certificate().result(timeout=20),
        lambda: svc.jpki_tries_left().result(timeout=20),
        lambda: svc.sign_challenge("0000", b"challenge").result(timeout=20),
        lambda: svc.authenticate("1234", b"challenge").result(timeout=20),
        lambda: svc.read_basic_items("9876", consent=True).result(timeout=20),
        lambda: svc.read_basic_items("5678", consent=True).result(timeout=20),
        lambda: svc.sign_challenge("12345", b"x").result(timeout=20),
    ):
        try:
            call()
        except CardError as exc:
            errors.append(exc)


def assert_clean(text: str) -> None:
    leaks = [s for s in forbidden_strings() if s in text]
    assert leaks == [], f"leaked: {leaks}"


def test_simulated_backend_logs_and_errors(pki: DemoPKI, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    backend = SimulatedBackend(pki=pki)
    backend.reader().insert("yamada")
    svc = CardService(backend)
    errors: list[BaseException] = []
    try:
        exercise(svc, errors)
    finally:
        svc.stop()
    assert len(errors) >= 3  # wrong PINs and a malformed PIN were really tried
    assert any(r.name == "kiosk.card.apdu" for r in caplog.records)  # the APDU log was on
    assert_clean(caplog.text)
    for exc in errors:
        assert_clean(f"{exc} {exc!r} {getattr(exc, 'message_ja', '')} {getattr(exc, 'message_en', '')} {vars(exc)}")


def test_nfc_backend_silences_nfcpy_frame_logs(pki: DemoPKI, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    listener = NfcCardListener(SoftCard(pki.resident("suzuki"), pki.ca_cert_der), port).start()
    backend = NfcBackend(path=f"udp:localhost:{port}")
    deadline = time.monotonic() + 15
    while not backend.poll()[0].card_present:  # the listener binds its socket in its own thread
        assert time.monotonic() < deadline
    # someone turns nfcpy's frame logging on after the backend started: still nothing may leak
    for name in ("nfc", "nfc.tag.tt4", "nfc.clf", "nfc.clf.udp"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    svc = CardService(backend)
    errors: list[BaseException] = []
    try:
        exercise(svc, errors)
    finally:
        svc.stop()
        listener.close()
    assert len(errors) >= 3
    assert_clean(caplog.text)
