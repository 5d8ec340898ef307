"""Benchmark data: many MyKey IDs with points, so that a load test spreads over many accounts.

The MyKey IDs are created directly (no card certificate bound: they are only paid with by MyKey ID, as an
offline-synced or benchmark payment would be). For benchmarks and load tests only, never for a real municipality.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.models import departments, mykey_ids, point_types, programmes
from kiosk_cloud.services.ledger_ops import grant
from kiosk_cloud.services.reference import add_programme


def bench_mykey_id(index: int) -> str:
    return f"B{index:07d}"


async def _seed(database_url: str, residents: int, points: int) -> list[str]:
    db = Database(database_url, pool_size=2)
    try:
        now = utcnow()
        async with db.write() as conn:
            prog = await _bench_programme(conn)
            existing = set((await conn.execute(select(mykey_ids.c.mykey_id).where(
                mykey_ids.c.mykey_id.like("B%")))).scalars().all())
        ids = [bench_mykey_id(i) for i in range(1, residents + 1)]
        for start in range(0, len(ids), 200):
            async with db.write() as conn:
                for mykey_id in ids[start:start + 200]:
                    if mykey_id not in existing:
                        await conn.execute(insert(mykey_ids).values(mykey_id=mykey_id, status="valid", created_at=now,
                                                                    status_changed_at=now))
                    await grant(conn, programme_id=prog, mykey_id=mykey_id, points=points,
                                terminal_id=None, now=now)
        return ids
    finally:
        await db.dispose()


BENCH_PROGRAMME = "Load-test points"


async def _bench_programme(conn: AsyncConnection) -> int:
    """A programme of the first point type for load tests (any amount up to the 10,000,000-point maximum)."""
    found = (await conn.execute(select(programmes.c.id).where(programmes.c.name_en == BENCH_PROGRAMME))).scalar()
    if found is not None:
        return int(found)
    first_type = (await conn.execute(select(point_types.c.id).order_by(point_types.c.id))).scalar()
    department = (await conn.execute(select(departments.c.id).order_by(departments.c.id))).scalar()
    if first_type is None or department is None:
        raise RuntimeError("run init-demo first: no point type or department exists")
    return await add_programme(conn, department_id=department, point_type_id=first_type, name="負荷試験用ポイント",
                               name_en=BENCH_PROGRAMME, premium=False, validity_days=3650,
                               max_points_per_grant=10_000_000)


def seed_benchmark(database_url: str, residents: int = 1000, points: int = 1_000_000) -> list[str]:
    """Create (or top up) `residents` MyKey IDs B0000001… with `points` points of the first point type."""
    upgrade_to_head(database_url)
    return asyncio.run(_seed(database_url, residents, points))
