"""The resident being served, owned by the main window. Every screen reads the resident from here.

A wipe (card removed, "next resident", idle timeout) clears this object, tells every screen to clear its fields
(`wiped` signal), bumps the generation so that late results of running operations are dropped, and asks the card
layer to reset the card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from kiosk.services.ports import BasicItems
from kiosk.services.resident import ResidentIdentity


@dataclass
class _Resident:
    card_present: bool = False
    identity: ResidentIdentity | None = None
    basic: BasicItems | None = None


class ResidentSession(QObject):
    changed = Signal()
    wiped = Signal(str)  # reason: "card_removed" | "next" | "idle" | "logout"

    def __init__(self, idle_timeout_s: float, reset_card: Callable[[], None] = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._r = _Resident()
        self._generation = 0
        self._reset_card = reset_card
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self.wipe("idle"))
        self.set_idle_timeout(idle_timeout_s)

    # --- state -------------------------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    @property
    def card_present(self) -> bool:
        return self._r.card_present

    @property
    def identity(self) -> ResidentIdentity | None:
        return self._r.identity

    @property
    def basic(self) -> BasicItems | None:
        return self._r.basic

    @property
    def mykey_id(self) -> str | None:
        return self._r.identity.mykey_id if self._r.identity else None

    def is_empty(self) -> bool:
        return not self._r.card_present and self._r.identity is None and self._r.basic is None

    def set_card_present(self, present: bool) -> None:
        if present:
            if not self._r.card_present and not self.is_empty():
                # a card arrives while someone else (typed MyKey ID) is on screen: start clean for this card
                self.wipe("new_card")
            self._r.card_present = True
            self.touch()
            self.changed.emit()
        elif self._r.card_present or self._r.identity is not None:
            self.wipe("card_removed")

    def set_identity(self, identity: ResidentIdentity) -> None:
        self._r.identity = identity
        self.touch()
        self.changed.emit()

    def set_mykey_id(self, mykey_id: str, status: str) -> None:
        old = self._r.identity
        self._r.identity = ResidentIdentity(mykey_id, status, old.fingerprint if old else "",
                                            old.auth_token if old else "")
        self.changed.emit()

    def set_basic(self, basic: BasicItems) -> None:
        self._r.basic = basic
        self.touch()
        self.changed.emit()

    # --- wiping ------------------------------------------------------------------------------------------
    def wipe(self, reason: str) -> None:
        """Forget the resident everywhere; always bumps the generation, even when nothing was shown."""
        self._r = _Resident()
        self._generation += 1
        self._idle.stop()
        try:
            self._reset_card()
        finally:
            self.wiped.emit(reason)
            self.changed.emit()

    # --- idleness ----------------------------------------------------------------------------------------
    def set_idle_timeout(self, seconds: float) -> None:
        self._idle.setInterval(max(1, int(seconds * 1000)))

    def idle_interval_ms(self) -> int:
        return self._idle.interval()

    def touch(self) -> None:
        """Restart the idle countdown (called on any user input while a resident is being served)."""
        if not self.is_empty():
            self._idle.start()

    def idle_active(self) -> bool:
        return self._idle.isActive()

    def idle_remaining_ms(self) -> int | None:
        """Time left before the idle wipe, or None when no resident is being served."""
        return self._idle.remainingTime() if self._idle.isActive() else None


class ActivityFilter(QObject):
    """Application-wide event filter: user input restarts the session's idle countdown."""

    _EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin})

    def __init__(self, session: ResidentSession) -> None:
        super().__init__(session)
        self._session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._EVENTS:
            self._session.touch()
        return False
