"""The one cache of voucher verification keys per database, used by the general path and the asyncpg hot path.

Public keys never change once made (rotation adds a key), but a key can be revoked or its verification period
end: the cache is reloaded at most every TTL_S seconds, and at once when a code names a key id it has not seen.
The keys' validity itself is judged by the redemption rule (kiosk.core.rules.redemption.key_usable).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import VoucherError
from kiosk.core.rules.redemption import VoucherKey
from kiosk.core.voucher_code import decode_voucher
from kiosk_cloud.models import voucher_keys

TTL_S = 5.0
RAW_SELECT = "SELECT * FROM voucher_keys"


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _key_of(row: Mapping[str, Any]) -> VoucherKey:
    valid_from, valid_until = _aware(row["valid_from"]), _aware(row["valid_until"])
    assert valid_from is not None and valid_until is not None
    return VoucherKey(bytes(row["public_key"]), valid_from, valid_until, _aware(row.get("verify_until")),
                      _aware(row.get("revoked_at")))


class VoucherKeyCache:
    def __init__(self) -> None:
        self.keys: dict[int, VoucherKey] = {}
        self.loaded = float("-inf")

    def current(self, want: int | None) -> dict[int, VoucherKey] | None:
        """The cached keys if fresh and holding `want`, else None (reload)."""
        if time.monotonic() - self.loaded > TTL_S or (want is not None and want not in self.keys):
            return None
        return self.keys

    def store(self, rows: Iterable[Any]) -> dict[int, VoucherKey]:
        self.keys = {int(r["key_id"]): _key_of(r) for r in rows}
        self.loaded = time.monotonic()
        return self.keys


_CACHES: weakref.WeakKeyDictionary[Any, VoucherKeyCache] = weakref.WeakKeyDictionary()


def cache_for(sync_engine: Any) -> VoucherKeyCache:
    """The cache of one database (keyed by its SQLAlchemy engine; the hot path passes `db.engine.sync_engine`)."""
    cache = _CACHES.get(sync_engine)
    if cache is None:
        cache = _CACHES[sync_engine] = VoucherKeyCache()
    return cache


def wanted_key(code: str) -> int | None:
    """The key id a code names (None if it does not read: the rule then refuses it)."""
    try:
        return decode_voucher(code).key_id
    except VoucherError:
        return None


async def keys_for(conn: AsyncConnection, code: str) -> Mapping[int, VoucherKey]:
    """General path: the verification keys, for checking `code`."""
    cache = cache_for(conn.sync_engine)
    keys = cache.current(wanted_key(code))
    if keys is None:
        rows = (await conn.execute(select(voucher_keys))).mappings().all()
        keys = cache.store(rows)
    return keys


async def keys_for_pool(pool: Any, cache: VoucherKeyCache, code: str) -> Mapping[int, VoucherKey]:
    """Hot path (asyncpg pool): the same cache, loaded with the same columns."""
    keys = cache.current(wanted_key(code))
    if keys is None:
        keys = cache.store(dict(r) for r in await pool.fetch(RAW_SELECT))
    return keys
