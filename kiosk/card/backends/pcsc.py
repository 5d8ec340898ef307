"""The PC/SC backend (pyscard's low-level `smartcard.scard` API): readers listed and watched, cards connected,
disconnect with reset between residents.

All calls run on the card thread (CardService). The PC/SC context is re-established when pcscd restarts.
"""

from __future__ import annotations

import logging

from smartcard import scard

from kiosk.card.backend import ReaderStatus
from kiosk.card.errors import CardError, CardRemoved, CardTimeout, NoCard, NoReader, ReaderGone
from kiosk.card.session import CardSession

log = logging.getLogger("kiosk.card.pcsc")

REMOVED = {scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD,
           scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_W_UNRESPONSIVE_CARD}
GONE = {scard.SCARD_E_READER_UNAVAILABLE, scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_INVALID_HANDLE, scard.SCARD_E_NO_READERS_AVAILABLE}
# what a reader (or its driver) answers to an extended APDU it cannot carry
NO_EXTENDED = {scard.SCARD_E_INSUFFICIENT_BUFFER, scard.SCARD_E_INVALID_PARAMETER, scard.SCARD_E_NOT_TRANSACTED,
               scard.SCARD_E_INVALID_VALUE}


def _error(hresult: int, what: str) -> CardError:
    message = f"{what}: {scard.SCardGetErrorMessage(hresult)} ({hresult & 0xFFFFFFFF:08X})"
    if hresult in REMOVED:
        return CardRemoved(message)
    if hresult in GONE:
        return ReaderGone(message)
    if hresult == scard.SCARD_E_TIMEOUT:
        return CardTimeout(message)
    return CardError(message)


class _PcscTransport:
    """Private: one connected card handle."""

    def __init__(self, backend: PcscBackend, reader: str, hcard: int, protocol: int, extended: bool) -> None:
        self._backend = backend
        self._reader = reader
        self._hcard = hcard
        self._pci = scard.SCARD_PCI_T0 if protocol == scard.SCARD_PROTOCOL_T0 else scard.SCARD_PCI_T1
        # T=0 cannot carry extended APDUs (no ENVELOPE support here); T=1 tries and falls back
        self.extended_length = extended and protocol != scard.SCARD_PROTOCOL_T0

    def exchange(self, command: bytes, timeout: float) -> bytes:
        hresult, response = scard.SCardTransmit(self._hcard, self._pci, list(command))
        if hresult != scard.SCARD_S_SUCCESS:
            if hresult in NO_EXTENDED and len(command) > 5 and command[4] == 0 and self.extended_length:
                log.info("%s: reader refused an extended APDU; using short APDUs from now on", self._reader)
                self.extended_length = False
                return b"\x67\x00"  # as a card answers a length it cannot handle: the caller retries short
            raise _error(hresult, "transmit")
        return bytes(response)

    def present(self) -> bool:
        hresult, _reader, state, _protocol, _atr = scard.SCardStatus(self._hcard)
        return hresult == scard.SCARD_S_SUCCESS and bool(state & scard.SCARD_PRESENT)

    def close(self, reset: bool) -> None:
        disposition = scard.SCARD_RESET_CARD if reset else scard.SCARD_LEAVE_CARD
        hresult = scard.SCardDisconnect(self._hcard, disposition)
        if hresult not in (scard.SCARD_S_SUCCESS, *REMOVED, *GONE):
            log.debug("disconnect: %s", scard.SCardGetErrorMessage(hresult))


class PcscBackend:
    name = "pcsc"

    def __init__(self, extended_length: bool = True, exclusive: bool = True) -> None:
        self._extended = extended_length
        self._exclusive = exclusive
        self._ctx: int | None = None

    def _context(self) -> int:
        if self._ctx is not None and scard.SCardIsValidContext(self._ctx) == scard.SCARD_S_SUCCESS:
            return self._ctx
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise NoReader(f"PC/SC service unavailable: {scard.SCardGetErrorMessage(hresult)}")
        self._ctx = int(ctx)
        return self._ctx

    def _drop_context(self) -> None:
        if self._ctx is not None:
            scard.SCardReleaseContext(self._ctx)
            self._ctx = None

    def readers(self) -> list[str]:
        try:
            ctx = self._context()
        except NoReader:
            return []
        hresult, readers = scard.SCardListReaders(ctx, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hresult != scard.SCARD_S_SUCCESS:
            self._drop_context()  # pcscd restarted or stopped: try a fresh context next time
            return []
        return list(readers)

    def poll(self) -> list[ReaderStatus]:
        readers = self.readers()
        if not readers:
            return []
        assert self._ctx is not None
        hresult, states = scard.SCardGetStatusChange(
            self._ctx, 0, [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
        )
        if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT):
            return [ReaderStatus(r, False) for r in readers]
        return [
            ReaderStatus(name, bool(event & scard.SCARD_STATE_PRESENT) and not event & scard.SCARD_STATE_MUTE)
            for name, event, _atr in states
        ]

    def connect(self, reader: str) -> CardSession:
        ctx = self._context()
        protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        share = scard.SCARD_SHARE_EXCLUSIVE if self._exclusive else scard.SCARD_SHARE_SHARED
        hresult, hcard, protocol = scard.SCardConnect(ctx, reader, share, protocols)
        if hresult == scard.SCARD_E_SHARING_VIOLATION and self._exclusive:
            hresult, hcard, protocol = scard.SCardConnect(ctx, reader, scard.SCARD_SHARE_SHARED, protocols)
        if hresult in (scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD):
            raise NoCard(reader)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error(hresult, f"connect {reader}")
        return CardSession(reader, _PcscTransport(self, reader, hcard, protocol, self._extended))

    def close(self) -> None:
        self._drop_context()
