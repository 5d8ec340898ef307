"""Secrets: random tokens shown once, stored as hashes; staff password hashing (scrypt)."""

from __future__ import annotations

import hashlib
import hmac
import secrets

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


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
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
