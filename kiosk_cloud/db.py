"""Async engine and transaction helpers.

SQLite (embedded default): WAL, ``busy_timeout``, and every write transaction starts with
``BEGIN IMMEDIATE`` (plus an in-process lock) so that concurrent writers are serialised and can never
overdraw. PostgreSQL: plain READ COMMITTED transactions with row locks (``SELECT ... FOR UPDATE``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from kiosk_cloud.settings import async_database_url, is_sqlite, sync_database_url

T = TypeVar("T")

_DEFERRED = "kiosk_deferred"


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Values read back from SQLite are naive UTC; make them aware."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _no_rows(record: logging.LogRecord) -> bool:
    """A logging filter: DEBUG records (SQLAlchemy's result rows, aiosqlite's calls) are dropped, INFO passes."""
    return record.levelno > logging.DEBUG


def make_engine(database_url: str, pool_size: int = 20) -> AsyncEngine:
    # never the rows (SQLAlchemy logs them at DEBUG: voucher keys, hashes), whatever level the loggers are set to
    engine_log = logging.getLogger("sqlalchemy.engine.Engine.kiosk_cloud")
    if _no_rows not in engine_log.filters:
        engine_log.addFilter(_no_rows)
    url = async_database_url(database_url)
    if url.startswith("sqlite"):
        # aiosqlite logs every call with its parameters at DEBUG (hashes, codes): never those either
        if _no_rows not in logging.getLogger("aiosqlite").filters:
            logging.getLogger("aiosqlite").addFilter(_no_rows)
        # hide_parameters: SQL logs and error texts never show values (tokens' hashes, consents, certificates)
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True, logging_name="kiosk_cloud")
        _install_sqlite_hooks(engine)
        return engine
    return create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=False,
                               hide_parameters=True, logging_name="kiosk_cloud")


def _install_sqlite_hooks(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (the pysqlite driver's implicit BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=FULL")  # an answered write survives a power cut
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_DEFERRED):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


async def _no_reset(_connection: Any) -> None:
    return None


class Database:
    """Owns the engine; hands out short write and read transactions."""

    def __init__(self, database_url: str, pool_size: int = 20) -> None:
        self.url = database_url
        self.sqlite = is_sqlite(database_url)
        self.engine = make_engine(database_url, pool_size)
        self._write_lock: asyncio.Lock | None = None
        self._pool_size = pool_size
        self._raw_pool: Any = None
        self._raw_lock: asyncio.Lock | None = None
        self.ledger_sequence = ""
        self.grant_sequences = ("", "")
        from kiosk_cloud.services.voucher_keys import cache_for

        self.voucher_key_cache = cache_for(self.engine.sync_engine)  # the same cache as the general path's

    async def raw_pool(self) -> Any:
        """PostgreSQL only: a plain asyncpg pool for the payment hot path (services.fastpay); None on SQLite."""
        if self.sqlite:
            return None
        if self._raw_pool is None:
            if self._raw_lock is None:
                self._raw_lock = asyncio.Lock()
            async with self._raw_lock:
                if self._raw_pool is None:
                    import asyncpg

                    from kiosk_cloud.services.fastpay import ledger_sequence
                    from kiosk_cloud.services.pg_batch import sequences

                    dsn = "postgresql://" + async_database_url(self.url).split("://", 1)[1]
                    # the hot path changes no session state, so the default reset query on release is skipped
                    pool = await asyncpg.create_pool(dsn, min_size=1, max_size=self._pool_size, reset=_no_reset)
                    self.ledger_sequence = await ledger_sequence(pool)
                    self.grant_sequences = await sequences(pool)
                    self._raw_pool = pool
        return self._raw_pool

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """One short write transaction; commits on success, rolls back on any exception."""
        if self.sqlite:
            if self._write_lock is None:
                self._write_lock = asyncio.Lock()
            async with self._write_lock, self.engine.begin() as conn:
                yield conn
        else:
            async with self.engine.begin() as conn:
                yield conn

    @property
    def sqlite_path(self) -> str:
        return sync_database_url(self.url)[len("sqlite:///"):]

    async def run_exclusive(self, fn: Callable[..., T], *args: Any) -> T:
        """SQLite only: run `fn(*args)` in a worker thread while this process's writers wait (the function opens
        its own connection and takes the database's write lock with BEGIN IMMEDIATE)."""
        assert self.sqlite
        if self._write_lock is None:
            self._write_lock = asyncio.Lock()
        async with self._write_lock:
            return await asyncio.to_thread(fn, *args)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            if self.sqlite:
                conn = await conn.execution_options(**{_DEFERRED: True})
            async with conn.begin():
                yield conn

    async def dispose(self) -> None:
        if self._raw_pool is not None:
            await self._raw_pool.close()
            self._raw_pool = None
        await self.engine.dispose()
