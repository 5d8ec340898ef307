"""Contents of the software card's elementary files, built from a demo resident."""

from __future__ import annotations

from kiosk.card.ber import encode_length

TOKEN_LABEL = "JPKIAPICCTOKEN2"
CERT_FILE_SIZE = 2048  # certificate EFs are fixed-size files; the DER is followed by filler
BASIC_ITEMS_FILE_SIZE = 512
# A fake individual number that only the software card holds: tests look for it to prove it never leaks.
FAKE_INDIVIDUAL_NUMBER = "987654321098"


def token_info() -> bytes:
    return TOKEN_LABEL.encode("ascii").ljust(32, b" ") + bytes(8)


def cert_file(der: bytes) -> bytes:
    return der.ljust(CERT_FILE_SIZE, b"\xff")


def _tlv(tag: bytes, value: bytes, long_form: bool = False) -> bytes:
    return tag + encode_length(len(value), non_minimal=long_form) + value


def basic_items_file(name: str, address: str, birth_date: str, sex: str) -> bytes:
    """EF 0002 as a real card lays it out: FF 20 with a non-minimal length, DF 21 offsets, DF 22-25 items,
    filler after the outer TLV."""
    items = [
        _tlv(b"\xdf\x22", name.encode("utf-8")),
        _tlv(b"\xdf\x23", address.encode("utf-8")),
        _tlv(b"\xdf\x24", birth_date.encode("ascii")),
        _tlv(b"\xdf\x25", sex.encode("ascii")),
    ]
    header_len = 3 + 8  # DF 21 08 + four offsets
    offsets = []
    pos = header_len
    for item in items:
        offsets.append(pos)
        pos += len(item)
    offset_tlv = _tlv(b"\xdf\x21", b"".join(o.to_bytes(2, "big") for o in offsets))
    body = offset_tlv + b"".join(items)
    outer = b"\xff\x20" + encode_length(len(body), non_minimal=True) + body
    return outer.ljust(BASIC_ITEMS_FILE_SIZE, b"\x00")


def individual_number_file() -> bytes:
    return b"\xff\x10" + encode_length(12) + FAKE_INDIVIDUAL_NUMBER.encode("ascii")
