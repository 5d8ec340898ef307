"""Selecting and reading files with as few APDUs as the reader allows."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.card import constants as c
from kiosk.card.apdu import MAX_EXTENDED_LE, MAX_SHORT_LE, CommandApdu
from kiosk.card.ber import BerError, tlv_total_length
from kiosk.card.errors import CardProtocolError, NotMyNumberCard
from kiosk.card.session import CardSession
from kiosk.card.status import check


def select_app(session: CardSession, aid: bytes, force: bool = False) -> None:
    """SELECT the application, unless it is already the current one (`force`: select again, which makes the
    card drop that application's verified PINs)."""
    if session.current[0] == aid and not force:
        return
    resp = session.transmit(CommandApdu(0x00, c.INS_SELECT, 0x04, 0x0C, aid))
    if resp.sw in (0x6A82, 0x6A86, 0x6D00, 0x6E00, 0x6A81):
        raise NotMyNumberCard(f"application select answered {resp.sw:04X}")
    check(resp, "select application")


def select_ef(session: CardSession, fid: int) -> int:
    """SELECT EF; returns the status word (9000, or 6A82 when the file does not exist)."""
    if session.current[1] == fid and session.current[0] is not None:
        return 0x9000
    resp = session.transmit(CommandApdu(0x00, c.INS_SELECT, 0x02, 0x0C, fid.to_bytes(2, "big")))
    if resp.sw != 0x6A82:
        check(resp, f"select EF {fid:04X}")
    return resp.sw


def read_tlv_file(session: CardSession, max_size: int = 0x7FFF) -> bytes:
    """Read the BER-TLV at the start of the selected EF (a DER certificate or EF 0002) and nothing more.

    Extended length: one READ BINARY for the whole file where the reader supports it. Short length: one 256-byte
    read, the TLV header gives the size, then the rest in 256-byte chunks.
    """
    return read_binary(session, lambda data: tlv_total_length(data), max_size)


def read_binary(session: CardSession, total_of: Callable[[bytes], int | None], max_size: int) -> bytes:
    data = b""
    total: int | None = None
    while total is None or len(data) < total:
        remaining = (total - len(data)) if total is not None else None
        if session.extended_length:
            le = min(remaining, MAX_EXTENDED_LE) if remaining is not None else MAX_EXTENDED_LE
        else:
            le = min(remaining, MAX_SHORT_LE) if remaining is not None else MAX_SHORT_LE
        offset = len(data)
        if offset > 0x7FFF:
            raise CardProtocolError(0x6B00, "file larger than READ BINARY can address")
        resp = session.transmit(
            CommandApdu(0x00, c.INS_READ_BINARY, offset >> 8, offset & 0xFF, le=le, extended=le > MAX_SHORT_LE)
        )
        if resp.sw == 0x6700 and le > MAX_SHORT_LE:  # extended length refused by the card or the reader
            session.use_short_apdus()
            continue
        if resp.sw == 0x6B00 and (total is None or data):  # end of file: lenient, the parser decides
            break
        check(resp, "read binary")
        if not resp.data:
            break
        data += resp.data
        if total is None:
            try:
                total = total_of(data)
            except BerError as exc:
                raise CardProtocolError(0x6F00, f"unreadable file header: {exc}") from exc
            if total is not None and total > max_size:
                raise CardProtocolError(0x6F00, f"file claims {total} bytes")
    return data[:total] if total is not None else data
