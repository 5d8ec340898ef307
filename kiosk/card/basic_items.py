"""EF 0002 of the card-text application: the four basic items (name, address, birth date, sex).

Parsed leniently (CARD.md): non-minimal lengths, filler after the outer TLV, unknown tags skipped, a value cut
short by the end of the data kept as far as it goes. The municipality is derived from the address.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.card.ber import BerError, iter_tlvs, read_length, read_tag
from kiosk.card.errors import BasicItemsMalformed, MunicipalityUnknown
from kiosk.card.municipality import Municipality, derive_municipality

OUTER_TAG = b"\xff\x20"
TAGS = {b"\xdf\x22": "name", b"\xdf\x23": "address", b"\xdf\x24": "birth_date", b"\xdf\x25": "sex"}


@dataclass(frozen=True)
class BasicItems:
    name: str
    address: str
    birth_date: str  # YYYYMMDD
    sex: str  # ISO 5218: "1" male, "2" female, "9" not applicable
    municipality: Municipality | None  # None when the address matches no municipality of the code list

    @property
    def family_name(self) -> str:
        return self.name.split("\u3000", 1)[0]


def _text(value: bytes) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("utf-8", errors="replace")


def parse_fields(raw: bytes) -> dict[str, str]:
    try:
        tag = read_tag(raw, 0)
        if tag is None or tag[0] != OUTER_TAG:
            raise BasicItemsMalformed("EF 0002 does not start with FF 20")
        length = read_length(raw, tag[1])
        if length is None:
            raise BasicItemsMalformed("EF 0002 header truncated")
        start = length[1]
        end = start + length[0]
        fields: dict[str, str] = {}
        for tlv in iter_tlvs(raw, start, end):
            key = TAGS.get(tlv.tag)
            if key and key not in fields:
                fields[key] = _text(tlv.value).strip("\x00 ")
        return fields
    except BerError as exc:
        raise BasicItemsMalformed(str(exc)) from exc


def parse_basic_items(raw: bytes) -> BasicItems:
    fields = parse_fields(raw)
    missing = [k for k in ("name", "address", "birth_date", "sex") if k not in fields]
    if missing:
        raise BasicItemsMalformed(f"EF 0002 lacks {', '.join(missing)}")
    try:
        municipality: Municipality | None = derive_municipality(fields["address"])
    except MunicipalityUnknown:
        municipality = None
    return BasicItems(fields["name"], fields["address"], fields["birth_date"], fields["sex"], municipality)
