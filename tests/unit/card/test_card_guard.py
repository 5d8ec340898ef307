"""The APDU guard: the individual number, EF 0014 and the card-face application are out of reach."""

from __future__ import annotations

import pytest
from cardtest_support import simulated_session
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.card import constants as c
from kiosk.card import jpki, textap
from kiosk.card.apdu import CommandApdu
from kiosk.card.errors import CardError, ForbiddenApdu
from kiosk.card.guard import ApduGuard
from kiosk.card.softcard.files import FAKE_INDIVIDUAL_NUMBER
from kiosk.demo import DemoPKI

SEL_TEXT = CommandApdu(0, 0xA4, 0x04, 0x0C, c.TEXT_AID)
SEL_JPKI = CommandApdu(0, 0xA4, 0x04, 0x0C, c.JPKI_AID)


def sel_ef(fid: int) -> CommandApdu:
    return CommandApdu(0, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))


FORBIDDEN_AFTER_TEXT_SELECT = [
    sel_ef(0x0001),  # the individual number
    sel_ef(0x0014),  # verification number A
    CommandApdu(0, 0xA4, 0x08, 0x0C, bytes.fromhex("0001")),  # select by path
    CommandApdu(0, 0xA4, 0x09, 0x0C, bytes.fromhex("0001")),
    CommandApdu(0, 0xA4, 0x00, 0x0C, bytes.fromhex("0001")),
    CommandApdu(0, 0xA4, 0x02, 0x0C, bytes.fromhex("000001")),
    CommandApdu(0, 0xB0, 0x81, 0x00, le=256),  # READ BINARY by short EF id 1
    CommandApdu(0, 0xB0, 0x00, 0x00, le=256),  # nothing selected through the guard
    CommandApdu(0, 0x20, 0x00, 0x94, b"123456789012"),  # VERIFY by reference, not the selected EF
    CommandApdu(0, 0x20, 0x00, 0x80, b"1234"),  # VERIFY with no PIN EF selected
    CommandApdu(0, 0xB1, 0x00, 0x00, bytes.fromhex("5402 0001"), le=256),  # READ BINARY odd INS
    CommandApdu(0, 0xCA, 0x00, 0x01, le=256),  # GET DATA
    CommandApdu(0, 0x70, 0x00, 0x00, le=1),  # MANAGE CHANNEL
    CommandApdu(0x01, 0xA4, 0x04, 0x0C, c.TEXT_AID),  # logical channel 1
    CommandApdu(0x10, 0xA4, 0x02, 0x0C, bytes.fromhex("0001")),  # command chaining
    CommandApdu(0x0C, 0xB0, 0x00, 0x00, le=256),  # secure messaging
    CommandApdu(0x80, 0xB0, 0x00, 0x00, le=256),  # proprietary class
    CommandApdu(0, 0xA4, 0x04, 0x0C, c.CARD_FACE_AID),  # card-face application
    CommandApdu(0, 0xA4, 0x04, 0x00, c.CARD_FACE_AID[:7]),  # partial name
    CommandApdu(0, 0xA4, 0x04, 0x02, c.TEXT_AID),  # next occurrence
    CommandApdu(0x80, 0x2A, 0x00, 0x80, bytes(51), le=256),  # sign with no key selected
]


@pytest.mark.parametrize("apdu", FORBIDDEN_AFTER_TEXT_SELECT, ids=lambda a: a.encode().hex())
def test_forbidden_commands_never_reach_the_card(pki: DemoPKI, apdu: CommandApdu) -> None:
    backend, session = simulated_session(pki)
    card = backend.reader().card
    assert card is not None
    session.transmit(SEL_TEXT)
    seen = card.stats.commands
    with pytest.raises(ForbiddenApdu):
        session.transmit(apdu)
    assert card.stats.commands == seen  # refused before a byte was sent


