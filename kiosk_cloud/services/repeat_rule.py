"""Loading the state the grant rule (kiosk.core.rules.grant) decides on, for the general SQLAlchemy path.

The rule itself — repeat rules `once_per_day` (JST day of the grant) / `once` / `unlimited`, points limits, MyKey ID
and programme checks — is `kiosk.core.rules.grant.decide_grant`; this module only reads the rows it needs. The sync
batch runners (services/sqlite_batch.py, services/pg_batch.py) load the same state with their own drivers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.rules.grant import UNLIMITED, GrantRequest, GrantState, Programme, repeat_window
from kiosk_cloud.db import as_utc
from kiosk_cloud.models import accounts, ledger, mykey_ids, programmes

__all__ = ["UNLIMITED", "load_grant_state", "programme_of", "rules_of"]


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
