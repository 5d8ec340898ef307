"""What a reader backend provides: discovery (readers, card presence) and sessions.

Backends: `pcsc` (pyscard), `nfc` (nfcpy, Sony RC-S380 Type 4B), `simulated` (software cards). Each returns
`CardSession` objects (session.py), the only path to a card, so the APDU guard applies to all of them.
The interaction handler (interaction.py) is the third part and belongs to the front end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.card.session import CardSession


@dataclass(frozen=True)
class ReaderStatus:
    name: str
    card_present: bool


class Backend(Protocol):
    name: str

    def poll(self) -> list[ReaderStatus]:
        """The readers that exist now and whether each has a card. Never raises for a vanished reader."""
        ...

    def connect(self, reader: str) -> CardSession:
        """A session to the card in `reader` (raises NoCard / ReaderGone / CardTimeout)."""
        ...

    def close(self) -> None: ...


BACKEND_NAMES = ("pcsc", "nfc", "simulated")


def create_backend(name: str, **options: Any) -> Backend:
    """Build a backend by configuration name; imports its I/O library only when chosen."""
    if name == "pcsc":
        from kiosk.card.backends.pcsc import PcscBackend

        return PcscBackend(**options)
    if name == "nfc":
        from kiosk.card.backends.nfc import NfcBackend

        return NfcBackend(**options)
    if name == "simulated":
        from kiosk.card.backends.simulated import SimulatedBackend

        return SimulatedBackend(**options)
    raise ValueError(f"unknown card backend {name!r} (choose from {', '.join(BACKEND_NAMES)})")
