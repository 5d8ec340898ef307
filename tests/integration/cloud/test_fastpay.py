"""The PostgreSQL payment hot path (services.fastpay) is really taken, and steps aside for every unusual case."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.services.fastpay import fast_pay


@pytest.fixture
def pg_demo(pg_server: str, pki_dir: Any) -> DemoInfo:
    from kiosk_cloud.demo import init_demo

    from .pg import fresh_database

    return init_demo(fresh_database(pg_server), pki_dir)


def _pay(demo: DemoInfo, mykey_id: str, points: int, key: str | None = None) -> list[Any]:
    async def run() -> list[Any]:
        db = Database(demo.database_url, pool_size=2)
        try:
            pool = await db.raw_pool()
            terminal_id = await pool.fetchval("INSERT INTO terminals (name, role, shop_id, token_hash, created_at) "
                                              "VALUES ('t', 'store', 1, 'x', now()) RETURNING id")
            k = key or uuid.uuid4().hex
            out = []
            for _ in range(2):  # the second call with the same key must step aside (replay → general path)
                out.append(await fast_pay(pool, db.ledger_sequence, mykey_id=mykey_id, point_type_id=1,
                                          points=points, shop_id=1, terminal_id=terminal_id, key=k, now=utcnow()))
            return out
        finally:
            await db.dispose()

    return asyncio.run(run())


@pytest.mark.postgres
def test_fast_path_applies_once_and_steps_aside(pg_demo: DemoInfo) -> None:
    first, replay = _pay(pg_demo, "YMDTRU01", 100)
    assert first is not None and first["points"] == 100 and first["balance"] == 1900 and first["payment_id"] > 0
    assert replay is None
    assert _pay(pg_demo, "YMDTRU01", 10**6) == [None, None]  # not enough points: the general path refuses
    assert _pay(pg_demo, "NOSUCH99", 1) == [None, None]  # unknown MyKey ID
    assert _pay(pg_demo, "KOBA2026", 1) == [None, None]


@pytest.mark.parametrize("database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_fast_redeem_one_statement_and_steps_aside(cloud: Any, database_url: str) -> None:
    """PostgreSQL only: SQLite always takes the general path."""
    from kiosk_cloud.services.fastredeem import fast_redeem
    from kiosk_cloud.services.voucher_keys import VoucherKeyCache

    office = cloud.terminal("office")
    auth = office.authenticate(cloud.resident("ito"))
    (voucher,) = office.ok("POST", "/vouchers", {"auth_token": auth["auth_token"], "point_type_id": 1,
                                                 "points": 40})["vouchers"]
    store = cloud.terminal("store")

    async def run() -> list[Any]:
        db = Database(database_url, pool_size=2)
        try:
            pool, keys, out = await db.raw_pool(), VoucherKeyCache(), []
            k = uuid.uuid4().hex
            for code, key_ in ((voucher["code"], k), (voucher["code"], k), (voucher["code"], uuid.uuid4().hex),
                               (voucher["code"][:-2] + "AA", uuid.uuid4().hex)):
                out.append(await fast_redeem(pool, keys, code=code, shop_id=store.shop_id,
                                             terminal_id=store.id, key=key_, now=utcnow()))
            return out
        finally:
            await db.dispose()

    won, replay, second_use, forged = asyncio.run(run())
    assert won is not None and won["points"] == 40 and won["status"] == "redeemed"
    assert replay is None and second_use is None and forged is None
    r = store.post("/vouchers/redeem", {"code": voucher["code"], "idempotency_key": uuid.uuid4().hex})
    assert r.status_code == 409 and r.json()["error"]["code"] == "voucher_already_used"
