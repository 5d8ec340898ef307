"""Loading the state the grant rule (kiosk.core.rules.grant) decides on: for the general SQLAlchemy path, and the
earlier grants of a repeat-ruled programme for the two sync batch runners (plain sqlite3 / asyncpg).

The rule itself — repeat rules `once_per_day` (JST day of the grant) / `once` / `unlimited`, points limits, MyKey ID
and programme checks — is `kiosk.core.rules.grant.decide_grant`; this module only reads the rows it needs. Earlier
grants are read under the MyKey ID's row lock (PostgreSQL; SQLite writers are serialised anyway), so that two
grants for one person are serialised and the second sees the first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.rules.grant import UNLIMITED, GrantRequest, GrantState, Programme, repeat_window
from kiosk_cloud.db import as_utc
from kiosk_cloud.models import accounts, ledger, mykey_ids, programmes

__all__ = ["UNLIMITED", "load_grant_state", "pg_existing", "programme_of", "rules_of", "sqlite_existing"]


async def rules_of(conn: AsyncConnection, programme_ids: Iterable[int]) -> dict[int, str]:
    """Repeat rule per programme id (unknown ids are left out)."""
    ids = sorted(set(programme_ids))
    if not ids:
        return {}
    rows = (await conn.execute(select(programmes.c.id, programmes.c.repeat_rule)
                               .where(programmes.c.id.in_(ids)))).all()
    return {int(r.id): str(r.repeat_rule) for r in rows}


def programme_of(row: Any) -> Programme | None:
    """A programmes row (SQLAlchemy row, asyncpg record or sqlite3 row as a mapping) as the rule sees it."""
    if row is None:
        return None
    return Programme(int(row["id"]), int(row["point_type_id"]), bool(row["premium"]), int(row["validity_days"]),
                     int(row["max_points_per_grant"]), bool(row["active"]), str(row["repeat_rule"]))


async def load_grant_state(conn: AsyncConnection, request: GrantRequest) -> GrantState:
    """The MyKey ID's status, the programme, and — when its repeat rule needs them — this MyKey ID's grants of the
    programme inside the rule's window. With a repeat rule the MyKey ID's row is locked first, so two grants for
    one person are serialised (PostgreSQL; SQLite writers are serialised anyway) and the second sees the first."""
    status = (await conn.execute(select(mykey_ids.c.status).where(mykey_ids.c.mykey_id == request.mykey_id))).scalar()
    row = (await conn.execute(select(programmes).where(programmes.c.id == request.programme_id))).mappings().first()
    programme = programme_of(row)
    existing: list[datetime] = []
    window = None if programme is None or status is None else repeat_window(programme.repeat_rule, request.at)
    if window is not None:
        await conn.execute(select(mykey_ids.c.mykey_id).where(mykey_ids.c.mykey_id == request.mykey_id)
                           .with_for_update())
        query = (select(ledger.c.occurred_at).join(accounts, accounts.c.id == ledger.c.account_id)
                 .where(accounts.c.mykey_id == request.mykey_id, ledger.c.kind == "grant",
                        ledger.c.programme_id == request.programme_id))
        start, end = window
        if start is not None:
            query = query.where(ledger.c.occurred_at >= start)
        if end is not None:
            query = query.where(ledger.c.occurred_at < end)
        existing = [t for t in (as_utc(v) for v in (await conn.execute(query.limit(1))).scalars()) if t is not None]
    return GrantState(status, programme, existing)


_EXISTING = ("SELECT ledger.occurred_at FROM ledger JOIN accounts ON accounts.id = ledger.account_id "
             "WHERE accounts.mykey_id = {m} AND ledger.kind = 'grant' AND ledger.programme_id = {p}")
_SQLITE_FMT = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DATETIME storage (UTC), as in sqlite_batch


def sqlite_existing(db: sqlite3.Connection, mykey_id: str, programme_id: int,
                    window: tuple[datetime | None, datetime | None]) -> list[datetime]:
    """Plain-sqlite3 twin of the earlier-grants part of `load_grant_state` (inside the runner's BEGIN IMMEDIATE)."""
    sql, args = _EXISTING.format(m="?", p="?"), [mykey_id, programme_id]
    for bound, op in zip(window, (">=", "<"), strict=True):
        if bound is not None:
            sql += f" AND ledger.occurred_at {op} ?"
            args.append(bound.astimezone(UTC).strftime(_SQLITE_FMT))
    return [datetime.fromisoformat(r[0]).replace(tzinfo=UTC) for r in db.execute(sql + " LIMIT 1", args)]


async def pg_existing(conn: Any, mykey_id: str, programme_id: int,
                      window: tuple[datetime | None, datetime | None]) -> list[datetime]:
    """asyncpg twin (`conn` inside the runner's transaction): locks the MyKey ID's row first, like the general path."""
    await conn.execute("SELECT 1 FROM mykey_ids WHERE mykey_id = $1 FOR UPDATE", mykey_id)
    sql, args = _EXISTING.format(m="$1", p="$2"), [mykey_id, programme_id]
    for bound, op in zip(window, (">=", "<"), strict=True):
        if bound is not None:
            args.append(bound)
            sql += f" AND ledger.occurred_at {op} ${len(args)}"
    return [r[0] for r in await conn.fetch(sql + " LIMIT 1", *args)]
