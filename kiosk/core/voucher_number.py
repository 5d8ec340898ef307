"""The 13-digit voucher number (発券番号): a 12-digit serial followed by a Damm check digit.

Damm's algorithm (a quasigroup of order 10, weakly totally anti-symmetric) detects every single-digit error and
every transposition of adjacent digits, which is what a clerk typing a number from a paper voucher gets wrong.
The Luhn and JAN (mod 10, weights 1/3) schemes each miss some adjacent transpositions (09/90, or pairs that
differ by 5), so we use Damm.
"""

from __future__ import annotations

import unicodedata

from kiosk.core.errors import VoucherNumberInvalid

SERIAL_DIGITS = 12
LENGTH = SERIAL_DIGITS + 1
MAX_SERIAL = 10**SERIAL_DIGITS - 1

_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_digit(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][ord(ch) - 48]
    return interim


def make_voucher_number(serial: int) -> str:
    """Format a serial (0 ≤ serial < 10^12) as a 13-digit voucher number with its check digit."""
    if isinstance(serial, bool) or not isinstance(serial, int) or not 0 <= serial <= MAX_SERIAL:
        raise VoucherNumberInvalid(f"a voucher serial is an integer from 0 to {MAX_SERIAL}")
    body = f"{serial:0{SERIAL_DIGITS}d}"
    return body + str(damm_digit(body))


def check_voucher_number(text: str) -> str:
    """Normalise a typed voucher number (full-width digits, spaces and hyphens allowed) and verify it."""
    if not isinstance(text, str):
        raise VoucherNumberInvalid("a voucher number must be text")
    value = unicodedata.normalize("NFKC", text)
    value = "".join(ch for ch in value if ch not in " -\t")
    if len(value) != LENGTH or not all("0" <= ch <= "9" for ch in value):
        raise VoucherNumberInvalid(f"a voucher number has {LENGTH} digits")
    if damm_digit(value) != 0:
        raise VoucherNumberInvalid("the voucher number's check digit does not match")
    return value


def serial_of(number: str) -> int:
    return int(check_voucher_number(number)[:SERIAL_DIGITS])
