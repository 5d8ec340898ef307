"""The terminal's local store: one SQLite file, one writer thread, readers anywhere.

Every write goes through `LocalStore.write` (or `submit`), which runs the given function inside one transaction
on the store's single writer thread. Reads (`read`) use their own short session on the calling thread; WAL lets
them run beside the writer. Nothing in here talks to the network.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.sync.db import make_engine, upgrade
from kiosk.sync.models import SyncState

T = TypeVar("T")

WRITER_THREAD_NAME = "kiosk-store-writer"


class LocalStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = make_engine(path)
        upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WRITER_THREAD_NAME)
        self._writer_ident: int | None = None
        self._closed = False

    # -- writing: one thread, one transaction per call -------------------------------------------------------
    def submit(self, fn: Callable[[Session], T]) -> Future[T]:
        if self._closed:
            raise RuntimeError("local store is closed")
        return self._writer.submit(self._run_write, fn)

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run `fn(session)` in one transaction on the writer thread and return its result (blocking)."""
        if threading.get_ident() == self._writer_ident:
            raise RuntimeError("LocalStore.write called from the writer thread (would deadlock)")
        return self.submit(fn).result()

    def _run_write(self, fn: Callable[[Session], T]) -> T:
        self._writer_ident = threading.get_ident()
        with self._sessions() as session, session.begin():
            return fn(session)

    def assert_writer(self) -> None:
        if threading.get_ident() != self._writer_ident:
            raise AssertionError("local-store write outside the writer thread")

    # -- reading ------------------------------------------------------------------------------------------------
    def read(self, fn: Callable[[Session], T]) -> T:
        with self._sessions() as session:
            return fn(session)

    # -- named state values ---------------------------------------------------------------------------------
    def get_state(self, name: str, default: Any = None) -> Any:
        def load(session: Session) -> Any:
            row = session.scalar(select(SyncState).where(SyncState.name == name))
            return default if row is None else row.value

        return self.read(load)

    def get_states(self, names: list[str]) -> dict[str, Any]:
        def load(session: Session) -> dict[str, Any]:
            rows = session.scalars(select(SyncState).where(SyncState.name.in_(names)))
            return {row.name: row.value for row in rows}

        return self.read(load)

    def set_state(self, name: str, value: Any) -> None:
        self.write(lambda session: put_state(session, name, value))

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._writer.shutdown(wait=True)
            self.engine.dispose()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def put_state(session: Session, name: str, value: Any) -> None:
    """Set a named value inside an open write transaction."""
    row = session.get(SyncState, name)
    if row is None:
        session.add(SyncState(name=name, value=value))
    else:
        row.value = value
