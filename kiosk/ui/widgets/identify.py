"""Resident identification step: "place your card" prompt, then the PIN pad, then the cloud's answer.

Used by every flow that needs to know who the resident is. The screen speaks to the resident at these steps
(the card is never handed to staff). Emits `identified(ResidentIdentity)`; the session keeps the identity.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.resident import ResidentIdentity
from kiosk.ui.context import UiContext
from kiosk.ui.design.page_stack import PageStack
from kiosk.ui.design.style import metrics
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
        self.card_prompt = QWidget()  # the resident reads it: large, centred, the whole work area
        self.card_prompt.setObjectName("cardPrompt")
        self.card_text = self._resident_label(self.tr("Please place your My Number Card on the reader."), "title")
        self.card_hint = self._resident_label(self.tr("Please keep the card on the reader until you are finished."),
                                              "resident")
        prompt_layout = QVBoxLayout(self.card_prompt)
        metrics(prompt_layout, "margin", "gap")
        prompt_layout.addStretch(1)
        self.card_icon = self._resident_label("▭", "icon")  # a card, drawn with a plain glyph (no emoji font)
        prompt_layout.addWidget(self.card_icon)
        prompt_layout.addWidget(self.card_text)
        prompt_layout.addWidget(self.card_hint)
        prompt_layout.addStretch(1)
        self.pinpad = PinPad()
        self.pinpad.set_prompt(self.tr("The 4-digit PIN of the card's user certificate (利用者証明用電子証明書)"),
                               self.tr("To confirm that you are the card's holder. Please type it yourself."))
        self.pinpad.submitted.connect(self._on_pin)
        self.pinpad.cancelled.connect(self.cancelled)
        self.busy = self._resident_label(self.tr("Checking the card… please do not remove it."), "residentTitle")
        self.message = QLabel()  # kept for the flows' tests: the last problem of this attempt, shown by the dots
        self.message.setObjectName("identifyMessage")
        self.message.hide()
        self.stopped = QWidget()  # after a failure with the card still there: the screen shows the result
        self.pin_slot = ResidentSlot(self.pinpad, ctx.resident_display)
        self.stack = PageStack()
        for widget in (self.card_prompt, self.pin_slot, self.busy, self.stopped):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        metrics(layout, 0, 0)
        layout.addWidget(self.stack, 1)
        ctx.session.changed.connect(self._on_session)

    def _resident_label(self, text: str, role: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", role)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def set_card_text(self, text: str, hint: str | None = None) -> None:
        self.card_text.setText(text)
        if hint is not None:
            self.card_hint.setText(hint)
            self.card_hint.setVisible(bool(hint))

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
        self.pinpad.set_notice("")
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
        self.pinpad.set_notice("")
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
            self.pinpad.set_notice(message_for(error))
            self.stack.setCurrentWidget(self.pin_slot)
            return
        if error.code in ("no_card", "card_removed"):
            self.stack.setCurrentWidget(self.card_prompt)
            return
        self.pinpad.set_notice("")
        self.stack.setCurrentWidget(self.stopped if self.ctx.session.card_present else self.card_prompt)
        self._active = False
        self.failed.emit(error)  # the screen shows it once, in its result panel
