"""The nfcpy backend: Sony RC-S380 (port100 driver) and other nfcpy readers, My Number Card as Type 4B.

Discovery senses `RemoteTarget('106B')` and activates the card (ATTRIB) with `nfc.tag.activate`; APDUs go
through `tag.transceive` (ISO-DEP chaining and waiting-time extension are nfcpy's), which, unlike
`send_apdu`, accepts extended-length APDUs. Signing gets a long per-frame timeout (SIGN_TIMEOUT).

nfcpy logs frames at DEBUG level, PIN bytes included: this module pins nfcpy's loggers at INFO and drops any
DEBUG record they make, whatever the application's logging configuration.
"""

from __future__ import annotations

import logging

import nfc
import nfc.clf
import nfc.tag
import nfc.tag.tt4

from kiosk.card.backend import ReaderStatus
from kiosk.card.errors import CardRemoved, CardTimeout, NoCard, ReaderGone
from kiosk.card.session import CardSession

log = logging.getLogger("kiosk.card.nfc")

NFCPY_LOGGERS = ("nfc", "nfc.clf", "nfc.clf.udp", "nfc.clf.rcs380", "nfc.clf.pn533", "nfc.clf.pn53x",
                 "nfc.clf.device", "nfc.clf.transport", "nfc.tag", "nfc.tag.tt4")


class _NoFrameDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


def silence_nfcpy_frames() -> None:
    for name in NFCPY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
        if not any(isinstance(f, _NoFrameDebug) for f in logger.filters):
            logger.addFilter(_NoFrameDebug())


class _NfcTransport:
    """Private: one activated Type 4B tag."""

    extended_length = True

    def __init__(self, backend: NfcBackend, tag: nfc.tag.tt4.Type4Tag) -> None:
        self._backend = backend
        self._tag = tag

    def exchange(self, command: bytes, timeout: float) -> bytes:
        try:
            answer = self._tag.transceive(bytearray(command), timeout=timeout)
        except nfc.tag.TagCommandError as exc:
            self._backend.lost(self._tag)
            if exc.errno == nfc.tag.TIMEOUT_ERROR:
                raise CardTimeout(f"no answer within {timeout:.1f} s") from exc
            raise CardRemoved(str(exc)) from exc
        except nfc.clf.CommunicationError as exc:
            self._backend.lost(self._tag)
            raise CardRemoved(str(exc)) from exc
        except OSError as exc:
            self._backend.lost(self._tag)
            raise ReaderGone(str(exc)) from exc
        if answer is None:
            self._backend.lost(self._tag)
            raise CardRemoved("no answer")
        return bytes(answer)

    def present(self) -> bool:
        return self._backend.tag_present(self._tag)

    def close(self, reset: bool) -> None:
        if reset:
            self._backend.field_off()


class NfcBackend:
    name = "nfc"

    def __init__(self, path: str = "usb", reader_name: str | None = None) -> None:
        silence_nfcpy_frames()
        self.path = path
        self.reader_name = reader_name or f"nfc:{path}"
        self._clf: nfc.ContactlessFrontend | None = None
        self._tag: nfc.tag.tt4.Type4Tag | None = None

    def _frontend(self) -> nfc.ContactlessFrontend | None:
        if self._clf is None:
            clf = nfc.ContactlessFrontend()
            try:
                if not clf.open(self.path):
                    return None
            except OSError:
                log.info("cannot open NFC reader %s", self.path, exc_info=True)
                return None
            self._clf = clf
        return self._clf

    def _sense(self, iterations: int = 1) -> nfc.tag.tt4.Type4Tag | None:
        clf = self._frontend()
        if clf is None:
            return None
        try:
            target = clf.sense(nfc.clf.RemoteTarget("106B"), iterations=iterations, interval=0.1)
            if target is None:
                return None
            tag = nfc.tag.activate(clf, target)
        except nfc.clf.CommunicationError:
            return None
        except OSError:  # the reader was unplugged
            self._drop_frontend()
            return None
        return tag if isinstance(tag, nfc.tag.tt4.Type4Tag) else None

    def _drop_frontend(self) -> None:
        clf, self._clf, self._tag = self._clf, None, None
        if clf is not None:
            clf.close()

    def tag_present(self, tag: nfc.tag.tt4.Type4Tag) -> bool:
        current = self._tag
        if current is None or tag is not current:
            return False
        try:
            present = bool(current.is_present)
        except (nfc.clf.CommunicationError, nfc.tag.TagCommandError, OSError):
            present = False
        if not present:
            self._tag = None
        return present

    def lost(self, tag: nfc.tag.tt4.Type4Tag) -> None:
        if tag is self._tag:
            self._tag = None

    def field_off(self) -> None:
        """Reset the card by switching the RF field off (the card loses power and every verified PIN)."""
        self._tag = None
        if self._clf is not None and self._clf.device is not None:
            self._clf.device.mute()

    # --- Backend -----------------------------------------------------------------------------------------
    def poll(self) -> list[ReaderStatus]:
        if self._frontend() is None:
            return []
        if self._tag is not None and self.tag_present(self._tag):
            return [ReaderStatus(self.reader_name, True)]
        self._tag = self._sense()
        return [ReaderStatus(self.reader_name, self._tag is not None)]

    def connect(self, reader: str) -> CardSession:
        if reader != self.reader_name:
            raise ReaderGone(reader)
        if self._frontend() is None:
            raise ReaderGone(reader)
        if self._tag is None:
            # right after the field was switched off (release) the card needs a moment to power up again
            self._tag = self._sense(iterations=3)
        if self._tag is None:
            raise NoCard(reader)
        return CardSession(reader, _NfcTransport(self, self._tag))

    def close(self) -> None:
        self._drop_frontend()
