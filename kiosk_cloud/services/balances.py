"""Read views: balances (per point type, lots, normal/premium and per-programme breakdown) and history."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import as_utc
from kiosk_cloud.models import accounts, ledger, lots, point_types, programmes, reserved_points, shops
from kiosk_cloud.services.common import iso


async def balances(conn: AsyncConnection, mykey_id: str, now: datetime) -> list[dict[str, Any]]:
    pts = (await conn.execute(select(point_types).order_by(point_types.c.id))).all()
    acc = dict((await conn.execute(select(accounts.c.point_type_id, accounts.c.id).where(
        accounts.c.mykey_id == mykey_id, accounts.c.kind == "personal"))).all())
    out = []
    for pt in pts:
        account_id = acc.get(pt.id)
        rows = [] if account_id is None else (await conn.execute(
            select(lots.c.id, lots.c.remaining, lots.c.original, lots.c.expires_at, lots.c.granted_at,
                   lots.c.premium, lots.c.programme_id, programmes.c.name.label("programme_name"))
            .outerjoin(programmes, programmes.c.id == lots.c.programme_id)
            .where(lots.c.account_id == account_id, lots.c.remaining > 0)
            .order_by(lots.c.expires_at, lots.c.granted_at, lots.c.id))).all()
        live = [r for r in rows if (as_utc(r.expires_at) or now) > now]
        by_programme: dict[int | None, dict[str, Any]] = {}
        for r in live:
            entry = by_programme.setdefault(r.programme_id, {"programme_id": r.programme_id,
                                                             "programme_name": r.programme_name, "points": 0})
            entry["points"] += r.remaining
        reserved = [] if account_id is None else (await conn.execute(select(reserved_points).where(
            reserved_points.c.account_id == account_id, reserved_points.c.transferred_at.is_(None),
            reserved_points.c.claimed_at.is_(None)))).all()
        out.append({
            "point_type_id": pt.id, "point_type_name": pt.name, "point_type_name_en": pt.name_en,
            "balance": sum(r.remaining for r in live),
            "breakdown": {"normal": sum(r.remaining for r in live if not r.premium),
                          "premium": sum(r.remaining for r in live if r.premium)},
            "by_programme": list(by_programme.values()),
            "lots": [{"lot_id": r.id, "remaining": r.remaining, "original": r.original, "premium": bool(r.premium),
                      "programme_id": r.programme_id, "granted_at": iso(r.granted_at), "expires_at": iso(r.expires_at)}
                     for r in live],
            "reserved": [{"id": r.id, "points": r.points, "transfer_deadline": iso(r.transfer_deadline)}
                         for r in reserved],
        })
    return out


async def history(conn: AsyncConnection, mykey_id: str, limit: int, before_id: int | None,
                  shop_id: int | None = None) -> list[dict[str, Any]]:
    """Newest first. `shop_id`: only that shop's entries (a store terminal sees its own payments and redemptions)."""
    query = (
        select(ledger.c.id, ledger.c.kind, ledger.c.points, ledger.c.premium_points, ledger.c.occurred_at,
               ledger.c.shop_id, shops.c.name.label("shop_name"), ledger.c.programme_id,
               programmes.c.name.label("programme_name"), accounts.c.point_type_id, ledger.c.reference,
               ledger.c.offline)
        .join(accounts, accounts.c.id == ledger.c.account_id)
        .outerjoin(shops, shops.c.id == ledger.c.shop_id)
        .outerjoin(programmes, programmes.c.id == ledger.c.programme_id)
        .where(accounts.c.mykey_id == mykey_id)
        .order_by(ledger.c.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(ledger.c.id < before_id)
    if shop_id is not None:
        query = query.where(ledger.c.shop_id == shop_id)
    rows = (await conn.execute(query)).all()
    return [{"id": r.id, "kind": r.kind, "points": r.points, "premium_points": r.premium_points,
             "occurred_at": iso(r.occurred_at), "point_type_id": r.point_type_id, "shop_id": r.shop_id,
             "shop_name": r.shop_name, "programme_id": r.programme_id, "programme_name": r.programme_name,
             "reference": r.reference, "offline": bool(r.offline)} for r in rows]
