"""The simulated backend: software My Number Cards placed on simulated readers, in-process.

Used by demo mode and the UI tests. `SimulatedReader.insert(resident_key)` / `.remove()` place and take away a
sample resident's card; the cards (and so their PIN counters) live as long as the backend, like real cards.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.card.backend import ReaderStatus
from kiosk.card.errors import CardRemoved, NoCard, ReaderGone
from kiosk.card.session import CardSession
from kiosk.card.softcard.card import SoftCard
from kiosk.card.softcard.foreign import ForeignCard
from kiosk.demo.pki import DemoPKI, DemoResident, ensure_demo_pki


@dataclass(frozen=True)
class ResidentChoice:
    """One sample card for the demo's "place a card" widget."""

    key: str
    name: str
    address: str
    note_ja: str
    note_en: str


def _notes(r: DemoResident) -> tuple[str, str]:
    ja, en = [], []
    if r.blocked:
        ja.append("暗証番号ロック中")
        en.append("PIN blocked")
    if r.revoked:
        ja.append("証明書失効")
        en.append("certificate revoked")
    if not r.has_signing_cert:
        ja.append("15歳未満（署名用証明書なし）")
        en.append("under 15 (no signing certificate)")
    return "・".join(ja), ", ".join(en)


class _SimulatedTransport:
    """Private: bytes to the software card currently on the reader."""

    def __init__(self, reader: SimulatedReader, card: SoftCard | ForeignCard, latency: float) -> None:
        self._reader = reader
        self._card = card
        self._latency = latency
        self.extended_length = reader.extended_length

    def exchange(self, command: bytes, timeout: float) -> bytes:
        if self._reader.unplugged:
            raise ReaderGone(self._reader.name)
        if self._reader.card is not self._card:
            raise CardRemoved(self._reader.name)
        if self._latency:
            time.sleep(self._latency)
        return self._card.process(command)

    def present(self) -> bool:
        return not self._reader.unplugged and self._reader.card is self._card

    def close(self, reset: bool) -> None:
        if reset:
            self._card.reset()


class SimulatedReader:
    def __init__(self, backend: SimulatedBackend, name: str, extended_length: bool) -> None:
        self._backend = backend
        self.name = name
        self.extended_length = extended_length
        self.card: SoftCard | ForeignCard | None = None
        self.unplugged = False

    def insert(self, resident_key: str) -> SoftCard:
        """Place `resident_key`'s card on this reader (taking away any card already there)."""
        card = self._backend.card_for(resident_key)
        card.reset()
        self.card = card
        return card

    def insert_foreign(self) -> ForeignCard:
        """Place a card that is not a My Number Card."""
        card = ForeignCard()
        self.card = card
        return card

    def remove(self) -> None:
        if self.card is not None:
            self.card.reset()
        self.card = None

    @property
    def resident_key(self) -> str | None:
        return self.card.resident_key if self.card else None


class SimulatedBackend:
    name = "simulated"

    def __init__(
        self,
        pki: DemoPKI | None = None,
        pki_dir: Path | str | None = None,
        readers: tuple[str, ...] = ("Simulated Reader 0",),
        extended_length: bool = True,
        latency: float = 0.0,
        sign_delay: float = 0.0,
        card_extended_length: bool = True,
    ) -> None:
        if pki is None:
            if pki_dir is None:
                raise ValueError("the simulated backend needs the demo PKI or its directory")
            pki = ensure_demo_pki(Path(pki_dir))
        self.pki = pki
        self._latency = latency
        self._sign_delay = sign_delay
        self._card_extended = card_extended_length
        self._lock = threading.Lock()
        self._cards: dict[str, SoftCard] = {}
        self._readers: dict[str, SimulatedReader] = {}
        for name in readers:
            self.plug_reader(name, extended_length)

    # --- controls for tests and the demo's "which card is on the reader" widget ----------------------------
    @property
    def residents(self) -> list[str]:
        return [r.key for r in self.pki.residents]

    def resident_choices(self) -> list[ResidentChoice]:
        return [ResidentChoice(r.key, r.name, r.address, *_notes(r)) for r in self.pki.residents]

    def card_for(self, resident_key: str) -> SoftCard:
        with self._lock:
            card = self._cards.get(resident_key)
            if card is None:
                card = SoftCard(
                    self.pki.resident(resident_key), self.pki.ca_cert_der, sign_delay=self._sign_delay,
                    extended_length=self._card_extended,
                )
                self._cards[resident_key] = card
            return card

    def reader(self, name: str | None = None) -> SimulatedReader:
        if name is None:
            return next(iter(self._readers.values()))
        return self._readers[name]

    def plug_reader(self, name: str, extended_length: bool = True) -> SimulatedReader:
        reader = SimulatedReader(self, name, extended_length)
        self._readers[name] = reader
        return reader

    def unplug_reader(self, name: str) -> None:
        reader = self._readers.pop(name)
        reader.unplugged = True

    # --- Backend -----------------------------------------------------------------------------------------
    def poll(self) -> list[ReaderStatus]:
        return [ReaderStatus(r.name, r.card is not None) for r in list(self._readers.values())]

    def connect(self, reader: str) -> CardSession:
        r = self._readers.get(reader)
        if r is None:
            raise ReaderGone(reader)
        if r.card is None:
            raise NoCard(reader)
        r.card.reset()
        return CardSession(reader, _SimulatedTransport(r, r.card, self._latency))

    def close(self) -> None:
        pass
