"""Status words to typed errors (one place)."""

from __future__ import annotations

from kiosk.card.apdu import ResponseApdu
from kiosk.card.errors import CardProtocolError, PinBlocked, SecurityNotSatisfied, WrongPin

BLOCKED_SW = (0x6983, 0x6984, 0x63C0)


def check(resp: ResponseApdu, what: str) -> ResponseApdu:
    if resp.sw in (0x9000, 0x6282):
        return resp
    if resp.sw == 0x6982:
        raise SecurityNotSatisfied(f"{what}: security status not satisfied")
    raise CardProtocolError(resp.sw, what)


def pin_tries(resp: ResponseApdu, pin: str, max_tries: int) -> int:
    """Tries left from the answer to a VERIFY without data (consumes no try)."""
    if resp.sw in BLOCKED_SW:
        return 0
    if resp.sw1 == 0x63 and resp.sw2 & 0xF0 == 0xC0:
        return resp.sw2 & 0x0F
    if resp.sw == 0x9000:  # already verified in this session: the counter is full
        return max_tries
    raise CardProtocolError(resp.sw, f"{pin} PIN status")


def verify_result(resp: ResponseApdu, pin: str) -> None:
    if resp.sw == 0x9000:
        return
    if resp.sw in BLOCKED_SW:
        raise PinBlocked(pin)
    if resp.sw1 == 0x63 and resp.sw2 & 0xF0 == 0xC0:
        raise WrongPin(resp.sw2 & 0x0F, pin)
    raise CardProtocolError(resp.sw, f"{pin} PIN verify")
