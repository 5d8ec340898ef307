"""The monthly ledger summary (issue 12, migration 0010) against the ledger itself, over real HTTP on SQLite and
PostgreSQL: after a mix of grants (plain, bulk and sync batches — the batch runners), card payments (the asyncpg hot
path on PostgreSQL), a reversal, an offline payment, voucher issue / redemption / void, a support event funded,
supported and paid out, `ledger_monthly` equals a recount of the ledger, and every report that reads it (grants by
programme and department, use per shop, the accounting export) answers exactly what the ledger alone answers, for a
month, a year, a fiscal year and a period with partial months at both ends. The fast paths on and off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine

from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.embedded import start_embedded
from kiosk_cloud.migrate import alembic_config, upgrade_to_head
from kiosk_cloud.models import ledger_monthly
from kiosk_cloud.services import report_queries as rq
from kiosk_cloud.settings import Settings, sync_database_url

from .helpers import Cloud, key

JST = rq.JST


@pytest.fixture(params=[True, False], ids=["fast", "general"])
def mixed_cloud(request: pytest.FixtureRequest, demo: DemoInfo, pki_dir: Path) -> Iterator[Cloud]:
    server = start_embedded(demo.database_url, settings=Settings(database_url=demo.database_url,
                                                                 fast_paths=request.param))
    cloud = Cloud(server.url, demo, pki_dir / "pki")
    try:
        yield cloud
    finally:
        cloud.close()
        server.stop()


def _mix(cloud: Cloud) -> None:
    m, other = cloud.mykey("suzuki"), cloud.mykey("takahashi")
    normal, premium = cloud.programme(), cloud.programme(premium=True)
    counter = cloud.terminal("counter")
    counter.ok("POST", "/grants", {"programme_id": normal, "mykey_id": m, "points": 3000, "idempotency_key": key()})
    cloud.admin.ok("POST", "/grants", {"programme_id": premium, "mykey_id": m, "points": 500,
                                       "idempotency_key": key()})
    now = datetime.now(UTC).isoformat()
    batch = [{"key": key(), "kind": "grant", "created_at": now,
              "payload": {"programme_id": prog, "mykey_id": who, "points": pts}}
             for prog, who, pts in ((normal, m, 100), (premium, other, 250), (normal, other, 75), (normal, m, 40))]
    results = counter.ok("POST", "/sync", {"operations": batch})["results"]
    assert [r["status"] for r in results] == ["applied"] * 4
    store = cloud.terminal("store")
    second = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    paid = [store.pay(cloud.resident("suzuki"), pts) for pts in (700, 300)]
    paid.append(second.pay(cloud.resident("takahashi"), 120))
    assert all(p.status_code == 200 for p in paid), [p.text for p in paid]
    store.ok("POST", f"/payments/{paid[0].json()['payment_id']}/reverse")
    offline = {"key": key(), "kind": "offline_payment", "created_at": now,
               "payload": {"point_type_id": 1, "points": 90, "consent": second.consent(cloud.resident("suzuki"), 90)}}
    assert second.ok("POST", "/sync", {"operations": [offline]})["results"][0]["status"] == "applied"
    office = cloud.terminal("office")
    consent = office.consent(cloud.resident("suzuki"), 600, action="voucher_issue", count=3)
    issued = office.ok("POST", "/vouchers", {"point_type_id": 1, "points": 200, "count": 3, "consent": consent})
    store.ok("POST", "/vouchers/redeem", {"code": issued["vouchers"][0]["code"], "idempotency_key": key()})
    office.ok("POST", f"/vouchers/{issued['vouchers'][1]['number']}/void")
    event = cloud.admin.ok("POST", "/admin/support-events", {"point_type_id": 1, "name": "summary test"})
    account = event["account_id"]
    cloud.admin.ok("POST", f"/admin/support-events/{account}/fund", {"programme_id": normal, "points": 400})
    cloud.admin.ok("POST", f"/admin/support-events/{account}/payout", {"points": 150, "payee": "organiser"})


def _plain(rows: Any) -> list[tuple[Any, ...]]:
    out = []
    for row in rows:
        out.append(tuple(v.strftime("%Y-%m") if isinstance(v, datetime) else
                         int(v) if isinstance(v, int | float) or type(v).__name__ == "Decimal" else v for v in row))
    return out


def _summary(engine: Engine) -> list[tuple[Any, ...]]:
    c = ledger_monthly.c
    with engine.connect() as conn:
        return _plain(conn.execute(select(c.month, c.kind, c.shop_id, c.programme_id, c.terminal_id, c.n, c.points,
                                          c.premium_points, c.premium_n, c.premium_n_points)
                                   .where(c.n != 0).order_by(c.month, c.kind, c.shop_id, c.programme_id,
                                                             c.terminal_id)))


def _recount(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return _plain(conn.execute(rq.ledger_recount(engine.dialect.name)))


def _periods() -> list[rq.Period]:
    now = datetime.now(JST)
    month = now.strftime("%Y-%m")
    start = datetime(now.year, now.month, 1, tzinfo=JST)
    partial = rq.Period("partial", start - timedelta(days=40, hours=5), now + timedelta(hours=1))
    return [rq.period(month), rq.period(month[:4]), rq.period(f"FY{now.year - (now.month < 4)}"), partial,
            rq.Period("inside one month", max(start, now - timedelta(hours=2)), now + timedelta(hours=1))]


def test_the_summary_equals_the_ledger_after_a_mix(mixed_cloud: Cloud) -> None:
    cloud = mixed_cloud
    engine = create_engine(sync_database_url(cloud.demo.database_url))
    try:
        first = _summary(engine)
        assert first == _recount(engine)  # init-demo's own ledger rows, from the backfill and triggers
        assert any(row[4] < 0 for row in first)  # rows without a terminal: striped by account
        _mix(cloud)
        summary = _summary(engine)
        assert summary == _recount(engine)
        kinds = {row[1] for row in summary}
        assert {"grant", "use", "reversal", "voucher", "voucher_void", "event_fund", "event_payout"} <= kinds
        d = engine.dialect.name
        for p in _periods():
            if p.label != "partial" and not p.label.startswith("inside"):
                assert rq.whole_months(p) is not None
            for name, by in (("grants", "programme"), ("grants", "department"), ("usage", "programme")):
                with engine.connect() as conn:
                    fast = _plain(conn.execute(rq.report_query(name, p, d, by)))
                    slow = _plain(conn.execute(rq.report_query(name, p, d, by, source="ledger")))
                assert fast == slow and fast, (name, by, p.label)
            with engine.connect() as conn:
                assert _plain(conn.execute(rq.accounting(p, d))) == _plain(
                    conn.execute(rq.accounting(p, d, source="ledger")))
        # the API answers the same figures as the ledger alone
        month = datetime.now(JST).strftime("%Y-%m")
        body = cloud.admin.ok("GET", "/admin/reports/usage", params={"period": month})
        with engine.connect() as conn:
            ledger_rows = _plain(conn.execute(rq.report_query("usage", rq.period(month), d, source="ledger")))
        assert [tuple(r[c] for c in body["columns"]) for r in body["rows"]] == ledger_rows
        card = {r["key"]: r for r in body["rows"]}[str(cloud.demo.shops[0]["id"])]
        assert card["card_points"] >= 300 and card["voucher_points"] >= 200
    finally:
        engine.dispose()


def test_the_migration_fills_the_summary_from_the_ledger(cloud: Cloud) -> None:
    """Downgraded to 0009 (no summary), written to, upgraded again: the backfill equals the recount."""
    from alembic import command

    url = cloud.demo.database_url
    store = cloud.terminal("store")
    assert store.pay(cloud.resident("suzuki"), 110).status_code == 200
    command.downgrade(alembic_config(url), "0009")
    engine = create_engine(sync_database_url(url))
    try:
        with engine.begin() as conn:  # a ledger row written while there is no summary (and no trigger)
            conn.execute(text("INSERT INTO ledger (account_id, kind, points, premium_points, occurred_at, recorded_at,"
                              " shop_id, offline) SELECT account_id, 'use', -5, 0, occurred_at, recorded_at, shop_id,"
                              " offline FROM ledger WHERE kind = 'use' ORDER BY id LIMIT 1"))
        upgrade_to_head(url)
        summary = _summary(engine)
        assert summary == _recount(engine) and any(row[1] == "use" for row in summary)
    finally:
        engine.dispose()
