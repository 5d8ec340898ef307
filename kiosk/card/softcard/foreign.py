"""A card that is not a My Number Card (a transit or bank card on the reader): it knows none of our applications."""

from __future__ import annotations


class ForeignCard:
    resident_key: str | None = None
    atr = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")  # a typical contactless storage-card ATR

    def __init__(self) -> None:
        self.commands = 0

    def reset(self) -> None:
        pass

    def process(self, raw: bytes) -> bytes:
        self.commands += 1
        if len(raw) >= 2 and raw[1] == 0xA4:
            return b"\x6a\x82"
        return b"\x6d\x00"
