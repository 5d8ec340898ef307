"""Keyboard-wedge (USB HID) scanner input: tell a scan from a person typing, and normalise what the scanner sent.

A wedge scanner "types" the code. The UI feeds every key's text (or an input method's commit string) here with a
monotonic timestamp, BEFORE any widget sees it, and delivers what comes back:

- `Scan`: a complete scan — route it to the scan handler, never to the focused field;
- `Typed`: what a person typed — hand it on to the focused widget (held for at most `burst_gap`, ~35 ms);
  control characters (Backspace "\b", Escape "\x1b") come back at once as their own `Typed`. Keys with no text
  (arrows, function keys) the UI passes on itself, after delivering what `feed("", now)` returns.

A burst is `min_burst` characters with no gap over `burst_gap` between them (a scanner sends a key every 1–10 ms;
a person, even a fast typist, leaves 50–200 ms and never eight short gaps in a row). A scan is complete when
`code_length` (149) Base32 characters have arrived, on Enter (or Tab), or when the keys stop for `burst_gap`. An
Enter that follows a completed scan within `enter_grace` is swallowed (scanners that send CR LF, or a doubled
Enter); a missing Enter is no problem (length or gap).

Normalisation (NFKC, upper case, blanks dropped) undoes what a Japanese IME does to scanner input in kana mode:
full-width ＡＢＣ２３４ → ABC234, and the IME delivering the whole code as one commit string at the end (or in a few
pieces, when its composition fills up: pieces up to `commit_gap` apart are joined). A commit string is a scan only
if it is Base32 and at least `min_commit_scan` long: a person committing 東京都 or "tanakataro" keeps typing.
Everything is plain Python with timestamps passed in: no Qt, no clock of its own, fully unit-testable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

CODE_LENGTH = 149
BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
TERMINATORS = frozenset("\r\n\t")


def normalise_scan(raw: str) -> str:
    """NFKC (full-width → ASCII), upper case, no blanks or control characters."""
    text = unicodedata.normalize("NFKC", raw).upper()
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")


@dataclass(frozen=True, slots=True)
class Scan:
    text: str                                  # normalised
    raw: str                                   # as received, for the log
    reason: Literal["length", "enter", "gap"]
    started: float
    ended: float

    @property
    def looks_like_voucher(self) -> bool:
        return len(self.text) == CODE_LENGTH and set(self.text) <= BASE32


@dataclass(frozen=True, slots=True)
class Typed:
    text: str                                  # a person's keys, "\n" for Enter, "\t" for Tab


Event = Scan | Typed


class WedgeAssembler:
    def __init__(self, code_length: int = CODE_LENGTH, burst_gap: float = 0.035, min_burst: int = 8,
                 enter_grace: float = 0.15, commit_gap: float = 0.15, min_commit_scan: int = 20) -> None:
        self.code_length = code_length
        self.burst_gap = burst_gap
        self.min_burst = min_burst
        self.enter_grace = enter_grace
        self.commit_gap = commit_gap            # an IME may commit a long code in pieces: wait longer between them
        self.min_commit_scan = min_commit_scan  # a commit shorter than this is a person's word, even if A-Z only
        self._buf: list[str] = []
        self._b32 = 0
        self._first = self._last = 0.0
        self._burst = False
        self._keys = 0                          # characters that came one per key (not in a commit string)
        self._committed = 0                     # characters that came in commit strings
        self._swallow_until = float("-inf")

    # -- what the UI calls ------------------------------------------------------------------------------------

    @property
    def holding(self) -> bool:
        """True while keys are held back (the UI must not deliver them to a widget yet)."""
        return bool(self._buf)

    @property
    def in_burst(self) -> bool:
        return self._burst

    def deadline(self) -> float | None:
        """When `poll` must be called next if no key comes (None: nothing held)."""
        return self._last + self._gap() if self._buf else None

    def _gap(self) -> float:
        return self.commit_gap if self._committed else self.burst_gap

    def feed(self, text: str, now: float) -> list[Event]:
        """One key's text, or an input method's commit string, received at `now` (seconds, monotonic)."""
        events = self.poll(now)
        commit = len(text) > 1
        for ch in text:
            if ch in TERMINATORS:
                events += self._terminator(ch, now)
            elif unicodedata.category(ch) == "Cc":
                events += self._control(ch, now)
            else:
                events += self._add(ch, now, commit)
        return events

    def poll(self, now: float) -> list[Event]:
        """Close what is held if the keys stopped: a burst becomes a scan, anything else goes on as typed."""
        if self._buf and now - self._last > self._gap():
            return [self._close("gap", self._last)]
        return []

    # -- inside -----------------------------------------------------------------------------------------------

    def _add(self, ch: str, now: float, commit: bool) -> list[Event]:
        if not self._buf:
            self._first = now
        self._buf.append(ch)
        if commit:
            self._committed += 1
        else:
            self._keys += 1
        self._last = now
        if normalise_scan(ch) in BASE32:
            self._b32 += 1
        if not self._burst and len(self._buf) >= self.min_burst:
            self._burst = True
        if self._burst and self._b32 >= self.code_length:
            return [self._close("length", now)]
        return []

    def _control(self, ch: str, now: float) -> list[Event]:
        """Backspace, Escape and the like: a person's; they go on at once, after what was held (never in a scan)."""
        if self._burst:
            return []
        held = [self._close("gap", now)] if self._buf else []
        return [*held, Typed(ch)]

    def _terminator(self, ch: str, now: float) -> list[Event]:
        if not self._buf:
            if now <= self._swallow_until:
                return []                 # the Enter after a scan completed by length, or a doubled Enter
            return [Typed("\n" if ch in "\r\n" else "\t")]
        if self._burst:
            return [self._close("enter", now)]
        typed = self._close("gap", now)
        assert isinstance(typed, Typed)
        return [Typed(typed.text + ("\n" if ch in "\r\n" else "\t"))]

    def _close(self, reason: Literal["length", "enter", "gap"], now: float) -> Event:
        raw = "".join(self._buf)
        burst, commit_only = self._burst, self._keys == 0
        self._buf, self._b32, self._burst, self._keys, self._committed = [], 0, False, 0, 0
        if not burst:
            return Typed(raw)
        text = normalise_scan(raw)
        if commit_only and (not set(text) <= BASE32 or len(text) < self.min_commit_scan):
            return Typed(raw)             # a person's input method committing a word at once, not a scanner
        self._swallow_until = now + self.enter_grace
        return Scan(text=text, raw=raw, reason=reason, started=self._first, ended=now)
