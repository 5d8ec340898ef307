"""When each terminal last reached the cloud and how many operations its outbox still held (issue 12).

Kept cheap: an authenticated request notes (terminal, time, backlog) in memory — a dict write; the notes are
written to `terminals` at most every FLUSH_S per worker, in one statement per flush, off the request. The admin's
terminal list flushes first, so what it shows is at most one flush old for the other workers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam, func, update

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.models import terminals

FLUSH_S = 30.0
BACKLOG_HEADER = "x-outbox-backlog"
log = logging.getLogger(__name__)


def backlog_of(value: str | None) -> int | None:
    """The terminal's outbox count from its header; anything that is not a small number is ignored."""
    if value is None or not value.isdigit() or len(value) > 9:
        return None
    return int(value)


class ContactTracker:
    def __init__(self) -> None:
        self._pending: dict[int, tuple[datetime, int | None]] = {}
        self._last_flush = 0.0
        self._task: asyncio.Task[None] | None = None

    def note(self, db: Database, terminal_id: int, backlog: int | None) -> None:
        old = self._pending.get(terminal_id)
        if backlog is None and old is not None:
            backlog = old[1]  # a request without the header keeps the last reported backlog
        self._pending[terminal_id] = (utcnow(), backlog)
        if time.monotonic() - self._last_flush >= FLUSH_S and (self._task is None or self._task.done()):
            self._last_flush = time.monotonic()
            with contextlib.suppress(RuntimeError):  # no running loop (sync callers in tests)
                self._task = asyncio.get_running_loop().create_task(self._flush_quietly(db))

    async def _flush_quietly(self, db: Database) -> None:
        try:
            await self.flush(db)
        except Exception:  # a missed flush is retried by the next one; never fails a request
            log.warning("terminal contact flush failed", exc_info=True)

    async def flush(self, db: Database) -> None:
        pending, self._pending = self._pending, {}
        if not pending:
            return
        rows: list[dict[str, Any]] = [{"tid": tid, "seen": seen, "backlog": backlog}
                                      for tid, (seen, backlog) in pending.items()]
        stmt = (update(terminals).where(terminals.c.id == bindparam("tid"))
                .values(last_seen_at=bindparam("seen"),
                        outbox_backlog=func.coalesce(bindparam("backlog", type_=Integer), terminals.c.outbox_backlog)))
        try:
            async with db.write() as conn:
                await conn.execute(stmt, rows)
        except Exception:
            for tid, item in pending.items():  # put back what was not written (newer notes win)
                self._pending.setdefault(tid, item)
            raise


def tracker(state: Any) -> ContactTracker:
    found: ContactTracker | None = getattr(state, "contact", None)
    if found is None:
        found = ContactTracker()
        state.contact = found
    return found
