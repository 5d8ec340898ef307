"""Confirmation sounds. PySide6-Essentials has no QtMultimedia, so the WAV files in resources/sounds are played
with the system's player (paplay / aplay / pw-play) in a detached process; without one, the Qt beep is used."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from kiosk.ui.i18n import RESOURCES

PLAYERS = ("paplay", "pw-play", "aplay")


class Sound:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.played: list[str] = []  # names played, for tests and diagnostics
        self._player = next((p for p in PLAYERS if shutil.which(p)), None)

    def __call__(self, name: str) -> None:
        self.played.append(name)
        if not self.enabled:
            return
        path = RESOURCES / "sounds" / f"{name}.wav"
        if self._player and path.exists():
            args = ["-q", str(path)] if self._player == "aplay" else [str(path)]
            QProcess.startDetached(self._player, args)
        else:
            QApplication.beep()
