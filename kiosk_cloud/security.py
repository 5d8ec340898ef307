"""Secrets: random tokens shown once, stored as hashes; staff password hashing (argon2id)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("counter", "store", "office", "admin")


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def hash_secret(secret: str) -> str:
    """Tokens are 256-bit random values, so one SHA-256 is enough (no dictionary to attack)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def make_token(row_id: int, secret: str) -> str:
    """Wire format ``<row id>.<secret>``: the id makes the lookup one primary-key query."""
    return f"{row_id}.{secret}"


def split_token(token: str) -> tuple[int, str] | None:
    head, sep, secret = token.partition(".")
    if not sep or not head.isdigit() or not secret or len(head) > 12:
        return None
    return int(head), secret


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


# Staff passwords: argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1). Hashes made before issue 8
# (scrypt, n = 2^14) still verify and are replaced by an argon2id hash at the next successful login.
_ARGON2 = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16,
                         type=Type.ID)


def hash_password(password: str) -> str:
    return _ARGON2.hash(password)


def needs_rehash(stored: str) -> bool:
    """True for a legacy scrypt hash or an argon2 hash made with other parameters."""
    if not stored.startswith("$argon2"):
        return True
    try:
        return _ARGON2.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def verify_password(password: str, stored: str) -> bool:
    """Constant work for a given scheme; never raises on a malformed stored value."""
    if stored.startswith("$argon2"):
        try:
            return _ARGON2.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def legacy_scrypt_hash(password: str) -> str:
    """The pre-issue-8 format (kept so tests can show that old databases still log in and are upgraded)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


# A real argon2id hash of a random password: unknown staff codes are checked against it so that they cost the same
# time as known ones (made once, lazily, off the event loop by the caller).
_DUMMY: list[str] = []


def dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(new_secret()))
    return _DUMMY[0]
