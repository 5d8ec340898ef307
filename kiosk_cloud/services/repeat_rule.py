"""The per-programme duplicate rule (`programmes.repeat_rule`): a MyKey ID receives a programme's points
`once_per_day` (JST day of the grant), `once`, or `unlimited` times. Checked in the general grant path; the sync
batch runners take only `unlimited` programmes (api/sync.py routes the others here)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, ledger, mykey_ids, programmes
from kiosk_cloud.services.vouchers import JST

RULES = ("once_per_day", "once", "unlimited")
UNLIMITED = "unlimited"


async def rules_of(conn: AsyncConnection, programme_ids: Iterable[int]) -> dict[int, str]:
    """Repeat rule per programme id (unknown ids are left out)."""
    ids = sorted(set(programme_ids))
    if not ids:
        return {}
    rows = (await conn.execute(select(programmes.c.id, programmes.c.repeat_rule)
                               .where(programmes.c.id.in_(ids)))).all()
    return {int(r.id): str(r.repeat_rule) for r in rows}


async def check_repeat_rule(conn: AsyncConnection, *, programme_id: int, mykey_id: str, at: datetime) -> None:
    """Refuse (`duplicate_grant`) a grant the programme's rule does not allow for this MyKey ID at `at`.

    Locks the MyKey ID row first, so two grants for one person are serialised (PostgreSQL; SQLite writers are
    serialised anyway) and the second one sees the first."""
    rule = (await conn.execute(select(programmes.c.repeat_rule).where(programmes.c.id == programme_id))).scalar()
    if rule is None or rule == UNLIMITED:
        return
    await conn.execute(select(mykey_ids.c.mykey_id).where(mykey_ids.c.mykey_id == mykey_id).with_for_update())
    query = (select(ledger.c.id).join(accounts, accounts.c.id == ledger.c.account_id)
             .where(accounts.c.mykey_id == mykey_id, ledger.c.kind == "grant", ledger.c.programme_id == programme_id))
    if rule == "once_per_day":
        start, end = jst_day_bounds(at)
        query = query.where(ledger.c.occurred_at >= start, ledger.c.occurred_at < end)
    if (await conn.execute(query.limit(1))).first() is not None:
        raise ApiError("duplicate_grant", rule=rule)


# --- for the batch runners (services/sqlite_batch.py, services/pg_batch.py), should they take ruled programmes ---
# Today api/sync.py keeps ruled programmes out of the runs; a runner that wants them calls one of these before it
# writes a grant and steps aside (falls back) when it answers True. Within one run, an earlier grant of the same
# run must count too: SQLite sees it (same transaction); the PostgreSQL runner, which checks everything before
# writing, must also track the (programme, MyKey ID, day) pairs of its own run.

_DUPLICATE_SQL = ("SELECT 1 FROM ledger JOIN accounts ON accounts.id = ledger.account_id WHERE accounts.mykey_id = {m} "
                  "AND ledger.kind = 'grant' AND ledger.programme_id = {p}")
_DAY_SQL = " AND ledger.occurred_at >= {start} AND ledger.occurred_at < {end}"
_SQLITE_FMT = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME storage (UTC), as in sqlite_batch


def jst_day_bounds(at: datetime) -> tuple[datetime, datetime]:
    """The JST day around `at` (once_per_day), as UTC datetimes."""
    start = datetime.combine(at.astimezone(JST).date(), time(), JST)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def sqlite_is_duplicate(db: sqlite3.Connection, *, programme_id: int, mykey_id: str, rule: str,
                        at: datetime) -> bool:
    """Plain-sqlite3 twin of `check_repeat_rule` (True: the rule refuses this grant)."""
    if rule == UNLIMITED:
        return False
    sql = _DUPLICATE_SQL.format(m="?", p="?")
    args: list[Any] = [mykey_id, programme_id]
    if rule == "once_per_day":
        start, end = jst_day_bounds(at)
        sql += _DAY_SQL.format(start="?", end="?")
        args += [start.strftime(_SQLITE_FMT), end.strftime(_SQLITE_FMT)]
    return db.execute(sql + " LIMIT 1", args).fetchone() is not None


async def pg_is_duplicate(conn: Any, *, programme_id: int, mykey_id: str, rule: str, at: datetime) -> bool:
    """asyncpg twin of `check_repeat_rule` (`conn`: an asyncpg connection; True: the rule refuses this grant).
    The caller holds the MyKey ID's lock (or serialises otherwise) so that concurrent grants see each other."""
    if rule == UNLIMITED:
        return False
    sql = _DUPLICATE_SQL.format(m="$1", p="$2")
    args: list[Any] = [mykey_id, programme_id]
    if rule == "once_per_day":
        sql += _DAY_SQL.format(start="$3", end="$4")
        args += list(jst_day_bounds(at))
    return bool(await conn.fetchval(sql + " LIMIT 1", *args))
