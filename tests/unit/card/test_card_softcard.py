"""The software card answers like a real My Number Card (CARD.md)."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card import constants as c
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.files import FAKE_INDIVIDUAL_NUMBER
from kiosk.demo import DemoPKI


def card_for(pki: DemoPKI, key: str = "yamada", **kw: object) -> SoftCard:
    return SoftCard(pki.resident(key), pki.ca_cert_der, **kw)  # type: ignore[arg-type]


def run(card: SoftCard, hexapdu: str) -> tuple[bytes, int]:
    out = card.process(bytes.fromhex(hexapdu.replace(" ", "")))
    return out[:-2], int.from_bytes(out[-2:], "big")


SEL_JPKI = "00A4040C0A" + c.JPKI_AID.hex()
SEL_TEXT = "00A4040C0A" + c.TEXT_AID.hex()
PIN_1234 = b"1234".hex()
PIN_5678 = b"5678".hex()
WRONG = b"0000".hex()


def test_status_words_like_a_card(pki: DemoPKI) -> None:
    card = card_for(pki)
    assert run(card, "00A4040C05A000000003")[1] == 0x6A82  # unknown application
    assert run(card, "00CA0101")[1] == 0x6D00  # unknown instruction
    assert run(card, "84A4040C0A" + c.JPKI_AID.hex())[1] == 0x6882  # secure messaging
    assert run(card, "01A4040C0A" + c.JPKI_AID.hex())[1] == 0x6881  # logical channel
    assert run(card, "00B0000000")[1] == 0x6986  # nothing selected
    assert run(card, SEL_JPKI)[1] == 0x9000
    assert run(card, "00A4020C021234")[1] == 0x6A82
    assert run(card, "00A4010C020006")[1] == 0x6A86  # only P1=02 works
    assert run(card, "00A4020C020006")[1] == 0x9000
    data, sw = run(card, "00B0000020")
    assert sw == 0x9000 and data.startswith(b"JPKIAPICCTOKEN2")
    assert run(card, "00B0100000")[1] == 0x6B00  # past the end


def test_extended_read_returns_the_whole_certificate_file(pki: DemoPKI) -> None:
    card = card_for(pki)
    run(card, SEL_JPKI)
    run(card, "00A4020C02000A")
    data, sw = run(card, "00B00000000000")
    cert = x509.load_der_x509_certificate(data[: 4 + int.from_bytes(data[2:4], "big")])
    assert sw == 0x9000 and cert.serial_number == pki.resident("yamada").cert_serial
    short_only = card_for(pki, extended_length=False)
    run(short_only, SEL_JPKI)
    run(short_only, "00A4020C02000A")
    assert run(short_only, "00B00000000000")[1] == 0x6700


def test_pin_counters_are_independent_and_block_after_three(pki: DemoPKI) -> None:
    card = card_for(pki)
    run(card, SEL_JPKI)
    run(card, "00A4020C020018")
    assert run(card, "00200080")[1] == 0x63C3
    assert run(card, "00200080")[1] == 0x63C3  # asking uses no try
    assert run(card, "0020008004" + WRONG)[1] == 0x63C2
    assert run(card, "0020008004" + WRONG)[1] == 0x63C1
    assert run(card, "0020008004" + WRONG)[1] == 0x63C0
    assert run(card, "0020008004" + PIN_1234)[1] == 0x6983  # blocked: even the right PIN fails
    assert run(card, "00200080")[1] == 0x63C0
    run(card, SEL_TEXT)
    run(card, "00A4020C020011")
    assert run(card, "00200080")[1] == 0x63C3  # the card-text PIN has its own counter
    assert run(card, "0020008004" + PIN_5678)[1] == 0x9000
    assert run(card, "00200080")[1] == 0x9000  # verified in this session


def test_a_good_pin_resets_the_counter(pki: DemoPKI) -> None:
    card = card_for(pki)
    run(card, SEL_JPKI)
    run(card, "00A4020C020018")
    run(card, "0020008004" + WRONG)
    assert run(card, "0020008004" + PIN_1234)[1] == 0x9000
    card.reset()
    run(card, SEL_JPKI)
    run(card, "00A4020C020018")
    assert run(card, "00200080")[1] == 0x63C3


def test_the_blocked_resident_starts_blocked(pki: DemoPKI) -> None:
    card = card_for(pki, "tanaka")
    run(card, SEL_JPKI)
    run(card, "00A4020C020018")
    assert run(card, "00200080")[1] == 0x63C0


def digest_info(message: bytes) -> bytes:
    import hashlib

    return c.SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(message).digest()


@pytest.mark.parametrize("prehashed", [True, False])
def test_signature_needs_the_pin_and_verifies_with_the_certificate(pki: DemoPKI, prehashed: bool) -> None:
    card = card_for(pki)
    di = digest_info(b"challenge") if prehashed else bytes.fromhex("3021300906052b0e03021a05000414") + bytes(20)
    run(card, SEL_JPKI)
    run(card, "00A4020C020017")
    sign = f"802A0080{len(di):02X}{di.hex()}00"
    assert run(card, sign)[1] == 0x6982  # PIN not verified
    run(card, "00A4020C020018")
    run(card, "0020008004" + PIN_1234)
    run(card, "00A4020C020017")
    sig, sw = run(card, sign)
    assert sw == 0x9000 and len(sig) == 256
    cert = x509.load_der_x509_certificate(pki.resident("yamada").cert_der or b"")
    pub = cert.public_key()
    assert isinstance(pub, rsa.RSAPublicKey)
    if prehashed:
        pub.verify(sig, b"challenge", padding.PKCS1v15(), hashes.SHA256())
    else:  # raw PKCS#1 type-1 block recovered with the public key
        em = pow(int.from_bytes(sig, "big"), pub.public_numbers().e, pub.public_numbers().n).to_bytes(256, "big")
        assert em.startswith(b"\x00\x01\xff") and em.endswith(di)
    run(card, SEL_JPKI)  # re-selecting drops the verified state
    run(card, "00A4020C020017")
    assert run(card, sign)[1] == 0x6982


def test_individual_number_needs_the_text_pin_on_the_card_itself(pki: DemoPKI) -> None:
    """The card would hand out EF 0001 after the text PIN: that is why the terminal's guard exists."""
    card = card_for(pki)
    run(card, SEL_TEXT)
    run(card, "00A4020C020001")
    assert run(card, "00B0000000")[1] == 0x6982
    run(card, "00A4020C020011")
    run(card, "0020008004" + PIN_5678)
    run(card, "00A4020C020001")
    data, sw = run(card, "00B0000000")
    assert sw == 0x9000 and FAKE_INDIVIDUAL_NUMBER.encode() in data
    assert run(card, "00A4040C0A" + c.CARD_FACE_AID.hex())[1] == 0x9000  # the card-face AP exists


def test_child_has_no_signing_certificate(pki: DemoPKI) -> None:
    child = card_for(pki, "kobayashi")
    adult = card_for(pki, "yamada")
    for card, expected in ((child, 0x6A82), (adult, 0x9000)):
        run(card, SEL_JPKI)
        assert run(card, "00A4020C020001")[1] == expected


def test_the_card_log_never_holds_a_pin(pki: DemoPKI) -> None:
    card = card_for(pki)
    run(card, SEL_JPKI)
    run(card, "00A4020C020018")
    run(card, "0020008004" + PIN_1234)
    assert all(b"1234" not in data for *_rest, data in card.stats.log)
