"""MyKey ID rules: 8 characters, upper-case letters and digits, case-insensitive on input.

Seed 004 fixes the length at 8. Input is normalised with NFKC (so full-width ＡＢ１２ typed on a Japanese IME
becomes AB12), stripped of surrounding blanks and upper-cased. Generated candidates avoid characters that are
easily confused when read aloud or copied from a slip (0/O, 1/I/L, 2/Z, 5/S, 8/B).
"""

from __future__ import annotations

import enum
import random
import string
import unicodedata

from kiosk.core.errors import InvalidMyKeyId

LENGTH = 8
ALPHABET = frozenset(string.ascii_uppercase + string.digits)
LOOK_ALIKES = frozenset("0O1IL2Z5S8B")
SAFE_ALPHABET = "".join(sorted(ALPHABET - LOOK_ALIKES))


class MyKeyStatus(enum.StrEnum):
    VALID = "valid"  # 有効
    INVALID = "invalid"  # 無効
    SUSPENDED = "suspended"  # 停止


def normalize_mykey_id(text: str) -> str:
    """Return the canonical form of a typed MyKey ID or raise InvalidMyKeyId saying why."""
    if not isinstance(text, str):
        raise InvalidMyKeyId("a MyKey ID must be text")
    value = unicodedata.normalize("NFKC", text).strip().upper()
    if len(value) != LENGTH:
        raise InvalidMyKeyId(f"a MyKey ID has {LENGTH} characters, got {len(value)}")
    bad = sorted({ch for ch in value if ch not in ALPHABET})
    if bad:
        raise InvalidMyKeyId("a MyKey ID holds only letters A-Z and digits 0-9")
    return value


def is_valid_mykey_id(text: str) -> bool:
    try:
        normalize_mykey_id(text)
    except InvalidMyKeyId:
        return False
    return True


def generate_candidate(rng: random.Random | None = None) -> str:
    """A random candidate from the look-alike-free alphabet (the caller checks availability)."""
    chooser = rng if rng is not None else random.SystemRandom()
    return "".join(chooser.choice(SAFE_ALPHABET) for _ in range(LENGTH))