def test_verify_on_ef_0014_is_impossible_even_after_a_refused_select(pki: DemoPKI) -> None:
    _backend, session = simulated_session(pki)
    session.transmit(SEL_TEXT)
    session.transmit(sel_ef(c.TEXT_PIN))
    with pytest.raises(ForbiddenApdu):
        session.transmit(sel_ef(c.TEXT_VERIFY_NUMBER_A))
    # the card's current EF is still the PIN EF: a VERIFY can only go to 0011, never 0014
    assert session._guard.selected == (c.TEXT_AID, c.TEXT_PIN)


def test_jpki_signing_certificate_ef_is_also_refused(pki: DemoPKI) -> None:
    _backend, session = simulated_session(pki)
    session.transmit(SEL_JPKI)
    with pytest.raises(ForbiddenApdu):
        session.transmit(sel_ef(0x0001))


def test_the_protocols_work_through_the_guard(pki: DemoPKI) -> None:
    backend, session = simulated_session(pki)
    assert jpki.tries_left(session) == 3
    assert len(jpki.sign_challenge(session, "1234", b"x")) == 256
    assert textap.read_basic_items(session, "5678").name == "山田\u3000太郎"
    card = backend.reader().card
    assert card is not None
    selected = [data for ins, p1, _p2, data in card.stats.log if ins == 0xA4]
    assert c.CARD_FACE_AID not in selected
    assert all(d != b"\x00\x01" for d in selected)


def test_guard_state_resets() -> None:
    guard = ApduGuard()
    guard.check(SEL_TEXT)
    guard.check(sel_ef(c.TEXT_BASIC_ITEMS))
    guard.reset()
    with pytest.raises(ForbiddenApdu):
        guard.check(CommandApdu(0, 0xB0, 0, 0, le=256))


commands = st.builds(
    CommandApdu,
    cla=st.sampled_from([0x00, 0x80, 0x01, 0x0C, 0x10, 0x84]),
    ins=st.sampled_from([0xA4, 0xB0, 0x20, 0x2A, 0xC0, 0xB1, 0xCA, 0x70, 0x22, 0x88]),
    p1=st.sampled_from([0x00, 0x02, 0x04, 0x08, 0x81, 0x85, 0x94]),
    p2=st.sampled_from([0x00, 0x0C, 0x80, 0x81, 0x94, 0x01]),
    data=st.sampled_from([
        b"", c.TEXT_AID, c.JPKI_AID, c.CARD_FACE_AID, b"\x00\x01", b"\x00\x14", b"\x00\x02", b"\x00\x11",
        b"\x00\x15", b"5678", b"1234", FAKE_INDIVIDUAL_NUMBER.encode(), bytes(51),
    ]),
    le=st.sampled_from([None, 256, 65536]),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(commands, max_size=25))
def test_no_sequence_of_commands_reaches_the_individual_number(pki: DemoPKI, sequence: list[CommandApdu]) -> None:
    backend, session = simulated_session(pki)
    card = backend.reader().card
    assert card is not None
    text_pin = pki.resident("yamada").text_pin
    for apdu in [*sequence, SEL_TEXT, sel_ef(c.TEXT_PIN), CommandApdu(0, 0x20, 0, 0x80, text_pin.encode())]:
        try:
            resp = session.transmit(apdu)
        except CardError:
            continue
        assert FAKE_INDIVIDUAL_NUMBER.encode() not in resp.data
    for apdu in sequence:
        try:
            resp = session.transmit(apdu)
        except CardError:
            continue
        assert FAKE_INDIVIDUAL_NUMBER.encode() not in resp.data
    app = None
    for ins, p1, _p2, data in card.stats.log:
        if ins == 0xA4 and p1 == 0x04:
            app = data
            assert data != c.CARD_FACE_AID
        if ins == 0xA4 and app == c.TEXT_AID:
            assert data not in (b"\x00\x01", b"\x00\x14")
        assert not (ins == 0xB0 and p1 & 0x80)
