from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.card.apdu import CommandApdu, ResponseApdu
from kiosk.card.ber import encode_length, iter_tlvs, tlv_total_length


@given(
    st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
    st.binary(max_size=600), st.one_of(st.none(), st.integers(1, 65536)), st.booleans(),
)
def test_command_apdu_roundtrip(cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None, ext: bool) -> None:
    apdu = CommandApdu(cla, ins, p1, p2, data, le, ext)
    decoded = CommandApdu.decode(apdu.encode())
    assert (decoded.cla, decoded.ins, decoded.p1, decoded.p2, decoded.data, decoded.le) == (
        cla, ins, p1, p2, data, le
    )


def test_known_encodings() -> None:
    assert CommandApdu(0, 0xB0, 0, 0, le=65536).encode().hex() == "00b00000000000"
    assert CommandApdu(0, 0xB0, 1, 0, le=256).encode().hex() == "00b0010000"
    assert CommandApdu(0, 0x20, 0, 0x80).encode().hex() == "00200080"
    assert ResponseApdu.decode(bytes.fromhex("63c2")).sw2 == 0xC2
    with pytest.raises(ValueError):
        CommandApdu.decode(bytes.fromhex("00a4040c0aa000"))


def test_length_forms_and_tlv_size() -> None:
    assert encode_length(5) == b"\x05"
    assert encode_length(0x9F, non_minimal=True) == b"\x82\x00\x9f"
    assert tlv_total_length(bytes.fromhex("308203f8")) == 0x3F8 + 4
    assert tlv_total_length(bytes.fromhex("ff2082009f")) == 0x9F + 5
    assert tlv_total_length(bytes.fromhex("ff2081")) is None  # need more bytes
    assert tlv_total_length(b"") is None


def test_iter_tlvs_stops_at_filler_and_marks_truncation() -> None:
    data = bytes.fromhex("df2102aabb df2201cc 0000ffff")
    tlvs = list(iter_tlvs(data))
    assert [(t.tag.hex(), t.value.hex()) for t in tlvs] == [("df21", "aabb"), ("df22", "cc")]
    cut = list(iter_tlvs(bytes.fromhex("df2205aabb")))
    assert cut[0].truncated and cut[0].value == b"\xaa\xbb"
