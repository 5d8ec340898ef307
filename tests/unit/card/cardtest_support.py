"""Shared helpers for the card unit tests (unique module name: test dirs are not packages)."""

from __future__ import annotations

from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.session import CardSession
from kiosk.demo import DemoPKI


def simulated_session(pki: DemoPKI, resident: str = "yamada", extended: bool = True) -> tuple[SimulatedBackend, CardSession]:
    backend = SimulatedBackend(pki=pki, extended_length=extended)
    backend.reader().insert(resident)
    return backend, backend.connect(backend.reader().name)
