"""Helpers for the office tests (issue 11): vouchers issued with consent, row counts of the office tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import create_engine, func, select

from kiosk_cloud.models import (
    audit_log,
    bank_accounts,
    cash_sales,
    exchanges,
    ledger,
    lots,
    reconciliation_batches,
    settlement_items,
    settlement_lines,
    settlements,
    voucher_prints,
    vouchers,
)
from kiosk_cloud.settings import sync_database_url

from .helpers import Cloud, Terminal, key

JST = timezone(timedelta(hours=9))
OFFICE_TABLES = {"ledger": ledger, "lots": lots, "vouchers": vouchers, "voucher_prints": voucher_prints,
                 "reconciliation_batches": reconciliation_batches, "exchanges": exchanges, "cash_sales": cash_sales,
                 "settlements": settlements, "settlement_items": settlement_items,
                 "settlement_lines": settlement_lines, "bank_accounts": bank_accounts, "audit_log": audit_log}


def counts(database_url: str) -> dict[str, Any]:
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            out: dict[str, Any] = {n: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                                   for n, t in OFFICE_TABLES.items()}
            out["lot_points"] = int(conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0))).scalar_one())
            out["voucher_states"] = sorted((r.number, r.status) for r in conn.execute(
                select(vouchers.c.number, vouchers.c.status)))
            out["settlement_states"] = sorted((r.id, r.status) for r in conn.execute(
                select(settlements.c.id, settlements.c.status)))
    finally:
        engine.dispose()
    return out


def without_audit(c: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in c.items() if k != "audit_log"}


def issue(cloud: Cloud, office: Terminal, resident: str, points: int, count: int = 1) -> list[dict[str, Any]]:
    consent = office.consent(cloud.resident(resident), points * count, action="voucher_issue", count=count)
    data = office.ok("POST", "/vouchers", {"point_type_id": 1, "points": points, "count": count,
                                           "consent": consent})
    return list(data["vouchers"])


def balance(cloud: Cloud, resident: str) -> int:
    data = cloud.admin.ok("GET", f"/balances/{cloud.mykey(resident)}")
    return int(next(a["balance"] for a in data["accounts"] if a["point_type_id"] == 1))


def today_jst() -> date:
    return datetime.now(JST).date()


def ago(**delta: float) -> datetime:
    return (datetime.now(UTC) - timedelta(**delta)).replace(microsecond=0)


def sync_one(store: Terminal, kind: str, payload: dict[str, Any], at: datetime | None = None) -> dict[str, Any]:
    op = {"key": key(), "kind": kind, "created_at": (at or datetime.now(UTC)).isoformat(), "payload": payload}
    (result,) = store.ok("POST", "/sync", {"operations": [op]})["results"]
    return dict(result)


def offline_pay(cloud: Cloud, store: Terminal, resident: str, points: int, at: datetime) -> dict[str, Any]:
    consent = store.consent(cloud.resident(resident), points, at=at.replace(microsecond=0))
    result = sync_one(store, "offline_payment", {"point_type_id": 1, "points": points, "consent": consent}, at)
    assert result["status"] == "applied", result
    return result
