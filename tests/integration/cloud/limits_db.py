"""Direct database reads for the limits tests: row counts that show an attack wrote nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, func, select, text

from kiosk_cloud.models import conflicts, idempotency, ledger, lots, vouchers
from kiosk_cloud.settings import sync_database_url

WATCHED = {"ledger": ledger, "lots": lots, "idempotency": idempotency, "conflicts": conflicts, "vouchers": vouchers}


def counts(database_url: str) -> dict[str, int]:
    """Row counts of the tables an operation writes, plus the sum of points left in the lots."""
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            out = {name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                   for name, t in WATCHED.items()}
            out["lot_points"] = int(conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0))).scalar_one())
            out["redeemed"] = int(conn.execute(
                select(func.count()).select_from(vouchers).where(vouchers.c.status == "redeemed")).scalar_one())
    finally:
        engine.dispose()
    return out


def rows(database_url: str, sql: str, **params: Any) -> list[Any]:
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params).all())
    finally:
        engine.dispose()


def execute(database_url: str, sql: str, **params: Any) -> None:
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    finally:
        engine.dispose()


def issue_vouchers(database_url: str, *, mykey_id: str, point_type_id: int, points: int, count: int,
                   terminal_id: int, at: Any = None) -> list[dict[str, Any]]:
    """Vouchers issued in-process through the cloud's own service (whatever the HTTP form of a voucher issue)."""
    import asyncio

    from kiosk_cloud.db import Database, utcnow
    from kiosk_cloud.services.vouchers import issue

    async def run() -> list[dict[str, Any]]:
        db = Database(database_url, pool_size=2)
        try:
            async with db.write() as conn:
                return await issue(conn, mykey_id=mykey_id, point_type_id=point_type_id, points=points,
                                   count=count, terminal_id=terminal_id, validity_days=30, now=at or utcnow())
        finally:
            await db.dispose()

    return asyncio.run(run())
