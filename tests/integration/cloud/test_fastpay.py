"""The PostgreSQL payment hot path (services.fastpay) is really taken, and steps aside for every unusual case."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from kiosk.demo.consent import make_consent
from kiosk.demo.pki import DemoPKI, DemoResident, ensure_demo_pki
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.services.consent import ConsentIn
from kiosk_cloud.services.fastpay import fast_pay
from kiosk_cloud.settings import Settings


@pytest.fixture
def pg_demo(pg_server: str, pki_dir: Any) -> DemoInfo:
    from kiosk_cloud.demo import init_demo

    from .pg import fresh_database

    return init_demo(fresh_database(pg_server), pki_dir)


def _pay(demo: DemoInfo, pki: DemoPKI, who: DemoResident | str, points: int, *, consent_points: int | None = None,
         same_nonce_twice: bool = False) -> list[Any]:
    """Two calls of the hot path with one idempotency key (the second must step aside: replay → general path);
    with `same_nonce_twice`, two keys but one signed statement (the second must step aside: replayed proof)."""
    resident = pki.resident(who) if isinstance(who, str) else who

    async def run() -> list[Any]:
        db = Database(demo.database_url, pool_size=2)
        try:
            pool = await db.raw_pool()
            terminal_id = await pool.fetchval("INSERT INTO terminals (name, role, shop_id, token_hash, created_at) "
                                              "VALUES ('t', 'store', 1, 'x', now()) RETURNING id")
            wire = make_consent(resident, action="payment", municipality_code=demo.municipality_code, shop_id=1,
                                terminal_id=terminal_id, point_type_id=1, points=consent_points or points)
            consent = ConsentIn.model_validate(wire)
            k = uuid.uuid4().hex
            out = []
            for _ in range(2):
                out.append(await fast_pay(pool, db.ledger_sequence, owner=db, consent=consent, point_type_id=1,
                                          points=points, shop_id=1, terminal_id=terminal_id,
                                          key=uuid.uuid4().hex if same_nonce_twice else k, now=utcnow(),
                                          window=Settings()))
            return out
        finally:
            await db.dispose()

    return asyncio.run(run())


@pytest.mark.postgres
def test_fast_path_applies_once_and_steps_aside(pg_demo: DemoInfo, pki_dir: Any) -> None:
    pki = ensure_demo_pki(pki_dir / "pki")
    first, replay = _pay(pg_demo, pki, "yamada", 100)
    assert first is not None and first["points"] == 100 and first["balance"] == 1900 and first["payment_id"] > 0
    assert first["mykey_id"] == pg_demo.residents["yamada"]
    assert replay is None
    assert _pay(pg_demo, pki, "suzuki", 30, same_nonce_twice=True)[1] is None  # the proof is used once
    assert _pay(pg_demo, pki, "yamada", 10**6) == [None, None]  # not enough points: the general path refuses
    assert _pay(pg_demo, pki, "kobayashi", 1) == [None, None]  # certificate not bound to a MyKey ID
    assert _pay(pg_demo, pki, "sato", 1) == [None, None]  # revoked
    assert _pay(pg_demo, pki, "yamada", 5, consent_points=6) == [None, None]  # statement for another amount
    rows = asyncio.run(_count(pg_demo.database_url))
    assert rows == {"nonces": 2, "audit": 2}  # yamada's 100 and suzuki's 30, each audited once


async def _count(url: str) -> dict[str, int]:
    db = Database(url, pool_size=1)
    try:
        pool = await db.raw_pool()
        return {"nonces": await pool.fetchval("SELECT count(*) FROM consent_nonces"),
                "audit": await pool.fetchval("SELECT count(*) FROM audit_log WHERE action = 'payment'")}
    finally:
        await db.dispose()


@pytest.mark.parametrize("database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_fast_redeem_one_statement_and_steps_aside(cloud: Any, database_url: str) -> None:
    """PostgreSQL only: SQLite always takes the general path."""
    from kiosk_cloud.services.fastredeem import fast_redeem
    from kiosk_cloud.services.voucher_keys import VoucherKeyCache

    office = cloud.terminal("office")
    (voucher,) = office.ok("POST", "/vouchers", {"point_type_id": 1, "points": 40, "consent": office.consent(
        cloud.resident("ito"), 40, action="voucher_issue")})["vouchers"]
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


@pytest.mark.parametrize("database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_payment_that_falls_back_tries_the_hot_path_once(cloud: Any, database_url: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast lane tries the hot path; when it steps aside, the route goes straight to the general path."""
    from kiosk_cloud.services import perform

    calls: list[int] = []
    real = perform.fast_pay

    async def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["points"])
        return await real(*args, **kwargs)

    monkeypatch.setattr(perform, "fast_pay", counting)
    store = cloud.terminal("store")
    ito = cloud.resident("ito")
    assert store.pay(ito, 70).status_code == 200  # taken by the hot path
    refused = store.pay(ito, 90_000)  # not enough points: the hot path steps aside, the general path refuses
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "insufficient_points"
    assert calls == [70, 90_000]
