"""`CardSession`: the only way card traffic leaves the terminal, for every backend.

A backend supplies a raw transport (its private object that moves bytes to the card) and receives a
`CardSession` that owns it in a private attribute. `transmit` runs the APDU guard (guard.py) on every command,
including the GET RESPONSE and Le-correction commands it sends itself, before any byte reaches the transport.
The class is final: `CardService` refuses any session object that is not exactly a `CardSession`.

Logging: headers, lengths and status words only; command and response data (PINs, certificates, names) are
never logged.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol, final

from kiosk.card.apdu import CommandApdu, ResponseApdu
from kiosk.card.errors import CardProtocolError
from kiosk.card.guard import ApduGuard

log = logging.getLogger("kiosk.card.apdu")

DEFAULT_TIMEOUT = 5.0
SIGN_TIMEOUT = 15.0


class RawTransport(Protocol):
    """Backend-private byte pipe to one card. Raises CardRemoved / ReaderGone / CardTimeout on failure."""

    extended_length: bool

    def exchange(self, command: bytes, timeout: float) -> bytes: ...

    def present(self) -> bool: ...

    def close(self, reset: bool) -> None: ...


@final
class CardSession:
    __slots__ = ("__transport", "_guard", "_short_only", "apdu_count", "card_seconds", "closed", "current", "reader")

    def __init__(self, reader: str, transport: RawTransport) -> None:
        self.__transport = transport
        self._guard = ApduGuard()
        self.reader = reader
        self.apdu_count = 0
        self.card_seconds = 0.0  # time spent waiting for the card (the rest is our own overhead)
        self.closed = False
        # (application, EF) the card confirmed selecting (9000), to skip redundant SELECTs
        self.current: tuple[bytes | None, int | None] = (None, None)
        self._short_only = False

    def __init_subclass__(cls, **kwargs: object) -> None:  # pragma: no cover - enforced at class creation
        raise TypeError("CardSession cannot be subclassed: every backend must go through the same guard")

    @property
    def extended_length(self) -> bool:
        return bool(self.__transport.extended_length) and not self._short_only

    def use_short_apdus(self) -> None:
        """The card (or reader) refused an extended-length APDU: short APDUs only for this session."""
        self._short_only = True

    def transmit(self, apdu: CommandApdu, timeout: float = DEFAULT_TIMEOUT) -> ResponseApdu:
        resp = self._exchange(apdu, timeout)
        if resp.sw1 == 0x6C:  # wrong Le: repeat with the length the card asked for
            resp = self._exchange(
                CommandApdu(apdu.cla, apdu.ins, apdu.p1, apdu.p2, apdu.data, le=resp.sw2 or 256), timeout
            )
        data = resp.data
        while resp.sw1 == 0x61:  # T=0 style: more data waiting
            resp = self._exchange(CommandApdu(0x00, 0xC0, 0x00, 0x00, le=resp.sw2 or 256), timeout)
            data += resp.data
        return ResponseApdu(data, resp.sw)

    def _exchange(self, apdu: CommandApdu, timeout: float) -> ResponseApdu:
        if self.closed:
            raise CardProtocolError(0x6F00, "session already closed")
        self._guard.check(apdu)  # raises ForbiddenApdu before anything is sent
        raw = apdu.encode()
        start = time.perf_counter()
        try:
            answer = self.__transport.exchange(raw, timeout)
        finally:
            self.card_seconds += time.perf_counter() - start
            self.apdu_count += 1
        resp = ResponseApdu.decode(answer)
        if apdu.ins == 0xA4:
            if resp.sw != 0x9000:
                self.current = (None, None)
            elif apdu.p1 == 0x04:
                self.current = (apdu.data, None)
            else:
                self.current = (self.current[0], int.from_bytes(apdu.data, "big"))
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s: > %02X %02X %02X %02X Lc=%d Le=%s  < %d bytes SW=%04X", self.reader, apdu.cla, apdu.ins,
                apdu.p1, apdu.p2, len(apdu.data), apdu.le, len(resp.data), resp.sw,
            )
        return resp

    def present(self) -> bool:
        return not self.closed and self.__transport.present()

    def forget_selection(self) -> None:
        """The card was reset by someone else: the guard starts from 'nothing selected' again."""
        self._guard.reset()
        self.current = (None, None)

    def close(self, reset: bool = True) -> None:
        """Disconnect; with `reset` the card drops every verified PIN (between residents)."""
        if self.closed:
            return
        self.closed = True
        self._guard.reset()
        self.__transport.close(reset)
