"""The software My Number Card: one emulator (`SoftCard`) used in-process by the simulated backend, as a vpcd
virtual card for the real pcscd + pyscard path, and as an nfcpy udp listener for the nfc backend."""

from kiosk.card.softcard.card import SoftCard

__all__ = ["SoftCard"]
