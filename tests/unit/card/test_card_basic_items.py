"""EF 0002: lenient BER parsing of the four basic items."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.card.basic_items import parse_basic_items, parse_fields
from kiosk.card.errors import BasicItemsMalformed
from kiosk.card.softcard.files import basic_items_file


def tlv(tag: str, value: bytes, length: bytes | None = None) -> bytes:
    return bytes.fromhex(tag) + (length if length is not None else bytes([len(value)])) + value


def items(name: str = "山田\u3000太郎", address: str = "東京都府中市宮西町二丁目２４番地") -> bytes:
    return (
        tlv("df21", bytes(8)) + tlv("df22", name.encode()) + tlv("df23", address.encode())
        + tlv("df24", b"19800412") + tlv("df25", b"1")
    )


def test_the_software_cards_layout_parses() -> None:
    raw = basic_items_file("鈴木\u3000花子", "広島県府中市府川町３１５番地", "19920705", "2")
    assert raw.startswith(b"\xff\x20\x82")  # non-minimal outer length as on real cards
    result = parse_basic_items(raw)
    assert (result.name, result.birth_date, result.sex) == ("鈴木\u3000花子", "19920705", "2")
    assert result.family_name == "鈴木"
    assert result.municipality is not None and result.municipality.code == "342084"


@pytest.mark.parametrize(
    "outer_length",
    [None, b"\x81", b"\x82\x00"],  # short form, 81 xx, 82 00 xx
)
def test_any_definite_length_form(outer_length: bytes | None) -> None:
    body = items()
    if outer_length is None:
        raw = b"\xff\x20" + bytes([len(body)]) + body if len(body) < 128 else b"\xff\x20\x81" + bytes([len(body)]) + body
    else:
        raw = b"\xff\x20" + outer_length + bytes([len(body)]) + body
    assert parse_basic_items(raw + b"\xff" * 40).municipality is not None


def test_non_minimal_inner_lengths_unknown_tags_and_filler() -> None:
    body = (
        tlv("df21", bytes(8)) + tlv("df30", b"future item")
        + tlv("df22", "髙橋\u3000健".encode(), b"\x81" + bytes([len("髙橋\u3000健".encode())]))
        + tlv("df23", "大阪府大阪市北区中之島".encode(), b"\x82\x00" + bytes([len("大阪府大阪市北区中之島".encode())]))
        + tlv("df24", b"19701130") + tlv("df25", b"1")
    )
    raw = b"\xff\x20\x82" + len(body).to_bytes(2, "big") + body + b"\x00" * 100
    result = parse_basic_items(raw)
    assert result.name == "髙橋\u3000健"
    assert result.municipality is not None and result.municipality.code == "271276"


def test_data_after_the_outer_tlv_is_ignored() -> None:
    body = items()
    raw = b"\xff\x20" + bytes([len(body)]) + body + tlv("df22", "偽物".encode())
    assert parse_basic_items(raw).name == "山田\u3000太郎"


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    body = tlv("df22", b"\xe5\xb1\xb1\xff") + tlv("df23", "東京都千代田区".encode()) + tlv("df24", b"20000101") + tlv("df25", b"9")
    result = parse_basic_items(b"\xff\x20" + bytes([len(body)]) + body)
    assert result.name.startswith("山") and "\ufffd" in result.name


def test_missing_items_and_wrong_outer_tag_raise() -> None:
    body = tlv("df22", "山田".encode())
    with pytest.raises(BasicItemsMalformed):
        parse_basic_items(b"\xff\x20" + bytes([len(body)]) + body)
    with pytest.raises(BasicItemsMalformed):
        parse_basic_items(b"\x30\x03\x02\x01\x00")
    with pytest.raises(BasicItemsMalformed):
        parse_basic_items(b"\xff\x20\x84\x00\x00\x00\x10")  # 4-byte length


def test_truncated_file_keeps_what_is_complete() -> None:
    body = items()
    raw = b"\xff\x20\x82\x01\x00" + body  # claims 256 bytes, holds fewer
    assert parse_fields(raw)["sex"] == "1"


def test_unknown_address_gives_no_municipality() -> None:
    body = items(address="Somewhere abroad")
    assert parse_basic_items(b"\xff\x20" + bytes([len(body)]) + body).municipality is None


@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip("\x00 ") == s), st.sampled_from(["1", "2", "9"]))
def test_roundtrip_any_name(name: str, sex: str) -> None:
    raw = basic_items_file(name, "長野県北佐久郡軽井沢町大字軽井沢", "20150315", sex)
    result = parse_basic_items(raw)
    assert result.name == name and result.sex == sex
    assert result.municipality is not None and result.municipality.code == "203211"
