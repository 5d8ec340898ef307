"""Database URL mapping, token format and password hashing of the cloud."""

from __future__ import annotations

import pytest

from kiosk_cloud.security import (
    hash_password,
    hash_secret,
    make_token,
    secret_matches,
    split_token,
    verify_password,
)
from kiosk_cloud.settings import async_database_url, is_sqlite, sync_database_url


@pytest.mark.parametrize(("given", "async_url", "sync_url"), [
    ("sqlite:///var/x.db", "sqlite+aiosqlite:///var/x.db", "sqlite:///var/x.db"),
    ("sqlite:////abs/x.db", "sqlite+aiosqlite:////abs/x.db", "sqlite:////abs/x.db"),
    ("postgresql://u:p@h:5432/db", "postgresql+asyncpg://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
    ("postgres://u@h/db", "postgresql+asyncpg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db", "postgresql+psycopg://u@h/db"),
])
def test_url_mapping(given: str, async_url: str, sync_url: str) -> None:
    assert async_database_url(given) == async_url
    assert sync_database_url(given) == sync_url
    assert is_sqlite(given) == given.startswith("sqlite")


def test_unknown_scheme_refused() -> None:
    with pytest.raises(ValueError):
        async_database_url("mysql://x/y")


def test_token_round_trip_and_garbage() -> None:
    token = make_token(42, "s3cret")
    assert split_token(token) == (42, "s3cret")
    for bad in ("", "42", "42.", ".x", "x.y", "1" * 13 + ".x"):
        assert split_token(bad) is None
    assert secret_matches("s3cret", hash_secret("s3cret")) and not secret_matches("s3creT", hash_secret("s3cret"))


def test_password_hash() -> None:
    stored = hash_password("demo-pass")
    assert "demo-pass" not in stored and stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")  # OWASP minimum
    assert verify_password("demo-pass", stored)
    assert not verify_password("demo-pasS", stored)
    assert not verify_password("demo-pass", "garbage")
    assert hash_password("demo-pass") != stored  # salted


def test_legacy_scrypt_hashes_verify_and_ask_for_a_rehash() -> None:
    from kiosk_cloud.security import legacy_scrypt_hash, needs_rehash

    old = legacy_scrypt_hash("demo-pass")
    assert verify_password("demo-pass", old) and not verify_password("other", old)
    assert needs_rehash(old) and not needs_rehash(hash_password("demo-pass"))
    assert needs_rehash("$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
