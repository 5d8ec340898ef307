"""The per-programme duplicate rule (`programmes.repeat_rule`): a MyKey ID receives a programme's points
`once_per_day` (JST day of the grant), `once`, or `unlimited` times. Checked in the general grant path; the sync
batch runners take only `unlimited` programmes (api/sync.py routes the others here)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta

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
        start = datetime.combine(at.astimezone(JST).date(), time(), JST)
        query = query.where(ledger.c.occurred_at >= start, ledger.c.occurred_at < start + timedelta(days=1))
    if (await conn.execute(query.limit(1))).first() is not None:
        raise ApiError("duplicate_grant", rule=rule)
