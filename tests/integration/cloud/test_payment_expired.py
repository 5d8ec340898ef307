"""A card payment refused because the resident's points have expired — not merely too few — over real HTTP on
SQLite and PostgreSQL (where the asyncpg hot path steps aside and the general path's rule decides): its own code
and message in both languages, and nothing written (ledger, lots, nonces, conflicts; only the stored refusal)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, func, select, update

from kiosk_cloud.models import ledger, lots
from kiosk_cloud.settings import sync_database_url

from .consent_db import assert_nothing_written, snapshot
from .helpers import Cloud, key


def _account(cloud: Cloud, who: str) -> dict[str, Any]:
    body = cloud.terminal("counter").ok("GET", f"/balances/{cloud.mykey(who)}")
    return next(a for a in body["accounts"] if a["point_type_id"] == cloud.point_type)


def _expire(database_url: str, lot_id: int, when: datetime) -> None:
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.begin() as conn:
            conn.execute(update(lots).where(lots.c.id == lot_id).values(expires_at=when))
    finally:
        engine.dispose()


def _expiry_rows(database_url: str) -> int:
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(ledger).where(ledger.c.kind == "expiry"))
                       .scalar_one())
    finally:
        engine.dispose()


def test_expired_points_are_refused_as_expired_and_nothing_is_written(cloud: Cloud) -> None:
    url = cloud.demo.database_url
    store = cloud.terminal("store")
    resident = cloud.resident("ito")
    account = _account(cloud, "ito")
    lapsed = account["lots"][0]  # the earliest-expiring lot: its expiry passed a day ago
    _expire(url, int(lapsed["lot_id"]), datetime.now(UTC) - timedelta(days=1))
    live = account["balance"] - lapsed["remaining"]
    assert _account(cloud, "ito")["balance"] == live  # the balance read shows only live points

    before = snapshot(url)
    idem = key()
    refused = store.pay(resident, live + 1, point_type_id=cloud.point_type, idem=idem)
    assert refused.status_code == 409, refused.text
    err = refused.json()["error"]
    assert err["code"] == "points_expired"
    assert err["available"] == live and err["expired"] == lapsed["remaining"]
    assert "有効期限が切れたポイントは使えません" in err["message_ja"] and "expired" in err["message"]
    assert_nothing_written(before, snapshot(url), refused="points_expired", key=idem)
    assert _expiry_rows(url) == 0  # the write-off went with the refusal's rollback

    too_many = store.pay(resident, live + lapsed["remaining"] + 1, point_type_id=cloud.point_type)
    assert too_many.json()["error"]["code"] == "insufficient_points"  # even the expired points would not do

    paid = store.pay(resident, 1, point_type_id=cloud.point_type)  # what is live pays; the expired lot is written off
    assert paid.status_code == 200, paid.text
    assert paid.json()["balance"] == live - 1 and _expiry_rows(url) == 1
    after = _account(cloud, "ito")
    assert after["balance"] == live - 1 and all(lot["lot_id"] != lapsed["lot_id"] for lot in after["lots"])
