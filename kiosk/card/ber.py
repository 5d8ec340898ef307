"""Lenient BER-TLV helpers (tags of any length, definite lengths in short or long, possibly non-minimal, form)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


class BerError(ValueError):
    pass


@dataclass(frozen=True)
class Tlv:
    tag: bytes
    value: bytes
    end: int  # offset just past this TLV in the parsed buffer
    truncated: bool = False


def encode_length(n: int, non_minimal: bool = False) -> bytes:
    if n < 0x80 and not non_minimal:
        return bytes([n])
    if n < 0x100 and not non_minimal:
        return bytes([0x81, n])
    return bytes([0x82]) + n.to_bytes(2, "big")


def read_tag(data: bytes, pos: int) -> tuple[bytes, int] | None:
    """The tag at `pos` and the offset after it, or None when more bytes are needed."""
    if pos >= len(data):
        return None
    start = pos
    pos += 1
    if data[start] & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                return None
            pos += 1
            if not data[pos - 1] & 0x80:
                break
            if pos - start > 4:
                raise BerError("tag longer than 4 bytes")
    return data[start:pos], pos


def read_length(data: bytes, pos: int) -> tuple[int, int] | None:
    """The length at `pos` and the offset after it, or None when more bytes are needed."""
    if pos >= len(data):
        return None
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    count = first & 0x7F
    if count == 0 or count > 3:
        raise BerError("indefinite or oversized length")
    if pos + 1 + count > len(data):
        return None
    return int.from_bytes(data[pos + 1 : pos + 1 + count], "big"), pos + 1 + count


def tlv_total_length(data: bytes) -> int | None:
    """Total size (header + value) of the TLV starting at data[0], or None if `data` is too short to tell."""
    tag = read_tag(data, 0)
    if tag is None:
        return None
    length = read_length(data, tag[1])
    if length is None:
        return None
    return length[1] + length[0]


def iter_tlvs(data: bytes, start: int = 0, end: int | None = None) -> Iterator[Tlv]:
    """TLVs in data[start:end]; stops at filler (00 or FF where a tag should start) and at the end.

    A TLV whose value runs past `end` is yielded cut short with `truncated=True` (lenient), then iteration stops.
    """
    end = len(data) if end is None else min(end, len(data))
    pos = start
    while pos < end:
        if data[pos] == 0x00 or (data[pos] == 0xFF and (pos + 1 >= end or data[pos + 1] in (0x00, 0xFF))):
            return
        tag = read_tag(data[:end], pos)
        if tag is None:
            return
        length = read_length(data[:end], tag[1])
        if length is None:
            return
        value_start = length[1]
        value_end = value_start + length[0]
        if value_end > end:
            yield Tlv(tag[0], data[value_start:end], end, truncated=True)
            return
        yield Tlv(tag[0], data[value_start:value_end], value_end)
        pos = value_end
