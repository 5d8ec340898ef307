"""Resident identification step: "place your card" prompt, then the PIN pad, then the cloud's answer.

Used by every flow that needs to know who the resident is. The screen speaks to the resident at these steps
(the card is never handed to staff). Emits `identified(ResidentIdentity)`; the session keeps the identity.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.errors import message_for
from kiosk.ui.resident_display import ResidentSlot
from kiosk.ui.widgets.pinpad import PinPad


class IdentifyStep(QWidget):
    identified = Signal(object)
    failed = Signal(object)  # ServiceError that ends this attempt (blocked, revoked, cloud unavailable)
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._active = False
        self.card_prompt = QLabel(self.tr("Please place your My Number Card on the reader.\n"
                                          "Please keep the card on the reader until you are finished."))
        self.card_prompt.setObjectName("cardPrompt")
        self.card_prompt.setProperty("role", "title")
        self.card_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_prompt.setWordWrap(True)
        self.pinpad = PinPad()
        self.pinpad.set_prompt(self.tr("Please enter the 4-digit PIN of your card's user certificate "
                                       "(利用者証明用電子証明書) yourself."))
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(self.cancelled)
        self.busy = QLabel(self.tr("Checking the card… please do not remove it."))
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy.setProperty("role", "title")
        self.busy.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("identifyMessage")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.stopped = QWidget()  # after a failure with the card still there: the screen explains above
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.stack = QStackedWidget()
        for widget in (self.card_prompt, self.pin_slot, self.busy, self.stopped):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        ctx.session.changed.connect(self._on_session)

    def start(self) -> None:
        """Begin (or restart) identification for the resident at the reader."""
        self._active = True
        self.message.clear()
        self.pinpad.clear()
        identity = self.ctx.session.identity
        if identity is not None and identity.auth_token:
            self._active = False
            self.identified.emit(identity)
            return
        self.stack.setCurrentWidget(self.card_prompt)  # (again) from the top: tries are read afresh
        self._on_session()

    def stop(self) -> None:
        self._active = False
        self.pinpad.clear()
        self.pinpad.set_tries_left(None)
        self.message.clear()
        self.stack.setCurrentWidget(self.card_prompt)

    def _on_session(self) -> None:
        if not self._active:
            return
        if not self.ctx.session.card_present:
            self.pinpad.clear()
            self.stack.setCurrentWidget(self.card_prompt)
            return
        if self.stack.currentWidget() is self.card_prompt:
            self.stack.setCurrentWidget(self.busy)
            self.ctx.runner.run(self.ctx.services.auth.jpki_tries_left, self._on_tries, self._on_error)

    def _on_tries(self, tries: object) -> None:
        if not self._active:
            return
        assert isinstance(tries, int)
        self.pinpad.set_tries_left(tries)
        if tries <= 0:
            self._on_error(ServiceError("pin_blocked", tries_left=0))
            return
        self.stack.setCurrentWidget(self.pin_slot)
        self.pinpad.setFocus()

    def _on_pin(self, pin: str) -> None:
        self.busy.setText(self.tr("Checking the card… please do not remove it."))
        self.stack.setCurrentWidget(self.busy)
        self.message.clear()
        auth = self.ctx.services.auth
        self.ctx.runner.run(lambda progress: auth.authenticate(pin, progress), self._on_identity, self._on_error,
                            self._on_progress)

    def _on_progress(self, step: str) -> None:
        texts = {
            "read_certificate": self.tr("Reading the card… please do not remove it."),
            "challenge": self.tr("Contacting the points cloud…"),
            "sign": self.tr("The card is checking your PIN… please do not remove it."),
            "verify": self.tr("The points cloud is verifying the card…"),
        }
        if step in texts:
            self.busy.setText(texts[step])

    def _on_identity(self, identity: object) -> None:
        assert isinstance(identity, ResidentIdentity)
        self._active = False
        self.stack.setCurrentWidget(self.stopped)  # done: the screen takes over
        self.ctx.session.set_identity(identity)
        self.identified.emit(identity)

    def _on_error(self, error: ServiceError) -> None:
        if not self._active:
            return
        self.message.setText(message_for(error))
        if error.code == "wrong_pin":
            if error.tries_left is not None:
                self.pinpad.set_tries_left(error.tries_left)
            self.stack.setCurrentWidget(self.pin_slot)
            return
        if error.code in ("no_card", "card_removed"):
            self.stack.setCurrentWidget(self.card_prompt)
            return
        if error.code == "pin_blocked":
            self.pinpad.set_tries_left(0)
            self.stack.setCurrentWidget(self.pin_slot)
        else:
            self.stack.setCurrentWidget(self.stopped if self.ctx.session.card_present else self.card_prompt)
        self._active = False
        self.message.clear()  # the screen explains a failure that ends the attempt
        self.failed.emit(error)
