import base64
import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.errors import (
    VoucherBadSignature,
    VoucherError,
    VoucherExpired,
    VoucherMalformed,
    VoucherNotYetValid,
    VoucherUnknownKey,
)
from kiosk.core.voucher_code import (
    CODE_LENGTH,
    VoucherClaims,
    decode_voucher,
    encode_voucher,
    new_signing_key,
    verify_voucher,
)
from kiosk.core.voucher_number import MAX_SERIAL, make_voucher_number

PRIVATE, PUBLIC = new_signing_key()
OTHER_PRIVATE, OTHER_PUBLIC = new_signing_key()
KEYS = {3: PUBLIC}
U32 = 2**32 - 1


@st.composite
def claims(draw):
    start = draw(st.integers(0, U32))
    return VoucherClaims(
        key_id=3,
        point_type_id=draw(st.integers(0, U32)),
        number=make_voucher_number(draw(st.integers(0, MAX_SERIAL))),
        points=draw(st.integers(1, U32)),
        valid_from=start,
        valid_until=draw(st.integers(start, U32)),
        terminal_id=draw(st.integers(0, U32)),
    )


def sample(**changes):
    base = dict(key_id=3, point_type_id=1, number=make_voucher_number(1), points=1000,
                valid_from=1_800_000_000, valid_until=1_800_086_400, terminal_id=12)
    base.update(changes)
    return VoucherClaims(**base)


@given(claims())
def test_round_trip(c):
    code = encode_voucher(c, PRIVATE)
    assert len(code) == CODE_LENGTH
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert decode_voucher(code) == c
    assert verify_voucher(code, KEYS, now=c.valid_from) == c
    assert verify_voucher(code, KEYS, now=c.valid_until) == c


def test_scanner_variants_are_accepted():
    code = encode_voucher(sample(), PRIVATE)
    full_width = code.translate({ord(ch): ord(ch) + 0xFEE0 for ch in code})
    for variant in (code.lower(), f"  {code}\n", full_width):
        assert verify_voucher(variant, KEYS, now=1_800_000_000) == sample()


def test_every_documented_refusal():
    code = encode_voucher(sample(), PRIVATE)
    with pytest.raises(VoucherUnknownKey):
        verify_voucher(code, {4: PUBLIC}, now=1_800_000_000)
    with pytest.raises(VoucherBadSignature):
        verify_voucher(code, {3: OTHER_PUBLIC}, now=1_800_000_000)
    with pytest.raises(VoucherNotYetValid):
        verify_voucher(code, KEYS, now=1_799_999_999)
    with pytest.raises(VoucherExpired):
        verify_voucher(code, KEYS, now=1_800_086_401)
    # clock-skew leeway moves both ends
    assert verify_voucher(code, KEYS, now=1_800_086_401 + 3599, leeway=3600) == sample()
    with pytest.raises(VoucherMalformed):
        verify_voucher(code[:-1], KEYS, now=1_800_000_000)


def test_altered_points_break_the_signature():
    code = encode_voucher(sample(points=1000), PRIVATE)
    raw = bytearray(base64.b32decode(code + "==="))
    raw[16] ^= 0x01  # lowest byte of the points field
    forged = base64.b32encode(bytes(raw)).decode().rstrip("=")
    assert decode_voucher(forged).points == 1001
    with pytest.raises(VoucherBadSignature):
        verify_voucher(forged, KEYS, now=1_800_000_000)


@pytest.mark.parametrize(
    "bad",
    [dict(points=0), dict(valid_until=1_799_999_999), dict(number="1234567890120"), dict(key_id=70000)],
)
def test_invalid_claims_cannot_be_encoded(bad):
    with pytest.raises(VoucherMalformed):
        encode_voucher(sample(**bad), PRIVATE)


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_garbled_text_raises_only_documented_errors(text):
    with contextlib.suppress(VoucherError):
        verify_voucher(text, KEYS, now=1_800_000_000)


@settings(max_examples=300)
@given(st.binary(min_size=93, max_size=93))
def test_garbled_bytes_raise_only_documented_errors(raw):
    code = base64.b32encode(raw).decode().rstrip("=")
    try:
        verify_voucher(code, KEYS, now=1_800_000_000)
    except VoucherError:
        pass
    else:  # pragma: no cover - a random 64-byte string is never a valid signature
        pytest.fail("random bytes verified")


@given(claims(), st.integers(0, CODE_LENGTH - 1), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
def test_any_one_character_change_is_refused(c, position, ch):
    code = encode_voucher(c, PRIVATE)
    changed = code[:position] + ch + code[position + 1 :]
    if changed == code:
        return
    with pytest.raises(VoucherError):
        verify_voucher(changed, KEYS, now=c.valid_from)
