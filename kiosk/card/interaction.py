"""The interaction handler: how the card layer asks the resident for a PIN or shows a message.

The Qt handler (a PIN pad facing the resident) belongs to the UI; `TerminalInteraction` is the headless one used
by the command line. Handlers are called on the card thread and may block until the resident answers.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass
from typing import Protocol, TextIO

PIN_NAMES = {
    "jpki": ("利用者証明用電子証明書の暗証番号（数字4桁）", "user-authentication PIN (4 digits)"),
    "text": ("券面事項入力補助用の暗証番号（数字4桁）", "card-text PIN (4 digits)"),
}


@dataclass(frozen=True)
class PinRequest:
    pin: str  # "jpki" or "text": which PIN, never a value
    tries_left: int
    digits: int = 4

    @property
    def last_try(self) -> bool:
        return self.tries_left == 1

    def prompt_ja(self) -> str:
        text = f"{PIN_NAMES[self.pin][0]}を入力してください（残り{self.tries_left}回）。"
        if self.last_try:
            text += "次に間違えるとロックされます。"
        return text

    def prompt_en(self) -> str:
        text = f"Enter your {PIN_NAMES[self.pin][1]} ({self.tries_left} tries left)."
        if self.last_try:
            text += " One more wrong PIN locks it."
        return text


class InteractionHandler(Protocol):
    def ask_pin(self, request: PinRequest) -> str | None:
        """The PIN typed by the resident, or None if they cancelled. Never stored by the caller."""
        ...

    def show_message(self, message_ja: str, message_en: str) -> None: ...

    def clear(self) -> None: ...


class TerminalInteraction:
    """Headless handler: asks on the terminal without echo, or reads one line from standard input."""

    def __init__(self, pin_from_stdin: bool = False, out: TextIO | None = None, stdin: TextIO | None = None) -> None:
        self._stdin_mode = pin_from_stdin
        self._out = out or sys.stderr
        self._in = stdin or sys.stdin

    def ask_pin(self, request: PinRequest) -> str | None:
        if self._stdin_mode:
            line = self._in.readline()
            return line.strip() or None
        try:
            return getpass.getpass(f"{request.prompt_ja()}\n{request.prompt_en()}\nPIN: ", stream=self._out) or None
        except (EOFError, KeyboardInterrupt):
            return None

    def show_message(self, message_ja: str, message_en: str) -> None:
        print(f"{message_ja}\n{message_en}", file=self._out)

    def clear(self) -> None:
        pass
